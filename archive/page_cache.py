"""Readers' pages cached whole, keyed by the database's snapshot, so that they change as it does.

PostgreSQL's `pg_current_snapshot()` names the set of transactions whose writes a query can see. It
changes whenever any transaction that wrote something ends, and only then: two requests that read
the same snapshot read the same archive, so a page built for one is the page the other would build.
A curator's edit, a retag or an ingest batch therefore reaches readers on their next request, with
no expiry to wait for and no list of pages to invalidate.

A page stored under a snapshot may hold writes that landed while it was built; that snapshot is
then in the past for good, and no later request looks it up. On a standby (DATABASE_REPLICA_URL)
the snapshot alone does not say so much, and the key adds how far the standby has replayed. The
archive-wide tallies a page shows are kept apart (statements/summaries.py) and are as old as
there; a kept page holds them for at most PAGE_SECONDS more.

Pages are only cached for readers: GET requests without a session cookie (signed-in curators always
get a fresh page), answered 200 without setting a cookie. Headers the page varies on are part of
its key, as with Django's own cache middleware, whose key functions this uses. The cache is the
"pages" alias of CACHES, in each server's memory. SQLite has no snapshot to key on, so there the
middleware steps aside, as it does inside a transaction (its own writes are not in the snapshot)
and when the database cannot be asked (the view's own query then reports the outage).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections, router
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_cache_key, get_conditional_response, learn_cache_key

from statements.models import Statement

PAGE_CACHE = "pages"
# Pages kept under a snapshot no request will name again leave memory within this. It also bounds
# how much older than SUMMARY_CACHE_SECONDS a page's archive-wide tallies can be: those are kept
# apart from the snapshot (statements/summaries.py), and a kept page does not ask for them again.
PAGE_SECONDS = 60


def read_snapshot(alias: str) -> str | None:
    """The snapshot a query on this database would read, or None where there is none to key on."""
    connection = connections[alias]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    try:
        with connection.cursor() as cursor:
            # A standby's snapshot does not list the transactions still open on the primary, so a
            # commit between its oldest and newest leaves the text as it was: there, how far the
            # standby has replayed the primary's log is part of the key (NULL on the primary).
            cursor.execute(
                "SELECT pg_current_snapshot()::text || coalesce(' ' || pg_last_wal_replay_lsn(), '')"
            )
            return cursor.fetchone()[0]
    except DatabaseError:
        return None


class SnapshotPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[PAGE_CACHE]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get_response(request)
        snapshot = read_snapshot(router.db_for_read(Statement))
        if snapshot is None:
            return self.get_response(request)
        key_prefix = "snapshot." + hashlib.blake2b(snapshot.encode(), digest_size=12).hexdigest()
        cache_key = get_cache_key(request, key_prefix, "GET", cache=self.cache)
        cached = self.cache.get(cache_key) if cache_key is not None else None
        if cached is not None:
            if cached.has_header("ETag"):
                # A browser that holds this very page (a permalink's ETag) is still told so.
                return get_conditional_response(request, etag=cached["ETag"], response=cached)
            return cached
        response = self.get_response(request)
        if self._is_for_everyone(response):
            cache_key = learn_cache_key(request, response, PAGE_SECONDS, key_prefix, cache=self.cache)
            self.cache.set(cache_key, response, PAGE_SECONDS)
        return response

    @staticmethod
    def _is_for_everyone(response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )
