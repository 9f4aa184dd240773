"""export_statements: public statements as JSON Lines or CSV, filtered, in reading order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone

from statements.models import Article, Outlet, ReviewStatus

pytestmark = pytest.mark.django_db


def export(run_command, *args) -> list[dict]:
    run = run_command("export_statements", *args)
    assert run.error is None, run.error
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


@pytest.fixture
def archive(make_statement):
    statements = {
        "first": make_statement(
            "Western countries should not underestimate the resolve.",
            kind="indirect",
            role_as_written="Russian Deputy Foreign Minister",
            said_on=dt.date(2021, 12, 24),
            said_on_precision="day",
            topics=["nato", "security-guarantees"],
        ),
        "second": make_statement("We are working calmly.", topics=["nato"]),
        "verified": make_statement("We will wait and see.", review_status=ReviewStatus.VERIFIED),
        "rejected": make_statement("Subscribe to our channel.", review_status=ReviewStatus.REJECTED),
        "retired": make_statement("An old reading of the text.", retired_at=timezone.now()),
    }
    later = Article.objects.create(
        outlet=Outlet.objects.create(name="UrduPoint", slug="urdupoint"),
        source_outlet=Outlet.objects.create(name="Sputnik", slug="sputnik"),
        source_file="nested/004_story.txt",
        title="Stronger than an alliance",
        published_on=dt.date(2020, 12, 1),
        published_precision="month",
        language="en",
        original_text="",
        body="",
        content_hash="1" * 64,
    )
    statements["institution"] = make_statement(
        "There are no limits.",
        speaker="Chinese Ministry of Foreign Affairs",
        speaker_kind="institution",
        article=later,
        said_on=dt.date(2020, 10, 1),
        said_on_precision="month",
        position=0,
    )
    return statements


def test_jsonl_carries_what_the_scorer_and_researchers_read(archive, run_command):
    rows = export(run_command, "--format", "jsonl")

    first = rows[0]
    statement = archive["first"]
    assert first == {
        "id": statement.pk,
        "url": f"/statements/{statement.pk}/{statement.slug}/",
        "text": "Western countries should not underestimate the resolve.",
        "kind": "indirect",
        "speaker": {"name": "Sergey Ryabkov", "slug": "sergey-ryabkov", "kind": "person"},
        "speaker_name_as_written": "",
        "role": "Russian Deputy Foreign Minister",
        "said_on": "2021-12-24",
        "topics": ["NATO", "Security guarantees"],
        "review_status": "auto",
        "article": {
            "source_file": "000_story.txt",
            "outlet": "TASS",
            "source_outlet": None,
            "title": "Moscow and Beijing",
            "published": "2021-12-24",
            "language": "en",
        },
    }
    institution = rows[-1]
    assert institution["speaker"]["kind"] == "institution"
    assert institution["said_on"] == "2020-10"
    assert institution["article"]["published"] == "2020-12"
    assert institution["article"]["outlet"] == "UrduPoint"
    assert institution["article"]["source_outlet"] == "Sputnik"
    assert institution["article"]["source_file"].endswith("004_story.txt")


def test_only_public_statements_in_article_then_position_order(archive, run_command):
    rows = export(run_command)

    assert [row["id"] for row in rows] == [
        archive["first"].pk,
        archive["second"].pk,
        archive["verified"].pk,
        archive["institution"].pk,
    ]
    assert rows[1]["said_on"] is None


def test_filters_by_speaker_topic_and_said_on(archive, run_command):
    assert {row["id"] for row in export(run_command, "--speaker", "chinese-ministry-of-foreign-affairs")} == {
        archive["institution"].pk
    }
    assert {row["id"] for row in export(run_command, "--topic", "nato")} == {
        archive["first"].pk,
        archive["second"].pk,
    }
    assert [row["id"] for row in export(run_command, "--since", "2021-12-24")] == [archive["first"].pk]
    assert [row["id"] for row in export(run_command, "--until", "2021")] == [
        archive["first"].pk,
        archive["institution"].pk,
    ]
    assert [row["id"] for row in export(run_command, "--since", "2020-10", "--until", "2020-10")] == [
        archive["institution"].pk
    ]
    assert export(run_command, "--topic", "nato", "--speaker", "chinese-ministry-of-foreign-affairs") == []


@pytest.mark.parametrize("value", ["yesterday", "2021-13-01", "2021-02-30", "21-12-24"])
def test_a_bad_date_is_a_clear_error(value, archive, run_command):
    run = run_command("export_statements", "--since", value)

    assert run.error is not None
    assert f"--since {value!r} is not a date" in str(run.error)
    assert "YYYY-MM-DD" in str(run.error)


def test_an_unknown_slug_is_a_clear_error(archive, run_command):
    run = run_command("export_statements", "--topic", "no-such-topic")

    assert "No topic with the slug 'no-such-topic'" in str(run.error)


def test_csv_has_a_header_and_one_flat_row_per_statement(archive, run_command):
    run = run_command("export_statements", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 4
    first = rows[0]
    assert first["id"] == str(archive["first"].pk)
    assert first["speaker_name"] == "Sergey Ryabkov"
    assert first["speaker_slug"] == "sergey-ryabkov"
    assert first["topics"] == "NATO; Security guarantees"
    assert first["said_on"] == "2021-12-24"
    assert first["article_source_file"] == "000_story.txt"
    assert first["article_published"] == "2021-12-24"
    assert rows[1]["said_on"] == ""
    assert rows[3]["article_source_outlet"] == "Sputnik"


def test_export_queries_do_not_grow_with_statements(
    make_statement, run_command, django_assert_max_num_queries
):
    for number in range(40):
        make_statement(f"Statement {number}.", speaker=f"Speaker {number % 7}", topics=["nato"])

    with django_assert_max_num_queries(3):
        rows = export(run_command)

    assert len(rows) == 40
    assert all(row["topics"] == ["NATO"] for row in rows)
