"""Extraction results onto models: one transaction per article, safe to run again and again.

Extraction (statements.extraction) turns text into frozen dataclasses; this module decides what of
that reaches the database. These promises hold on every run:

- an unchanged file writes nothing, so a second run over the same folder is a no-op (with --force,
  one that extraction reads as before writes nothing either);
- the same content under a second file name is not a second article: it is reported as a duplicate;
- a statement keeps its id and slug (its permalink) while its normalized text stays the same,
  because it is matched by a fingerprint of that text; the slug is made once, when it is created;
- what a curator touched wins: fields named in `curated_fields`, verified and rejected statements,
  and topics a curator set are never overwritten, and such statements are kept, never retired;
- every statement's locators (position, paragraph and span) follow the article's current text: a
  statement stands where the text reads its words, or, found nowhere, has no span and comes last;
- a database error on one file is reported as that file's failure, with nothing of it written,
  and the run goes on.

Every row ingest writes gets a history record (change reason "ingest"), so the admin's history view
can show a curator's later edit as old value → new value.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import multiprocessing
import operator
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, connections, transaction
from django.db.models import Field, Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import (
    bulk_create_with_history,
    bulk_update_with_history,
    get_change_reason_from_object,
)

from . import passages
from .extraction import (
    ExtractedArticle,
    ExtractedStatement,
    KnownSpeaker,
    SourceError,
    SpeakerKind,
    SpeakerRef,
    TopicRule,
    decode_source,
    extract_article,
)
from .extraction.topics import TopicMatcher
from .models import (
    Article,
    DatePrecision,
    Outlet,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerRedirect,
    Statement,
    StatementTopic,
    Topic,
    TopicSource,
    normalize_name,
)

STATEMENT_SLUG_MAX_LENGTH = 80
SLUG_SOURCE_PREFIX = 2 * STATEMENT_SLUG_MAX_LENGTH

# Every statement's written name is compared with its speaker's: the same few names, again and again.
_normalized_name = functools.lru_cache(maxsize=65536)(normalize_name)

# What re-ingest may rewrite on a statement; everything else belongs to curators.
STATEMENT_EXTRACTED_FIELDS = (
    "speaker",
    "speaker_name_as_written",
    "role_as_written",
    "kind",
    "text",
    "position",
    "paragraph_index",
    "char_start",
    "char_end",
    "said_on",
    "said_on_precision",
)
# Where a statement stands in its article's current text (position, paragraph_index and this span):
# re-ingest sets them on every statement it keeps, verified, rejected and curated ones too, so pages
# never mark other words with a statement. Only a span a curator set is theirs.
STATEMENT_SPAN = ("char_start", "char_end")

# Fields that hold one value between them: a curator who fixes one of them owns all of them.
ARTICLE_FIELD_GROUPS = {
    "published_on": ("published_on", "published_precision", "published_month_day"),
    "published_precision": ("published_on", "published_precision", "published_month_day"),
    "published_month_day": ("published_on", "published_precision", "published_month_day"),
}
STATEMENT_FIELD_GROUPS = {
    "said_on": ("said_on", "said_on_precision"),
    "said_on_precision": ("said_on", "said_on_precision"),
    "char_start": ("char_start", "char_end"),
    "char_end": ("char_start", "char_end"),
}

# Straight, curly, angle and low-9 quotation marks, primes and backticks.
QUOTE_MARKS = re.compile("[\"'`\u00ab\u00bb\u2018-\u201f\u2032\u2033\u2039\u203a\u300c-\u300f]")
EDGE_PUNCTUATION = " .,;:!?…-–—()[]"

# Written forms that refer to someone without naming them; never learned as aliases.
NOT_A_NAME_START = {"the", "a", "an", "this", "that", "he", "she", "they", "his", "her", "its", "their"}

# The change reason on the history records ingest writes.
HISTORY_REASON = "ingest"


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    # Not stored: another article (another file name) already has the same content.
    DUPLICATE = "duplicate"


class SourceRejected(Exception):
    """A file ingest will not take (missing, too large, extraction failed); str() says why."""


@dataclass(frozen=True)
class Source:
    path: Path
    # The article's key: the path relative to the folder it was found in, or the file name.
    name: str


@dataclass(frozen=True)
class Failure:
    name: str
    reason: str


@dataclass(frozen=True)
class StoredStatement:
    """One line of what an ingest stored (or, in a dry run, would store)."""

    speaker: str
    kind: str
    said_on: str
    text: str


@dataclass
class ArticleResult:
    source_file: str
    outcome: Outcome
    statements_new: int = 0
    statements_updated: int = 0
    statements_retired: int = 0
    # Matched statements whose extracted fields stay as a curator verified or rejected them.
    statements_kept: int = 0
    new_speakers: list[str] = field(default_factory=list)
    stored: list[StoredStatement] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    # For a duplicate: the source file of the article that has the same content.
    duplicate_of: str = ""

    @property
    def statements(self) -> int:
        """How many statements the extraction yielded for this article (0 when unchanged)."""
        return len(self.stored)


@dataclass
class RunSummary:
    """What a run did, counted as it goes.

    Each article's result (with every statement's text) is kept in `results` only when
    `keep_results` is set, as for a dry run's table: a run over a million files then holds no more
    in memory than a run over ten.
    """

    results: list[ArticleResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    keep_results: bool = True
    outcomes: Counter = field(default_factory=Counter)
    statements_new: int = 0
    statements_updated: int = 0
    statements_retired: int = 0
    new_speakers: list[str] = field(default_factory=list)
    # (source file, warning) for every article extraction warned about.
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # (source file, source file of the article with the same content) for every duplicate skipped.
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: ArticleResult) -> None:
        self.outcomes[result.outcome] += 1
        if result.outcome == Outcome.DUPLICATE:
            self.duplicates.append((result.source_file, result.duplicate_of))
        self.statements_new += result.statements_new
        self.statements_updated += result.statements_updated
        self.statements_retired += result.statements_retired
        self.new_speakers += result.new_speakers
        self.warnings += [(result.source_file, warning) for warning in result.warnings]
        if self.keep_results:
            self.results.append(result)

    def count(self, outcome: Outcome) -> int:
        return self.outcomes[outcome]


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def fingerprint(text: str) -> str:
    """A statement's identity within its article: its text with case, quotes and spacing folded."""
    folded = QUOTE_MARKS.sub("", unicodedata.normalize("NFKC", text).casefold())
    folded = " ".join(folded.split()).strip(EDGE_PUNCTUATION)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def statement_slug(speaker: Speaker, text: str) -> str:
    """The readable part of a permalink: who, then the first words of what they said."""
    if speaker.kind == SpeakerKind.PERSON and speaker.name.split():
        who = speaker.name.split()[-1]
    else:
        who = speaker.name
    source = f"{who} {text}"
    # slugify works character by character, so a prefix's slug is a prefix of the whole one: when
    # it is already longer than a slug keeps, the rest of a long statement need not be read.
    slug = slugify(source[:SLUG_SOURCE_PREFIX])
    if len(slug) <= STATEMENT_SLUG_MAX_LENGTH and len(source) > SLUG_SOURCE_PREFIX:
        slug = slugify(source)
    if len(slug) > STATEMENT_SLUG_MAX_LENGTH:
        slug = slug[: STATEMENT_SLUG_MAX_LENGTH + 1].rsplit("-", 1)[0]
    return slug[:STATEMENT_SLUG_MAX_LENGTH].strip("-")


