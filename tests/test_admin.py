"""The curators' admin: every page renders for a superuser and a curator, actions work, rules hold.

Changes made through change forms and what re-ingest does with them are in test_curation.py.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from statements.models import (
    Article,
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

PASTED_STORY = (
    "Outlet: TASS\n"
    "Title: Moscow and Beijing will defend their interests\n"
    "Published: 2021-12-24\n"
    "\n"
    "Sergey Ryabkov | NATO should not underestimate our resolve. | role=Deputy Minister\n"
    "Wang Yi | There are no limits to the relations. | kind=indirect\n"
)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def curator(db) -> User:
    user = User.objects.create_user("curator", password="a long curator password", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture(params=["superuser", "curator"])
def staff_client(request, client, admin_user, curator):
    client.force_login(admin_user if request.param == "superuser" else curator)
    return client


@pytest.fixture
def archive(make_statement):
    """Two articles, one without a year, three speakers (one with an alias) and reviewed statements."""
    first = make_statement(
        "NATO should not underestimate our resolve.",
        char_end=len("NATO should not underestimate our resolve."),
        role_as_written="Deputy Minister",
        said_on=dt.date(2021, 12, 24),
        said_on_precision="day",
        topics=["nato"],
    )
    make_statement("There are no limits.", speaker="Wang Yi", review_status=ReviewStatus.VERIFIED)
    make_statement("Subscribe to our channel.", speaker="Wang Yi", review_status=ReviewStatus.REJECTED)
    undated = Article.objects.create(
        source_file="001_undated.txt",
        title="Patrushev met his counterpart",
        published_precision="month-day",
        published_month_day="12-22",
        original_text="MOSCOW, December 22 ...",
        body="Coordination matters.",
        content_hash="1" * 64,
    )
    make_statement("Coordination matters.", speaker="Nikolai Patrushev", article=undated)
    SpeakerAlias.objects.create(speaker=first.speaker, name="Sergei Ryabkov", normalized="sergei ryabkov")
    return first


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:statements_{model._meta.model_name}_{view}", args=args)


def action(client, model, name: str, objects, **extra):
    """Post an action as the changelist's action bar does (extra fields as a confirmation page)."""
    data = {"action": name, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra}
    if not extra:
        data["index"] = 0
    return client.post(admin_url(model, "changelist"), data, follow=True)


# Pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Article, Speaker, Statement, Topic])
def test_changelists_render_within_a_query_budget(
    staff_client, archive, model, make_statement, django_assert_max_num_queries
):
    for number in range(30):
        make_statement(
            f"Statement number {number} about NATO.", speaker=f"Speaker {number % 7}", topics=["nato"]
        )

    with django_assert_max_num_queries(14):
        response = staff_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200


def test_changelist_of_outlets_renders(staff_client, archive):
    response = staff_client.get(admin_url(archive.article.outlet, "changelist"))

    assert response.status_code == 200
    assert "TASS" in response.content.decode()


def test_statement_changelist_searches_and_filters(staff_client, archive):
    url = admin_url(Statement, "changelist")

    html = staff_client.get(url, {"q": "underestimate"}).content.decode()
    assert "NATO should not underestimate our resolve." in html
    assert "There are no limits." not in html

    html = staff_client.get(url, {"review_status__exact": "rejected"}).content.decode()
    assert "Subscribe to our channel." in html
    assert "There are no limits." not in html

    html = staff_client.get(url, {"article": archive.article_id}).content.decode()
    assert "Coordination matters." not in html
    assert "Moscow and Beijing" in html  # the article filter names the article


def test_articles_without_a_year_are_listed_for_curators(staff_client, archive):
    response = staff_client.get(admin_url(Article, "changelist"), {"date": "year-unknown"})

    html = response.content.decode()
    assert "Year unknown: needs a curator" in html
    assert "Patrushev met his counterpart" in html
    assert "Moscow and Beijing" not in html


@pytest.mark.parametrize("model", [Article, Speaker, Statement, Topic])
def test_change_forms_and_history_render(staff_client, archive, model):
    obj = {
        Article: archive.article,
        Speaker: archive.speaker,
        Statement: archive,
        Topic: Topic.objects.get(slug="nato"),
    }[model]

    change = staff_client.get(admin_url(model, "change", obj.pk))
    history = staff_client.get(admin_url(model, "history", obj.pk))

    assert change.status_code == 200
    assert history.status_code == 200
    assert "View on site" in change.content.decode()


