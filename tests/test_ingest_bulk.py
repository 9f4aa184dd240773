"""Bulk loads: batches of whole articles per transaction, extraction in worker processes, streaming."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from statements.ingest import Failure, Ingestor, Outcome, _ExtractionPool, find_sources, ingest_paths
from statements.models import Article, Speaker, Statement, StatementTopic

pytestmark = [
    pytest.mark.django_db,
    # Workers are forked from the test process, whose other threads (if any) they never touch.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]

STORIES = {
    f"{n:03d}.txt": (
        f"Outlet: TASS\nPublished: 2021-12-{n % 28 + 1:02d}\n\n"
        f"Speaker {n % 4} | NATO expansion is story {n}'s first point. | kind=indirect\n"
        f"Speaker {(n + 1) % 4} | Sanctions are story {n}'s second point.\n"
        f"Speaker {n % 4} | NATO expansion is story {n}'s first point.\n"
    )
    for n in range(12)
}


def archive_state() -> list[tuple]:
    return sorted(
        (
            statement.article.source_file,
            statement.position,
            statement.text,
            statement.speaker.slug,
            statement.slug,
            tuple(sorted(topic.slug for topic in statement.topics.all())),
        )
        for statement in Statement.objects.select_related("article", "speaker").prefetch_related("topics")
    )


@pytest.fixture
def stories(write_source, sources):
    for name, text in STORIES.items():
        write_source(name, text)
    return sources


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_store_what_article_by_article_stores(fake_extraction, stories, workers):
    ingest_paths([stories])
    one_by_one = archive_state()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.all().delete()

    summary = ingest_paths([stories], batch_size=5, workers=workers, keep_results=False)

    assert archive_state() == one_by_one
    assert summary.count(Outcome.NEW) == 12 and summary.statements_new == 24
    assert summary.results == []  # counted, not kept
    assert Article.history.filter(history_change_reason="ingest").count() == 12 * 2


def test_batches_skip_unchanged_files_and_update_changed_ones(fake_extraction, stories, write_source):
    ingest_paths([stories], batch_size=5)
    first = Statement.objects.get(text="NATO expansion is story 3's first point.")
    write_source("003.txt", STORIES["003.txt"].replace("second point", "other point"))

    summary = ingest_paths([stories], batch_size=5)

    assert (summary.count(Outcome.UNCHANGED), summary.count(Outcome.UPDATED)) == (11, 1)
    assert Statement.objects.get(pk=first.pk).text == first.text  # same id, same permalink
    assert Statement.objects.filter(text="Sanctions are story 3's other point.").exists()


def test_a_failure_in_a_worker_is_reported_and_the_batch_goes_on(fake_extraction, stories, write_source):
    write_source("005.txt", "Outlet: TASS\n\nEXPLODE | This text trips the parser.\n")
    write_source("empty.txt", b"")

    summary = ingest_paths([stories], batch_size=4, workers=2)

    reasons = {failure.name.rsplit("/", 1)[-1]: failure.reason for failure in summary.failures}
    assert reasons["005.txt"].startswith("extraction failed: RuntimeError")
    assert "empty.txt" in reasons
    assert Article.objects.count() == 11


def test_extraction_workers_yield_the_cpu_to_the_process_that_writes():
    # The writer is the serial part of a bulk load: its workers, a batch ahead, must not take its CPU.
    pool = _ExtractionPool(2, Ingestor())
    try:
        worker_niceness = pool.pool.apply(os.nice, (0,))
    finally:
        pool.close()

    assert worker_niceness > os.nice(0)


def test_sources_stream_in_the_order_of_their_paths(write_source, sources):
    for name in ("b.txt", "a/z.txt", "a.txt", "a/b/c.txt", "ab/x.txt", "a-b.txt", "notes.md"):
        write_source(name, "text")
    failures: list[Failure] = []

    found = [source.name for source in find_sources([sources], failures)]

    assert found == sorted(found) == ["a-b.txt", "a.txt", "a/b/c.txt", "a/z.txt", "ab/x.txt", "b.txt"]
    assert failures == []


def history_state(model) -> list[tuple]:
    """Every history record of `model` as the fields it copies, the type and the change reason."""
    names = [field.attname for field in model.history.model.tracked_fields]
    return sorted(
        (
            tuple(repr(getattr(record, name)) for name in names),
            record.history_type,
            record.history_change_reason,
        )
        for record in model.history.all()
    )


def test_batches_record_the_history_that_article_by_article_records(fake_extraction, stories):
    # On PostgreSQL batches insert by COPY, with history rows of their own making.
    ingest_paths([stories], batch_size=5)
    batched = {model: history_state(model) for model in (Article, Statement, StatementTopic)}

    for model in (Article, Statement, StatementTopic):
        rows = {record[0] for record in batched[model]}
        assert rows == {
            tuple(repr(getattr(obj, field.attname)) for field in model.history.model.tracked_fields)
            for obj in model.objects.all()
        }
        assert {record[1:] for record in batched[model]} == {("+", "ingest")}
    assert len(batched[StatementTopic]) == StatementTopic.objects.count() > 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT count(*) FROM statements_statement s JOIN statements_article a ON a.id = s.article_id
                   WHERE s.search_vector IS NOT NULL AND s.article_published_on = a.published_on"""
            )
            assert cursor.fetchone()[0] == Statement.objects.count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's")
def test_a_large_load_leaves_the_planner_statistics_current(fake_extraction, write_source, sources):
    """Pages are planned by table statistics: after a load that changed a tenth of the archive or
    more, the planner knows how many statements there are, whether autovacuum has run or not."""
    for n in range(40):
        write_source(
            f"{n:03d}.txt",
            f"Outlet: TASS\n\nSpeaker {n % 5} | Point {n} one.\nSpeaker {n % 3} | Point {n} two.\n",
        )

    ingest_paths([sources], batch_size=10)

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Statement._meta.db_table])
        assert cursor.fetchone()[0] == Statement.objects.count() == 80
