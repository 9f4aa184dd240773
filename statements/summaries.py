"""Archive-wide tallies (counts per topic and speaker, timelines, roles, facets), kept for a while.

Each reads every statement of the archive, a topic or a speaker: ~1 s for a topic of 50,000
statements at a million (bench/). Their numbers are not live; they are at most
SUMMARY_CACHE_SECONDS old, kept in the "summaries" cache (a table of the database, shared by
every worker and app server), so a page that shows them reads them in one query between refreshes.
Setting it to 0 counts afresh on every request.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches

from . import timeline
from .models import Speaker, Statement, Topic


def kept[T](key: str, count: Callable[[], T], *, where: str = "shared") -> T:
    """`count()`, or what it gave within the last SUMMARY_CACHE_SECONDS: kept in the table every
    server shares, or (`where="local"`) in this server's memory only."""
    seconds = settings.SUMMARY_CACHE_SECONDS
    if seconds <= 0:
        return count()
    cache = caches["summaries"] if where == "shared" else caches["default"]
    return cache.get_or_set(f"summary:{key}" if where == "local" else key, count, seconds)


def archive() -> dict:
    """The home page's tallies: how many statements, the leading topics and speakers, a timeline."""

    def count() -> dict:
        statements = Statement.objects.public()
        return {
            "total": statements.count(),
            "topics": list(
                Topic.objects.with_statement_counts()
                .filter(statement_count__gt=0)
                .order_by("-statement_count", "name")[:12]
            ),
            "speakers": list(
                Speaker.objects.with_statement_counts().order_by("-statement_count", "name")[:8]
            ),
            "timeline": timeline.for_statements(statements),
        }

    return kept("archive", count)


def speakers() -> list[tuple[int, int]]:
    """(id, how many public statements) of every speaker who has any, most quoted first: ids, not
    speakers, so that a page of them reads only its own and an archive of many stays small."""
    ranked = Speaker.objects.with_statement_counts().order_by("-statement_count", "name")
    return kept("speakers", lambda: list(ranked.values_list("pk", "statement_count")))


def topics() -> list[Topic]:
    """Every topic and how many public statements it has, by name."""
    return kept("topics", lambda: list(Topic.objects.with_statement_counts().order_by("name")))


def speaker(speaker: Speaker) -> dict:
    """A speaker's roles as written, topics and timeline."""

    def count() -> dict:
        statements = Statement.objects.public().by_speaker(speaker)
        return {
            "roles": statements.roles_as_written(),
            "topics": _tally(statements, "topics__slug", "topics__name"),
            "timeline": timeline.for_statements(statements),
        }

    return kept(f"speaker:{speaker.pk}", count)


def topic(topic: Topic) -> dict:
    """A topic's most frequent speakers and its timeline."""

    def count() -> dict:
        statements = Statement.objects.public().in_topic(topic)
        return {
            "speakers": _tally(statements, "speaker__slug", "speaker__name")[:10],
            "timeline": timeline.for_statements(statements),
        }

    return kept(f"topic:{topic.pk}", count)


def _tally(statements, slug_field: str, name_field: str) -> list[dict]:
    """Rows of slug, name and n for a related object, without the statements that have none."""
    rows = statements.tally(slug_field, name_field)
    return [
        {"slug": row[slug_field], "name": row[name_field], "n": row["n"]} for row in rows if row[slug_field]
    ]