def test_statement_change_form_shows_its_context_topics_and_a_read_only_original(staff_client, archive):
    html = staff_client.get(admin_url(Statement, "change", archive.pk)).content.decode()

    assert "<mark>NATO should not underestimate our resolve.</mark>" in html
    assert "Matched by a topic rule" in html
    article_html = staff_client.get(admin_url(Article, "change", archive.article_id)).content.decode()
    assert 'name="original_text"' not in article_html  # shown, never edited
    assert 'name="statements-0-review_status"' in article_html  # statements inline, reviewable


def test_view_on_site_leads_to_the_permalink(staff_client, archive):
    html = staff_client.get(admin_url(Statement, "change", archive.pk)).content.decode()
    (shortcut,) = re.findall(r'href="(/admin/r/[^"]+)" class="viewsitelink"', html)

    response = staff_client.get(shortcut)

    assert response.status_code == 302
    assert response["Location"].endswith(archive.get_absolute_url())


def test_statements_cannot_be_added_or_deleted_in_the_admin(admin_client, archive):
    assert admin_client.get(admin_url(Statement, "add")).status_code == 403
    assert admin_client.get(admin_url(Statement, "delete", archive.pk)).status_code == 403


# Review --------------------------------------------------------------------------------------------


def test_bulk_review_actions_verify_reject_and_return_to_auto(curator_client, archive):
    wang = Statement.objects.get(text="There are no limits.")

    response = action(curator_client, Statement, "mark_rejected", [archive, wang])

    assert "2 statement(s) now “Rejected by a curator”" in response.content.decode()
    archive.refresh_from_db()
    assert archive.review_status == ReviewStatus.REJECTED
    assert Statement.objects.filter(pk=archive.pk).exists()  # hidden, not deleted
    assert archive not in Statement.objects.public()
    assert Client().get(archive.get_absolute_url()).status_code == 404  # for readers

    action(curator_client, Statement, "mark_verified", [archive])
    archive.refresh_from_db()
    assert archive.review_status == ReviewStatus.VERIFIED

    action(curator_client, Statement, "mark_auto", [archive])
    archive.refresh_from_db()
    assert archive.review_status == ReviewStatus.AUTO
    record = archive.history.first()
    assert (record.history_user, record.history_change_reason) == (
        User.objects.get(username="curator"),
        "review: auto",
    )
    assert record.prev_record.review_status == ReviewStatus.VERIFIED


# Topics --------------------------------------------------------------------------------------------


def test_invalid_topic_rules_are_a_form_error(curator_client):
    response = curator_client.post(
        admin_url(Topic, "add"),
        {
            "name": "Grain deal",
            "slug": "grain-deal",
            "description": "",
            "match_rules": "grain deal\nre:([unclosed",
        },
    )

    assert response.status_code == 200
    assert "Line 2:" in response.content.decode()
    assert not Topic.objects.filter(slug="grain-deal").exists()


def test_valid_topic_rules_are_saved(curator_client):
    response = curator_client.post(
        admin_url(Topic, "add"),
        {
            "name": "Grain deal",
            "slug": "grain-deal",
            "description": "",
            "match_rules": "# comment\ngrain deal\nre:grain\\s+corridor",
        },
    )

    assert response.status_code == 302
    assert Topic.objects.get(slug="grain-deal").rule_lines == ("grain deal", r"re:grain\s+corridor")


def test_the_retag_action_applies_rules_and_keeps_curator_topics(
    fake_extraction, write_source, sources, run_command, curator_client
):
    write_source("000_story.txt", PASTED_STORY)
    run_command("ingest", sources)
    nato_statement = Statement.objects.get(speaker__slug="sergey-ryabkov")
    limits = Statement.objects.get(speaker__slug="wang-yi")
    sanctions = Topic.objects.get(slug="sanctions")
    StatementTopic.objects.create(statement=limits, topic=sanctions, source=TopicSource.CURATOR)
    grain = Topic.objects.create(name="Limits", slug="limits", match_rules="no limits")

    response = action(curator_client, Topic, "retag_topics", [grain])

    assert "1 topic link(s) added, 0 removed" in response.content.decode()
    assert set(limits.topics.values_list("slug", flat=True)) == {"sanctions", "limits"}
    assert set(nato_statement.topics.values_list("slug", flat=True)) == {"nato"}


OTHER_STORY = (
    "Outlet: TASS\nPublished: 2021-12-25\n\nWang Yi | Grain must keep moving through the corridor. |\n"
)


def test_the_retag_action_reads_only_the_articles_the_selected_topics_can_concern(
    fake_extraction, write_source, sources, run_command, curator_client
):
    write_source("000_story.txt", PASTED_STORY)
    write_source("001_grain.txt", OTHER_STORY)
    write_source("002_limits.txt", PASTED_STORY.replace("Published: 2021-12-24", "Published: 2022-01-05"))
    run_command("ingest", sources)
    limits = Topic.objects.create(name="Limits", slug="limits", match_rules="no LIMIT*\nAsia-Pacific")
    resolve = Topic.objects.create(name="Resolve", slug="resolve", match_rules="resolve")
    grain_article = Article.objects.get(source_file="001_grain.txt")
    # A link the rules made once: a changed rule must be able to remove it.
    StatementTopic.objects.create(statement=grain_article.statements.get(), topic=resolve)
    fake_extraction.calls.clear()

    response = action(curator_client, Topic, "retag_topics", [limits, resolve])

    assert "Topic rules re-applied to 3 article(s)" in response.content.decode()
    fake_extraction.calls.clear()

    response = action(curator_client, Topic, "retag_topics", [limits])

    html = response.content.decode()
    assert "Topic rules re-applied to 2 article(s): 0 topic link(s) added" in html
    read = {call.text for call in fake_extraction.calls}
    assert OTHER_STORY not in read and len(read) == 2
    assert not grain_article.statements.get().topics.exists()  # removed by the first action


def test_the_retag_action_leaves_too_many_articles_to_the_retag_command(
    fake_extraction, write_source, sources, run_command, curator_client, monkeypatch
):
    monkeypatch.setattr("statements.admin.RETAG_IN_A_REQUEST", 1)
    write_source("000_story.txt", PASTED_STORY)
    write_source("002_limits.txt", PASTED_STORY.replace("Published: 2021-12-24", "Published: 2022-01-05"))
    run_command("ingest", sources)
    limits = Topic.objects.create(name="Limits", slug="limits", match_rules="re:no\\s+limits")
    fake_extraction.calls.clear()

    response = action(curator_client, Topic, "retag_topics", [limits])

    html = response.content.decode()
    assert "may concern more than 1 articles" in html
    assert "python manage.py retag --topic limits" in html
    assert not fake_extraction.calls
    assert not StatementTopic.objects.filter(topic=limits).exists()


# Speakers ------------------------------------------------------------------------------------------


def test_merge_asks_which_speaker_to_keep_then_merges(curator_client, archive, client):
    sergei = Speaker.objects.create(name="Sergei Ryabkov Jr", slug="sergei-ryabkov-jr")
    moved = Statement.objects.create(
        article=archive.article,
        speaker=sergei,
        kind="direct",
        text="We are calm.",
        position=9,
        fingerprint="x",
    )
    ryabkov = archive.speaker

    confirm = action(curator_client, Speaker, "merge_speakers", [ryabkov, sergei])

    assert confirm.status_code == 200
    assert 'name="keep"' in confirm.content.decode()
    assert Speaker.objects.filter(pk=sergei.pk).exists()  # nothing happens before the choice

    done = action(curator_client, Speaker, "merge_speakers", [ryabkov, sergei], keep=ryabkov.pk)
    assert done.status_code == 200
    assert "Merged Sergei Ryabkov Jr into Sergey Ryabkov" in done.content.decode()
    moved.refresh_from_db()
    assert moved.speaker == ryabkov
    assert not Speaker.objects.filter(pk=sergei.pk).exists()
    assert "Sergei Ryabkov Jr" in ryabkov.aliases.values_list("name", flat=True)
    assert SpeakerRedirect.objects.get(old_slug="sergei-ryabkov-jr").speaker == ryabkov
    response = client.get("/speakers/sergei-ryabkov-jr/")
    assert response.status_code == 301
    assert response["Location"] == "/speakers/sergey-ryabkov/"


def test_merge_needs_two_speakers(curator_client, archive):
    response = action(curator_client, Speaker, "merge_speakers", [archive.speaker])

    assert "Select two speakers or more to merge." in response.content.decode()


