"""Shared fixtures: a stand-in extraction that reads a tiny line format, and helpers to run commands.

Ingest tests describe what extraction "found" in the file itself, so each test shows its input and
the mapping onto models is tested apart from the real extraction:

    Outlet: TASS
    Published: 2021-12-24

    Sergey Ryabkov | Western countries should not underestimate Russia. | kind=indirect; role=Deputy Minister

Header lines (Outlet, Source outlet, Title, Dateline, Published, Language) come first; each later
line is a statement: speaker | text | options (as, role, kind, said, known, type, country).
`Published: --12-22` is a day and month without a year.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.text import slugify

from statements.extraction import (
    ExtractedArticle,
    ExtractedStatement,
    KnownSpeaker,
    PartialDate,
    SpeakerKind,
    SpeakerRef,
    StatementKind,
    TopicRule,
)


@pytest.fixture(autouse=True)
def fresh_tallies(settings):
    """Pages count archive-wide tallies afresh in tests, which change the archive between requests;
    tests/test_summaries.py covers the kept ones."""
    settings.SUMMARY_CACHE_SECONDS = 0


@pytest.fixture
def newest_window_statements(db) -> int:
    """Statements a search adds on PostgreSQL, where it reads its newest window of ids in a
    transaction of its own without bitmap scans (StatementQuerySet.latest_match_ids): in a test, a
    savepoint, a SET LOCAL, a RESET and the savepoint's release."""
    from django.db import connection

    return 4 if connection.vendor == "postgresql" else 0


HEADERS = {
    "outlet": "outlet",
    "source outlet": "source_outlet",
    "title": "title",
    "dateline": "dateline_place",
    "published": "published",
    "language": "language",
}


def parse_partial_date(value: str) -> PartialDate:
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return PartialDate(None, int(month), int(day))
    parts = [int(part) for part in value.split("-")]
    return PartialDate(*parts)


def rule_matches(pattern: str, text: str) -> bool:
    """Topic.match_rules as documented: whole words, case-insensitive, trailing * and re:."""
    if pattern.startswith("re:"):
        return re.search(pattern[3:], text, re.IGNORECASE) is not None
    words = [
        re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)
        for word in pattern.split()
    ]
    return re.search(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", text, re.IGNORECASE) is not None


def topics_for(text: str, rules) -> tuple[str, ...]:
    return tuple(rule.key for rule in rules if any(rule_matches(pattern, text) for pattern in rule.patterns))


def pytest_configure(config):
    # WhiteNoise looks for collected static files; tests serve them from static/ instead.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@dataclass
class Call:
    text: str
    known_speakers: tuple[KnownSpeaker, ...]
    topic_rules: tuple[TopicRule, ...]


@dataclass
class FakeExtraction:
    calls: list[Call] = field(default_factory=list)

    def __call__(self, text: str, *, known_speakers=(), topic_rules=()) -> ExtractedArticle:
        self.calls.append(Call(text, tuple(known_speakers), tuple(topic_rules)))
        if "EXPLODE" in text:
            raise RuntimeError("the parser tripped over this text")
        header, _, rest = text.partition("\n\n")
        article: dict = {}
        for line in header.splitlines():
            key, _, value = line.partition(":")
            article[HEADERS[key.strip().lower()]] = value.strip()
        if "published" in article:
            article["published"] = parse_partial_date(article["published"])
        statements, paragraphs, offset = [], [], 0
        for line in filter(None, (line.strip() for line in rest.splitlines())):
            name, statement_text, *extra = (part.strip() for part in line.split("|"))
            items = (extra[0] if extra else "").split(";")
            options = dict(item.strip().split("=", 1) for item in items if item.strip())
            kind = SpeakerKind(options.get("type", "person"))
            speaker = SpeakerRef(name, kind, options.get("country", ""), options.get("known"))
            statements.append(
                ExtractedStatement(
                    text=statement_text,
                    kind=StatementKind(options.get("kind", "direct")),
                    speaker=speaker,
                    speaker_name_as_written=options.get("as", name),
                    role_as_written=options.get("role", ""),
                    start=offset,
                    end=offset + len(statement_text),
                    paragraph_index=len(paragraphs),
                    said_on=parse_partial_date(options["said"]) if "said" in options else PartialDate(),
                    topics=topics_for(statement_text, topic_rules),
                )
            )
            paragraphs.append(statement_text)
            offset += len(statement_text) + 1
        return ExtractedArticle(
            body="\n".join(paragraphs),
            paragraphs=tuple(paragraphs),
            language=article.pop("language", "en"),
            statements=tuple(statements),
            **article,
        )


@pytest.fixture
def fake_extraction(monkeypatch) -> FakeExtraction:
    fake = FakeExtraction()
    monkeypatch.setattr("statements.ingest.extract_article", fake)
    return fake


@pytest.fixture
def sources(tmp_path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    return folder


@pytest.fixture
def write_source(sources):
    """write_source(name, text or bytes) -> Path, inside the `sources` folder."""

    def write(name: str, content: str | bytes) -> Path:
        path = sources / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@dataclass
class CommandRun:
    stdout: str
    stderr: str
    error: CommandError | None


class TerminalStringIO(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run_command(name: str, *args, tty: bool = False, **options) -> CommandRun:
    stdout, stderr = io.StringIO(), (TerminalStringIO() if tty else io.StringIO())
    try:
        call_command(name, *[str(arg) for arg in args], stdout=stdout, stderr=stderr, **options)
        error = None
    except CommandError as raised:
        error = raised
    return CommandRun(stdout.getvalue(), stderr.getvalue(), error)


@pytest.fixture
def run_command():
    """run_command(name, *args, tty=False, **options) -> CommandRun; a CommandError is kept, not raised."""
    return _run_command


@pytest.fixture
def make_statement(db):
    """make_statement(text, speaker=..., article=..., topics=[slugs], **fields) -> a stored Statement."""
    from statements.ingest import fingerprint, statement_slug
    from statements.models import Article, Outlet, Speaker, Statement, StatementTopic, Topic

    counter = {"position": 0}

    def make(
        text: str, *, speaker: str = "Sergey Ryabkov", article: Article | None = None, topics=(), **fields
    ):
        if article is None:
            outlet, _ = Outlet.objects.get_or_create(name="TASS", slug="tass")
            article, _ = Article.objects.get_or_create(
                source_file="000_story.txt",
                defaults={
                    "outlet": outlet,
                    "title": "Moscow and Beijing",
                    "published_on": dt.date(2021, 12, 24),
                    "published_precision": "day",
                    "original_text": text,
                    "body": text,
                    "content_hash": "0" * 64,
                },
            )
        speaker_object, _ = Speaker.objects.get_or_create(
            slug=slugify(speaker), defaults={"name": speaker, "kind": fields.pop("speaker_kind", "person")}
        )
        counter["position"] += 1
        statement = Statement.objects.create(
            article=article,
            speaker=speaker_object,
            text=text,
            kind=fields.pop("kind", "direct"),
            slug=fields.pop("slug", statement_slug(speaker_object, text)),
            position=fields.pop("position", counter["position"]),
            fingerprint=fingerprint(text),
            **fields,
        )
        for slug in topics:
            StatementTopic.objects.create(statement=statement, topic=Topic.objects.get(slug=slug))
        return statement

    return make