def _text_files(folder: Path) -> Iterator[Path]:
    """*.txt files under `folder` in the order of their paths as strings, one folder at a time.

    Sorting each folder's entries by name, with "/" after a sub-folder's name, gives the same
    order as sorting every path at once, without holding a million paths in memory.
    """
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name + ("/" if entry.is_dir() else ""))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _text_files(Path(entry.path))
        elif entry.name.endswith(".txt") and entry.is_file():
            yield Path(entry.path)


def find_sources(paths: Iterable[str | Path], failures: list[Failure]) -> Iterator[Source]:
    """Files named, and *.txt files under folders named, in a stable order, one at a time.

    Paths that do not exist, and files whose name another path already took, go to `failures`.
    """
    paths = list(paths)
    # Names can only clash when several paths are given; one folder's names are unique.
    first_path: dict[str, Path] | None = {} if len(paths) > 1 else None
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = (Source(file, file.relative_to(path).as_posix()) for file in _text_files(path))
        elif path.is_file():
            found = iter([Source(path, path.name)])
        else:
            failures.append(Failure(str(given), "no such file or folder"))
            continue
        for source in found:
            if first_path is not None:
                earlier = first_path.get(source.name)
                if earlier is None:
                    first_path[source.name] = source.path
                elif earlier == source.path:
                    continue  # the same file named twice is taken once
                else:
                    failures.append(
                        Failure(
                            str(source.path), f"has the same name as {earlier}, which this run already takes"
                        )
                    )
                    continue
            yield source


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    force: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None,
    batch_size: int = 1,
    workers: int = 1,
    keep_results: bool = True,
) -> RunSummary:
    """Ingest every file under `paths`; a file that fails is reported and the others go on.

    With `batch_size` above 1, whole articles are written `batch_size` to a transaction with bulk
    inserts; with `workers` above 1, extraction runs in that many processes (see Ingestor.ingest_many).
    """
    paths = list(paths)
    summary = RunSummary(keep_results=keep_results)
    total = sum(1 for _ in find_sources(paths, [])) if on_progress is not None else 0
    sources = find_sources(paths, summary.failures)
    # A dry run does all the work in one transaction and rolls it back; a real run commits
    # article by article (or batch by batch), so an interrupted run keeps what it finished.
    with transaction.atomic() if dry_run else nullcontext():
        ingestor = Ingestor(force=force)
        if batch_size > 1 or workers > 1:
            outcomes = ingestor.ingest_many(sources, batch_size=batch_size, workers=workers)
        else:
            outcomes = (ingestor.ingest_or_fail(source) for source in sources)
        for done, (source, outcome) in enumerate(outcomes, start=1):
            if isinstance(outcome, Failure):
                summary.failures.append(outcome)
            else:
                summary.add(outcome)
            if on_progress is not None:
                on_progress(done, max(total, done), source.name)
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run:
        try:
            refresh_planner_statistics(summary.statements_new + summary.statements_updated)
        except DatabaseError as error:
            # What was loaded stays loaded; autovacuum, or the next run, refreshes them.
            summary.warnings.append(("(all files)", f"planner statistics not refreshed: {error}"))
    return summary


# Tables whose statistics the readers' pages are planned by.
PLANNED_TABLES = (Statement, StatementTopic, Article, Speaker)


def refresh_planner_statistics(statements_changed: int) -> bool:
    """ANALYZE the archive's tables once a tenth of the statements changed since they last were.

    PostgreSQL plans queries by statistics that autovacuum refreshes in its own time, or never
    where it is turned off: right after a large load, lists and searches were planned as if the
    tables were still small (a filtered list took 0.9 s instead of 0.09 s). The threshold is
    autovacuum's own, counting this run's changes and those of earlier runs (an interrupted one,
    or many small ones) that no ANALYZE has seen; a run that adds a few articles to a large
    archive costs nothing more.
    """
    if connection.vendor != "postgresql" or not statements_changed:
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT class.reltuples, coalesce(stats.n_mod_since_analyze, 0) FROM pg_class class"
            " LEFT JOIN pg_stat_user_tables stats ON stats.relid = class.oid WHERE class.oid = %s::regclass",
            [Statement._meta.db_table],
        )
        estimated_rows, changed_since_analyze = cursor.fetchone()
        # reltuples is -1 for a table never analyzed. Changes committed by this run may or may not
        # be counted in the statistics yet: the larger of the two counts.
        if max(statements_changed, changed_since_analyze) < 50 + 0.1 * max(estimated_rows, 0):
            return False
        tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in PLANNED_TABLES)
        cursor.execute(f"ANALYZE {tables}")
    return True


def ingest_text(name: str, text: str) -> ArticleResult:
    """Ingest text a curator pasted, as if read from a file called `name` (UTF-8 encoded)."""
    return Ingestor().ingest_bytes(name, text.encode("utf-8"))


