"""Production settings, the health check, the 503 page when the database is away, and read replicas."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import RequestFactory, override_settings

from archive.database import ReplicaReadsMiddleware, ReplicaRouter
from statements.models import Statement

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "k8Jq3vX0pZ7mW2sR9tY4uB6nC1eD5fG8hJ0kL3mN6pQ9rS2tU5vW8xY1zA4bC7dE0fG3",
    "ALLOWED_HOSTS": "archive.example.org",
    "HTTPS": "1",
    "SECURE_PROXY_SSL_HEADER": "1",
    "DEBUG": "0",
}


# Set by the browser tests' conftest for this process; a deployment never has it.
TEST_ONLY_ENV = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    unset = PRODUCTION_ENV.keys() | TEST_ONLY_ENV
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_production_settings():
    run = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "System check identified no issues" in run.stdout


def test_check_deploy_warns_when_the_secret_key_and_https_are_left_out():
    run = manage("check", "--deploy", env={"DEBUG": "0"})

    for warning in ("security.W004", "security.W008", "security.W009", "security.W012", "security.W016"):
        assert warning in run.stderr + run.stdout


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it does when the server is stopped; undo() brings it back."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused: is the server running?")

    monkeypatch.setattr(BaseDatabaseWrapper, "_cursor", refuse)
    return monkeypatch


@pytest.mark.django_db
def test_a_database_that_is_down_gives_a_clear_503_and_the_site_recovers_by_itself(
    client, make_statement, database_down
):
    for url in ("/", "/statements/?q=calmly", "/speakers/", "/healthz"):
        response = client.get(url)
        assert response.status_code == 503, url
    page = client.get("/statements/")
    assert "briefly unavailable" in page.content.decode()
    assert page["Retry-After"] == "30"
    assert page["Cache-Control"] == "no-store"

    database_down.undo()
    statement = make_statement("We are working calmly and confidently.")

    assert client.get("/healthz").status_code == 200
    assert statement.text in client.get("/statements/").content.decode()


def test_an_unreachable_database_server_gives_503_from_a_real_connection():
    """A server that refuses connections (nothing listens on the port), not a patched one."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "c = Client();"
        "print(c.get('/healthz').status_code, c.get('/statements/').status_code)"
    )
    env = {
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/unreachable",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert run.stdout.split() == ["503", "503"], run.stderr[-2000:]


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_reads_go_to_the_replica_only_for_public_get_requests():
    router = ReplicaRouter()
    seen = {}

    def view(request):
        seen[request.method, request.path] = router.db_for_read(Statement)
        return None

    middleware = ReplicaReadsMiddleware(view)
    factory = RequestFactory()
    with override_settings(DATABASES={"default": {}, "replica": {}}):
        middleware(factory.get("/statements/"))
        middleware(factory.post("/statements/"))
        middleware(factory.get("/admin/statements/statement/"))
        assert router.db_for_read(Statement) == "default"  # outside a request: commands, ingest
    middleware(factory.get("/topics/"))  # no replica configured

    assert seen == {
        ("GET", "/statements/"): "replica",
        ("POST", "/statements/"): "default",
        ("GET", "/admin/statements/statement/"): "default",
        ("GET", "/topics/"): "default",
    }
    assert router.db_for_write(Statement) == "default"
    assert router.allow_migrate("default", "statements") and not router.allow_migrate("replica", "statements")


def test_page_cache_is_on_unless_turned_off():
    script = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "print('archive.page_cache.SnapshotPageCacheMiddleware' in settings.MIDDLEWARE)"
    )

    def cached(**environ) -> str:
        run = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, **environ, "DJANGO_SETTINGS_MODULE": "archive.settings"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        return run.stdout.strip() or run.stderr[-2000:]

    assert cached() == "True"
    assert cached(PAGE_CACHE="0") == "False"
