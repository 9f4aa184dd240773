"""Archive-wide tallies are kept for SUMMARY_CACHE_SECONDS: pages that show them count them once."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept_tallies(settings):
    settings.SUMMARY_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


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
    cache.clear()  # as when SUMMARY_CACHE_SECONDS have passed
    assert topic_count(client.get("/").content.decode(), "nato") == "4"
