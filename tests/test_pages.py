"""The server-rendered pages: what a reader sees, where links lead, and what it costs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from statements.models import Article, ReviewStatus, Speaker, SpeakerAlias, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(make_statement):
    return make_statement(
        "Western countries should not underestimate the resolve.",
        kind="indirect",
        role_as_written="Russian Deputy Foreign Minister",
        said_on=dt.date(2021, 12, 24),
        said_on_precision="day",
        topics=["nato"],
    )


def test_the_home_page_offers_search_recent_statements_topics_and_speakers(client, statement):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/statements/"' in html and 'name="q"' in html
    assert statement.text in html
    assert 'href="/topics/nato/">NATO</a> <span class="count">1</span>' in html
    assert 'href="/speakers/sergey-ryabkov/">Sergey Ryabkov</a> <span class="count">1</span>' in html
    assert "<svg" in html and "December 2021: 1 statement" in html
    assert "1 statement —" in html


def test_the_list_shows_public_statements_with_who_when_where_and_topics(client, statement, make_statement):
    make_statement("Subscribe to our channel.", review_status=ReviewStatus.REJECTED)
    make_statement("An old reading of the text.", retired_at=timezone.now())
    undated = make_statement("We are working calmly.")

    response = client.get("/statements/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Western countries should not underestimate the resolve." in html
    assert f'href="{statement.get_absolute_url()}"' in html
    assert 'href="/speakers/sergey-ryabkov/"' in html
    assert "Russian Deputy Foreign Minister" in html
    assert "Said 24 December 2021" in html
    assert "Reported speech" in html
    assert f'href="/articles/{statement.article_id}/">TASS</a>' in html
    assert 'href="/topics/nato/">NATO</a>' in html
    assert f"“{undated.text}”" in html  # a direct quote wears its quotation marks
    assert "Published 24 December 2021" in html  # no date of its own: the article's stands in
    assert "Subscribe to our channel." not in html
    assert "An old reading of the text." not in html
    assert "2 statements" in html


def test_the_list_is_paginated_and_keeps_other_parameters(client, make_statement):
    for number in range(30):
        make_statement(f"Statement number {number}.")

    first = client.get("/statements/?sort=x").content.decode()
    next_link = re.search(r'<a rel="next" href="\?sort=x&amp;after=([\w.-]+)">', first)
    second = client.get("/statements/", {"sort": "x", "after": next_link[1]}).content.decode()

    assert "Page 1 of 2" in first
    assert first.count('class="statement ') == 25
    assert "Page 2 of 2" in second and '<ol class="statements" start="26">' in second
    assert second.count('class="statement ') == 5
    assert 'rel="next"' not in second
    assert "Statement number 29." in second  # one article: in reading order
    # Old links by page number still work, and one out of range shows the last page.
    assert client.get("/statements/?page=2").content.decode().count('class="statement ') == 5
    assert client.get("/statements/?page=99").content.decode().count('class="statement ') == 5


def test_the_list_costs_a_fixed_number_of_queries(client, make_statement, django_assert_max_num_queries):
    for number in range(40):
        make_statement(f"Statement {number}.", speaker=f"Speaker {number % 9}", topics=["nato", "sanctions"])

    # The page, its capped count, its topics, and a sample of the matches (its fields, its topics)
    # for every facet.
    with django_assert_max_num_queries(5):
        response = client.get("/statements/")

    assert response.status_code == 200


def test_a_permalink_costs_a_fixed_number_of_queries(client, make_statement, django_assert_max_num_queries):
    statements = [
        make_statement(f"Statement {number}.", speaker=f"Speaker {number % 3}", topics=["nato", "sanctions"])
        for number in range(30)
    ]
    shown = statements[10]

    # The statement with its article, speaker and outlets; its topics; its article's other
    # statements; the latest ids of its speaker and of each of its two topics; the related
    # statements with what they show; their topics.
    with django_assert_max_num_queries(8):
        response = client.get(shown.get_absolute_url())

    assert response.status_code == 200
    assert response.context["related"] and response.context["previous"] and response.context["next"]


def test_the_permalink_shows_the_statement_in_its_context(client, make_statement):
    from statements.models import Article

    body = "MOSCOW, December 24. Western countries should not underestimate us, he said.\nNext paragraph."
    quote = "Western countries should not underestimate us"
    statement = make_statement(
        quote,
        article=Article.objects.create(
            source_file="a.txt", body=body, original_text=body, content_hash="2" * 64, title="Resolve"
        ),
        char_start=body.index(quote),
        char_end=body.index(quote) + len(quote),
        speaker_name_as_written="Sergei Ryabkov",
        topics=["nato"],
    )

    response = client.get(statement.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "“Western countries should not underestimate us”" in html
    assert "<mark>Western countries should not underestimate us</mark>, he said." in html
    assert '<p class="context-around">Next paragraph.</p>' in html  # the paragraphs around it
    assert "Sergei Ryabkov" in html  # named in the text differently
    assert "Date unknown" in html
    assert f'<link rel="canonical" href="http://testserver{statement.get_absolute_url()}">' in html
    assert 'href="/topics/nato/"' in html


def test_a_bare_or_wrong_slug_permalink_redirects_permanently(client, statement):
    canonical = statement.get_absolute_url()

    for url in (f"/statements/{statement.pk}/", f"/statements/{statement.pk}/an-old-slug/"):
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == canonical


def test_a_statement_without_a_slug_lives_at_its_bare_permalink(client, make_statement):
    statement = make_statement("Третьи слова.", slug="")

    assert client.get(f"/statements/{statement.pk}/").status_code == 200
    response = client.get(f"/statements/{statement.pk}/some-slug/")
    assert response.status_code == 301
    assert response["Location"] == f"/statements/{statement.pk}/"


def test_a_retired_statement_keeps_its_page_with_a_notice(client, make_statement):
    statement = make_statement("An old reading of the text.", retired_at=timezone.now())

    response = client.get(statement.get_absolute_url())

    assert response.status_code == 200
    assert "no longer contains this statement" in response.content.decode()


def test_rejected_and_unknown_statements_are_not_found(client, make_statement):
    rejected = make_statement("Subscribe to our channel.", review_status=ReviewStatus.REJECTED)

    assert client.get(rejected.get_absolute_url()).status_code == 404
    assert client.get("/statements/999999/").status_code == 404
    response = client.get("/statements/999999/nothing/")
    assert response.status_code == 404
    assert "Browse all statements" in response.content.decode()


def test_the_article_page_lists_its_statements_and_text(client, statement, make_statement):
    make_statement("Subscribe to our channel.", review_status=ReviewStatus.REJECTED)
    article = statement.article
    article.body = "First paragraph.\n\nSecond paragraph."
    article.save()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="article-heading">Moscow and Beijing</h1>' in html
    assert "24 December 2021" in html
    assert "Western countries should not underestimate the resolve." in html
    assert "Subscribe to our channel." not in html
    assert "<p>First paragraph.</p><p>Second paragraph.</p>" in html
    assert client.get("/articles/999999/").status_code == 404


def test_the_speaker_page_shows_the_speaker_and_their_statements(client, statement, make_statement):
    make_statement("Someone else speaks.", speaker="Wang Yi")
    SpeakerAlias.objects.create(
        speaker=Speaker.objects.get(slug="sergey-ryabkov"), name="Sergei Ryabkov", normalized="sergei ryabkov"
    )

    response = client.get("/speakers/sergey-ryabkov/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Sergey Ryabkov</h1>" in html
    assert "Also written as Sergei Ryabkov." in html
    assert "1 statement<" in html
    assert statement.text in html
    assert "Someone else speaks." not in html
    assert client.get("/speakers/nobody/").status_code == 404


def dated_article(source_file: str, published_on: dt.date, precision: str) -> Article:
    return Article.objects.create(
        source_file=source_file, published_on=published_on, published_precision=precision
    )


def test_dates_on_pages_claim_no_more_precision_than_known(client, make_statement):
    in_2021 = dated_article("2021.txt", dt.date(2021, 1, 1), "year")
    in_march = dated_article("2022-03.txt", dt.date(2022, 3, 1), "month")
    on_the_day = dated_article("2022-05-09.txt", dt.date(2022, 5, 9), "day")
    once = make_statement("Said once.", article=in_2021, role_as_written="Envoy")
    make_statement("Said first.", article=in_2021, role_as_written="Minister")
    make_statement("Said then.", article=in_march, role_as_written="Minister")
    make_statement("Said last.", article=on_the_day, role_as_written="Adviser")

    html = client.get("/speakers/sergey-ryabkov/").content.decode()

    assert 'Envoy <span class="muted">— 1 statement, 2021</span>' in html
    assert 'Minister <span class="muted">— 2 statements, 2021 to March 2022</span>' in html
    assert 'Adviser <span class="muted">— 1 statement, 9 May 2022</span>' in html
    assert "1 January 2021" not in html and "January 2021" not in html

    def published_time(statement) -> str:
        page = client.get(statement.get_absolute_url()).content.decode()
        found = re.search(r'<meta property="article:published_time" content="([^"]*)">', page)
        return found[1] if found else None

    assert published_time(once) == "2021"
    assert published_time(Statement.objects.get(text="Said then.")) == "2022-03"
    assert published_time(Statement.objects.get(text="Said last.")) == "2022-05-09"
    unknown = make_statement("Said some day.", article=Article.objects.create(source_file="x.txt"))
    assert published_time(unknown) is None


def test_the_topic_page_shows_its_description_and_statements(client, statement, make_statement):
    make_statement("Nothing about alliances.")

    response = client.get("/topics/nato/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>NATO</h1>" in html
    assert "North Atlantic Treaty Organization" in html
    assert statement.text in html
    assert "Nothing about alliances." not in html
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_pages_use_one_base_with_landmarks_and_the_local_stylesheet(client, statement):
    html = client.get("/statements/").content.decode()

    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert "/static/css/site.css" in html
    assert "https://" not in html


def test_statements_are_ordered_newest_article_first_then_in_reading_order(client, make_statement):
    from statements.models import Article

    old = Article.objects.create(
        source_file="old.txt",
        published_on=dt.date(2019, 1, 1),
        published_precision="day",
        content_hash="3" * 64,
    )
    undated = Article.objects.create(source_file="undated.txt", content_hash="4" * 64)
    make_statement("Undated words.", article=undated, position=0)
    make_statement("Old words two.", article=old, position=2)
    make_statement("Old words one.", article=old, position=1)
    make_statement("New words.")

    texts = [statement.text for statement in Statement.objects.newest_first()]

    assert texts == ["New words.", "Old words one.", "Old words two.", "Undated words."]
