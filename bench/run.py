"""`make bench`: the archive on PostgreSQL at 100k and 1M statements, measured, with a report.

For each size: synthetic articles (bench/generate.py) are ingested into a database of its own
(`archive_bench`, dropped and created here; no other database is touched), timed, with the peak
memory of the ingest processes; then each kind of page is fetched from gunicorn (no page cache)
and its SQL replayed straight through psycopg, so the report shows the app's overhead as a ratio.
At the smallest size the query strings of every public URL are fuzzed (>= 10,000 requests); at the
largest, wrk loads a filtered list for 30 s with 32 connections, without and with the page cache
(archive/page_cache.py, which `make serve` keeps on).
Every server runs on 127.0.0.1; every loop is bounded. Results: bench/reports/latest.md (+ .json).
The cores' speed is measured at the start and again before each stage's pages: a shared machine's
speed can drift during a run, and a latency is only comparable with the speed it was measured at.

    python -m bench.run [--sizes 100000,1000000] [--fuzz 10000] [--report bench/reports/latest.md]
    python -m bench.run --measure-only   # the pages again, on the database an earlier run loaded
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

from bench import outage
from bench.fuzz import fuzz_server
from bench.generate import articles as generated_articles
from bench.generate import rare_words, write_corpus

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "archive_bench")
NEVER = {"postgres", "test", "template0", "template1"}
# What one synthetic article yields, measured on the generator's output; sizes are in statements.
STATEMENTS_PER_ARTICLE = 8.8
PORT = int(os.environ.get("BENCH_PORT", "8765"))
GUNICORN_WORKERS = 2 * (os.cpu_count() or 2) + 1
SEED = 1
INGEST_OPTIONS = ["--workers", "2", "--batch-size", "200"]

COMMON_WORDS = ["cooperation", "security", "countries", "agreement", "negotiations", "dialogue"]
PHRASES = [
    '"strategic partnership"',
    '"international law"',
    '"outer space"',
    '"arms race"',
    '"mutual respect"',
    '"political will"',
]
KINDS = [
    ("search: rare word", "search"),
    ("search: common word", "search"),
    ("search: phrase", "search"),
    ("search + speaker + dates", "search"),
    ("topic page", None),
    ("permalink", "permalink"),
    ("filtered list", "list"),
    ("page 500 of a filtered list", "list"),
]
TARGETS_MS = {"search": 50, "list": 30, "permalink": 30}


def database_url(name: str = DATABASE) -> str:
    return f"{SERVER}/{name}"


def admin_sql(sql: str) -> None:
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        connection.execute(sql)


def reset_database() -> None:
    if DATABASE in NEVER:
        raise SystemExit(f"refusing to use the database {DATABASE!r}")
    admin_sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    admin_sql(f'CREATE DATABASE "{DATABASE}"')
    # Planner costs for data that fits in memory (SSD or page cache), for this database only.
    admin_sql(f'ALTER DATABASE "{DATABASE}" SET random_page_cost = 1.1')
    manage("migrate", "--noinput", "-v0")


def manage(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(), **(env or {})},
        check=True,
        **kwargs,
    )


def process_tree_rss(root: int) -> tuple[int, int]:
    """(RSS of `root`, RSS of it and all its descendants), in bytes."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        rss[pid] = int(found[1]) * 1024 if found else 0
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return rss.get(root, 0), sum(rss.get(pid, 0) for pid in tree)


def ingest(folder: Path, articles: int) -> dict:
    command = [sys.executable, "manage.py", "ingest", str(folder), *INGEST_OPTIONS]
    env = {**os.environ, "DATABASE_URL": database_url()}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak_main = peak_tree = 0
    samples: list[tuple[float, int]] = []
    while process.poll() is None:
        main, tree = process_tree_rss(process.pid)
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        if main:
            samples.append((time.perf_counter() - started, main))
        time.sleep(1)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ingest failed:\n{out}\n{err[-4000:]}")
    # Memory is flat when the last third of the run needs no more than the first third did.
    thirds = len(samples) // 3 or 1
    early = max((rss for _, rss in samples[:thirds]), default=0)
    late = max((rss for _, rss in samples[-thirds:]), default=0)
    return {
        "articles": articles,
        "seconds": round(seconds, 1),
        "articles_per_second": round(articles / seconds, 1),
        "peak_rss_main_mb": round(peak_main / 2**20, 1),
        "peak_rss_with_workers_mb": round(peak_tree / 2**20, 1),
        "rss_first_third_mb": round(early / 2**20, 1),
        "rss_last_third_mb": round(late / 2**20, 1),
        "summary": out.strip().splitlines()[:2],
    }


class Server:
    """gunicorn on 127.0.0.1 against the bench database, until stopped."""

    def __init__(
        self, page_cache: bool = False, summary_cache_seconds: int = 300, workers: int = GUNICORN_WORKERS
    ):
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "PAGE_CACHE": "1" if page_cache else "0",
            "SUMMARY_CACHE_SECONDS": str(summary_cache_seconds),
            "DEBUG": "0",
            "STATIC_MANIFEST": "0",
        }
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [
            gunicorn,
            "archive.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(workers),
            "--timeout",
            "120",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=5)
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def pick_urls(count: int) -> dict[str, list[str]]:
    """URLs for each kind of page, chosen from what the database holds (deterministically)."""
    rng = random.Random(SEED)
    with psycopg.connect(database_url()) as connection:
        speakers = [
            row[0]
            for row in connection.execute(
                "SELECT sp.slug FROM statements_speaker sp "
                "JOIN statements_statement st ON st.speaker_id = sp.id "
                "GROUP BY sp.slug ORDER BY count(*) DESC LIMIT %s",
                (count,),
            )
        ]
        topics = [
            row[0]
            for row in connection.execute(
                "SELECT t.slug FROM statements_topic t "
                "JOIN statements_statementtopic st ON st.topic_id = t.id "
                "GROUP BY t.slug ORDER BY count(*) DESC LIMIT %s",
                (count,),
            )
        ]
        outlets = [row[0] for row in connection.execute("SELECT slug FROM statements_outlet ORDER BY slug")]
        (highest,) = connection.execute("SELECT max(id) FROM statements_statement").fetchone()
        permalinks = []
        while len(permalinks) < count:
            row = connection.execute(
                "SELECT id, slug FROM statements_statement WHERE id >= %s ORDER BY id LIMIT 1",
                (rng.randint(1, highest),),
            ).fetchone()
            permalinks.append(f"/statements/{row[0]}/{row[1]}/")
        deep_cursors = [
            page_500_cursor(connection, outlets[n % len(outlets)], ("direct", "indirect")[n % 2])
            for n in range(count)
        ]
        rare = []
        for word in rare_words(SEED)[::-1]:
            query = (
                "SELECT count(*) FROM statements_statement "
                "WHERE search_vector @@ plainto_tsquery('english', %s)"
            )
            (found,) = connection.execute(query, (word,)).fetchone()
            if 1 <= found <= 200:
                rare.append(word.lower())
            if len(rare) == count:
                break
    filtered_lists = [
        f"/statements/?outlet={outlets[n % len(outlets)]}&kind={('direct', 'indirect')[n % 2]}"
        for n in range(count)
    ]
    return {
        "search: rare word": [f"/statements/?q={word}" for word in rare],
        "search: common word": [f"/statements/?q={word}" for word in COMMON_WORDS[:count]],
        "search: phrase": [f"/statements/?q={urllib.parse.quote(p)}" for p in PHRASES[:count]],
        "search + speaker + dates": [
            f"/statements/?q={COMMON_WORDS[n % len(COMMON_WORDS)]}&speaker={speaker}"
            "&published_after=2017&published_before=2022-06"
            for n, speaker in enumerate(speakers)
        ],
        "topic page": [f"/topics/{topic}/" for topic in topics],
        "permalink": permalinks,
        "filtered list": filtered_lists,
        # As a reader gets there: by the "next" link of page 499, which carries its last row's key.
        "page 500 of a filtered list": [
            f"{filtered}&after={cursor}"
            for filtered, cursor in zip(filtered_lists, deep_cursors, strict=True)
        ],
    }