class Ingestor:
    """Maps extraction results onto models, remembering speakers and topics across one run.

    Known speakers and topic rules are read once, when the run starts, and handed to extraction
    with every article, so the aliases and rules curators wrote improve what later ingests find.
    They are read again after a transaction fails: another process may have created or merged a
    speaker meanwhile, and a rollback undoes rows this run may already remember.
    """

    def __init__(self, *, force: bool = False) -> None:
        self.force = force
        self.max_bytes = settings.INGEST_MAX_FILE_BYTES
        self.outlets: dict[str, Outlet] = {}
        # Grows whenever known_speakers changes, so extraction workers can tell they are behind.
        self._knowledge = 0
        self._load_speakers()
        self._load_topics()

    # Reading and extracting -----------------------------------------------------------------

    def ingest(self, source: Source) -> ArticleResult:
        return self.ingest_bytes(source.name, self._read(source.path))

    def ingest_or_fail(self, source: Source) -> tuple[Source, ArticleResult | Failure]:
        try:
            return source, self.ingest(source)
        except (SourceError, SourceRejected) as error:
            return source, Failure(str(source.path), str(error))
        except DatabaseError as error:
            return source, _database_failure(source, error)

    def ingest_many(
        self, sources: Iterable[Source], *, batch_size: int, workers: int = 1
    ) -> Iterator[tuple[Source, ArticleResult | Failure]]:
        """Ingest in batches: each batch of whole articles is one transaction, new ones bulk-inserted.

        An interrupted run still leaves no half-written article (a batch commits whole or not at
        all), and running again skips what was committed. On PostgreSQL a batch commits without
        waiting for its WAL flush (synchronous_commit off): a server crash may lose the last batches,
        never part of one, and the next run writes them again. A batch that meets a database error
        is written again article by article, so the error costs only the file it belongs to.

        With `workers` above 1, extraction runs in that many forked processes while this one writes
        the previous batch. They know the speakers and aliases known when they started; when a batch
        teaches the archive new ones, the next batch goes to fresh workers that know them too.
        """
        workers = max(1, workers)
        pool = _ExtractionPool(workers, self) if workers > 1 else None
        batches = itertools.batched(sources, max(1, batch_size))
        try:
            pending = self._prepare(next(batches, ()), pool)
            while pending:
                if pool is not None and pool.knows != self._knowledge:
                    pool = pool.renewed(self)
                following = self._prepare(next(batches, ()), pool)
                yield from self._write_batch(pending)
                pending = following
        finally:
            if pool is not None:
                pool.close()

    def _prepare(self, batch: Sequence[Source], pool: _ExtractionPool | None) -> list[_Pending]:
        """Read, hash and decode a batch; what is new or changed goes to extraction (in `pool`).

        Files stored unchanged, and new names whose content another article has, are settled here,
        without extraction; _write_batch checks both again inside its transaction.
        """
        names = [source.name for source in batch]
        stored = dict(
            Article.objects.filter(source_file__in=names).values_list("source_file", "content_hash")
        )
        pending = []
        for source in batch:
            item = _Pending(source)
            pending.append(item)
            try:
                raw = self._read(source.path)
                if len(raw) > self.max_bytes:
                    raise SourceRejected(f"too large: {len(raw)} bytes, the limit is {self.max_bytes}")
                item.digest = content_hash(raw)
                if stored.get(source.name) == item.digest and not self.force:
                    item.outcome = ArticleResult(source.name, Outcome.UNCHANGED)
                    continue
                item.text, _encoding = decode_source(raw)
            except (SourceError, SourceRejected) as error:
                item.outcome = Failure(str(source.path), str(error))
        self._skip_duplicates(
            [item for item in pending if item.outcome is None and item.source.name not in stored]
        )
        if pool is not None:
            pool.extract([item for item in pending if item.outcome is None])
        return pending

    def _skip_duplicates(self, items: list[_Pending]) -> None:
        """Settle as duplicates the new files whose content an article, or an earlier file of the
        batch, already has."""
        twins = self._articles_with_content([item.digest for item in items])
        for item in items:
            twin = twins.get(item.digest)
            if twin is not None and twin != item.source.name:
                item.outcome = ArticleResult(item.source.name, Outcome.DUPLICATE, duplicate_of=twin)
            else:
                twins.setdefault(item.digest, item.source.name)

    def _write_batch(self, pending: list[_Pending]) -> Iterator[tuple[Source, ArticleResult | Failure]]:
        for item in pending:
            if item.outcome is None:
                try:
                    item.extracted = item.extracted_article() if item.from_pool else self._extract(item.text)
                except SourceRejected as error:
                    item.outcome = Failure(str(item.source.path), str(error))
        to_write = [item for item in pending if item.outcome is None]
        try:
            self._write_batch_at_once(to_write)
        except DatabaseError:
            # The batch's transaction is rolled back whole (and the speakers this run remembers read
            # again): each of its articles is written again in a transaction of its own.
            self._reload()
            for item in to_write:
                try:
                    item.outcome = self._write(item.source.name, item.digest, item.text, item.extracted)
                except DatabaseError as error:
                    item.outcome = _database_failure(item.source, error)
        for item in pending:
            yield item.source, item.outcome

    def _write_batch_at_once(self, items: list[_Pending]) -> None:
        """Store `items` in one transaction: changed articles one by one, new ones bulk-inserted."""
        if not items:
            return
        new_articles: list[Article] = []
        created: list[tuple[Statement, ExtractedStatement]] = []
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL synchronous_commit TO OFF")
                # Looked up (and locked) inside the transaction: another run may have stored some.
                existing = {
                    article.source_file: article
                    for article in Article.objects.select_for_update()
                    .filter(source_file__in=[item.source.name for item in items])
                    .order_by("pk")
                }
                for item in items:
                    article = existing.get(item.source.name)
                    if article is not None and article.content_hash == item.digest and not self.force:
                        item.outcome = ArticleResult(item.source.name, Outcome.UNCHANGED)
                self._skip_duplicates(
                    [item for item in items if item.outcome is None and item.source.name not in existing]
                )
                for item in items:
                    if item.outcome is not None:
                        continue
                    article = existing.get(item.source.name)
                    if article is not None:
                        item.outcome = self._store(
                            item.source.name, item.digest, item.text, item.extracted, article
                        )
                        continue
                    article, result, to_create = self._stage_new(
                        item.source.name, item.digest, item.text, item.extracted
                    )
                    new_articles.append(article)
                    created += to_create
                    item.outcome = result
                if new_articles:
                    _insert_with_history(new_articles, Article)
                if created:
                    _insert_with_history([statement for statement, _ in created], Statement)
                    self._sync_topics(created, [])
        except DatabaseError:
            for item in items:
                item.outcome = None
            raise

    def ingest_bytes(self, name: str, raw: bytes) -> ArticleResult:
        """Ingest a file's content as the article keyed `name` (a file name, or a pasted text's)."""
        if len(raw) > self.max_bytes:
            raise SourceRejected(f"too large: {len(raw)} bytes, the limit is {self.max_bytes}")
        digest = content_hash(raw)
        # Settled before extraction where possible (and again in _write, inside its transaction): one
        # query finds the article stored under this name and any other stored with this content.
        same = (
            Article.objects.filter(Q(source_file=name) | Q(content_hash=digest))
            .order_by("pk")
            .values_list("source_file", "content_hash")
        )
        stored = dict(same)
        twin = next(
            (source_file for source_file, stored_hash in stored.items() if stored_hash == digest), None
        )
        skipped = self._skipped(name, digest, stored.get(name), twin)
        if skipped is not None:
            return skipped
        text, _encoding = decode_source(raw)
        extracted = self._extract(text)
        return self._write(name, digest, text, extracted)

    def _write(self, name: str, digest: str, text: str, extracted: ExtractedArticle) -> ArticleResult:
        """Store one article in a transaction of its own; nothing of it remains if it fails.

        An IntegrityError mostly means what this run remembers is out of date: another process
        created or merged a speaker, or stored this very file, meanwhile. The article is then written
        once more, with speakers read again; a second failure is for the caller to report.
        """
        try:
            return self._write_once(name, digest, text, extracted)
        except IntegrityError:
            return self._write_once(name, digest, text, extracted)

    def _write_once(self, name: str, digest: str, text: str, extracted: ExtractedArticle) -> ArticleResult:
        try:
            with transaction.atomic():
                article = self._locked_article(name)
                stored_hash = article.content_hash if article is not None else None
                twin = self._articles_with_content([digest]).get(digest) if article is None else None
                skipped = self._skipped(name, digest, stored_hash, twin)
                if skipped is not None:
                    return skipped
                return self._store(name, digest, text, extracted, article)
        except DatabaseError:
            # The rollback undid rows this run may remember (new speakers, aliases, outlets).
            self._reload()
            raise

    def _locked_article(self, name: str) -> Article | None:
        """The article stored for `name`, locked until the transaction ends.

        On PostgreSQL two runs storing the same name take turns (an advisory lock on the name, held
        until commit), so the second finds what the first stored instead of inserting it again.
        """
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"ingest:{name}"])
        return Article.objects.select_for_update().filter(source_file=name).first()

    def _skipped(
        self, name: str, digest: str, stored_hash: str | None, twin: str | None
    ) -> ArticleResult | None:
        """The result for a file with nothing to store, or None to store it.

        UNCHANGED when the article stored under `name` has this content (`stored_hash`), unless
        forced; DUPLICATE when there is none and another article (`twin`) has this content.
        """
        if stored_hash is not None:
            if stored_hash == digest and not self.force:
                return ArticleResult(name, Outcome.UNCHANGED)
            return None
        if twin is not None and twin != name:
            return ArticleResult(name, Outcome.DUPLICATE, duplicate_of=twin)
        return None

    def _articles_with_content(self, digests: Sequence[str]) -> dict[str, str]:
        """The source file of the first article stored with each of `digests` (those there are)."""
        if not digests:
            return {}
        rows = (
            Article.objects.filter(content_hash__in=set(digests))
            .order_by("pk")
            .values_list("content_hash", "source_file")
        )
        twins: dict[str, str] = {}
        for digest, source_file in rows:
            twins.setdefault(digest, source_file)
        return twins

    def _reload(self) -> None:
        self._load_speakers()
        self._load_topics()
        self.outlets.clear()

    def retag(self, article: Article) -> tuple[int, int]:
        """Apply the current topic rules to an article's statements again; (links added, removed).

        The article's text goes through extraction as in `ingest --force`, but only topics change, and
        only where a forced ingest would change them: rule-made links on unreviewed, current statements
        whose topics no curator set. Statements are matched by fingerprint, as ingest matches them.
        """
        extracted = self._extract(article.original_text)
        by_key: dict[str, ExtractedStatement] = {}
        for extracted_statement in extracted.statements:
            by_key.setdefault(fingerprint(extracted_statement.text), extracted_statement)
        statements = article.statements.current().with_review_status(ReviewStatus.AUTO)
        matched = [
            (statement, by_key[statement.fingerprint])
            for statement in statements.only("fingerprint", "curated_fields")
            if statement.fingerprint in by_key
        ]
        with transaction.atomic():
            return self._sync_topics([], matched)

    def _read(self, path: Path) -> bytes:
        # The size is checked before reading, so a huge file is never loaded.
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise SourceRejected(f"too large: {size} bytes, the limit is {self.max_bytes}")
            return path.read_bytes()
        except FileNotFoundError as error:
            raise SourceRejected("no such file") from error
        except OSError as error:
            raise SourceRejected(f"cannot be read: {error.strerror or error}") from error

    def _extract(self, text: str) -> ExtractedArticle:
        try:
            return extract_article(text, known_speakers=self.known_speakers, topic_rules=self.topic_rules)
        except Exception as error:
            # A bug in extraction must not stop the other files; the report names it.
            raise SourceRejected(f"extraction failed: {type(error).__name__}: {error}") from error

    # Storing ---------------------------------------------------------------------------------

    def _store(
        self,
        source_file: str,
        digest: str,
        text: str,
        extracted: ExtractedArticle,
        article: Article | None,
    ) -> ArticleResult:
        """Write a new article, or what changed of a stored one: UNCHANGED when nothing did."""
        is_new = article is None
        if article is None:
            article = Article(source_file=source_file)
        article_changed = self._fill_article(article, digest, text, extracted) or is_new
        if article_changed:
            article.save()

        result = ArticleResult(
            source_file, Outcome.NEW if is_new else Outcome.UPDATED, warnings=extracted.warnings
        )
        speakers = self._resolve_speakers(extracted.statements, result)
        existing: dict[str, Statement] = {}
        if not is_new:
            existing = {statement.fingerprint: statement for statement in article.statements.all()}
        now = timezone.now()

        to_create: list[tuple[Statement, ExtractedStatement]] = []
        matched: list[tuple[Statement, ExtractedStatement]] = []
        found: list[tuple[Statement, ExtractedStatement]] = []
        changed: dict[int, Statement] = {}
        for key, extracted_statement in _distinct(extracted.statements):
            speaker = speakers[extracted_statement.speaker]
            values = _statement_values(extracted_statement, speaker)
            result.stored.append(_stored_line(extracted_statement, speaker))
            statement = existing.get(key)
            if statement is None:
                # The slug is made once, here: the permalink never changes after.
                slug = statement_slug(speaker, extracted_statement.text)
                statement = Statement(article=article, fingerprint=key, slug=slug, **values)
                to_create.append((statement, extracted_statement))
            elif statement.review_status != ReviewStatus.AUTO:
                result.statements_kept += 1  # verified or rejected: the curator's word stands
            else:
                if _assign(statement, values, STATEMENT_FIELD_GROUPS) | _unretire(statement):
                    changed[statement.pk] = statement
                matched.append((statement, extracted_statement))
            found.append((statement, extracted_statement))

        yielded = {statement.fingerprint for statement, _ in found}
        kept = [statement for key, statement in existing.items() if key not in yielded]
        for statement, locators in _placements(article.body, found, kept):
            if _place(statement, locators) and statement.pk is not None:
                changed[statement.pk] = statement

        retired = [
            statement
            for statement in kept
            if statement.retired_at is None
            and statement.review_status == ReviewStatus.AUTO
            and not statement.curated_fields
        ]
        for statement in retired:
            statement.retired_at = now
            changed.pop(statement.pk, None)
        dirty = [*changed.values(), *retired]
        for statement in dirty:
            statement.updated_at = now
        result.statements_new = len(to_create)
        result.statements_updated = len(changed)
        result.statements_retired = len(retired)

        if to_create:
            bulk_create_with_history(
                [statement for statement, _ in to_create],
                Statement,
                batch_size=500,
                default_change_reason=HISTORY_REASON,
            )
        if dirty:
            fields = [*STATEMENT_EXTRACTED_FIELDS, "retired_at", "updated_at"]
            bulk_update_with_history(
                dirty, Statement, fields, batch_size=500, default_change_reason=HISTORY_REASON
            )
        links_added, links_removed = self._sync_topics(to_create, matched)
        if not (article_changed or to_create or dirty or links_added or links_removed):
            # Read again (--force) and found as stored: nothing written, nothing to report.
            result.outcome = Outcome.UNCHANGED
            result.stored = []
        return result

    def _stage_new(
        self, source_file: str, digest: str, text: str, extracted: ExtractedArticle
    ) -> tuple[Article, ArticleResult, list[tuple[Statement, ExtractedStatement]]]:
        """A new article and its statements, built but not saved (ingest_many bulk-inserts them).

        Its new speakers and aliases are saved, so the next article of the batch knows them.
        """
        article = Article(source_file=source_file)
        self._fill_article(article, digest, text, extracted)
        result = ArticleResult(source_file, Outcome.NEW, warnings=extracted.warnings)
        speakers = self._resolve_speakers(extracted.statements, result)
        to_create: list[tuple[Statement, ExtractedStatement]] = []
        for key, extracted_statement in _distinct(extracted.statements):
            speaker = speakers[extracted_statement.speaker]
            values = _statement_values(extracted_statement, speaker)
            result.stored.append(_stored_line(extracted_statement, speaker))
            slug = statement_slug(speaker, extracted_statement.text)
            to_create.append(
                (Statement(article=article, fingerprint=key, slug=slug, **values), extracted_statement)
            )
        for statement, locators in _placements(article.body, to_create, []):
            _place(statement, locators)
        result.statements_new = len(to_create)
        return article, result, to_create

    def _fill_article(self, article: Article, digest: str, text: str, extracted: ExtractedArticle) -> bool:
        """Set what extraction found (but what curators own) on `article`; True when anything changed."""
        changed = _assign(article, self._article_values(extracted, text), ARTICLE_FIELD_GROUPS)
        if article.content_hash != digest:
            article.content_hash = digest
            changed = True
        article._change_reason = HISTORY_REASON
        return changed

    def _article_values(self, extracted: ExtractedArticle, text: str) -> dict[str, object]:
        published = extracted.published
        precision = published.precision.value
        return {
            "outlet": self._outlet(extracted.outlet),
            "source_outlet": self._outlet(extracted.source_outlet),
            "title": _clip(extracted.title, Article, "title"),
            "dateline_place": _clip(extracted.dateline_place, Article, "dateline_place"),
            "published_on": published.as_date(),
            "published_precision": precision,
            "published_month_day": published.month_day() if precision == DatePrecision.MONTH_DAY else "",
            "language": _clip(extracted.language or "und", Article, "language"),
            "original_text": text,
            "body": extracted.body,
        }

    def _outlet(self, name: str | None) -> Outlet | None:
        name = (name or "").strip()
        if not name:
            return None
        slug = slugify(name)[:120] or f"outlet-{content_hash(name.encode())[:10]}"
        if slug not in self.outlets:
            outlet = Outlet.objects.filter(Q(slug=slug) | Q(name__iexact=name)).first()
            if outlet is None:
                outlet = Outlet(name=_clip(name, Outlet, "name"), slug=slug)
                outlet._change_reason = HISTORY_REASON
                outlet.save()
            self.outlets[slug] = outlet
        return self.outlets[slug]

    def _sync_topics(
        self,
        created: list[tuple[Statement, ExtractedStatement]],
        updated: list[tuple[Statement, ExtractedStatement]],
    ) -> tuple[int, int]:
        """Rule-made topic links follow the extraction; a curator's links are never touched.

        Statements whose `curated_fields` name "topics" are skipped whole: a curator chose their
        topics, including removing one a rule had set. Returns (links added, links removed).
        """
        wanted = {
            statement.pk: self._topics_of(extracted)
            for statement, extracted in [*created, *updated]
            if "topics" not in statement.curated_fields
        }
        present: dict[int, dict[int, StatementTopic]] = {pk: {} for pk in wanted}
        updated_ids = [statement.pk for statement, _ in updated if statement.pk in wanted]
        for link in StatementTopic.objects.filter(statement_id__in=updated_ids):
            present[link.statement_id][link.topic_id] = link
        stale = [
            link.pk
            for statement_id, links in present.items()
            for topic_id, link in links.items()
            if link.source == TopicSource.RULE and topic_id not in wanted[statement_id]
        ]
        if stale:
            # One by one (signals), so each removal is in the links' history.
            StatementTopic.objects.filter(pk__in=stale).delete()
        new_links = [
            StatementTopic(statement_id=statement_id, topic_id=topic_id, source=TopicSource.RULE)
            for statement_id, topic_ids in wanted.items()
            for topic_id in sorted(topic_ids)
            if topic_id not in present[statement_id]
        ]
        if new_links:
            _insert_with_history(new_links, StatementTopic)
        return len(new_links), len(stale)

    def _topics_of(self, extracted: ExtractedStatement) -> set[int]:
        found = (self.topics.get(key) or self.topics.get(key.casefold()) for key in extracted.topics)
        return {topic.pk for topic in found if topic is not None}

    # Speakers -----------------------------------------------------------------------------------

    def _load_speakers(self) -> None:
        self.speakers_by_slug: dict[str, Speaker] = {}
        # Every normalized name and alias, and the speaker it belongs to.
        self.speakers_by_name: dict[str, Speaker] = {}
        # Old addresses of merged or renamed speakers: /speakers/<slug>/ redirects, so never reused.
        self.redirected_slugs: set[str] = set(SpeakerRedirect.objects.values_list("old_slug", flat=True))
        self._known: dict[str, KnownSpeaker] = {}
        self._known_tuple: tuple[KnownSpeaker, ...] | None = None
        self._knowledge += 1
        aliases: dict[int, list[SpeakerAlias]] = defaultdict(list)
        for alias in SpeakerAlias.objects.order_by("id"):
            aliases[alias.speaker_id].append(alias)
        for speaker in Speaker.objects.order_by("id"):
            self._remember(speaker, aliases[speaker.pk])

    def _remember(self, speaker: Speaker, aliases: Sequence[SpeakerAlias] = ()) -> None:
        self.speakers_by_slug[speaker.slug] = speaker
        names = [_normalized_name(speaker.name)]
        for alias in aliases:
            names += [alias.normalized, _normalized_name(alias.name)]
        for name in names:
            if name:
                self.speakers_by_name.setdefault(name, speaker)
        self._known[speaker.slug] = KnownSpeaker(
            key=speaker.slug,
            name=speaker.name,
            aliases=tuple(alias.name for alias in aliases),
            kind=SpeakerKind(speaker.kind),
            country=speaker.country,
        )
        self._known_tuple = None
        self._knowledge += 1

    @property
    def known_speakers(self) -> tuple[KnownSpeaker, ...]:
        if self._known_tuple is None:
            self._known_tuple = tuple(self._known.values())
        return self._known_tuple

    def _find_speaker(self, ref: SpeakerRef) -> Speaker | None:
        if ref.known_key and ref.known_key in self.speakers_by_slug:
            return self.speakers_by_slug[ref.known_key]
        return self.speakers_by_name.get(_normalized_name(ref.name))

    def _resolve_speakers(
        self, statements: Sequence[ExtractedStatement], result: ArticleResult
    ) -> dict[SpeakerRef, Speaker]:
        resolved: dict[SpeakerRef, Speaker] = {}
        new: dict[str, Speaker] = {}
        for statement in statements:
            ref = statement.speaker
            if ref in resolved:
                continue
            speaker = self._find_speaker(ref)
            if speaker is None:
                key = _normalized_name(ref.name) or ref.name
                if key not in new:
                    new[key] = Speaker(
                        name=_clip(ref.name, Speaker, "name"),
                        slug=self._unique_slug(ref.name, taken={s.slug for s in new.values()}),
                        kind=ref.kind.value,
                        country=_clip(ref.country, Speaker, "country"),
                    )
                speaker = new[key]
            resolved[ref] = speaker
        if new:
            bulk_create_with_history(list(new.values()), Speaker, default_change_reason=HISTORY_REASON)
            for speaker in new.values():
                self._remember(speaker)
                result.new_speakers.append(speaker.name)
        self._learn_aliases(statements, resolved)
        return resolved

    def _unique_slug(self, name: str, taken: set[str]) -> str:
        limit = Speaker._meta.get_field("slug").max_length - 4
        base = slugify(name)[:limit].strip("-") or f"speaker-{content_hash(name.encode())[:10]}"
        slug, number = base, 1
        while slug in self.speakers_by_slug or slug in self.redirected_slugs or slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def _learn_aliases(
        self, statements: Sequence[ExtractedStatement], resolved: dict[SpeakerRef, Speaker]
    ) -> None:
        """Keep another spelling of a person's name ("Nikolay" for "Nikolai") as an alias."""
        aliases: dict[str, SpeakerAlias] = {}
        for statement in statements:
            speaker = resolved[statement.speaker]
            written = " ".join(statement.speaker_name_as_written.split())
            normalized = _normalized_name(written)
            if normalized in aliases or not _is_another_spelling(written, speaker):
                continue
            if normalized in self.speakers_by_name:
                continue
            aliases[normalized] = SpeakerAlias(
                speaker=speaker, name=_clip(written, SpeakerAlias, "name"), normalized=normalized
            )
        if aliases:
            bulk_create_with_history(
                list(aliases.values()), SpeakerAlias, default_change_reason=HISTORY_REASON
            )
            for alias in aliases.values():
                self.speakers_by_name[alias.normalized] = alias.speaker
                known = self._known[alias.speaker.slug]
                self._known[alias.speaker.slug] = KnownSpeaker(
                    key=known.key,
                    name=known.name,
                    aliases=(*known.aliases, alias.name),
                    kind=known.kind,
                    country=known.country,
                )
            self._known_tuple = None
            self._knowledge += 1

    # Topics -------------------------------------------------------------------------------------

    def _load_topics(self) -> None:
        topics = list(Topic.objects.all())
        self.topics: dict[str, Topic] = {}
        for topic in topics:
            self.topics[topic.slug] = topic
            self.topics.setdefault(topic.name.casefold(), topic)
        self.topic_rules: tuple[TopicRule, ...] = tuple(
            TopicRule(key=topic.slug, name=topic.name, patterns=topic.rule_lines)
            for topic in topics
            if topic.rule_lines
        )


