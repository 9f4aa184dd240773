"""A database error costs only the file it happened on: reported, rolled back whole, and the run goes
on; what another process changed meanwhile (the same file stored, a speaker created or merged) is
read again instead of crashing the run."""

from __future__ import annotations

import pytest
from django.db import connection

from statements import curation
from statements.ingest import Ingestor, Outcome, ingest_paths
from statements.models import Article, Speaker, SpeakerAlias, Statement

pytestmark = pytest.mark.django_db

STORIES = {
    "a.txt": "Outlet: TASS\n\nA B | Words of a.\n",
    "b.txt": "Outlet: TASS\n\nNew Voice | These words meet a full disk.\n",
    "c.txt": "Outlet: TASS\n\nNew Voice | Words of c.\n",
    "d.txt": "Outlet: TASS\n\nA B | Words of d.\n",
}


@pytest.fixture
def full_disk_on_b(monkeypatch):
    """A real database error (a query the database refuses) while b.txt's statements are written:
    its article row and its new speaker are already written by then."""
    sync_topics = Ingestor._sync_topics

    def failing(self, created, updated):
        if any("full disk" in statement.text for statement, _ in [*created, *updated]):
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM a_table_that_is_not_there")
        return sync_topics(self, created, updated)

    monkeypatch.setattr(Ingestor, "_sync_topics", failing)


@pytest.mark.parametrize("bulk", [[], ["--batch-size", "10"]], ids=["article-by-article", "batches"])
def test_a_database_error_fails_its_file_only_and_leaves_nothing_of_it(
    fake_extraction, write_source, sources, run_command, full_disk_on_b, bulk
):
    for name, text in STORIES.items():
        write_source(name, text)

    run = run_command("ingest", sources, *bulk)

    assert run.error is not None and run.error.returncode == 1
    assert "1 file(s) could not be ingested" in str(run.error)
    reason = run.stderr.split(f"FAILED {sources / 'b.txt'}: ")[1].splitlines()[0]
    assert reason.startswith("database error, nothing of this file was stored: ")
    assert "a_table_that_is_not_there" in reason
    assert "Articles: 3 new, 0 updated, 0 unchanged, 0 duplicate, 1 failed." in run.stdout
    assert sorted(Article.objects.values_list("source_file", flat=True)) == ["a.txt", "c.txt", "d.txt"]
    assert not Statement.objects.filter(text__contains="full disk").exists()
    # The speaker b.txt created went with its rollback; c.txt, which names it too, created it again.
    voice = Speaker.objects.get(name="New Voice")
    assert Statement.objects.get(text="Words of c.").speaker == voice


def test_a_file_another_run_stored_meanwhile_is_found_not_inserted_twice(
    fake_extraction, write_source, sources, run_command, monkeypatch
):
    """The other run's ingest of the same file lands between this run's first look and its write."""
    raw = STORIES["a.txt"].encode()
    write_source("a.txt", raw)

    def extract_while_another_run_stores_it(text, **known):
        if len(fake_extraction.calls) == 0:
            fake_extraction(text, **known)
            Ingestor().ingest_bytes("a.txt", raw)  # the other run
        return fake_extraction(text, **known)

    monkeypatch.setattr("statements.ingest.extract_article", extract_while_another_run_stores_it)

    run = run_command("ingest", sources)

    assert run.error is None, run.stderr
    assert "Articles: 0 new, 0 updated, 1 unchanged" in run.stdout
    assert Article.objects.get().source_file == "a.txt"
    assert Statement.objects.count() == 1


@pytest.mark.parametrize("batch_size", [1, 10])
def test_a_speaker_created_elsewhere_mid_run_is_read_again_not_created_twice(
    fake_extraction, write_source, sources, monkeypatch, batch_size
):
    write_source("a.txt", STORIES["a.txt"])
    write_source("b.txt", "Outlet: TASS\n\nMaria Zakharova | We will respond.\n")

    def extract_while_a_curator_adds_her(text, **known):
        if "Zakharova" in text and not Speaker.objects.filter(name="Maria Zakharova").exists():
            Speaker.objects.create(name="Maria Zakharova", slug="maria-zakharova")
        return fake_extraction(text, **known)

    monkeypatch.setattr("statements.ingest.extract_article", extract_while_a_curator_adds_her)

    summary = ingest_paths([sources], batch_size=batch_size)

    assert summary.failures == []
    assert summary.count(Outcome.NEW) == 2
    assert Statement.objects.get(text="We will respond.").speaker == Speaker.objects.get(
        slug="maria-zakharova"
    )
    assert Speaker.objects.filter(name="Maria Zakharova").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_speaker_merged_elsewhere_mid_run_is_read_again(
    fake_extraction, write_source, sources, monkeypatch
):
    """Deleted by a merge after this run read its speakers: a statement pointing at it breaks the
    foreign key when the article commits (hence a test with real commits)."""
    patrushev = Speaker.objects.create(name="Nikolai Patrushev", slug="nikolai-patrushev")
    duplicate = Speaker.objects.create(name="N. P. Patrushev", slug="n-p-patrushev")
    write_source("a.txt", "Outlet: TASS\n\nN. P. Patrushev | Coordination matters.\n")

    def extract_while_a_curator_merges(text, **known):
        if Speaker.objects.filter(pk=duplicate.pk).exists():
            curation.merge_speakers(patrushev, [duplicate])
        return fake_extraction(text, **known)

    monkeypatch.setattr("statements.ingest.extract_article", extract_while_a_curator_merges)

    summary = ingest_paths([sources])

    assert summary.failures == []
    assert Statement.objects.get().speaker == patrushev
    assert SpeakerAlias.objects.get().speaker == patrushev
