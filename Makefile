# The two commands the README promises: `make run` and `make test`. Both set up everything themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

# Django 6.1 needs Python >= 3.12. pyenv's shims exist even when no version is selected,
# so each candidate is asked to run before it is trusted.
PYTHON := $(shell \
	for candidate in python3.13 python3.12; do \
		if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
			command -v $$candidate; exit 0; fi; \
	done; \
	root=$$(pyenv root 2>/dev/null); \
	for candidate in $$(ls -d $$root/versions/3.1[23]*/bin/python3 2>/dev/null | sort -rV); do \
		if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
			echo $$candidate; exit 0; fi; \
	done)

.PHONY: help run serve bench test lint check python venv dev-venv chromium postgres test-sqlite test-postgres clean

help:
	@echo "make run   - set up, migrate SQLite, ingest seeds/, serve on http://127.0.0.1:8000"
	@echo "make test  - set up, lint, run the whole suite on SQLite and on PostgreSQL"
	@echo "make serve - production server: collectstatic, migrate, gunicorn on 127.0.0.1:8000 (DEBUG off)"
	@echo "make bench - load PostgreSQL with 100k and 1M synthetic statements, measure, write bench/reports/"

python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is required (Django 6.1)."; \
		echo "       Tried python3.13, python3.12 and \$$(pyenv root)/versions/3.12*/3.13*; none runs."; \
		echo "       Install one, e.g. 'pyenv install 3.13', and run make again."; \
		exit 1; fi

$(BIN)/python: | python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.installed-dev

run: venv
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py ingest seeds/
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production: DEBUG off, hashed static files served by WhiteNoise, gunicorn with WEB_CONCURRENCY
# workers (default 2 per core + 1). Set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and, behind TLS,
# HTTPS=1 (and SECURE_PROXY_SSL_HEADER=1 behind a proxy) in the environment; see README "Scale".
GUNICORN_BIND ?= 127.0.0.1:8000
serve: venv
	DEBUG=0 STATIC_MANIFEST=1 $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=0 STATIC_MANIFEST=1 $(BIN)/gunicorn archive.wsgi --bind $(GUNICORN_BIND) \
		--workers $${WEB_CONCURRENCY:-$$(( 2 * $$(nproc) + 1 ))} --access-logfile -

# The benchmark: PostgreSQL at 100k and 1M statements, in its own database (archive_bench), with a
# load test by wrk (Debian's package, installed here when missing) on 127.0.0.1. Takes ~30 minutes.
bench: dev-venv postgres
	@if ! command -v wrk >/dev/null; then \
		echo "Installing Debian's wrk for the load test..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null \
			|| { echo "error: could not install wrk (apt-get install wrk)"; exit 1; }; \
	fi
	$(BIN)/python -m bench.run

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null \
			|| { echo "error: could not install chromium (apt-get install chromium)"; exit 1; }; \
	fi

postgres:
	@if ! pg_isready -q -h 127.0.0.1 -p 5432; then \
		echo "No PostgreSQL at 127.0.0.1:5432; starting the local cluster..."; \
		pg_ctlcluster --skip-systemctl-redirect 15 main start \
			|| { echo "error: could not start PostgreSQL (pg_ctlcluster 15 main start)"; exit 1; }; \
		for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
		pg_isready -h 127.0.0.1 -p 5432 || { echo "error: PostgreSQL did not come up"; exit 1; }; \
	fi

lint: dev-venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: dev-venv
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

test-sqlite: dev-venv chromium
	DATABASE_URL=sqlite:///$(CURDIR)/.venv/test.sqlite3 $(BIN)/python -m pytest

test-postgres: dev-venv chromium postgres
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest

test: lint check test-sqlite test-postgres

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
