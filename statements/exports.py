"""What an exported statement looks like, shared by `export_statements` and the site's downloads.

One row per statement, as a nested dict (JSON) or flattened to CSV_COLUMNS (CSV); partial dates are
written to the precision known. The command and the site call the same functions, so a researcher
gets the same fields from `python manage.py export_statements` and from a filtered view's download.

CSV files are opened in spreadsheets, which evaluate a cell that starts like a formula, and any text
an article quotes may start with "=", "+", "-" or "@" ("-10% growth", a pasted "=HYPERLINK(…)"):
such cells are written behind a single quote, so a spreadsheet shows them as text (CSV injection).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from .dates import partial_date_iso
from .models import Statement

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
# What a spreadsheet reads as the start of a formula (or of a cell it splits off, for tab and CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def flatten(row: dict) -> dict:
    """An export row as CSV_COLUMNS, every cell safe to open in a spreadsheet."""
    return {column: spreadsheet_safe(value) for column, value in _flat(row).items()}


def _flat(row: dict) -> dict:
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


def export_rows(statements) -> Iterator[dict]:
    """Rows for a queryset (with_related() applied), read in chunks so memory stays flat."""
    return (export_row(statement) for statement in statements.iterator(chunk_size=1000))


class _Line:
    """A file-like object whose write() hands the text back, so csv.writer can feed a stream."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.DictWriter(_Line(), fieldnames=CSV_COLUMNS)
    yield writer.writeheader()
    for row in rows:
        yield writer.writerow(flatten(row))


def json_array_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array written one element per line, so it streams and still parses as one document."""
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
