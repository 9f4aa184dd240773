"""Re-ingest keeps permalinks and places: every statement stands on its own words in the current text,
its slug never changes, and the same content under another file name is not a second article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from statements.ingest import Outcome, ingest_paths
from statements.models import Article, ReviewStatus, Speaker, SpeakerRedirect, Statement

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_ce1b1adc1bd8e6a9.txt"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def revised(seed: str) -> str:
    """The seed as its outlet might update it: a paragraph added at the top, one quoted sentence
    taken out, and one sentence's attribution dropped (its words stay, but nobody says them)."""
    changed = seed.replace(
        "(UTC+04:00)\n\n",
        "(UTC+04:00)\n\nThe talks in Moscow took place behind closed doors and lasted for several hours.\n\n",
        1,
    )
    changed = changed.replace(
        ' "I want to fully join your appreciation of the strategic cooperation between the two countries."',
        "",
    )
    changed = changed.replace("Wang Yi also drew attention to the fact that in the context", "In the context")
    assert changed.count("\n") == seed.count("\n") + 2
    return changed


def marked_words(response) -> dict[int, list[str]]:
    """The words the article page marks for each statement."""
    marked: dict[int, list[str]] = {}
    for paragraph in response.context["paragraphs"]:
        for segment in paragraph:
            if segment.statement is not None:
                marked.setdefault(segment.statement.pk, []).extend(words(segment.text))
    return marked


def test_after_reingest_every_statement_is_marked_on_its_own_words_and_in_reading_order(
    write_source, sources, run_command, client
):
    """The real extraction: its offsets come from the article's body, as in production."""
    seed = SEED.read_text(encoding="utf-8")
    path = write_source("002.txt", seed)
    run_command("ingest", sources)

    def statement(start: str) -> Statement:
        return Statement.objects.get(text__startswith=start)

    verified_moved = statement("the consultations of Beijing")
    rejected_moved = statement("It’s necessary to unlock")
    verified_unattributed = statement("in the context of the changing")
    verified_removed = statement("I want to fully join")
    curated = statement("China and Russia, as permanent members")
    Statement.objects.filter(
        pk__in=[verified_moved.pk, verified_unattributed.pk, verified_removed.pk]
    ).update(review_status=ReviewStatus.VERIFIED)
    Statement.objects.filter(pk=rejected_moved.pk).update(review_status=ReviewStatus.REJECTED)
    Statement.objects.filter(pk=curated.pk).update(
        role_as_written="diplomat", curated_fields=["role_as_written"]
    )

    path.write_text(revised(seed), encoding="utf-8")
    run = run_command("ingest", sources)

    assert run.error is None, run.stderr
    article = Article.objects.get()
    body = article.body
    public = list(article.statements.public().in_reading_order())
    assert len(public) == 7 and verified_unattributed in public and verified_removed in public

    # The article page marks each statement on its own words, and marks every one still in the text.
    marked = marked_words(client.get(article.get_absolute_url()))
    for each in public:
        if each == verified_removed:
            assert each.pk not in marked  # its words are gone: no mark at all, not someone else's
        else:
            assert marked[each.pk] == words(each.text), each.text

    # Each permalink shows the statement inside its own paragraph, and its neighbours in reading order.
    for index, each in enumerate(public):
        context = client.get(each.get_absolute_url()).context
        if each == verified_removed:
            assert context["excerpt"] is None
        else:
            assert words(context["excerpt"].quote) == words(each.text), each.text
        assert context["previous"] == (public[index - 1] if index else None)
        assert context["next"] == (public[index + 1] if index + 1 < len(public) else None)

    # Reading order is the order of the text; the statement whose words are gone has no span and
    # comes last. Rejected statements are placed too (a curator may return them to auto).
    located = [each for each in public if each.char_end]
    assert [each.char_start for each in located] == sorted(each.char_start for each in located)
    assert public[-1] == verified_removed
    assert (public[-1].char_start, public[-1].char_end) == (0, 0)
    assert len({each.position for each in article.statements.all()}) == article.statements.count()
    rejected_moved.refresh_from_db()
    assert words(body[rejected_moved.char_start : rejected_moved.char_end]) == words(rejected_moved.text)
    assert rejected_moved.review_status == ReviewStatus.REJECTED
    # Locators followed the text; the curators' fields did not.
    verified_unattributed.refresh_from_db()
    assert verified_unattributed.paragraph_index == 4  # the added paragraph is 0
    assert verified_unattributed.retired_at is None
    curated.refresh_from_db()
    assert curated.role_as_written == "diplomat"


def test_a_statement_slug_is_made_once_and_survives_a_renamed_speaker(
    fake_extraction, write_source, sources, run_command
):
    write_source(
        "a.txt",
        "Outlet: Xinhua\n\nChinese Ministry of Foreign Affairs | There are no limits to the relations. "
        "| type=institution; known=chinese-ministry-of-foreign-affairs\n",
    )
    run_command("ingest", sources)
    statement = Statement.objects.get()
    url = statement.get_absolute_url()
    assert url.endswith("/chinese-ministry-of-foreign-affairs-there-are-no-limits-to-the-relations/")
    Speaker.objects.filter(pk=statement.speaker_id).update(
        name="Ministry of Foreign Affairs of the People's Republic of China", curated_fields=["name"]
    )

    run = run_command("ingest", sources, "--force")

    assert run.error is None, run.stderr
    statement.refresh_from_db()
    assert statement.speaker.name.startswith("Ministry of Foreign Affairs of the")
    assert statement.get_absolute_url() == url


def test_the_same_content_under_another_name_is_a_duplicate_not_a_new_article(
    fake_extraction, write_source, sources, run_command
):
    write_source("sub/a.txt", "Outlet: TASS\n\nA B | Words of a.\n")
    write_source("sub/b.txt", "Outlet: TASS\n\nA B | Words of b.\n")
    run_command("ingest", sources)

    run = run_command("ingest", sources / "sub")  # the same files, now named a.txt and b.txt

    assert run.error is None, run.stderr
    assert "Articles: 0 new, 0 updated, 0 unchanged, 2 duplicate, 0 failed." in run.stdout
    assert "Skipped a.txt: same content as sub/a.txt, not stored again." in run.stdout
    assert "Skipped b.txt: same content as sub/b.txt, not stored again." in run.stdout
    assert sorted(Article.objects.values_list("source_file", flat=True)) == ["sub/a.txt", "sub/b.txt"]
    assert Statement.objects.count() == 2
    assert len(fake_extraction.calls) == 2  # a duplicate is not even extracted

    again = run_command("ingest", sources / "sub", "--force")

    assert "0 new, 0 updated, 0 unchanged, 2 duplicate" in again.stdout
    assert Article.objects.count() == 2


@pytest.mark.parametrize("batch_size", [1, 10])
def test_the_same_content_twice_in_one_run_is_stored_once(fake_extraction, write_source, sources, batch_size):
    write_source("a.txt", "Outlet: TASS\n\nA B | Words.\n")
    write_source("copy/a.txt", "Outlet: TASS\n\nA B | Words.\n")
    write_source("z.txt", "Outlet: TASS\n\nA B | Other words.\n")

    summary = ingest_paths([sources], batch_size=batch_size)

    assert (summary.count(Outcome.NEW), summary.count(Outcome.DUPLICATE)) == (2, 1)
    assert summary.duplicates == [("copy/a.txt", "a.txt")]
    assert sorted(Article.objects.values_list("source_file", flat=True)) == ["a.txt", "z.txt"]


def test_a_new_speaker_never_takes_an_old_address_that_redirects(
    fake_extraction, write_source, sources, run_command, client
):
    li_wei = Speaker.objects.create(name="Li Wei", slug="li-wei")
    SpeakerRedirect.objects.create(old_slug="li", speaker=li_wei)  # Li Wei was /speakers/li/
    write_source("a.txt", "Outlet: Xinhua\n\nLi | We agree. | type=institution\n")

    run_command("ingest", sources)

    newcomer = Speaker.objects.get(name="Li")
    assert newcomer.slug == "li-2"
    response = client.get("/speakers/li/")
    assert (response.status_code, response["Location"]) == (301, li_wei.get_absolute_url())


def test_pasting_the_text_of_a_stored_file_leads_to_that_article(
    fake_extraction, write_source, sources, run_command, admin_client
):
    story = "Outlet: TASS\n\nA B | Words already filed.\n"
    write_source("filed.txt", story)
    run_command("ingest", sources)
    filed = Article.objects.get()

    response = admin_client.post(reverse("admin:statements_article_add"), {"text": story, "name": ""})

    assert response.status_code == 302
    assert response["Location"].endswith(f"?article={filed.pk}")
    assert (
        "was already in the archive with this text" in admin_client.get(response["Location"]).content.decode()
    )
    assert list(Article.objects.all()) == [filed]