def test_an_alias_another_speaker_has_is_refused(curator_client, archive):
    wang = Speaker.objects.get(slug="wang-yi")
    url = admin_url(Speaker, "change", wang.pk)
    data = {
        "name": "Wang Yi",
        "slug": "wang-yi",
        "kind": "person",
        "country": "",
        "description": "",
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-name": "SERGEI  Ryabkov",
        "aliases-0-speaker": wang.pk,
    }

    response = curator_client.post(url, data)

    assert response.status_code == 200
    assert "is already a name of Sergey Ryabkov" in response.content.decode()

    data["aliases-0-name"] = "Wáng  Yì"
    response = curator_client.post(url, data)

    assert response.status_code == 302
    alias = wang.aliases.get()
    assert (alias.name, alias.normalized) == ("Wáng Yì", "wang yi")


def test_a_new_speaker_slug_keeps_the_old_address(curator_client, archive, client):
    wang = Speaker.objects.get(slug="wang-yi")
    data = {
        "name": "Wang Yi",
        "slug": "wang-yi-china",
        "kind": "person",
        "country": "China",
        "description": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }

    response = curator_client.post(admin_url(Speaker, "change", wang.pk), data)

    assert response.status_code == 302
    wang.refresh_from_db()
    assert wang.curated_fields == ["country"]
    assert client.get("/speakers/wang-yi/")["Location"] == "/speakers/wang-yi-china/"


# Adding an article by pasting it -------------------------------------------------------------------


def test_pasting_an_article_runs_ingest_and_lands_on_its_statements(fake_extraction, curator_client, curator):
    response = curator_client.post(
        admin_url(Article, "add"), {"text": PASTED_STORY.replace("\n", "\r\n"), "name": ""}
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{admin_url(Statement, 'changelist')}?article={article.pk}"
    assert article.source_file.startswith("pasted/")
    assert article.original_text == PASTED_STORY
    assert article.history.get().history_user == curator
    assert [s.text for s in article.statements.in_reading_order()] == [
        "NATO should not underestimate our resolve.",
        "There are no limits to the relations.",
    ]
    review = curator_client.get(response["Location"]).content.decode()
    assert "2 statement(s) extracted (2 new)" in review
    assert "There are no limits to the relations." in review

    again = curator_client.post(admin_url(Article, "add"), {"text": PASTED_STORY, "name": ""})

    assert again["Location"] == response["Location"]  # the same text is the same article
    assert "was already in the archive" in curator_client.get(again["Location"]).content.decode()
    assert Article.objects.count() == 1


def test_pasting_logs_what_it_did_and_nothing_when_the_text_is_already_there(
    fake_extraction, curator_client, curator
):
    def paste(text: str, name: str = "briefing.txt") -> str:
        response = curator_client.post(admin_url(Article, "add"), {"text": text, "name": name})
        return curator_client.get(response["Location"]).content.decode()

    def log() -> list[tuple[int, str]]:
        entries = LogEntry.objects.filter(user=curator).order_by("pk")
        return [(entry.action_flag, entry.get_change_message()) for entry in entries]

    assert "was added: 2 statement(s) extracted (2 new)" in paste(PASTED_STORY)
    assert log() == [(ADDITION, "Added.")]

    page = paste(PASTED_STORY)

    assert "was already in the archive with this text" in page
    assert "was added" not in page
    assert log() == [(ADDITION, "Added.")]

    page = paste(
        PASTED_STORY.replace("Wang Yi | There are no limits to the relations. | kind=indirect\n", "")
    )

    assert "was read again from this text: 1 statement(s) extracted (0 new, 1 no longer in the text)" in page
    assert log() == [
        (ADDITION, "Added."),
        (CHANGE, "Read again from pasted text: 1 statement(s) extracted (0 new, 1 no longer in the text)."),
    ]


def test_pasting_text_that_cannot_be_ingested_is_a_form_error(fake_extraction, curator_client):
    response = curator_client.post(
        admin_url(Article, "add"), {"text": "Outlet: TASS\n\nEXPLODE | x |\n", "name": ""}
    )

    assert response.status_code == 200
    assert "This text cannot be ingested: extraction failed" in response.content.decode()
    assert not Article.objects.exists()


def test_the_paste_form_renders(staff_client):
    response = staff_client.get(admin_url(Article, "add"))

    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()


# Permissions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/statements/statement/",
        "/admin/statements/article/add/",
        "/admin/auth/user/",
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_signed_in_reader_who_is_not_staff_cannot_reach_admin(client, archive):
    client.force_login(User.objects.create_user("reader", password="a long reader password"))

    response = client.get("/admin/statements/statement/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"])
