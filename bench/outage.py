"""The database really goes away and comes back: the site says 503, then recovers by itself.

A throwaway PostgreSQL cluster (initdb in a temporary folder, its own port, run as the `postgres`
user) is started, migrated and served by gunicorn; the cluster is then stopped (pg_ctl stop) and
started again while gunicorn keeps running. The shared server on 127.0.0.1:5432 is never touched.

    python -m bench.outage          # prints one JSON line: what /healthz and / answered, and when
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT = 5499
WEB_PORT = 8799
PATHS = ("/healthz", "/", "/statements/")


def as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)


def fetch(path: str) -> tuple[int, dict, str]:
    """(status, headers, body) of a GET; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{WEB_PORT}{path}", timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError:
        return 0, {}, ""


def status(path: str) -> int:
    return fetch(path)[0]


def wait_for(path: str, wanted: int, seconds: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if status(path) == wanted:
            return time.monotonic() - started
        time.sleep(0.2)
    raise RuntimeError(f"{path} never answered {wanted}")


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="archive-outage-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust")
    pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", f"-p {PG_PORT} -k {folder}", "-w"]
    as_postgres(*pg_ctl, "-l", str(folder / "log"), "start")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres",
        "CONN_MAX_AGE": "60",
    }
    server = None
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
        )
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "archive.wsgi",
                "-b",
                f"127.0.0.1:{WEB_PORT}",
                "-w",
                "2",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for("/healthz", 200)
        up = {path: status(path) for path in PATHS}
        as_postgres(*pg_ctl, "-m", "fast", "stop")
        down = {path: status(path) for path in PATHS}
        _, headers, page = fetch("/")
        as_postgres(*pg_ctl, "-l", str(folder / "log"), "start")
        recovered_after = wait_for("/statements/", 200)
        return {
            "up": up,
            "down": down,
            "down_page_says_unavailable": "briefly unavailable" in page,
            "retry_after": headers.get("Retry-After"),
            "back": {path: status(path) for path in PATHS},
            "recovered_seconds_after_restart": round(recovered_after, 2),
            "gunicorn_restarted": False,
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *pg_ctl, "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(run()))
