"""Settings for the Diplomatic Statements Archive.

Everything that differs between a laptop and production comes from the environment;
the defaults are safe for local development only.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

# The fallback key is public: production must set SECRET_KEY. Its "django-insecure-" prefix makes
# `check --deploy` say so when it is left in place.
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "django-insecure-3c1f0b7e9d2a4f6b8e5c7a9d1f3b5e7c9a1d3f5b7e9c1a3d5f7b9e1c"
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A database that cannot be reached is a 503 with a clear page, not a 500; see archive/database.py.
    "archive.database.DatabaseUnavailableMiddleware",
    "archive.database.ReplicaReadsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' pages whole, keyed by the database's snapshot (archive/page_cache.py): below the
    # headers every response gets afresh, above the work a page is built with.
    "archive.page_cache.SnapshotPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records the signed-in curator as the author of every change the request makes.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# On PostgreSQL readers' pages are cached whole, keyed by the database's snapshot, so a cached page
# shows what the database holds now (archive/page_cache.py). PAGE_CACHE=0 turns it off.
if not env_bool("PAGE_CACHE", default=True):
    MIDDLEWARE.remove("archive.page_cache.SnapshotPageCacheMiddleware")
# Archive-wide tallies (statements per topic and speaker, timelines, readers' facets) are counted at
# most this often (statements/summaries.py); 0 counts them on every request.
SUMMARY_CACHE_SECONDS = int(os.environ.get("SUMMARY_CACHE_SECONDS", "300"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}},
    # Readers' pages (archive/page_cache.py), in each server's memory: 7-40 KB each, so at most
    # about 40 MB per worker.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    # Rendered statement rows, keyed by what they show (statements/templatetags/fragments.py):
    # about 1.5 KB each, so at most about 15 MB per worker.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
    # Archive-wide tallies (statements/summaries.py), in a table of the database (migration 0011):
    # counted once for every worker and app server, and the same numbers whichever one answers.
    "summaries": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "statements_summary_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}

ROOT_URLCONF = "archive.urls"

# Everything the site needs is served from its own origin: one stylesheet, one small script, inline
# SVG charts. No inline scripts or styles; JSON-LD is data (application/ld+json), not a script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Production is served over HTTPS: HTTPS=1 turns on secure cookies, the redirect to https:// and
# HSTS (each can still be set on its own). Behind a proxy or load balancer that ends TLS, set
# SECURE_PROXY_SSL_HEADER=1 so the X-Forwarded-Proto header it sets is trusted. Load balancers
# probe /healthz over plain HTTP, so it is never redirected.
HTTPS = env_bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=HTTPS)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or (31_536_000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=HTTPS)
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get("TEST_DATABASE_NAME", "test_archive")
    # Pages run short queries: compiling one with JIT cost more (~100 ms) than running it did.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c max_parallel_workers_per_gather=0"
    )
# Reads of public pages may go to a streaming replica of the same database (archive/database.py);
# writes, the admin and management commands always use the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault(
            "options", "-c jit=off -c max_parallel_workers_per_gather=0"
        )
DATABASE_ROUTERS = ["archive.database.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# backup_archive writes JSON with times to the microsecond; restore_archive reads it as JSON.
SERIALIZATION_MODULES = {"archive-json": "statements.serialization"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The archive speaks English only; without translation machinery, every reverse() and every
# value a template shows skips asking which language is active (~5 ms of a list page).
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# In production (`make serve`, after collectstatic) file names carry a hash of their content so they
# can be cached for ever; without STATIC_MANIFEST (tests, runserver) no collectstatic is needed.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=HTTPS)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

# Ingest refuses files above this size: wire stories are a few kilobytes.
INGEST_MAX_FILE_BYTES = int(os.environ.get("INGEST_MAX_FILE_BYTES", str(2 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