def test_curators_cannot_open_users_or_groups(curator_client, curator, url):
    assert curator_client.get(url).status_code == 403
    assert curator_client.get(f"/admin/auth/user/{curator.pk}/change/").status_code == 403


def test_curators_see_the_archive_but_not_users_on_the_admin_index(curator_client):
    html = curator_client.get("/admin/").content.decode()

    assert "/admin/statements/statement/" in html
    assert "/admin/statements/topic/" in html
    assert "/admin/auth/user/" not in html


def test_curators_cannot_delete_articles_or_topics(curator_client, archive):
    assert curator_client.get(admin_url(Article, "delete", archive.article_id)).status_code == 403
    nato = Topic.objects.get(slug="nato")
    assert curator_client.get(admin_url(Topic, "delete", nato.pk)).status_code == 403


def test_curators_cannot_delete_speakers_aliases_or_redirects_but_can_merge(curator_client, archive):
    ryabkov, wang = archive.speaker, Speaker.objects.get(slug="wang-yi")
    alias = ryabkov.aliases.get()
    redirect = SpeakerRedirect.objects.create(old_slug="s-ryabkov", speaker=ryabkov)

    assert curator_client.get(admin_url(Speaker, "delete", ryabkov.pk)).status_code == 403
    assert curator_client.get(admin_url(SpeakerRedirect, "delete", redirect.pk)).status_code == 403
    assert (
        curator_client.post(admin_url(SpeakerRedirect, "delete", redirect.pk), {"post": "yes"}).status_code
        == 403
    )
    changelist = curator_client.get(admin_url(Speaker, "changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist
    assert 'value="merge_speakers"' in changelist
    action(curator_client, Speaker, "delete_selected", [wang], post="yes")
    assert Speaker.objects.filter(pk=wang.pk).exists()
    change_form = curator_client.get(admin_url(Speaker, "change", ryabkov.pk)).content.decode()
    assert "aliases-0-DELETE" not in change_form
    data = {
        "name": ryabkov.name,
        "slug": ryabkov.slug,
        "kind": "person",
        "country": "",
        "description": "",
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "1",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-id": alias.pk,
        "aliases-0-speaker": ryabkov.pk,
        "aliases-0-name": alias.name,
        "aliases-0-DELETE": "on",
    }
    curator_client.post(admin_url(Speaker, "change", ryabkov.pk), data)
    assert SpeakerAlias.objects.filter(pk=alias.pk).exists()

    done = action(curator_client, Speaker, "merge_speakers", [ryabkov, wang], keep=ryabkov.pk)

    assert "Merged Wang Yi into Sergey Ryabkov" in done.content.decode()
    assert not Speaker.objects.filter(pk=wang.pk).exists()
    assert SpeakerRedirect.objects.get(old_slug="wang-yi").speaker == ryabkov


def test_histories_of_what_a_merge_moved_still_render(curator_client, archive):
    ryabkov, wang = archive.speaker, Speaker.objects.get(slug="wang-yi")
    redirect = SpeakerRedirect.objects.create(old_slug="w-yi", speaker=wang)
    moved = Statement.objects.get(text="There are no limits.")
    action(curator_client, Speaker, "merge_speakers", [ryabkov, wang], keep=ryabkov.pk)

    for history in (
        admin_url(SpeakerRedirect, "history", redirect.pk),
        admin_url(Statement, "history", moved.pk),
    ):
        response = curator_client.get(history)

        assert response.status_code == 200
        html = response.content.decode()
        assert "merged into Sergey Ryabkov (sergey-ryabkov)" in html
        assert f"speaker {wang.pk}, merged since" in html  # the version before the merge


def test_superusers_may_still_delete_a_speaker(admin_client, archive):
    patrushev = Speaker.objects.get(slug="nikolai-patrushev")
    patrushev.statements.all().delete()

    response = admin_client.post(admin_url(Speaker, "delete", patrushev.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=patrushev.pk).exists()


def test_the_curator_group_comes_from_a_migration():
    permissions = set(Group.objects.get(name="Curator").permissions.values_list("codename", flat=True))

    assert {
        "change_statement",
        "change_article",
        "change_topic",
        "change_speaker",
        "add_article",
    } <= permissions
    assert not {p for p in permissions if p.endswith(("_user", "_group", "_permission"))}
    # Statements are rejected, speakers merged: the only thing a curator deletes is a topic link.
    assert {p for p in permissions if p.startswith("delete_")} == {"delete_statementtopic"}