def _distinct(statements: Iterable[ExtractedStatement]) -> Iterator[tuple[str, ExtractedStatement]]:
    """(fingerprint, statement) in extraction order; the same words twice in one article are one."""
    seen: set[str] = set()
    for statement in statements:
        key = fingerprint(statement.text)
        if key not in seen:
            seen.add(key)
            yield key, statement


def _statement_values(statement: ExtractedStatement, speaker: Speaker) -> dict[str, object]:
    """What extraction says of a statement, but where it stands (see _placements)."""
    said_on = statement.said_on.as_date()
    return {
        "speaker": speaker,
        "speaker_name_as_written": _clip(
            statement.speaker_name_as_written, Statement, "speaker_name_as_written"
        ),
        "role_as_written": _clip(statement.role_as_written, Statement, "role_as_written"),
        "kind": statement.kind.value,
        "text": statement.text,
        "said_on": said_on,
        "said_on_precision": statement.said_on.precision.value if said_on else DatePrecision.UNKNOWN,
    }


def _placements(
    body: str, found: Sequence[tuple[Statement, ExtractedStatement]], kept: Sequence[Statement]
) -> list[tuple[Statement, dict[str, int]]]:
    """Where each statement of an article stands in its current body: (statement, locators) pairs.

    `found` are the statements extraction yielded, in its order, with what it yielded; `kept` are the
    article's other statements (retired, or kept because a curator verified, rejected or edited them).
    Each stands where the body reads its own words: a found one at the span extraction gave (or, when
    a curator changed its text, wherever the body reads that text), a kept one wherever its text is
    read again, or at the span a curator set if the body still reads it there. Positions follow the
    body; statements read nowhere get no span (0, 0) and come last, in their previous order.
    """
    paragraphs = passages.paragraph_spans(body)

    def at(start: int, end: int) -> dict[str, int]:
        return {
            "paragraph_index": passages.paragraph_of(paragraphs, start),
            "char_start": start,
            "char_end": end,
        }

    placed: list[tuple[int, int, int, Statement, dict[str, int]]] = []
    for order, (statement, extracted) in enumerate(found):
        start, end = max(extracted.start, 0), max(extracted.end, 0)
        locators = {
            "paragraph_index": max(extracted.paragraph_index, 0),
            "char_start": start,
            "char_end": end,
        }
        if not passages.reads(body, start, end, statement.text):
            located = passages.locate(body, statement.text)
            if located is not None:
                start, locators = located[0], at(*located)
        placed.append((start, 0, order, statement, locators))
    unplaced: list[tuple[Statement, dict[str, int]]] = []
    for order, statement in enumerate(sorted(kept, key=lambda statement: (statement.position, statement.pk))):
        if _span_is_curated(statement):
            span = (statement.char_start, statement.char_end)
            located = span if passages.reads(body, *span, statement.text) else None
        else:
            located = passages.locate(body, statement.text)
        if located is None:
            unplaced.append((statement, {"char_start": 0, "char_end": 0}))
        else:
            placed.append((located[0], 1, order, statement, at(*located)))
    placed.sort(key=lambda entry: entry[:3])
    in_order = [(statement, locators) for *_, statement, locators in placed] + unplaced
    return [
        (statement, {**locators, "position": position})
        for position, (statement, locators) in enumerate(in_order)
    ]


