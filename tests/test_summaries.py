"""Archive-wide tallies are kept for SUMMARY_CACHE_SECONDS: pages that show them count them once."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept_tallies(settings):
    settings.SUMMARY_CACHE_SECONDS = 300
    for cache in (caches["summaries"], caches["default"]):
        cache.clear()
    yield
    for cache in (caches["summaries"], caches["default"]):
        cache.clear()


def kept_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM statements_summary_cache")
        return cursor.fetchone()[0]


def topic_count(html: str, slug: str) -> str:
    return re.search(rf'href="/topics/{slug}/">[^<]+</a> <span class="count">(\d+)', html)[1]


@pytest.mark.parametrize("url", ["/", "/topics/", "/topics/nato/", "/speakers/", "/speakers/sergey-ryabkov/"])
def test_a_page_of_tallies_counts_them_once_until_they_expire(client, make_statement, kept_tallies, url):
    for number in range(5):
        make_statement(f"Statement {number} on the alliance.", topics=["nato"])
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get(url)
    with CaptureQueriesContext(connection) as again_queries:
        again = client.get(url)

    def grouped(queries) -> list[str]:
        return [query["sql"] for query in queries.captured_queries if "GROUP BY" in query["sql"]]

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert grouped(first_queries) and not grouped(again_queries)


def test_kept_tallies_are_counted_afresh_once_they_expire(client, make_statement, kept_tallies):
    for number in range(3):
        make_statement(f"Statement {number} on the alliance.", topics=["nato"])
    assert topic_count(client.get("/").content.decode(), "nato") == "3"

    make_statement("One more on the alliance.", topics=["nato"])
    assert topic_count(client.get("/").content.decode(), "nato") == "3"
    caches["summaries"].clear()  # as when SUMMARY_CACHE_SECONDS have passed
    assert topic_count(client.get("/").content.decode(), "nato") == "4"


def test_every_page_of_a_filtered_list_shows_the_facets_counted_once(
    client, make_statement, kept_tallies, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr("statements.views.STATEMENTS_PER_PAGE", 2)
    for number in range(5):
        make_statement(f"Statement {number} on the alliance.", topics=["nato"])
    first = client.get("/statements/", {"topic": "nato", "sort": "oldest"})
    facets = first.context["facets"]

    # The page, its count and its topics, and the facets page 1 counted, read from where they are kept.
    with django_assert_max_num_queries(5):
        second = client.get("/statements/", {"sort": "oldest", "topic": "nato", "page": 2})
    assert second.context["facets"] == facets
    assert [choice.count for choice in facets[1].choices] == [5]


def test_curators_facets_are_counted_live(admin_client, make_statement, kept_tallies):
    make_statement("Statement on the alliance.", topics=["nato"])
    assert [c.count for c in admin_client.get("/statements/").context["facets"][1].choices] == [1]

    make_statement("Another statement on the alliance.", topics=["nato"])
    assert [c.count for c in admin_client.get("/statements/").context["facets"][1].choices] == [2]


def test_a_search_given_twice_counts_the_facets_of_the_search_it_runs(client, make_statement, kept_tallies):
    make_statement("The alliance is expanding.", speaker="Alpha One")
    make_statement("The sanctions are illegal.", speaker="Beta Two")

    def speakers(query: str) -> list[str]:
        response = client.get("/statements/?" + query)
        return [choice.value for choice in response.context["facets"][0].choices]

    # A single-valued filter reads its last value: these are two different searches.
    assert speakers("q=alliance&q=sanctions") == ["beta-two"]
    assert speakers("q=sanctions&q=alliance") == ["alpha-one"]


def test_a_readers_search_writes_nothing_to_the_database(client, make_statement, kept_tallies):
    make_statement("The alliance is expanding.", topics=["nato"])
    client.get("/statements/", {"topic": "nato"})
    shared = kept_rows()

    client.get("/statements/", {"q": "alliance"})
    client.get("/statements/", {"q": "alliance"})

    assert shared >= 1 and kept_rows() == shared