def page_500_cursor(connection, outlet: str, kind: str, per_page: int = 25) -> str:
    """The cursor of the last statement of page 499 of a list by outlet and kind, newest first,
    as statements/pagination.py writes it (sort date, article, position, id, place in the list)."""
    place = 499 * per_page
    row = connection.execute(
        "SELECT s.article_published_on, s.article_id, s.position, s.id FROM statements_statement s "
        "JOIN statements_article a ON a.id = s.article_id "
        "JOIN statements_outlet o ON o.id = a.outlet_id "
        "WHERE o.slug = %s AND s.kind = %s AND s.retired_at IS NULL AND s.review_status <> 'rejected' "
        "ORDER BY s.article_published_on DESC NULLS LAST, s.article_id DESC, s.position, s.id "
        "OFFSET %s LIMIT 1",
        (outlet, kind, place - 1),
    ).fetchone()
    if row is None:
        return ""
    day, article, position, pk = row
    return f"{day.isoformat() if day else 'none'}.{article}.{position}.{pk}.{place}"


def page_queries(url: str, summary_cache_seconds: int) -> list[str]:
    """Every SQL statement the page runs, with its parameters, as Django sent them: once its kept
    tallies are counted (the second fetch), as gunicorn's warmed workers run it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    with override_settings(SUMMARY_CACHE_SECONDS=summary_cache_seconds):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    return [query["sql"] for query in queries.captured_queries]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def measure_latencies(urls: dict[str, list[str]], repeats: int, summary_cache_seconds: int) -> dict:
    results = {}
    with psycopg.connect(database_url(), autocommit=True) as raw:
        for kind, kind_urls in urls.items():
            app, sql, statuses, queries = [], [], set(), []
            for url in kind_urls:
                statements = page_queries(url, summary_cache_seconds)
                queries.append(len(statements))
                warm_up(url)
                for attempt in range(repeats + 1):
                    started = time.perf_counter()
                    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{url}", timeout=120) as response:
                        response.read()
                        statuses.add(response.status)
                    elapsed = time.perf_counter() - started
                    started = time.perf_counter()
                    for statement in statements:
                        # Without parameters psycopg sends the text as it is: Django inlined them.
                        cursor = raw.execute(statement)
                        if cursor.description:
                            cursor.fetchall()
                    raw_elapsed = time.perf_counter() - started
                    if attempt:  # the first fetch warms caches
                        app.append(elapsed * 1000)
                        sql.append(raw_elapsed * 1000)
            results[kind] = {
                "urls": kind_urls[:2],
                "samples": len(app),
                "statuses": sorted(statuses),
                "queries_per_page": round(statistics.mean(queries), 1),
                "app_p50": round(percentile(app, 0.5), 1),
                "app_p95": round(percentile(app, 0.95), 1),
                "sql_p50": round(percentile(sql, 0.5), 1),
                "sql_p95": round(percentile(sql, 0.95), 1),
                "overhead": round(percentile(app, 0.5) / max(percentile(sql, 0.5), 0.01), 1),
            }
            print(f"  {kind}: {results[kind]}", flush=True)
    return results


def warm_up(url: str, rounds: int = 3) -> None:
    """Untimed: each gunicorn worker serves the page, warming its connection and its own caches.

    Each round sends as many requests at once as there are workers: a busy sync worker accepts no
    other, so they spread. One after another, they could all land on the same few workers and
    leave the others to build the page for the first time while being timed.
    """

    def fetch(_) -> None:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{url}", timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(GUNICORN_WORKERS) as pool:
        for _ in range(rounds):
            list(pool.map(fetch, range(GUNICORN_WORKERS)))


def wrk(url: str, seconds: int = 30, connections: int = 32) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        f"http://127.0.0.1:{PORT}{url}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    total = int(re.search(r"(\d+) requests in", output)[1])
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", output)
    return {
        "url": url,
        "requests": total,
        "requests_per_second": rate,
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
        "mean_latency": latency[1] if latency else "",
    }


def _fuzz_part(arguments: tuple[int, int]) -> dict:
    requests, seed_value = arguments
    return fuzz_server(f"http://127.0.0.1:{PORT}", requests, seed_value=seed_value)


def fuzz(total: int, processes: int = 4) -> dict:
    share = math.ceil(total / processes)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_fuzz_part, [(share, seed_value) for seed_value in range(processes)])
    merged = {key: sum(part[key] for part in parts) for key in ("2xx", "3xx", "4xx", "5xx")}
    merged["requests"] = sum(merged.values())
    merged["seconds"] = round(max(part["seconds"] for part in parts), 1)
    merged["failures"] = [failure for part in parts for failure in part["failures"]][:20]
    return merged


def statement_count() -> tuple[int, int]:
    with psycopg.connect(database_url()) as connection:
        statements = connection.execute("SELECT count(*) FROM statements_statement").fetchone()[0]
        articles = connection.execute("SELECT count(*) FROM statements_article").fetchone()[0]
    return statements, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="statements at each stage")
    parser.add_argument("--fuzz", type=int, default=10_000, help="fuzzed requests at the first stage")
    parser.add_argument("--urls", type=int, default=6, help="URLs per kind of page")
    parser.add_argument("--repeats", type=int, default=10, help="measured fetches per URL")
    parser.add_argument("--wrk-seconds", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/archive-bench-corpus"))
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        help="default: bench/reports/latest.md (measured.md with --measure-only)",
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure the pages, wrk and fuzzing (--fuzz; 0 for none) on the bench database as an "
        "earlier run left it, at the size it has (--sizes is not used), without the outage run or "
        "ingesting; report: bench/reports/measured.md",
    )
    args = parser.parse_args()
    if args.report is None:
        args.report = ROOT / "bench" / "reports" / ("measured.md" if args.measure_only else "latest.md")
    sizes = [int(size) for size in args.sizes.split(",")]
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk)")

    os.environ["DATABASE_URL"] = database_url()
    # The SQL replayed is what building each page runs: a page served from the page cache runs one
    # query, which says nothing about the page.
    os.environ["PAGE_CACHE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()

    if args.measure_only:
        try:
            statements, _articles = statement_count()
        except psycopg.Error:
            statements = 0
        if not statements:
            raise SystemExit(f"{DATABASE} holds no statements: run `make bench` first")
        # The code measured may have gained migrations since the database was loaded.
        manage("migrate", "--noinput", "-v0")
        sizes = [statements]
    results: dict = {
        "machine": machine(),
        "stages": [],
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    if not args.measure_only:
        print("outage: stopping and starting a throwaway cluster", flush=True)
        results["outage"] = outage.run()
        reset_database()
    done = 0
    for number, size in enumerate(sizes):
        stage = {"target": size}
        if not args.measure_only:
            articles = math.ceil(size / STATEMENTS_PER_ARTICLE)
            part = args.corpus / f"seed{SEED}-{done}-{articles}"
            if not part.exists():
                write_corpus(part, SEED, articles - done, start=done)
            print(f"stage {size}: ingesting {articles - done} articles", flush=True)
            stage["ingest"] = ingest(part, articles - done)
            done = articles
            print(f"  {stage['ingest']}", flush=True)
        admin_vacuum()
        stage["statements"], stage["articles"] = statement_count()
        stage["cores"] = cpu_reference()
        print(f"  cores before measuring: {stage['cores']}", flush=True)
        # Tallies (facets, topic and speaker pages) counted afresh on every request, then kept as
        # `make serve` keeps them (SUMMARY_CACHE_SECONDS, 300 s by default).
        urls = pick_urls(args.urls)
        server = Server(summary_cache_seconds=0)
        try:
            print("  latency, tallies counted on every request", flush=True)
            stage["latency_fresh"] = measure_latencies(urls, args.repeats, summary_cache_seconds=0)
            if number == len(sizes) - 1:
                url = pick_urls(1)["filtered list"][0]
                stage["load"] = {
                    "no page cache, tallies counted on every request": wrk(url, args.wrk_seconds)
                }
        finally:
            server.stop()
        server = Server()
        try:
            print("  latency, tallies kept", flush=True)
            stage["latency"] = measure_latencies(urls, args.repeats, summary_cache_seconds=300)
            if number == len(sizes) - 1:
                stage["load"]["no page cache, tallies kept"] = wrk(url, args.wrk_seconds)
        finally:
            server.stop()
        if (number == 0 and args.fuzz) or number == len(sizes) - 1:
            # As `make serve` runs: the fuzzing goes through the page cache too.
            server = Server(page_cache=True)
            try:
                if number == 0 and args.fuzz:
                    print(f"  fuzzing {args.fuzz} requests", flush=True)
                    stage["fuzz"] = fuzz(args.fuzz)
                if number == len(sizes) - 1:
                    stage["load"]["page cache, tallies kept"] = wrk(url, args.wrk_seconds)
            finally:
                server.stop()
        results["stages"].append(stage)
        write_report(results, args.report)
    print(f"report: {args.report}")


def admin_vacuum() -> None:
    with psycopg.connect(database_url(), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def machine() -> dict:
    with psycopg.connect(database_url("postgres")) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        shared_buffers = connection.execute("SHOW shared_buffers").fetchone()[0]
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1]) // 2**20
    return {
        "cpus": os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
        "postgresql": version,
        "shared_buffers": shared_buffers,
        "gunicorn_workers": GUNICORN_WORKERS,
        **cpu_reference(),
    }


def cpu_reference(article_count: int = 500) -> dict:
    """How fast this machine's cores are, for comparing reports from different machines: the
    extraction of synthetic articles in one process, without known speakers or topic rules (most
    of an ingest's work), a pure Python loop and a PostgreSQL one. Each the best of three."""
    from statements.extraction import extract_article

    texts = [text for _name, text in generated_articles(SEED + 1, article_count)]

    def best_of_three(run) -> float:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            run()
            timings.append(time.perf_counter() - started)
        return min(timings)

    def python_loop() -> None:
        total = 0
        for number in range(10_000_000):
            total += number

    with psycopg.connect(database_url("postgres")) as connection:
        postgresql_loop = best_of_three(
            lambda: connection.execute("SELECT count(*) FROM generate_series(1, 10000000)").fetchone()
        )
    extraction = best_of_three(lambda: [extract_article(text) for text in texts])
    return {
        "extraction_ms_per_article": round(extraction / article_count * 1000, 2),
        "python_loop_seconds": round(best_of_three(python_loop), 2),
        "postgresql_loop_seconds": round(postgresql_loop, 2),
    }


def write_report(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    path.write_text(render_report(results))


def render_report(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark: the archive on PostgreSQL",
        "",
        f"Measured by {'`make bench`' if 'outage' in results else '`python -m bench.run --measure-only`'} "
        f"(bench/run.py) on {results['started']}: {m['cpus']} cores, "
        f"{m['memory_gb']} GB, PostgreSQL {m['postgresql']} (shared_buffers {m['shared_buffers']}, "
        f"random_page_cost 1.1 for the bench database), Python {m['python']}, gunicorn with "
        f"{m['gunicorn_workers']} sync workers, all on one machine.",
        f"How fast its cores are, to compare with other reports: {cores(m)} at the start"
        + "".join(
            f"; {cores(stage['cores'])} before measuring the pages at {stage['target']:,} statements"
            for stage in results["stages"]
            if "cores" in stage
        )
        + ".",
        "Synthetic wire stories from bench/generate.py (seed 1), ingested with "
        f"`manage.py ingest {' '.join(INGEST_OPTIONS)}`. Latencies: each URL fetched in 3 rounds of "
        "one request per gunicorn worker at once, to warm them all up, then measured; *SQL* replays "
        "every query the page ran, "
        "straight through psycopg; *×* is app p50 / SQL p50.",
        "",
    ]
    ingested = [stage for stage in results["stages"] if "ingest" in stage]
    if ingested:
        lines += [
            "## Ingest",
            "",
            "| stage | statements | articles | seconds | articles/s | peak RSS main / with workers "
            "| RSS first third → last third |",
            "| --- | ---: | ---: | ---: | ---: | --- | --- |",
        ]
    else:
        lines.append("Measured on the database an earlier run loaded (`--measure-only`): nothing ingested.")
    for stage in ingested:
        i = stage["ingest"]
        lines.append(
            f"| {stage['target']:,} | {stage['statements']:,} | +{i['articles']:,} | {i['seconds']} | "
            f"**{i['articles_per_second']}** | "
            f"{i['peak_rss_main_mb']} / {i['peak_rss_with_workers_mb']} MB | "
            f"{i['rss_first_third_mb']} → {i['rss_last_third_mb']} MB |"
        )
    for key, title in (
        ("latency", "Latency (ms, no page cache; tallies kept, as `make serve` keeps them for 300 s)"),
        ("latency_fresh", "Latency (ms, no page cache; every tally counted on every request)"),
    ):
        lines += latency_table(results, key, title)
    lines += ["", "Example URLs:", ""]
    for kind, _ in KINDS:
        lines.append(f"- {kind}: `{results['stages'][-1]['latency'][kind]['urls'][0]}`")
    lines += load_and_fuzz(results)
    o = results.get("outage")
    if o is None:
        return "\n".join([*lines, ""])
    lines += [
        "",
        "## Database outage (bench/outage.py, a throwaway cluster stopped and started again)",
        "",
        f"Up: {o['up']}. Stopped: {o['down']}, "
        f"page says it is unavailable: {o['down_page_says_unavailable']}, "
        f"Retry-After: {o['retry_after']}. Started again: {o['back']}, first 200 after "
        f"{o['recovered_seconds_after_restart']} s, gunicorn not restarted.",
        "",
    ]
    return "\n".join(lines)


def cores(measured: dict) -> str:
    return (
        f"extraction {measured['extraction_ms_per_article']} ms per synthetic article in one process, "
        f"a Python loop of 10 million additions {measured['python_loop_seconds']} s, PostgreSQL "
        f"counting 10 million rows of generate_series {measured['postgresql_loop_seconds']} s"
    )


def latency_table(results: dict, key: str, title: str) -> list[str]:
    lines = ["", f"## {title}", ""]
    header = (
        "| page | "
        + " | ".join(f"{stage['target']:,}: app p50 / p95 | SQL p50 / p95 | ×" for stage in results["stages"])
        + " | target p95 |"
    )
    lines += [header, "| --- |" + " ---: | ---: | ---: |" * len(results["stages"]) + " ---: |"]
    for kind, family in KINDS:
        cells = []
        for stage in results["stages"]:
            row = stage[key][kind]
            cells.append(
                f"{row['app_p50']} / **{row['app_p95']}** | "
                f"{row['sql_p50']} / {row['sql_p95']} | {row['overhead']}"
            )
        target = TARGETS_MS.get(family or "", "")
        if kind == "page 500 of a filtered list" or kind == "filtered list":
            target = TARGETS_MS["list"]
        lines.append(f"| {kind} | " + " | ".join(cells) + f" | {target or '—'} |")
    return lines


def load_and_fuzz(results: dict) -> list[str]:
    lines = []
    for stage in results["stages"]:
        if "fuzz" in stage:
            f = stage["fuzz"]
            lines += [
                "",
                f"## Fuzz (at {stage['target']:,} statements)",
                "",
                f"{f['requests']:,} requests with hostile query strings on every public URL, through "
                f"the page cache (bench/fuzz.py, 4 processes, {f['seconds']} s): "
                f"{f['2xx']:,} 2xx, {f['3xx']:,} 3xx, {f['4xx']:,} 4xx, "
                f"**{f['5xx']} 5xx**.",
            ]
            lines += [f"- {failure}" for failure in f["failures"]]
        if "load" in stage:
            lines += [
                "",
                f"## Load (wrk, 30 s, 32 connections, 2 threads, at {stage['target']:,} statements)",
                "",
                "| server | URL | requests | requests/s | non-2xx | socket errors | mean latency |",
                "| --- | --- | ---: | ---: | ---: | ---: | --- |",
            ]
            for name, w in stage["load"].items():
                lines.append(
                    f"| {name} | `{w['url']}` | {w['requests']:,} | **{w['requests_per_second']}** | "
                    f"{w['non_2xx']} | {w['socket_errors']} | {w['mean_latency']} |"
                )
    return lines


if __name__ == "__main__":
    main()
