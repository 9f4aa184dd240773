"""Curators' work is never lost: admin edits survive re-ingest and retag, merges keep addresses,
every change has a history, and the archive survives a backup and restore.

Edits go through the admin exactly as a curator makes them: the change form is fetched, changed and
posted back with the test client.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json

import pytest
from django import forms
from django.apps import apps as django_apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from statements import curation
from statements.models import (
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
)

pytestmark = pytest.mark.django_db

default_topics = importlib.import_module("statements.migrations.0002_default_topics")

STORY = (
    "Outlet: TASS\n"
    "Title: Moscow and Beijing will defend their interests\n"
    "Published: 2021-12-24\n"
    "\n"
    "Sergey Ryabkov | NATO should not underestimate our resolve. "
    "| kind=indirect; role=Deputy Minister; said=2021-12-24\n"
    "Sergey Ryabkov | NATO expansion concerns only its members. | role=the senior Russian diplomat\n"
    "Wang Yi | There are no limits to the relations. | kind=indirect; role=Foreign Minister\n"
)
CHANGED_STORY = (
    STORY.replace("Title: Moscow and Beijing will defend their interests", "Title: A new headline")
    .replace("role=Deputy Minister; said=2021-12-24", "role=Minister; said=2021-12-20")
    .replace("role=the senior Russian diplomat", "role=Deputy Foreign Minister")
    .replace("role=Foreign Minister", "role=State Councilor")
)

TRACKED_MODELS = [Outlet, Article, Speaker, SpeakerAlias, SpeakerRedirect, Topic, Statement, StatementTopic]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def curator(db) -> User:
    user = User.objects.create_user("curator", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def story(fake_extraction, write_source, sources, run_command):
    """STORY ingested; returns its path, to be changed and ingested again."""
    path = write_source("000_story.txt", STORY)
    run = run_command("ingest", sources)
    assert run.error is None, run.stderr
    return path


def statement(text_start: str) -> Statement:
    return Statement.objects.get(text__startswith=text_start)


def change_url(obj) -> str:
    return reverse(f"admin:statements_{obj._meta.model_name}_change", args=[obj.pk])


def admin_form_data(response) -> dict:
    """What the change form in `response` posts back untouched: its fields, inlines and their
    management forms."""
    forms_to_send = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms_to_send += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms_to_send:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field, forms.BooleanField):
                if value:
                    data[form.add_prefix(name)] = "on"
            else:
                data[form.add_prefix(name)] = "" if value is None else value
    return data


def edit_in_admin(client, obj, changes: dict, topics=None) -> dict:
    """Open obj's change form as a curator does, apply `changes`, and save it.

    `topics`: {"remove": [slugs], "add": [slugs]} for a statement's topic inline.
    """
    page = client.get(change_url(obj))
    assert page.status_code == 200
    data = admin_form_data(page)
    data.update(changes)
    if topics:
        (inline,) = page.context["inline_admin_formsets"]
        formset = inline.formset
        for form in formset.initial_forms:
            if form.instance.topic.slug in topics.get("remove", ()):
                data[form.add_prefix("DELETE")] = "on"
        extra = formset.extra_forms
        for form, slug in zip(extra, topics.get("add", ()), strict=False):
            data[form.add_prefix("topic")] = Topic.objects.get(slug=slug).pk
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    return data


# Curated edits survive re-ingest ------------------------------------------------------------------


def test_a_curator_can_change_a_statement(story, curator_client, curator):
    first = statement("NATO should not")

    edit_in_admin(curator_client, first, {"role_as_written": "Russian Deputy Foreign Minister"})

    first.refresh_from_db()
    assert first.role_as_written == "Russian Deputy Foreign Minister"
    assert first.curated_fields == ["role_as_written"]
    record = first.history.latest()
    assert record.history_user == curator
    assert record.prev_record.role_as_written == "Deputy Minister"  # the old value is kept


def test_curated_edits_survive_reingesting_a_changed_file(
    story, curator_client, sources, run_command, client
):
    first, untouched, wang = statement("NATO should not"), statement("NATO expansion"), statement("There are")
    permalink = first.get_absolute_url()
    lavrov = Speaker.objects.create(name="Sergey Lavrov", slug="sergey-lavrov")
    edit_in_admin(
        curator_client,
        first,
        {
            "role_as_written": "Russian Deputy Foreign Minister",
            "said_on": "2021-12-23",
            "speaker": lavrov.pk,
            "text": "NATO should not underestimate our resolve, he said.",
        },
    )
    edit_in_admin(curator_client, first.article, {"title": "A curator's headline"})
    curation.set_review_status([wang], ReviewStatus.VERIFIED)

    story.write_text(CHANGED_STORY)
    run = run_command("ingest", sources)

    assert "Articles: 0 new, 1 updated" in run.stdout
    first.refresh_from_db()
    assert first.curated_fields == ["role_as_written", "said_on", "slug", "speaker", "text"]
    assert first.role_as_written == "Russian Deputy Foreign Minister"
    assert (first.said_on, first.said_on_precision) == (dt.date(2021, 12, 23), DatePrecision.DAY)
    assert first.speaker == lavrov
    assert first.text == "NATO should not underestimate our resolve, he said."
    assert first.get_absolute_url() == permalink  # the slug published stays
    assert first.kind == "indirect"
    assert client.get(permalink).status_code == 200
    wang.refresh_from_db()
    assert (wang.role_as_written, wang.review_status) == ("Foreign Minister", ReviewStatus.VERIFIED)
    untouched.refresh_from_db()
    assert untouched.role_as_written == "Deputy Foreign Minister"  # ingest did run
    article = Article.objects.get()
    assert article.title == "A curator's headline"
    assert article.curated_fields == ["title"]
    assert [s.pk for s in Statement.objects.in_reading_order()] == [first.pk, untouched.pk, wang.pk]


def test_a_curators_topics_survive_reingest_and_retag(story, curator_client, sources, run_command):
    first = statement("NATO should not")
    assert [(link.topic.slug, link.source) for link in first.statementtopic_set.all()] == [
        ("nato", TopicSource.RULE)
    ]

    edit_in_admin(curator_client, first, {}, topics={"remove": ["nato"], "add": ["sanctions"]})

    first.refresh_from_db()
    assert "topics" in first.curated_fields
    links = {link.topic.slug: link.source for link in first.statementtopic_set.select_related("topic")}
    assert links == {"sanctions": TopicSource.CURATOR}

    run_command("ingest", sources, "--force")
    assert run_command("retag").error is None
    story.write_text(STORY.replace("NATO should not", "Nato should not"))  # same fingerprint
    run_command("ingest", sources)

    links = {link.topic.slug: link.source for link in first.statementtopic_set.select_related("topic")}
    assert links == {"sanctions": TopicSource.CURATOR}  # the removed rule topic stays removed
    assert set(statement("NATO expansion").topics.values_list("slug", flat=True)) == {"nato"}


def test_adding_a_topic_makes_the_rule_topics_left_the_curators_too(story, curator_client):
    first = statement("NATO should not")

    edit_in_admin(curator_client, first, {}, topics={"add": ["sanctions"]})

    links = {link.topic.slug: link.source for link in first.statementtopic_set.select_related("topic")}
    assert links == {"nato": TopicSource.CURATOR, "sanctions": TopicSource.CURATOR}


def test_statements_are_reviewed_on_their_articles_page(story, curator_client, curator):
    first = statement("NATO should not")

    edit_in_admin(curator_client, first.article, {"statements-0-review_status": ReviewStatus.REJECTED})

    first.refresh_from_db()
    assert first.review_status == ReviewStatus.REJECTED
    assert first.curated_fields == []
    assert first.history.latest().history_user == curator


def test_saving_a_form_unchanged_curates_nothing(story, curator_client):
    first = statement("NATO should not")

    edit_in_admin(curator_client, first, {})
    edit_in_admin(curator_client, first.article, {})

    first.refresh_from_db()
    assert first.curated_fields == []
    assert Article.objects.get().curated_fields == []


def test_a_curator_completes_an_articles_year(
    fake_extraction, write_source, sources, run_command, curator_client
):
    path = write_source("001_undated.txt", STORY.replace("Published: 2021-12-24", "Published: --12-22"))
    run_command("ingest", sources)
    article = Article.objects.needing_a_year().get()

    edit_in_admin(curator_client, article, {"published_on": "2021-12-22", "published_precision": "day"})

    article.refresh_from_db()
    assert (article.published_on, article.published_precision, article.published_month_day) == (
        dt.date(2021, 12, 22),
        DatePrecision.DAY,
        "",
    )
    assert article.curated_fields == ["published_month_day", "published_on", "published_precision"]
    assert not Article.objects.needing_a_year().exists()
    path.write_text(path.read_text() + "Wang Yi | Another statement. |\n")
    run_command("ingest", sources)
    article.refresh_from_db()
    assert article.published_on == dt.date(2021, 12, 22)
    assert not Article.objects.needing_a_year().exists()


def test_a_date_and_its_precision_must_agree(story, curator_client):
    article = Article.objects.get()
    page = curator_client.get(change_url(article))
    data = admin_form_data(page) | {"published_on": "", "published_precision": "day"}

    response = curator_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "Give the date" in response.content.decode()


def test_reverting_to_an_older_version_in_the_history_is_curated_too(story, curator_client):
    first = statement("NATO should not")
    edit_in_admin(curator_client, first, {"role_as_written": "A first correction"})
    first.refresh_from_db()
    original = first.history.earliest()
    url = reverse("admin:statements_statement_simple_history", args=[first.pk, original.history_id])
    page = curator_client.get(url)
    assert page.status_code == 200

    response = curator_client.post(url, admin_form_data(page) | {"role_as_written": "Deputy Minister"})

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.role_as_written == "Deputy Minister"
    assert first.curated_fields == ["role_as_written"]


# History -------------------------------------------------------------------------------------------


def test_the_history_view_shows_who_changed_what_from_what(story, curator_client):
    first = statement("NATO should not")
    edit_in_admin(curator_client, first, {"role_as_written": "Russian Deputy Foreign Minister"})

    html = curator_client.get(reverse("admin:statements_statement_history", args=[first.pk])).content.decode()

    assert "curator" in html
    assert "Deputy Minister" in html
    assert "Russian Deputy Foreign Minister" in html
    assert "ingest" in html  # the reading it replaced, as the first record


def test_topic_changes_are_listed_on_the_statement(story, curator_client):
    first = statement("NATO should not")
    edit_in_admin(curator_client, first, {}, topics={"remove": ["nato"]})

    html = curator_client.get(change_url(first)).content.decode()

    assert "ingest added NATO (matched by a topic rule)" in html
    assert "curator removed NATO (matched by a topic rule)" in html


# Retag ---------------------------------------------------------------------------------------------


def test_retag_applies_changed_rules_without_touching_curators_topics(story, run_command):
    first, expansion, wang = statement("NATO should not"), statement("NATO expansion"), statement("There are")
    StatementTopic.objects.create(statement=wang, topic=Topic.objects.get(slug="sanctions"), source="curator")
    curation.set_review_status([expansion], ReviewStatus.VERIFIED)
    Topic.objects.filter(slug="nato").update(match_rules="North Atlantic")
    Topic.objects.create(name="Resolve", slug="resolve", match_rules="resolve\nno limits")

    run = run_command("retag")

    assert run.error is None
    assert run.stdout.strip() == "Articles: 1 retagged, 0 failed. Topic links: 2 added, 1 removed."
    assert set(first.topics.values_list("slug", flat=True)) == {"resolve"}
    assert set(expansion.topics.values_list("slug", flat=True)) == {"nato"}  # verified: left alone
    assert set(wang.topics.values_list("slug", flat=True)) == {"sanctions", "resolve"}
    assert run_command("retag").stdout.strip().endswith("Topic links: 0 added, 0 removed.")


def test_retag_of_a_topic_reads_only_the_articles_its_rules_can_concern(
    story, write_source, sources, run_command, fake_extraction
):
    write_source("001_other.txt", "Outlet: TASS\n\nWang Yi | Grain must keep moving. |\n")
    run_command("ingest", sources)
    Topic.objects.create(name="Grain", slug="grain", match_rules="grain")
    fake_extraction.calls.clear()

    run = run_command("retag", "--topic", "grain")

    assert run.stdout.strip() == "Articles: 1 retagged, 0 failed. Topic links: 1 added, 0 removed."
    assert [call.text.splitlines()[-1] for call in fake_extraction.calls] == [
        "Wang Yi | Grain must keep moving. |"
    ]
    assert "No such topic: nothing" in str(run_command("retag", "--topic", "nothing").error)
    assert run_command("retag", "--topic", "grain", "000_story.txt").stdout.startswith("Articles: 0 retagged")


def test_retag_names_articles_and_reports_failures(story, run_command):
    Article.objects.update(original_text="Outlet: TASS\n\nEXPLODE | x |\n")

    assert run_command("retag", "nothing.txt").error is not None
    run = run_command("retag", "000_story.txt")

    assert "FAILED 000_story.txt: extraction failed" in run.stderr
    assert run.error is not None


# Merging speakers ----------------------------------------------------------------------------------


def test_merging_moves_statements_and_names_and_redirects_old_addresses(
    story, curator, client, write_source, sources, run_command
):
    ryabkov = Speaker.objects.get(slug="sergey-ryabkov")
    sergei = Speaker.objects.create(name="Sergei Ryabkov", slug="sergei-ryabkov")
    sergei_id = sergei.pk
    SpeakerAlias.objects.create(speaker=sergei, name="S. Ryabkov", normalized="s ryabkov")
    elsewhere = Article.objects.create(source_file="x.txt", original_text="", body="", content_hash="")
    moved = Statement.objects.create(
        article=elsewhere,
        speaker=sergei,
        kind="direct",
        text="We are calm.",
        slug="ryabkov-we-are-calm",
        position=0,
    )
    ryabkov_ru = Speaker.objects.create(name="Ryabkov", slug="ryabkov")
    SpeakerRedirect.objects.create(old_slug="s-ryabkov", speaker=sergei)

    result = curation.merge_speakers(ryabkov, [sergei, ryabkov_ru], user=curator)

    assert (result.statements_moved, result.aliases_moved) == (1, 1)
    assert result.aliases_added == ["Sergei Ryabkov", "Ryabkov"]
    moved.refresh_from_db()
    assert (moved.speaker, moved.slug) == (ryabkov, "ryabkov-we-are-calm")
    assert set(ryabkov.aliases.values_list("name", flat=True)) == {"S. Ryabkov", "Sergei Ryabkov", "Ryabkov"}
    for old in ["sergei-ryabkov", "ryabkov", "s-ryabkov"]:
        response = client.get(f"/speakers/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/speakers/sergey-ryabkov/")
    assert client.get("/speakers/nobody/").status_code == 404
    deleted = Speaker.history.filter(id=sergei_id).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", curator)
    assert deleted.history_change_reason == "merged into Sergey Ryabkov (sergey-ryabkov)"
    # Each redirect's history tells where it led before the merge, and who changed it.
    moved_redirect = SpeakerRedirect.objects.get(old_slug="s-ryabkov").history.order_by("history_id")
    assert [(record.history_type, record.speaker_id) for record in moved_redirect] == [
        ("+", sergei_id),
        ("~", ryabkov.pk),
    ]
    assert (moved_redirect.last().history_user, moved_redirect.last().history_change_reason) == (
        curator,
        "merged into Sergey Ryabkov (sergey-ryabkov)",
    )
    new_redirect = SpeakerRedirect.objects.get(old_slug="sergei-ryabkov").history.get()
    assert (new_redirect.history_type, new_redirect.history_user) == ("+", curator)

    # Later ingests attribute the old spelling to the kept speaker.
    write_source("002_more.txt", "Outlet: TASS\n\nSergei Ryabkov | A new statement. |\n")
    run_command("ingest", sources)
    assert statement("A new statement").speaker == ryabkov
    assert not Speaker.objects.filter(slug="sergei-ryabkov").exists()


# Backup and restore --------------------------------------------------------------------------------


def backup() -> str:
    out = io.StringIO()
    call_command("backup_archive", stdout=out)
    return out.getvalue()


def empty_the_database() -> None:
    """Leave the database as `migrate` leaves a new one: default topics and the Curator group only."""
    LogEntry.objects.all().delete()
    for model in [StatementTopic, Statement, SpeakerAlias, SpeakerRedirect, Speaker, Article, Outlet, Topic]:
        model.objects.all().delete()
    for model in TRACKED_MODELS:
        model.history.all().delete()
    User.objects.all().delete()
    default_topics.add_topics(django_apps, None)


def test_backup_and_restore_round_trip(story, curator_client, curator, tmp_path, run_command, client):
    first = statement("NATO should not")
    edit_in_admin(
        curator_client,
        first,
        {"role_as_written": "Russian Deputy Foreign Minister"},
        topics={"add": ["sanctions"]},
    )
    curation.set_review_status([statement("There are")], ReviewStatus.REJECTED, user=curator)
    grain = Topic.objects.create(name="Grain deal", slug="grain-deal", match_rules="grain")
    curation.merge_speakers(
        Speaker.objects.get(slug="sergey-ryabkov"),
        [Speaker.objects.create(name="Sergei Ryabkov", slug="sergei-ryabkov")],
    )
    Topic.objects.get(slug="tibet").delete()
    # A time within a millisecond's first microseconds is backed up, and restored, as it is.
    Statement.objects.filter(pk=first.pk).update(
        updated_at=dt.datetime(2026, 1, 2, 3, 4, 5, 123, tzinfo=dt.UTC)
    )
    dumped = backup()
    path = tmp_path / "archive.json"
    path.write_text(dumped)
    counts = {model: model.objects.count() for model in TRACKED_MODELS}
    histories = {model: model.history.count() for model in TRACKED_MODELS}

    empty_the_database()
    run = run_command("restore_archive", path)

    assert run.error is None, run.stderr
    assert run.stdout.startswith("Restored 1 articles, 3 statements")
    assert backup() == dumped
    assert {model: model.objects.count() for model in counts} == counts
    assert {model: model.history.count() for model in TRACKED_MODELS} == histories
    first.refresh_from_db()
    assert first.updated_at == dt.datetime(2026, 1, 2, 3, 4, 5, 123, tzinfo=dt.UTC)
    assert first.role_as_written == "Russian Deputy Foreign Minister"
    assert set(first.curated_fields) == {"role_as_written", "topics"}
    assert client.get(first.get_absolute_url()).status_code == 200
    assert client.get("/speakers/sergei-ryabkov/").status_code == 301
    assert not Topic.objects.filter(slug="tibet").exists()
    assert Topic.objects.get(slug="grain-deal").pk == grain.pk
    restored_curator = User.objects.get(username="curator")
    assert first.history.latest().history_user == restored_curator
    assert list(restored_curator.groups.values_list("name", flat=True)) == ["Curator"]
    # New rows get new ids after restored ones (PostgreSQL's sequences were moved on).
    extra = Statement.objects.create(
        article=first.article, speaker=first.speaker, kind="direct", text="New.", position=9, fingerprint="n"
    )
    assert extra.pk > max(json_pks(dumped, "statements.statement"))


def test_restore_refuses_a_database_that_is_not_empty(story, tmp_path, run_command):
    path = tmp_path / "archive.json"
    path.write_text(backup())

    run = run_command("restore_archive", path)

    assert "This database is not empty" in str(run.error)


def json_pks(dumped: str, model: str) -> list[int]:
    return [row["pk"] for row in json.loads(dumped) if row["model"] == model]
