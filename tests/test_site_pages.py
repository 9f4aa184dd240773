"""The pages on the real seeds: permalinks, articles, speakers, topics, the home page."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.utils.html import escape, strip_tags

from statements.ingest import ingest_paths
from statements.models import Article, Outlet, Speaker, Statement, Topic

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seeded(db):
    summary = ingest_paths([SEEDS])
    assert not summary.failures, summary.failures
    return summary


@pytest.fixture
def space_statement(seeded) -> Statement:
    """A statement of the article whose text gives no year (22 December, year unknown)."""
    return Statement.objects.public().search('"arms race in outer space"').with_related().get()


def test_the_permalink_has_everything_a_researcher_cites(client, space_statement):
    statement = space_statement
    response = client.get(statement.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"<blockquote[^>]*>\s*<p>[^<]*arms race in outer space", html)
    assert f'href="{statement.speaker.get_absolute_url()}">{statement.speaker.name}</a>' in html
    assert f"<dt>Role, as written</dt><dd>{statement.role_as_written}</dd>" in html
    assert "<dt>Kind</dt><dd>Reported speech</dd>" in html or "<dt>Kind</dt><dd>Direct quote</dd>" in html
    assert "<dt>Published</dt><dd>22 December, year unknown</dd>" in html
    assert "TASS" in html
    in_context = f"{statement.article.get_absolute_url()}#s-{statement.pk}"
    assert f'class="in-context" href="{in_context}"' in html
    assert '<p class="context-around">' in html  # the paragraphs around it
    assert 'href="/topics/outer-space/">Outer space</a>' in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert 'aria-labelledby="related-heading"' in html
    for label in ("APA", "Chicago", "BibTeX", "RIS"):
        assert f">{label}</h3>" in html
    assert 'data-copy-from="permalink"' in html and "/static/js/site.js" in html


def test_a_statement_whose_words_a_curator_edited_keeps_its_context(client, space_statement):
    statement = space_statement
    source_words = statement.article.body[statement.char_start : statement.char_end]
    statement.text = statement.text.replace("arms race", "arms competition")
    statement.curated_fields = ["text"]
    statement.save()

    html = client.get(statement.get_absolute_url()).content.decode()

    assert 'id="context-heading">In context</h2>' in html
    assert "A curator edited this statement’s words; the article reads them as marked here." in html
    assert f"<mark>{escape(source_words)}</mark>" in html
    # Words changed with no curator behind them mean stale offsets: no context is better than a wrong one.
    statement.curated_fields = []
    statement.save()
    assert "In context" not in client.get(statement.get_absolute_url()).content.decode()


def test_the_permalink_speaks_to_other_sites(client, space_statement):
    statement = space_statement
    url = f"http://testserver{statement.get_absolute_url()}"

    html = client.get(statement.get_absolute_url()).content.decode()

    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Sergey Ryabkov: ' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)[1])
    assert data["@type"] == "Quotation"
    assert data["text"] == statement.text
    assert data["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Sergey Ryabkov",
        "url": "http://testserver/speakers/sergey-ryabkov/",
    }
    assert data["isPartOf"]["publisher"]["name"] == "TASS"
    assert {"@type": "Thing", "name": "Outer space"} in data["about"]
    assert "datePublished" not in data["isPartOf"]  # the year is unknown: no date is claimed


def test_json_ld_cannot_break_out_of_its_script(client, make_statement):
    statement = make_statement("Nothing </script><script>alert(1)</script> & more.")

    html = client.get(statement.get_absolute_url()).content.decode()

    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)[1]
    assert "<" not in script and ">" not in script
    assert json.loads(script)["text"] == statement.text
    assert "<script>alert(1)</script>" not in html


def test_prev_and_next_stay_within_the_article(client, seeded):
    article = Article.objects.get(source_file__startswith="001_")
    statements = list(article.statements.public().in_reading_order())
    first, second = statements[0], statements[1]

    first_html = client.get(first.get_absolute_url()).content.decode()
    second_html = client.get(second.get_absolute_url()).content.decode()

    assert 'rel="prev"' not in first_html
    assert f'rel="next" href="{second.get_absolute_url()}"' in first_html
    assert f'rel="prev" href="{first.get_absolute_url()}"' in second_html


def test_the_article_anchors_every_statement_and_keeps_the_original(client, seeded):
    article = Article.objects.get(source_file__startswith="001_")

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    for statement in article.statements.public():
        assert html.count(f'id="s-{statement.pk}"') == 1, statement.pk
        assert f'href="{statement.get_absolute_url()}"' in html
    assert '<mark class="statement-mark" id="s-' in html
    assert "The original text, as ingested" in html
    assert unescape(re.search(r"<pre>(.*?)</pre>", html, re.DOTALL)[1]) == article.original_text


def test_a_statement_whose_offsets_do_not_fit_is_still_anchored(client, make_statement):
    statement = make_statement("Words that the body no longer has.", char_start=500, char_end=530)

    html = client.get(statement.article.get_absolute_url()).content.decode()

    assert f'<li id="s-{statement.pk}">' in html


def test_the_speaker_pages(client, seeded):
    index = client.get("/speakers/").content.decode()
    assert re.search(r'href="/speakers/sergey-ryabkov/">Sergey Ryabkov</a></th>', index)

    html = client.get("/speakers/sergey-ryabkov/").content.decode()
    assert "<h1>Sergey Ryabkov</h1>" in html
    assert "Russian Deputy Foreign Minister" in html  # roles as written
    assert "Statements by topic" in html
    assert 'href="/statements/?speaker=sergey-ryabkov&amp;topic=outer-space">Outer space</a>' in html
    assert '<svg viewBox="0 0 640 140" role="img"' in html
    assert 'href="/statements/?speaker=sergey-ryabkov"' in html
    assert client.get("/speakers/nobody/").status_code == 404


def test_the_topic_pages(client, seeded):
    index = client.get("/topics/").content.decode()
    assert 'href="/topics/outer-space/">Outer space</a>' in index

    html = client.get("/topics/outer-space/").content.decode()
    assert "<h1>Outer space</h1>" in html
    assert "Military and diplomatic questions of outer space" in html
    assert "Top speakers" in html
    assert 'href="/statements/?topic=outer-space&amp;speaker=sergey-ryabkov">Sergey Ryabkov</a>' in html
    # Every outer-space statement of the seeds is undated: no chart, and the page says why.
    assert Statement.objects.public().in_topic("outer-space").exclude(said_on=None).count() == 0
    assert "None of these statements has a known date yet, so there is no timeline." in html
    assert 'class="timeline"' not in html and "Statements per" not in html
    # A topic nobody has spoken on yet says so.
    Topic.objects.create(name="Antarctica", slug="antarctica")
    empty = client.get("/topics/antarctica/").content.decode()
    assert "No statements yet, so there is no timeline." in empty and "None of these" not in empty


def test_a_name_ending_in_s_takes_an_apostrophe_alone(client, make_statement):
    make_statement("We are concerned.", speaker="Ministry of Foreign Affairs", speaker_kind="institution")
    make_statement("We are ready.", speaker="Sergey Lavrov")

    ministry = client.get("/speakers/ministry-of-foreign-affairs/").content.decode()
    lavrov = client.get("/speakers/sergey-lavrov/").content.decode()

    assert "Search and filter Ministry of Foreign Affairs’ statements" in ministry
    assert "Search and filter Sergey Lavrov’s statements" in lavrov


def test_the_home_page_on_the_seeds(client, seeded):
    html = client.get("/").content.decode()

    total = Statement.objects.public().count()
    assert f"{total} statements" in html
    assert "Recent statements" in html and "Topics" in html and "Speakers" in html
    assert "<svg" in html and "Show as a table" in html
    speakers = Speaker.objects.with_statement_counts().count()
    assert len(re.findall(r'<li><a href="/speakers/[\w-]+/">', html)) == min(speakers, 8)


def test_pages_have_landmarks_labels_and_no_inline_code(client, seeded, space_statement):
    pages = [
        "/",
        "/statements/",
        "/statements/?q=space",
        space_statement.get_absolute_url(),
        space_statement.article.get_absolute_url(),
        "/speakers/",
        "/speakers/sergey-ryabkov/",
        "/topics/",
        "/topics/outer-space/",
        "/no-such-page/",
    ]
    for url in pages:
        response = client.get(url)
        html = response.content.decode()
        for landmark in ("<header", "<nav", "<main", "<footer", 'class="skip-link"'):
            assert landmark in html, (url, landmark)
        assert "Content-Security-Policy" in response.headers, url
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        # Every script is a file or data; no inline handlers or styles for the CSP to block.
        for script in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL):
            assert 'src="/static/' in script[0] or 'type="application/ld+json"' in script[0], url
        assert not re.search(r"\son[a-z]+=", html), url
        assert " style=" not in html, url
        assert "https://" not in html.replace("https://schema.org", ""), url  # nothing from a CDN
        for field_id in re.findall(r'<input[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html or f'aria-labelledby="{field_id}' in html, (url, field_id)


def test_a_speakers_roles_say_when_they_were_first_and_last_written(client, make_statement):
    outlet = Outlet.objects.create(name="Wire", slug="wire")

    def article(number: int, published_on, precision: str) -> Article:
        return Article.objects.create(
            source_file=f"{number}.txt",
            outlet=outlet,
            title=f"Story {number}",
            published_on=published_on,
            published_precision=precision,
            original_text="text",
            body="text",
            content_hash=f"{number:064d}",
        )

    # The same earliest date twice: once known to the day, once only to the month.
    march = article(1, dt.date(2019, 3, 1), "month")
    march_first = article(2, dt.date(2019, 3, 1), "day")
    june = article(3, dt.date(2021, 6, 5), "day")
    undated = article(4, None, "unknown")
    for number, (source, role) in enumerate(
        [
            (march, "Deputy Minister"),
            (march_first, "Deputy Minister"),
            (june, "Deputy Minister"),
            (june, "Ambassador"),
            (undated, "Envoy"),
        ]
    ):
        make_statement(f"Statement {number}.", article=source, role_as_written=role)

    html = client.get("/speakers/sergey-ryabkov/").content.decode()
    roles = [
        " ".join(unescape(strip_tags(item)).split()) for item in re.findall(r"<li>(.*?)</li>", html, re.S)
    ]

    assert "Deputy Minister — 3 statements, 1 March 2019 to 5 June 2021" in roles
    assert "Ambassador — 1 statement, 5 June 2021" in roles
    assert "Envoy — 1 statement" in roles


def test_a_speaker_with_hundreds_of_roles_has_a_page(client, make_statement):
    for number in range(600):
        make_statement(f"Statement {number}.", role_as_written=f"Envoy number {number}")

    response = client.get("/speakers/sergey-ryabkov/")

    assert response.status_code == 200
    assert "Envoy number 599" in response.content.decode()


def test_related_statements_share_the_most_topics_first_then_the_latest(client, make_statement):
    def said(day: str) -> dict:
        return {"said_on": dt.date.fromisoformat(day), "said_on_precision": "day"}

    shown = make_statement("On NATO and AUKUS.", speaker="Anna Berg", topics=["nato", "aukus"])
    make_statement(
        "Both, said earlier.", speaker="Omar Haddad", topics=["nato", "aukus"], **said("2021-03-01")
    )
    make_statement("Both, said later.", speaker="Omar Haddad", topics=["aukus", "nato"], **said("2021-09-01"))
    make_statement("Only AUKUS.", speaker="Omar Haddad", topics=["aukus"], **said("2022-01-01"))
    make_statement("Same speaker, no topic.", speaker="Anna Berg", **said("2023-01-01"))
    make_statement(
        "Both, but rejected.", speaker="Omar Haddad", topics=["nato", "aukus"], review_status="rejected"
    )
    make_statement("Another speaker and topic.", speaker="Omar Haddad", topics=["taiwan"])
    for number in range(1, 5):
        make_statement(
            f"NATO, remark {number}.", speaker="Omar Haddad", topics=["nato"], **said(f"2015-01-0{number}")
        )

    html = client.get(shown.get_absolute_url()).content.decode()

    related = html.split('id="related-heading"', 1)[1]
    texts = [unescape(text) for text in re.findall(r'<p class="statement-text"><a [^>]*>“?([^<”]*)', related)]
    # Two shared topics, then one (the latest said first); five at most, so none sharing nothing.
    assert texts == [
        "Both, said later.",
        "Both, said earlier.",
        "Only AUKUS.",
        "NATO, remark 4.",
        "NATO, remark 3.",
    ]


def test_a_statement_without_topics_is_related_to_its_speakers_others(client, make_statement):
    shown = make_statement("A remark on nothing in particular.", speaker="Anna Berg")
    make_statement("Another remark by the same speaker.", speaker="Anna Berg")
    make_statement("A remark by someone else.", speaker="Omar Haddad")

    html = client.get(shown.get_absolute_url()).content.decode()

    assert 'id="related-heading"' in html
    related = html.split('id="related-heading"', 1)[1]
    assert "Another remark by the same speaker." in related
    assert "A remark by someone else." not in related


def test_no_page_shows_template_syntax(client, seeded):
    statement = Statement.objects.public().first()
    speaker = statement.speaker
    topic = Topic.objects.filter(statements__isnull=False).first()
    pages = [
        "/",
        "/statements/",
        "/statements/?q=nato",
        statement.get_absolute_url(),
        statement.article.get_absolute_url(),
        "/speakers/",
        speaker.get_absolute_url(),
        "/topics/",
        topic.get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        # BibTeX braces names ({{Security Council}}); a template writes {{ variable }}.
        for syntax in ("{#", "#}", "{%", "%}", "{{ ", " }}"):
            assert syntax not in html, (url, syntax)


def test_a_kept_statement_whose_words_the_article_no_longer_reads_says_so(client, make_statement):
    words = "The words the article reads."
    first = make_statement(words, char_start=0, char_end=len(words))
    kept = make_statement("Words a later version of the article dropped.", article=first.article)

    html = client.get(kept.get_absolute_url()).content.decode()

    assert "The source article’s current text does not read these words" in html
    assert "Read it in context" not in html and 'id="context-heading"' not in html
    shown = client.get(first.get_absolute_url()).content.decode()
    assert "does not read these words" not in shown and "Read it in context" in shown
