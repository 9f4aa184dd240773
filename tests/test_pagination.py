"""Paging through long lists by key: every statement once, in list order, forwards and back."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.http import QueryDict

from statements.models import Article, Outlet, Statement
from statements.pagination import Cursor, KeysetPaginator

pytestmark = pytest.mark.django_db

PER_PAGE = 3


@pytest.fixture
def many(make_statement, monkeypatch):
    """Statements in articles of several dates, two of them on one day, and two undated."""
    monkeypatch.setattr("statements.views.STATEMENTS_PER_PAGE", PER_PAGE)
    outlet = Outlet.objects.create(name="Wire", slug="wire")
    dates = [dt.date(2020, 1, 5), dt.date(2021, 6, 1), dt.date(2021, 6, 1), None, dt.date(2019, 3, 3), None]
    made = []
    for number, published_on in enumerate(dates):
        article = Article.objects.create(
            source_file=f"{number}.txt",
            outlet=outlet,
            title=f"Story {number}",
            published_on=published_on,
            published_precision="day" if published_on else "unknown",
            original_text="text",
            body="text",
            content_hash=f"{number:064d}",
        )
        for position in range(1 + number % 3):
            made.append(make_statement(f"Story {number} statement {position}.", article=article))
    return made


def shown(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="statement-(\d+)"', response.content.decode())]


def link(response, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', response.content.decode())
    return html.unescape(found[1]) if found else None


def walk(client, url: str, rel: str) -> list[list[int]]:
    pages = []
    while url:
        response = client.get("/statements/" + url)
        assert response.status_code == 200
        pages.append(shown(response))
        url = link(response, rel)
    return pages


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_next_links_visit_every_statement_once_in_list_order(client, many, sort):
    ordered = Statement.objects.all()
    expected = [s.pk for s in (ordered.oldest_first() if sort == "oldest" else ordered.newest_first())]

    pages = walk(client, f"?sort={sort}", "next")

    assert [pk for page in pages for pk in page] == expected
    assert all(len(page) == PER_PAGE for page in pages[:-1])


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_previous_links_lead_back_through_the_same_pages(client, many, sort):
    forward = walk(client, f"?sort={sort}", "next")
    last_page_url = f"?sort={sort}&page={len(forward)}"

    backward = walk(client, last_page_url, "prev")

    assert backward == forward[::-1]


def test_pages_reached_by_key_are_numbered_as_by_page_number(client, many):
    second = client.get("/statements/" + link(client.get("/statements/"), "next"))
    by_number = client.get("/statements/?page=2")

    assert shown(second) == shown(by_number)
    assert f'<ol class="statements" start="{PER_PAGE + 1}">' in second.content.decode()
    assert "Page 2 of" in second.content.decode()


def test_filters_stay_with_the_cursor_and_other_links_drop_it(client, many):
    first = client.get("/statements/", {"q": "statement", "sort": "newest"})
    next_url = link(first, "next")
    second = client.get("/statements/" + next_url)
    page = second.content.decode()

    assert "q=statement" in next_url and "after=" in next_url
    assert all(Statement.objects.get(pk=pk).text.startswith("Story") for pk in shown(second))
    # A new order or a download starts from the top, not from someone else's place.
    sort_link = re.search(r'<a href="([^"]*sort=oldest[^"]*)"', page)[1]
    assert "after=" not in sort_link
    assert "after=" not in re.search(r'href="(/statements/export\.csv[^"]*)"', page)[1]


@pytest.mark.parametrize("cursor", ["nonsense", "2021-13-45.1.1.1.1", "", "2021-01-01.x.1.1"])
def test_a_cursor_that_does_not_read_shows_the_first_page(client, many, cursor):
    response = client.get("/statements/", {"after": cursor})

    assert response.status_code == 200
    assert shown(response) == shown(client.get("/statements/"))


def test_a_cursor_round_trips(many):
    cursor = Cursor(dt.date(2021, 6, 1), 12, 3, 456, 78)

    assert Cursor.parse(str(cursor)) == cursor
    assert Cursor.parse(str(Cursor(None, 1, 2, 3, 4))) == Cursor(None, 1, 2, 3, 4)


def test_a_deep_page_costs_what_the_first_costs(many, django_assert_max_num_queries):
    paginator = KeysetPaginator(Statement.objects.all(), PER_PAGE)
    last = Statement.objects.newest_first()[PER_PAGE * 2 - 1]
    cursor = Cursor(last.article.published_on, last.article_id, last.position, last.pk, PER_PAGE * 2)

    # One query for the dated rows after the key, one more when the page reaches undated ones.
    with django_assert_max_num_queries(2):
        page = paginator.get_page(QueryDict(f"after={cursor}"))
        assert len(page.object_list) == PER_PAGE
    assert page.start_index == PER_PAGE * 2 + 1


def test_past_the_counted_statements_next_links_still_lead_on(client, many, monkeypatch):
    monkeypatch.setattr("statements.pagination.COUNT_LIMIT", 4)

    first = client.get("/statements/")
    pages = walk(client, "?", "next")

    assert "4+ statements" in first.content.decode()
    # How many pages there are is not known past the count, so none is claimed.
    assert ">Page 1<" in first.content.decode() and "Page 1 of" not in first.content.decode()
    assert sorted(pk for page in pages for pk in page) == sorted(statement.pk for statement in many)
    assert len(pages) > 4 // PER_PAGE + 1
