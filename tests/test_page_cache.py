"""Readers' pages cached whole on PostgreSQL, keyed by the database's snapshot
(archive/page_cache.py): a repeated page costs no page queries, and a change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="keyed by PostgreSQL's snapshot"),
    # Committed writes: a test's own transaction would keep them out of every snapshot.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def statement(make_statement):
    return make_statement("NATO expansion threatens the security of Europe.")


def test_a_page_read_again_is_served_without_building_it(client, statement):
    first = client.get("/statements/?kind=direct")
    assert first.status_code == 200

    # The snapshot is the whole server's: a write elsewhere on it between two requests (another
    # database's, autovacuum's) rightly means building the page again, so a few tries are allowed.
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            again = client.get("/statements/?kind=direct")
        if len(queries) == 1:
            break

    # The only query left: which snapshot the database reads.
    assert len(queries) == 1
    assert again.content == first.content
    assert "NATO expansion threatens the security of Europe." in again.content.decode()


def test_a_browser_holding_a_kept_permalink_is_told_it_has_not_changed(client, statement):
    url = statement.get_absolute_url()
    first = client.get(url)
    assert client.get(url).content == first.content

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    "header", [{"if-match": "*"}, {"if-unmodified-since": "Wed, 21 Oct 2015 07:28:00 GMT"}]
)
def test_a_kept_page_without_validators_ignores_preconditions(client, statement, header):
    client.get("/statements/?kind=direct")
    client.get("/statements/?kind=direct")

    page = client.get("/statements/?kind=direct", headers=header)

    assert page.status_code == 200
    assert "NATO expansion threatens the security of Europe." in page.content.decode()


def test_an_edit_shows_on_the_next_request(client, statement):
    url = statement.get_absolute_url()
    assert "threatens the security" in client.get(url, follow=True).content.decode()

    Statement.objects.filter(pk=statement.pk).update(text="NATO expansion undermines the security of Europe.")

    page = client.get(url, follow=True).content.decode()
    assert "undermines the security" in page
    assert "threatens the security" not in page


def test_a_rejected_statement_leaves_the_list_at_once(client, statement, make_statement):
    make_statement("Dialogue with Washington remains possible.")
    assert "threatens the security" in client.get("/statements/").content.decode()

    Statement.objects.filter(pk=statement.pk).delete()

    page = client.get("/statements/").content.decode()
    assert "threatens the security" not in page
    assert "Dialogue with Washington remains possible." in page


def test_signed_in_curators_get_a_page_built_for_them(client, statement, django_user_model):
    curator = django_user_model.objects.create_superuser("curator", "curator@example.org", "pw")
    client.force_login(curator)
    client.get("/statements/")

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/statements/")

    assert page.status_code == 200
    assert len(queries) > 1


def test_without_the_cache_every_request_builds_the_page(client, statement, settings):
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "archive.page_cache.SnapshotPageCacheMiddleware"
    ]
    client.get("/statements/?kind=direct")

    with CaptureQueriesContext(connection) as queries:
        client.get("/statements/?kind=direct")

    assert len(queries) > 1