def _place(statement: Statement, locators: dict[str, int]) -> bool:
    """Set a statement's locators, but a span a curator set; True when anything changed."""
    changed = False
    for name, value in locators.items():
        if name in STATEMENT_SPAN and _span_is_curated(statement):
            continue
        if getattr(statement, name) != value:
            setattr(statement, name, value)
            changed = True
    return changed


def _span_is_curated(statement: Statement) -> bool:
    return any(name in statement.curated_fields for name in STATEMENT_SPAN)


def _unretire(statement: Statement) -> bool:
    """Bring back a statement the text yields again; True when it had been retired."""
    if statement.retired_at is None:
        return False
    statement.retired_at = None
    return True


def _insert_with_history(objs: list, model) -> None:
    """bulk_create_with_history (change reason "ingest"), by COPY on PostgreSQL.

    A bulk load spends most of its writing time having Django and psycopg turn each row into SQL
    text; COPY takes the values as they are. Ids come from the table's sequence first, so the
    history rows and the statements' topic links can name them, as after bulk_create.
    """
    if connection.vendor != "postgresql":
        bulk_create_with_history(objs, model, batch_size=500, default_change_reason=HISTORY_REASON)
        return
    history_model = model.history.model
    tracked = {field.attname for field in history_model.tracked_fields}
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, len(objs)],
        )
        fields = model._meta.concrete_fields
        values_of = _column_values(fields)

        def rows(ids):
            for obj, (pk,) in zip(objs, ids, strict=True):
                # As bulk_create: related objects saved since are read for their ids, auto_now is set.
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
                obj.pk = pk
                yield [value_of(obj) for value_of in values_of]
                obj._state.adding = False
                obj._state.db = connection.alias

        # Rows are made as COPY sends them, so the database works on the first while the last are made.
        _copy(cursor, model._meta.db_table, [field.column for field in fields], rows(cursor.fetchall()))

        history_fields = [
            field for field in history_model._meta.concrete_fields if field.attname != "history_id"
        ]
        # Who is asking (the request's user, if any) is the same for every row of a batch.
        default_user = next(
            (
                history_model.get_default_history_user(obj)
                for obj in objs
                if not hasattr(obj, "_history_user")
            ),
            None,
        )

        def recorded(column):
            # What simple_history's bulk_history_create records for each object.
            if column.attname in tracked:
                return operator.attrgetter(column.attname)
            if column.attname == "history_date":
                return lambda obj: timezone.now()
            if column.attname == "history_change_reason":
                return lambda obj: get_change_reason_from_object(obj) or HISTORY_REASON
            if column.attname == "history_type":
                return lambda obj: "+"
            if column.attname == "history_user_id":
                return lambda obj: _pk_or_none(getattr(obj, "_history_user", default_user))
            raise ValueError(f"no value for the history field {column.attname}")

        values_of = _column_values(history_fields, recorded)
        history_rows = ([value_of(obj) for value_of in values_of] for obj in objs)
        _copy(cursor, history_model._meta.db_table, [field.column for field in history_fields], history_rows)


