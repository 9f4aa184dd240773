"""A researcher's visit, in a real browser: search, narrow, read in context, share the link, export."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.db import connection

from statements.ingest import ingest_paths
from statements.models import Statement

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Two more wire stories on outer space, with dates, so the seeds' undated one has company.
MORE_STORIES = {
    "900_space_2022.txt": """ date 2022-03-15 MOSCOW, March 15. /TASS/. Russia will keep pressing for a binding treaty that bans weapons in outer space, Russian Deputy Foreign Minister Sergey Ryabkov said on Tuesday.

"We are convinced that an arms race in outer space would be disastrous for everyone. Our draft treaty remains on the table," Ryabkov told reporters.

The diplomat added that Moscow is open to talks with Washington on space security.
""",
    "901_space_2023.txt": """ date 2023-06-02 BEIJING, June 2. /TASS/. China opposes the deployment of weapons in outer space and any arms race there, Chinese Foreign Minister Wang Yi said on Friday.

"Outer space must remain a place of peaceful cooperation, not a new battlefield," Wang Yi told a news conference.
""",
}


@pytest.fixture
def archive(tmp_path):
    more = tmp_path / "more"
    more.mkdir()
    for name, text in MORE_STORIES.items():
        (more / name).write_text(text, encoding="utf-8")
    summary = ingest_paths([SEEDS, more])
    assert not summary.failures, summary.failures
    return summary


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    problems = []
    # Error pages a test opens on purpose log their status; anything else (a CSP refusal, a
    # script error, a missing stylesheet) is a problem.
    expected = re.compile(r"Failed to load resource: the server responded with a status of 40[04]")

    def on_console(message):
        if message.type == "error" and not expected.match(message.text):
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert not problems, problems  # CSP violations and script errors surface here


def shoot(page, artifacts: Path, name: str) -> None:
    page.screenshot(path=artifacts / f"{name}-{connection.vendor}.png", full_page=True)


def result_texts(page) -> list[str]:
    return page.locator("#results .statement-text").all_inner_texts()


def test_a_researcher_searches_narrows_reads_shares_and_exports(
    archive, page, browser, live_server, artifacts
):
    from playwright.sync_api import expect

    # Search from the front page.
    page.goto("/")
    shoot(page, artifacts, "home")
    page.get_by_label("Search statements").fill("outer space")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/statements/\?q=outer\+space$"))
    found = result_texts(page)
    assert len(found) == 5
    assert all("outer space" in text.lower() for text in found)
    expect(page.locator("#results mark").first).to_be_visible()
    shoot(page, artifacts, "search")

    # Narrow to one speaker and a date range.
    page.get_by_role("group", name="Speaker").get_by_label(re.compile("Sergey Ryabkov")).check()
    said = page.get_by_role("group", name="Said between")
    said.get_by_label("From").fill("2022")
    said.get_by_label("Until").fill("2022-12-31")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_contain_text("2 statements matching “outer space”")
    assert "speaker=sergey-ryabkov" in page.url and "said_after=2022" in page.url
    narrowed = result_texts(page)
    assert len(narrowed) == 2
    assert any("We are convinced" in text for text in narrowed)
    expect(page.get_by_role("list", name="Filters in use")).to_contain_text("Speaker: Sergey Ryabkov")
    filtered_url = page.url
    shoot(page, artifacts, "filtered")

    # Open a statement.
    page.get_by_role("link", name=re.compile("We are convinced")).click()
    expect(page.locator("blockquote")).to_contain_text("We are convinced that an arms race in outer space")
    statement = Statement.objects.get(text__startswith="We are convinced")
    permalink = f"{live_server.url}{statement.get_absolute_url()}"
    assert page.url == permalink
    shoot(page, artifacts, "statement")

    # Follow "in context" to the anchored statement in the article.
    page.get_by_role("link", name="Read it in context").click()
    page.wait_for_url(f"**/articles/{statement.article_id}/#s-{statement.pk}")
    anchor = page.locator(f"#s-{statement.pk}")
    expect(anchor).to_be_in_viewport()
    assert anchor.evaluate("element => element.matches(':target')")
    shoot(page, artifacts, "article")

    # Copy the link.
    page.go_back()
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".statement-actions .copy-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == permalink

    # A colleague opens it fresh and lands on the same statement.
    colleague = browser.new_context()
    fresh = colleague.new_page()
    fresh.goto(copied)
    expect(fresh.locator("blockquote")).to_contain_text("We are convinced that an arms race in outer space")
    assert fresh.locator('link[rel="canonical"]').get_attribute("href") == permalink
    colleague.close()

    # Export the filtered view as CSV.
    page.goto(filtered_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "statements.csv"
    with open(download.value.path(), encoding="utf-8", newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert sorted(row["text"][:16] for row in rows) == sorted(text.strip("“”")[:16] for text in narrowed)
    assert {row["speaker_slug"] for row in rows} == {"sergey-ryabkov"}
    assert all(row["said_on"].startswith("2022") for row in rows)


def test_the_main_pages_look_right_on_a_desktop_and_a_phone(archive, page, browser, live_server, artifacts):
    from playwright.sync_api import expect

    statement = Statement.objects.public().search('"arms race in outer space"').first()
    pages = {
        "list": "/statements/",
        "speaker": "/speakers/sergey-ryabkov/",
        "topic": "/topics/outer-space/",
        "speakers": "/speakers/",
        "topics": "/topics/",
        "permalink-undated": statement.get_absolute_url(),
        "not-found": "/statements/999999/",
        "bad-request": "/statements/?said_after=2021-13-45",
    }
    for name, path in pages.items():
        page.goto(path)
        expect(page.locator("main h1").first).to_be_visible()
        shoot(page, artifacts, name)

    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    small = phone.new_page()
    for name, path in {
        "home": "/",
        "list": "/statements/?q=space",
        "permalink": statement.get_absolute_url(),
    }.items():
        small.goto(path)
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
        small.screenshot(path=artifacts / f"phone-{name}-{connection.vendor}.png", full_page=False)
    phone.close()


def test_keyboard_users_can_skip_to_the_content_and_see_focus(archive, page):
    page.goto("/statements/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the content")
    assert skip.evaluate("element => element === document.activeElement")
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/statements/#main")
