"""Write public statements to stdout as JSON Lines or CSV, one statement per line or row."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re

from django.core.management.base import BaseCommand, CommandError

from statements.models import Speaker, Statement, Topic, partial_date_iso

CSV_COLUMNS = [
    "id",
    "url",
    "text",
    "kind",
    "speaker_name",
    "speaker_slug",
    "speaker_kind",
    "speaker_name_as_written",
    "role",
    "said_on",
    "topics",
    "review_status",
    "article_source_file",
    "article_outlet",
    "article_source_outlet",
    "article_title",
    "article_published",
    "article_language",
]
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Command(BaseCommand):
    help = "Export public statements as JSON Lines or CSV to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument(
            "--speaker", action="append", default=[], metavar="SLUG", help="Only this speaker (repeatable)."
        )
        parser.add_argument(
            "--topic", action="append", default=[], metavar="SLUG", help="Only this topic (repeatable)."
        )
        parser.add_argument(
            "--since", metavar="DATE", help="Said on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."
        )
        parser.add_argument(
            "--until", metavar="DATE", help="Said on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY)."
        )

    def handle(self, *args, **options):
        since = parse_date_option("--since", options["since"], last_day=False)
        until = parse_date_option("--until", options["until"], last_day=True)
        statements = Statement.objects.public()
        if options["speaker"]:
            check_slugs(Speaker, "speaker", options["speaker"])
            statements = statements.by_speaker(*options["speaker"])
        if options["topic"]:
            check_slugs(Topic, "topic", options["topic"])
            statements = statements.in_topic(*options["topic"])
        statements = statements.said_between(since, until).with_related().in_reading_order()
        rows = (export_row(statement) for statement in statements.iterator(chunk_size=1000))
        if options["format"] == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(flatten(row) for row in rows)
        else:
            for row in rows:
                self.stdout.write(json.dumps(row, ensure_ascii=False))


def parse_date_option(option: str, value: str | None, *, last_day: bool) -> dt.date | None:
    """A full or partial date; a partial one stands for the first or the last day of its period."""
    if value is None:
        return None
    match = PARTIAL_DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is None:
            return dt.date(year, 12, 31) if last_day else dt.date(year, 1, 1)
        if day is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if last_day else 1)
        return dt.date(year, month, day)
    except ValueError:
        raise CommandError(
            f"{option} {value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-02-21."
        ) from None


def check_slugs(model, label: str, slugs: list[str]) -> None:
    found = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise CommandError(f"No {label} with the slug {', '.join(repr(slug) for slug in missing)}.")


def export_row(statement: Statement) -> dict:
    article = statement.article
    return {
        "id": statement.pk,
        "url": statement.get_absolute_url(),
        "text": statement.text,
        "kind": statement.kind,
        "speaker": {
            "name": statement.speaker.name,
            "slug": statement.speaker.slug,
            "kind": statement.speaker.kind,
        },
        "speaker_name_as_written": statement.speaker_name_as_written,
        "role": statement.role_as_written,
        "said_on": partial_date_iso(statement.said_on, statement.said_on_precision),
        "topics": [topic.name for topic in statement.topics.all()],
        "review_status": statement.review_status,
        "article": {
            "source_file": article.source_file,
            "outlet": article.outlet.name if article.outlet else None,
            "source_outlet": article.source_outlet.name if article.source_outlet else None,
            "title": article.title,
            "published": partial_date_iso(article.published_on, article.published_precision),
            "language": article.language,
        },
    }


def flatten(row: dict) -> dict:
    return {
        "id": row["id"],
        "url": row["url"],
        "text": row["text"],
        "kind": row["kind"],
        "speaker_name": row["speaker"]["name"],
        "speaker_slug": row["speaker"]["slug"],
        "speaker_kind": row["speaker"]["kind"],
        "speaker_name_as_written": row["speaker_name_as_written"],
        "role": row["role"],
        "said_on": row["said_on"] or "",
        "topics": "; ".join(row["topics"]),
        "review_status": row["review_status"],
        "article_source_file": row["article"]["source_file"],
        "article_outlet": row["article"]["outlet"] or "",
        "article_source_outlet": row["article"]["source_outlet"] or "",
        "article_title": row["article"]["title"],
        "article_published": row["article"]["published"] or "",
        "article_language": row["article"]["language"],
    }