def _pk_or_none(user) -> int | None:
    return user.pk if user is not None else None


# Columns whose Python values psycopg writes as they are (Django's preparation only checks them);
# the others, JSON say, go through the field's get_db_prep_save.
COPY_AS_IS = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "DateField",
        "DateTimeField",
        "ForeignKey",
        "IntegerField",
        "PositiveIntegerField",
        "SlugField",
        "TextField",
    }
)

# An empty JSON list as COPY reads it: every statement's curated_fields starts so, and its JSON
# text, the same the field's adapter would write, needs no encoder run twice a row.
EMPTY_JSON_LIST = "[]"


def _column_values(fields, reader_of: Callable | None = None) -> list[Callable]:
    """Per field, what makes an object's column value for COPY.

    The value is read by `reader_of(field)` if given, else as bulk_create reads it (pre_save, which
    for most fields only reads the attribute, and is skipped for them). Values psycopg writes as
    they are pass as read; the others go through the field's get_db_prep_save.
    """
    database = connections[connection.alias]
    made = []
    for column in fields:
        if reader_of is not None:
            reader = reader_of(column)
        elif _reads_attribute(column):
            reader = operator.attrgetter(column.attname)
        else:
            reader = functools.partial(column.pre_save, add=True)
        if column.get_internal_type() in COPY_AS_IS and _targets_as_is(column):
            made.append(reader)
        elif column.get_internal_type() == "JSONField" and column.encoder is None:
            made.append(_json_column(reader, functools.partial(column.get_db_prep_save, connection=database)))
        else:
            prepare = functools.partial(column.get_db_prep_save, connection=database)
            made.append(lambda obj, reader=reader, prepare=prepare: prepare(reader(obj)))
    return made


