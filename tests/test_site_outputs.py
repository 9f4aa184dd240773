"""What the site hands to other programs: exports, the Atom feed, sitemap.xml, robots.txt, error pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from statements.exports import CSV_COLUMNS
from statements.models import Article, ReviewStatus, Statement

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def archive(make_statement):
    return {
        "space": make_statement(
            "Russia and China oppose an arms race in outer space.",
            kind="indirect",
            role_as_written="Russian Deputy Foreign Minister",
            said_on=dt.date(2021, 12, 24),
            said_on_precision="day",
            topics=["outer-space"],
        ),
        "wang": make_statement(
            "Outer space must remain peaceful.", speaker="Wang Yi", topics=["outer-space"]
        ),
        "nato": make_statement("NATO must stop its expansion.", topics=["nato"]),
        "rejected": make_statement("Outer space deals, subscribe.", review_status=ReviewStatus.REJECTED),
    }


def body(response) -> str:
    assert response.streaming, "exports are streamed"
    return b"".join(response.streaming_content).decode()


def command_rows(run_command, *args) -> list[dict]:
    run = run_command("export_statements", "--format", "jsonl", *args)
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def test_the_json_export_has_the_commands_fields_for_the_filtered_view(client, archive, run_command):
    response = client.get("/statements/export.json", {"q": "space", "speaker": "sergey-ryabkov"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="statements.json"'
    rows = json.loads(body(response))
    assert rows == command_rows(run_command, "--speaker", "sergey-ryabkov", "--topic", "outer-space")
    assert [row["id"] for row in rows] == [archive["space"].pk]


def test_the_csv_export_is_flat_and_complete(client, archive, run_command):
    response = client.get("/statements/export.csv", {"topic": "outer-space", "sort": "oldest"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert list(rows[0]) == CSV_COLUMNS
    assert {row["id"] for row in rows} == {str(archive["space"].pk), str(archive["wang"].pk)}
    command = csv.DictReader(io.StringIO(run_command("export_statements", "--format", "csv").stdout))
    by_id = {row["id"]: row for row in command}
    assert all(row == by_id[row["id"]] for row in rows)
    assert "subscribe" not in body(client.get("/statements/export.csv"))


def test_csv_cells_that_start_like_a_formula_open_as_text(client, make_statement, run_command):
    formula = '=HYPERLINK("http://example.com/x","Click")'
    statement = make_statement(formula, speaker="+Evil Speaker", role_as_written="-1 minister")
    make_statement("@channel\tsubscribe", speaker="Wang Yi")

    for export in (
        body(client.get("/statements/export.csv")),
        run_command("export_statements", "--format", "csv").stdout,
    ):
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(export))}
        row = rows[str(statement.pk)]
        assert row["text"] == f"'{formula}"
        assert (row["speaker_name"], row["role"]) == ("'+Evil Speaker", "'-1 minister")
        assert row["speaker_slug"] == "evil-speaker"
        assert {row["text"] for row in rows.values()} >= {"'@channel\tsubscribe"}
    # JSON is read by programs, not spreadsheets: the text stays as it was said.
    assert formula in [row["text"] for row in json.loads(body(client.get("/statements/export.json")))]


BAD_FILTERS = [
    ({"speaker": "nobody"}, "There is no speaker “nobody” in the archive."),
    ({"said_after": "2021-13-45"}, "“2021-13-45” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"q": "-space"}, "A search needs at least one word to look for"),
]


@pytest.mark.parametrize(
    "url", ["/statements/", "/statements/export.csv", "/statements/export.json", "/statements/feed/"]
)
def test_bad_filters_are_explained_as_on_the_list_page(client, archive, url):
    for params, problem in BAD_FILTERS:
        response = client.get(url, {**params, "topic": ["outer-space", "nowhere"]})

        assert response.status_code == 400
        html = response.content.decode()
        assert "Some of this search could not be read" in html
        assert problem in html
        assert "There is no topic “nowhere” in the archive." in html
    assert client.get("/statements/export.xml").status_code == 404


def test_the_exports_query_count_does_not_grow(client, make_statement, django_assert_max_num_queries):
    for number in range(50):
        make_statement(f"Statement {number} on space.", speaker=f"Speaker {number % 7}", topics=["nato"])

    # The rows and their topics, however many there are.
    with django_assert_max_num_queries(2):
        rows = json.loads(body(client.get("/statements/export.json", {"q": "space"})))

    assert len(rows) == 50


def test_a_search_exports_every_match_not_only_the_best_ones_ranked(client, make_statement, monkeypatch):
    monkeypatch.setattr("statements.search.RANK_CANDIDATES", 3)
    monkeypatch.setattr("statements.views.RANK_CANDIDATES", 3)
    made = [make_statement(f"Treaties, number {number}.") for number in range(6)]
    make_statement("Nothing to look for here.")

    page = client.get("/statements/", {"q": "treaties"}).content.decode()
    rows = json.loads(body(client.get("/statements/export.json", {"q": "treaties"})))

    assert "3+ statements" in page
    # Newest article first, each in reading order (all six are of one article here).
    assert [row["id"] for row in rows] == [statement.pk for statement in made]


def test_the_atom_feed_follows_the_filters(client, archive):
    response = client.get("/statements/feed/", {"topic": "outer-space", "speaker": "wang-yi"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Statements — Speaker: Wang Yi; Topic: Outer space"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}link").get("href") for entry in entries] == [
        f"http://testserver{archive['wang'].get_absolute_url()}"
    ]
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Wang Yi"
    assert "Outer space must remain peaceful." in entries[0].find(f"{ATOM}summary").text
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver/statements/?topic=outer-space&speaker=wang-yi"
    assert client.get("/statements/feed/", {"said_after": "junk"}).status_code == 400


def test_a_search_feed_leads_with_the_newest_article_however_long_ago_it_was_added(
    client, make_statement, monkeypatch
):
    monkeypatch.setattr("statements.search.RANK_CANDIDATES", 3)
    newest = Article.objects.create(
        source_file="newest.txt", title="Newest", published_on=dt.date(2024, 5, 1), published_precision="day"
    )
    added_first = make_statement("Treaties, in the newest article.", article=newest)
    for number in range(5):
        make_statement(f"Treaties, an older article, number {number}.")  # added later, dated 2021

    feed = ET.fromstring(client.get("/statements/feed/", {"q": "treaties"}).content)

    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert len(links) == 6 and links[0] == f"http://testserver{added_first.get_absolute_url()}"


def test_feed_entries_give_only_the_dates_that_are_known(client, archive):
    undated = Article.objects.create(
        source_file="undated.txt",
        title="Talks in Geneva",
        published_on=None,
        published_precision="month_day",
        content_hash="1" * 64,
    )
    Statement.objects.create(
        article=undated,
        speaker=archive["nato"].speaker,
        kind="direct",
        text="Our patience has limits.",
        position=0,
        fingerprint="f" * 64,
    )

    feed = ET.fromstring(client.get("/statements/feed/").content)
    entries = {entry.find(f"{ATOM}summary").text: entry for entry in feed.findall(f"{ATOM}entry")}
    dated = next(entry for summary, entry in entries.items() if "arms race" in summary)
    unknown = next(entry for summary, entry in entries.items() if "patience" in summary)

    assert dated.find(f"{ATOM}published").text.startswith("2021-12-24")
    assert "Said 24 December 2021, in" in next(s for s in entries if "arms race" in s)
    # No year known: no <published> (the ingest date would read as news), and no "Said Date unknown".
    assert unknown.find(f"{ATOM}published") is None and unknown.find(f"{ATOM}updated") is not None
    assert "Said" not in next(s for s in entries if "patience" in s)
    assert "In “Talks in Geneva”." in next(s for s in entries if "patience" in s)


def test_the_list_page_links_its_exports_and_feed_with_its_filters(client, archive):
    html = client.get("/statements/", {"q": "space", "page": "1"}).content.decode()

    assert 'href="/statements/export.csv?q=space"' in html
    assert 'href="/statements/export.json?q=space"' in html
    assert 'href="/statements/feed/?q=space"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_the_sitemap_lists_public_pages_only(client, archive):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [location.text for location in index.iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-statements.xml" in sections

    statements = ET.fromstring(client.get("/sitemap-statements.xml").content)
    urls = {location.text for location in statements.iter(f"{SITEMAP}loc")}
    assert f"http://testserver{archive['space'].get_absolute_url()}" in urls
    assert f"http://testserver{archive['rejected'].get_absolute_url()}" not in urls
    pages = {location.text for location in ET.fromstring(client.get("/sitemap-pages.xml").content).iter()}
    assert "http://testserver/" in pages
    speakers = client.get("/sitemap-speakers.xml").content.decode()
    assert "http://testserver/speakers/wang-yi/" in speakers


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /statements/?" in text  # endless filter combinations are not for crawlers


def test_error_pages_are_branded(client, monkeypatch):
    not_found = client.get("/statements/999999/gone/")
    assert not_found.status_code == 404
    assert "Diplomatic Statements Archive" in not_found.content.decode()

    def fail(queryset):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("statements.models.TopicQuerySet.with_statement_counts", fail)
    response = Client(raise_request_exception=False).get("/topics/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "the database went away" not in html


def test_the_favicon_is_served_for_pages_that_name_none(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
