"""Ingest killed midway (SIGKILL, a real `manage.py ingest` process) leaves no half-written article,
and running it again ends where an uninterrupted run ends; two ingests of the same files at once
store each article once, and neither crashes.

On the database the suite runs on: a file-based SQLite database in a temporary folder, or two
throwaway PostgreSQL databases named after the test database (never the ones other people use).
The articles are synthetic wire stories (bench/generate.py) through the real extraction.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from bench.generate import write_corpus

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 150


def manage(database_url: str, *args: str, wait: bool = True):
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "manage.py", *args]
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


class Database:
    """A database for one run: its URL and a way to count its articles from outside Django."""

    def __init__(self, url: str, count_articles: Callable[[], int]):
        self.url, self.count_articles = url, count_articles


@pytest.fixture
def make_database(tmp_path):
    default = settings.DATABASES["default"]
    created: list[str] = []
    if default["ENGINE"] == "django.db.backends.sqlite3":

        def make(label: str) -> Database:
            path = tmp_path / f"{label}.sqlite3"

            def count() -> int:
                try:
                    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
                        return connection.execute("SELECT count(*) FROM statements_article").fetchone()[0]
                except sqlite3.OperationalError:
                    return 0

            return Database(f"sqlite:///{path}", count)

        yield make
        return

    server = {
        "host": default["HOST"] or "127.0.0.1",
        "port": default["PORT"] or 5432,
        "user": default["USER"],
        "password": default["PASSWORD"] or None,
    }
    base = default.get("TEST", {}).get("NAME") or "test_archive"

    def admin(sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
            connection.execute(sql)

    def make(label: str) -> Database:
        name = f"{base}_interrupted_{label}"
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}"')
        created.append(name)
        user = server["user"] or ""
        url = f"postgres://{user}@{server['host']}:{server['port']}/{name}"

        def count() -> int:
            try:
                with psycopg.connect(dbname=name, **server) as connection:
                    return connection.execute("SELECT count(*) FROM statements_article").fetchone()[0]
            except psycopg.Error:
                return 0

        return Database(url, count)

    yield make
    for name in created:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def exported(database: Database) -> list[dict]:
    """Every public statement, without the ids (a killed run used up some of the sequence)."""
    run = manage(database.url, "export_statements", "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    for row in rows:
        del row["id"], row["url"]
    return sorted(rows, key=lambda row: (row["article"]["source_file"], row["text"]))


def by_article(rows: list[dict]) -> dict[str, list[dict]]:
    articles: dict[str, list[dict]] = {}
    for row in rows:
        articles.setdefault(row["article"]["source_file"], []).append(row)
    return articles


@pytest.mark.parametrize(
    "bulk",
    [[], ["--workers", "2", "--batch-size", "10"]],
    ids=["article-by-article", "batches-and-extraction-workers"],
)
def test_a_killed_ingest_leaves_whole_articles_and_a_second_run_completes_it(tmp_path, make_database, bulk):
    """The reference is a plain run; the killed run and its rerun may use batches and workers."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, seed=7, count=ARTICLES)
    reference, interrupted = make_database("reference"), make_database("killed")
    for database in (reference, interrupted):
        assert manage(database.url, "migrate", "--noinput").returncode == 0

    assert manage(reference.url, "ingest", str(corpus)).returncode == 0
    expected = exported(reference)

    process = manage(interrupted.url, "ingest", str(corpus), *bulk, wait=False)
    deadline = time.monotonic() + 120
    while interrupted.count_articles() < ARTICLES // 5 and time.monotonic() < deadline:
        assert process.poll() is None, "ingest finished before it could be interrupted"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    partial = by_article(exported(interrupted))
    whole = by_article(expected)
    assert 0 < interrupted.count_articles() < ARTICLES
    for source_file, statements in partial.items():
        assert statements == whole[source_file], f"{source_file} is half-written"

    again = manage(interrupted.url, "ingest", str(corpus), *bulk)
    assert again.returncode == 0, again.stderr
    assert interrupted.count_articles() == ARTICLES
    assert exported(interrupted) == expected


@pytest.mark.parametrize(
    "bulk",
    [[], ["--batch-size", "10"]],
    ids=["article-by-article", "batches"],
)
def test_two_ingests_of_the_same_files_at_once_store_each_article_once(tmp_path, make_database, bulk):
    """Both runs find the same new files; whichever stores one first, the other finds it stored."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        # SQLite takes one writer at a time: the other run's files fail with "database is locked"
        # (reported, nothing half-written, a rerun completes), so concurrent loads are for PostgreSQL.
        pytest.skip("concurrent ingests need PostgreSQL; SQLite answers a second writer 'database is locked'")
    corpus = tmp_path / "corpus"
    write_corpus(corpus, seed=11, count=ARTICLES // 3)
    database = make_database("concurrent")
    assert manage(database.url, "migrate", "--noinput").returncode == 0

    runs = [manage(database.url, "ingest", str(corpus), *bulk, wait=False) for _ in range(2)]
    errors = [run.communicate(timeout=300)[1].decode() for run in runs]

    assert [run.returncode for run in runs] == [0, 0], errors
    assert not any("IntegrityError" in error or "Traceback" in error for error in errors), errors
    assert database.count_articles() == ARTICLES // 3
    rows = exported(database)
    statements = [(row["article"]["source_file"], row["text"]) for row in rows]
    assert len(statements) == len(set(statements))  # no article's statements stored twice