def _json_column(reader: Callable, prepare: Callable) -> Callable:
    def value_of(obj):
        value = reader(obj)
        if type(value) is list and not value:
            return EMPTY_JSON_LIST
        return prepare(value)

    return value_of


def _reads_attribute(field) -> bool:
    return type(field).pre_save is Field.pre_save


def _targets_as_is(field) -> bool:
    return not field.is_relation or field.target_field.get_internal_type() in COPY_AS_IS


def _copy(cursor, table: str, columns: list[str], rows: Iterable[list]) -> None:
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(column) for column in columns)}) FROM STDIN"
    with cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _database_failure(source: Source, error: DatabaseError) -> Failure:
    reason = " ".join(str(error).split()) or "no message"
    return Failure(
        str(source.path), f"database error, nothing of this file was stored: {type(error).__name__}: {reason}"
    )


def _stored_line(statement: ExtractedStatement, speaker: Speaker) -> StoredStatement:
    return StoredStatement(
        speaker=speaker.name,
        kind=statement.kind.value,
        said_on=statement.said_on.iso() or "",
        text=statement.text,
    )


def _assign(instance, values: dict[str, object], groups: dict[str, tuple[str, ...]]) -> bool:
    """Set `values` on `instance`, skipping curated fields; True when anything changed."""
    curated: set[str] = set()
    for name in instance.curated_fields:
        curated.update(groups.get(name, (name,)))
    changed = False
    for name, value in values.items():
        if name in curated:
            continue
        field = instance._meta.get_field(name)
        if field.is_relation:
            # Compare keys, so an unchanged relation costs no query.
            differs = getattr(instance, field.attname) != (value.pk if value is not None else None)
        else:
            differs = getattr(instance, name) != value
        if differs:
            setattr(instance, name, value)
            changed = True
    return changed


def _is_another_spelling(written: str, speaker: Speaker) -> bool:
    """A full name of the same person: two words or more, capitalized, ending in their surname."""
    if speaker.kind != SpeakerKind.PERSON:
        return False
    words = written.split()
    known = _normalized_name(speaker.name).split()
    normalized = _normalized_name(written).split()
    return (
        len(words) >= 2
        and bool(known)
        and normalized != known
        and words[0].casefold() not in NOT_A_NAME_START
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and normalized[-1:] == known[-1:]
    )


def _clip(value: str | None, model, field_name: str) -> str:
    """One line, cut to what the column holds (PostgreSQL refuses longer values)."""
    return " ".join((value or "").split())[: model._meta.get_field(field_name).max_length]


@dataclass
class _Pending:
    """A file of a batch on its way through ingest_many: read, extracted, then stored."""

    source: Source
    digest: str = ""
    text: str = ""
    outcome: ArticleResult | Failure | None = None
    from_pool: bool = False
    # The pool's answer for this file's chunk, and where in it this file's extraction stands.
    result: object = None
    index: int = 0
    extracted: ExtractedArticle | None = None

    def extracted_article(self) -> ExtractedArticle:
        extracted, error = self.result.get()[self.index]
        if error:
            raise SourceRejected(error)
        return extracted


# How many tasks a batch makes per extraction worker: enough that they finish close together.
CHUNKS_PER_WORKER = 4


class _ExtractionPool:
    """Forked processes that run extraction (plain Python, no database) with the speakers known
    when they started; `knows` is the Ingestor's knowledge counter at that moment."""

    def __init__(self, workers: int, ingestor: Ingestor) -> None:
        self.workers = workers
        self.knows = ingestor._knowledge
        # Compiled here, so every forked worker starts with the topic rules compiled.
        TopicMatcher.from_rules(ingestor.topic_rules)
        context = multiprocessing.get_context("fork")
        self.pool = context.Pool(
            workers, initializer=_start_worker, initargs=(ingestor.known_speakers, ingestor.topic_rules)
        )
        self.retired: list = []

    def extract(self, items: list[_Pending]) -> None:
        # A few chunks per worker rather than a task per file: each task costs this process (which
        # also writes) a round of pickling and thread hand-offs.
        size = max(1, -(-len(items) // (self.workers * CHUNKS_PER_WORKER)))
        for chunk in itertools.batched(items, size):
            result = self.pool.apply_async(_extract_chunk_in_worker, ([item.text for item in chunk],))
            for index, item in enumerate(chunk):
                item.from_pool = True
                item.result = result
                item.index = index

    def renewed(self, ingestor: Ingestor) -> _ExtractionPool:
        """Fresh workers that know what the ingestor knows now; this pool ends once its work is done."""
        fresh = _ExtractionPool(self.workers, ingestor)
        self.pool.close()
        fresh.retired = [*self.retired, self.pool]
        return fresh

    def close(self) -> None:
        for pool in [*self.retired, self.pool]:
            pool.terminate()
            pool.join()


_worker_knowledge: tuple[tuple[KnownSpeaker, ...], tuple[TopicRule, ...]] = ((), ())


# How much lower the extraction workers' scheduling priority is than the writing process's. The
# writer (with its database backend) is the pipeline's serial part and the workers extract a batch
# ahead: on a machine with as many cores as workers, at equal priority they took the writer's CPU
# while it had a batch to write, and it then waited for them in turn (2 workers, 2 cores: 460
# synthetic articles/s; 485 at 5, 505 at 19). A little lower leaves them a fair share beside other work.
EXTRACTION_NICENESS = 5


def _start_worker(known_speakers: tuple[KnownSpeaker, ...], topic_rules: tuple[TopicRule, ...]) -> None:
    global _worker_knowledge
    _worker_knowledge = (known_speakers, topic_rules)
    os.nice(EXTRACTION_NICENESS)


def _extract_chunk_in_worker(texts: list[str]) -> list[tuple[ExtractedArticle | None, str]]:
    return [_extract_in_worker(text) for text in texts]


def _extract_in_worker(text: str) -> tuple[ExtractedArticle | None, str]:
    known_speakers, topic_rules = _worker_knowledge
    try:
        return extract_article(text, known_speakers=known_speakers, topic_rules=topic_rules), ""
    except Exception as error:
        # As Ingestor._extract: the report names the failure and the other files go on.
        return None, f"extraction failed: {type(error).__name__}: {error}"
