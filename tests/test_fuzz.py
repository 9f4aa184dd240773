"""Every public URL with hostile query strings (bench/fuzz.py): never a server error.

A bounded number of examples keeps the suite quick; `make bench` sends at least 10,000 to gunicorn.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from bench.fuzz import PATHS, public_requests

pytestmark = pytest.mark.django_db

EXAMPLES = 300


@pytest.fixture
def archive(make_statement):
    """A small archive, so the paths in PATHS name things that exist as well as things that do not."""
    first = make_statement(
        "NATO's expansion is a threat to security in Europe.", topics=["nato"], kind="indirect"
    )
    make_statement("The conflict in Ukraine must end at the negotiating table.", topics=["ukraine"])
    make_statement("We are working calmly.", speaker="Maria Zakharova")
    return first


def test_no_query_string_makes_a_public_page_fail(client, archive):
    paths = [
        *PATHS,
        archive.get_absolute_url(),
        archive.article.get_absolute_url(),
        "/sitemap-statements.xml",
    ]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(public_requests(paths))
    def request(url):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code < 500, url

    request()


@pytest.mark.parametrize("url", ["/statements/feed/", "/statements/", "/statements/export.csv"])
def test_control_characters_in_a_free_text_filter_are_a_400_not_a_500(client, archive, url):
    """Found by the benchmark's fuzzing: the feed's title could not hold them in XML."""
    response = client.get(url, {"country": "Rus\x1esia"})

    assert response.status_code == 400
