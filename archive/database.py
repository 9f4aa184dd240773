"""The database as the site depends on it: is it there (/healthz, 503), and which copy to read.

- `healthz` answers load balancers: 200 "ok" when the database answers a query, 503 otherwise.
- `DatabaseUnavailableMiddleware` turns a database that cannot be reached (OperationalError,
  InterfaceError) into a 503 page that says so and asks the reader to retry, instead of a 500. Django
  drops a connection that failed at the end of the request, so the next request connects afresh:
  once the database is back the site is too, with no restart.
- `ReplicaRouter` sends the reads of public pages (GET and HEAD outside the admin) to the database
  alias "replica" when DATABASE_REPLICA_URL configures one. Everything else (writes, the admin,
  management commands such as ingest) reads and writes the primary, so nothing that writes ever
  decides from a replica that may lag behind.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.cache import never_cache

REPLICA = "replica"
# Seconds a client (or a proxy) is asked to wait before trying again.
RETRY_AFTER = 30

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when every configured database answers, 503 when one does not."""
    try:
        for alias in connections:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # Rendered without a request context: nothing on this page may need the database.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


class ReplicaReadsMiddleware:
    """Marks the requests whose reads may go to the replica: safe methods outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        replica_ok = request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")
        token = _reads_from_replica.set(replica_ok)
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if _reads_from_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # The replica is a copy of the primary: objects read from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == "default"
