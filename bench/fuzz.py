"""Query strings no reader would type, for every public URL: the site must answer each one below 500.

`public_requests(...)` is a Hypothesis strategy of relative URLs (path and query string): the
filters' own names with hostile values (unknown slugs, impossible dates, NUL bytes, huge numbers,
SQL, unbalanced quotes, stop words only, other scripts), unknown names, repeated names, and raw
query strings with broken percent-escapes. The test suite runs a bounded number of them through
Django's test client (tests/test_fuzz.py); the benchmark sends at least 10,000 to gunicorn over
HTTP on 127.0.0.1 (`fuzz_server`).
"""

from __future__ import annotations

import http.client
import time
from urllib.parse import quote, urlencode, urlsplit

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

PARAMETERS = [
    "q",
    "speaker",
    "topic",
    "outlet",
    "country",
    "kind",
    "review_status",
    "said_after",
    "said_before",
    "published_after",
    "published_before",
    "sort",
    "page",
    "p",
]
NASTY_VALUES = [
    "",
    " ",
    "-",
    '"',
    '""',
    '"outer space',
    "OR",
    "the",
    "the and of",
    "-nato",
    "nato OR",
    "a" * 400,
    "x " * 40,
    "\x00",
    "nato\x00",
    "2021-13-45",
    "2021-02-30",
    "0000",
    "9999-12-31",
    "10000-01-01",
    "-2021",
    "2021-1-1",
    "0",
    "-1",
    "1e10",
    "99999999999999999999999",
    "NaN",
    "last",
    "٣",
    "🙂",
    "Сергей Рябков",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%00",
    "relevance",
    "newest",
    "direct",
    "rejected",
    "nato",
    "sergey-ryabkov",
    "tass",
    "Russia",
]
# Paths, weighted: sitemaps of a large archive are heavy pages that crawlers, not readers, fetch.
PATHS = [
    "/",
    "/statements/",
    "/statements/",
    "/statements/",
    "/statements/export.csv",
    "/statements/export.json",
    "/statements/feed/",
    "/speakers/",
    "/topics/",
    "/topics/nato/",
    "/topics/ukraine/",
    "/topics/no-such-topic/",
    "/speakers/no-such-speaker/",
    "/statements/1/",
    "/statements/1/wrong-slug/",
    "/statements/999999999/",
    "/articles/1/",
    "/articles/999999999/",
    "/robots.txt",
    "/healthz",
    "/sitemap.xml",
]
STREAMED = ("/statements/export.csv", "/statements/export.json")

values = st.one_of(
    st.sampled_from(NASTY_VALUES),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.builds(lambda day, length: day.isoformat()[:length], st.dates(), st.sampled_from([4, 7, 10])),
    st.from_regex(r"\A[0-9]{1,5}(-[0-9]{1,2}){0,2}\Z"),
)
names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=12))
encoded_queries = st.lists(st.tuples(names, values), max_size=8).map(urlencode)
# Raw query strings: stray %, & and = and bytes that are not UTF-8 once unescaped.
raw_queries = st.text(alphabet=st.sampled_from("abqz019-_=&%+;\"' ~.é"), max_size=60).map(
    lambda text: quote(text, safe="=&%+;-_.~")
)


def public_requests(paths: list[str] | None = None) -> st.SearchStrategy[str]:
    """Relative URLs: one of `paths` (PATHS by default) with a hostile query string."""
    path = st.sampled_from(paths or PATHS)
    query = st.one_of(encoded_queries, raw_queries)
    return st.builds(lambda p, q: f"{p}?{q}" if q else p, path, query)


def fuzz_server(base_url: str, requests: int, paths: list[str] | None = None, seed_value: int = 0) -> dict:
    """Send `requests` fuzzed GETs to a running server; counts by status class, and the 5xx seen.

    Different `seed_value`s give different requests, so several processes can share the work.
    """
    parts = urlsplit(base_url)
    counts = {"2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0}
    failures: list[str] = []
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    started = time.perf_counter()

    @seed(seed_value)
    @settings(max_examples=requests, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(public_requests(paths))
    def send(url: str) -> None:
        nonlocal connection
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            # Streamed exports: the status is decided before the first byte of the body. The
            # response holds the socket too: both must close, or the server streams on into it.
            response.read(65536 if url.startswith(STREAMED) else None)
            if url.startswith(STREAMED) or response.will_close:
                response.close()
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            failures.append(f"{url}: {type(error).__name__}: {error}")
            counts["5xx"] += 1
            return
        counts[f"{response.status // 100}xx"] += 1
        if response.status >= 500:
            failures.append(f"{url}: {response.status}")

    send()
    connection.close()
    return {**counts, "seconds": time.perf_counter() - started, "failures": failures[:20]}
