"""Write public statements to stdout as JSON Lines or CSV, one statement per line or row."""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from statements.dates import parse_partial_date
from statements.exports import CSV_COLUMNS, export_rows, flatten
from statements.filters import current_speaker_slugs
from statements.models import Speaker, Statement, Topic


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
            # A renamed or merged speaker's old slug names the speaker it leads to, as on the site.
            renamed = current_speaker_slugs(options["speaker"])
            speakers = [renamed.get(slug, slug) for slug in options["speaker"]]
            check_slugs(Speaker, "speaker", speakers)
            statements = statements.by_speaker(*speakers)
        if options["topic"]:
            check_slugs(Topic, "topic", options["topic"])
            statements = statements.in_topic(*options["topic"])
        statements = statements.said_between(since, until).with_related().in_reading_order()
        rows = export_rows(statements)
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
    try:
        return parse_partial_date(value, last_day=last_day)
    except ValueError:
        raise CommandError(
            f"{option} {value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-02-21."
        ) from None


def check_slugs(model, label: str, slugs: list[str]) -> None:
    found = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise CommandError(f"No {label} with the slug {', '.join(repr(slug) for slug in missing)}.")
