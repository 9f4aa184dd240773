"""Ingest: extraction results onto models, idempotent, and respectful of curators' work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from hypothesis import given, settings
from hypothesis import strategies as st

from statements.extraction import KnownSpeaker, SpeakerKind
from statements.ingest import Outcome, fingerprint, ingest_paths, statement_slug
from statements.models import (
    Article,
    DatePrecision,
    Outlet,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    Statement,
    StatementTopic,
    Topic,
    TopicSource,
)

pytestmark = pytest.mark.django_db

TASS_STORY = (
    "Outlet: TASS\n"
    "Title: Moscow and Beijing will defend their interests\n"
    "Dateline: MOSCOW\n"
    "Published: 2021-12-24\n"
    "\n"
    "Sergey Ryabkov | The West should not underestimate our resolve. "
    "| kind=indirect; role=Russian Deputy Foreign Minister; said=2021-12-24; country=Russia\n"
    "Sergey Ryabkov | NATO expansion concerns only NATO members, they tell us. "
    "| role=the senior Russian diplomat; as=the senior Russian diplomat\n"
    "Chinese Ministry of Foreign Affairs | There are no limits to the relations. "
    "| kind=indirect; type=institution; country=China\n"
)


def statements_of(source_file: str):
    return Statement.objects.filter(article__source_file=source_file).order_by("position")


def writes_in(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}]


def test_a_new_file_becomes_an_article_with_its_statements(
    fake_extraction, write_source, sources, run_command
):
    write_source("000_story.txt", TASS_STORY)

    run = run_command("ingest", sources)

    assert run.error is None, run.stderr
    assert "Articles: 1 new, 0 updated, 0 unchanged, 0 duplicate, 0 failed." in run.stdout
    assert "Statements: 3 new, 0 updated, 0 retired." in run.stdout
    assert "Speakers: 2 new (Sergey Ryabkov, Chinese Ministry of Foreign Affairs)." in run.stdout
    article = Article.objects.get()
    assert article.source_file == "000_story.txt"
    assert article.outlet.name == "TASS"
    assert article.outlet.slug == "tass"
    assert article.title == "Moscow and Beijing will defend their interests"
    assert article.dateline_place == "MOSCOW"
    assert (article.published_on, article.published_precision) == (dt.date(2021, 12, 24), DatePrecision.DAY)
    assert article.published_month_day == ""
    assert article.original_text == TASS_STORY
    assert len(article.content_hash) == 64

    first, second, third = statements_of("000_story.txt")
    assert [first.position, second.position, third.position] == [0, 1, 2]
    assert first.kind == "indirect"
    assert first.role_as_written == "Russian Deputy Foreign Minister"
    assert (first.said_on, first.said_on_precision) == (dt.date(2021, 12, 24), DatePrecision.DAY)
    assert (second.said_on, second.said_on_precision) == (None, DatePrecision.UNKNOWN)
    assert first.speaker == second.speaker
    assert first.speaker.slug == "sergey-ryabkov"
    assert first.speaker.country == "Russia"
    assert second.speaker_name_as_written == "the senior Russian diplomat"
    assert third.speaker.kind == SpeakerKind.INSTITUTION
    assert first.slug == "ryabkov-the-west-should-not-underestimate-our-resolve"
    assert first.get_absolute_url() == f"/statements/{first.pk}/{first.slug}/"
    assert first.fingerprint == fingerprint(first.text)
    assert list(second.topics.values_list("name", flat=True)) == ["NATO"]
    assert StatementTopic.objects.get(statement=second).source == TopicSource.RULE
    # "the senior Russian diplomat" names no one: it must not become an alias.
    assert not SpeakerAlias.objects.exists()


def test_a_second_run_writes_nothing_and_keeps_every_id(fake_extraction, write_source, sources, run_command):
    write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    before = list(Statement.objects.values_list("id", "slug", "updated_at").order_by("id"))

    with CaptureQueriesContext(connection) as queries:
        run = run_command("ingest", sources)

    assert run.error is None
    assert "Articles: 0 new, 0 updated, 1 unchanged, 0 duplicate, 0 failed." in run.stdout
    assert "Statements: 0 new, 0 updated, 0 retired." in run.stdout
    assert writes_in(queries.captured_queries) == []
    assert list(Statement.objects.values_list("id", "slug", "updated_at").order_by("id")) == before
    assert len(fake_extraction.calls) == 1  # an unchanged file is not even extracted again


def test_force_on_an_unchanged_file_extracts_it_again_and_writes_nothing(
    fake_extraction, write_source, sources, run_command
):
    write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    rows = list(Statement.objects.values_list("id", "slug", "position", "updated_at").order_by("id"))
    article_updated_at = Article.objects.get().updated_at
    history = (Article.history.count(), Statement.history.count(), StatementTopic.history.count())

    with CaptureQueriesContext(connection) as queries:
        run = run_command("ingest", sources, "--force")

    assert len(fake_extraction.calls) == 2  # read again...
    assert writes_in(queries.captured_queries) == []  # ...and found as stored
    assert "Articles: 0 new, 0 updated, 1 unchanged, 0 duplicate, 0 failed." in run.stdout
    assert "Statements: 0 new, 0 updated, 0 retired." in run.stdout
    assert list(Statement.objects.values_list("id", "slug", "position", "updated_at").order_by("id")) == rows
    assert Article.objects.get().updated_at == article_updated_at
    assert (Article.history.count(), Statement.history.count(), StatementTopic.history.count()) == history


def test_reingesting_a_changed_file_keeps_permalinks_and_updates_extracted_fields(
    fake_extraction, write_source, sources, run_command
):
    path = write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    first, second, third = statements_of("000_story.txt")

    path.write_text(
        TASS_STORY.replace("role=Russian Deputy Foreign Minister", "role=Deputy Foreign Minister")
        # Quotes and spacing differ, the words do not: the same statement.
        .replace(
            "The West should not underestimate our resolve.",
            "“The  West should not underestimate our resolve.”",
        )
    )
    run = run_command("ingest", sources)

    assert "Articles: 0 new, 1 updated, 0 unchanged, 0 duplicate, 0 failed." in run.stdout
    # The first statement changed; the two after it moved in the body (their offsets changed).
    assert "Statements: 0 new, 3 updated, 0 retired." in run.stdout
    first.refresh_from_db()
    assert first.role_as_written == "Deputy Foreign Minister"
    assert first.text == "“The  West should not underestimate our resolve.”"
    assert [s.pk for s in statements_of("000_story.txt")] == [first.pk, second.pk, third.pk]


def test_reingest_never_overwrites_curated_fields_or_reviewed_statements(
    fake_extraction, write_source, sources, run_command
):
    path = write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    first, second, third = statements_of("000_story.txt")
    Statement.objects.filter(pk=first.pk).update(
        role_as_written="Deputy Minister (corrected)",
        said_on=dt.date(2021, 12, 23),
        curated_fields=["role_as_written", "said_on"],
    )
    Statement.objects.filter(pk=second.pk).update(
        review_status=ReviewStatus.VERIFIED, role_as_written="checked"
    )
    Statement.objects.filter(pk=third.pk).update(review_status=ReviewStatus.REJECTED)
    Article.objects.filter(pk=first.article_id).update(title="A curator's title", curated_fields=["title"])

    path.write_text(
        TASS_STORY.replace("Title: Moscow and Beijing will defend their interests", "Title: Changed headline")
        .replace("said=2021-12-24", "said=2021-12-20")
        .replace("role=Russian Deputy Foreign Minister", "role=Minister")
        .replace("role=the senior Russian diplomat", "role=someone else")
        .replace("Chinese Ministry of Foreign Affairs |", "Beijing |")
    )
    run = run_command("ingest", sources)

    assert run.error is None
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.role_as_written == "Deputy Minister (corrected)"
    # said_on is curated, so its precision (one value with it) is left alone too.
    assert (first.said_on, first.said_on_precision) == (dt.date(2021, 12, 23), DatePrecision.DAY)
    assert second.role_as_written == "checked"
    assert second.review_status == ReviewStatus.VERIFIED
    assert third.speaker.name == "Chinese Ministry of Foreign Affairs"
    assert third.review_status == ReviewStatus.REJECTED
    article = Article.objects.get()
    assert article.title == "A curator's title"
    assert article.content_hash != ""


def test_statements_no_longer_extracted_are_retired_not_deleted_and_come_back(
    fake_extraction, write_source, sources, run_command
):
    path = write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    first, second, third = statements_of("000_story.txt")
    Statement.objects.filter(pk=third.pk).update(curated_fields=["text"])
    lines = TASS_STORY.splitlines()

    path.write_text("\n".join(line for line in lines if "NATO" not in line and "no limits" not in line))
    run = run_command("ingest", sources)

    # The curated one is kept, and updated: its words are gone from the text, so is its span.
    assert "Statements: 0 new, 1 updated, 1 retired." in run.stdout
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.retired_at is not None
    assert third.retired_at is None  # curated: a curator decides its fate
    assert (third.char_start, third.char_end) == (0, 0)
    assert set(Statement.objects.public()) == {first, third}
    assert Statement.objects.count() == 3

    path.write_text(TASS_STORY)
    run = run_command("ingest", sources)

    assert "Statements: 0 new, 2 updated, 0 retired." in run.stdout  # back, and the curated one found
    second.refresh_from_db()
    assert second.retired_at is None
    assert second in Statement.objects.public()
    third.refresh_from_db()
    assert Article.objects.get().body[third.char_start : third.char_end] == third.text


def test_rule_topics_follow_the_text_and_curator_topics_stay(
    fake_extraction, write_source, sources, run_command
):
    path = write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    statement = statements_of("000_story.txt")[1]
    sanctions = Topic.objects.get(slug="sanctions")
    StatementTopic.objects.create(statement=statement, topic=sanctions, source=TopicSource.CURATOR)

    path.write_text(
        TASS_STORY.replace("NATO expansion concerns only NATO members", "Expansion concerns only members")
    )
    run_command("ingest", sources)

    moved = Statement.objects.get(text__startswith="Expansion concerns")
    assert moved.pk != statement.pk  # other words, another statement
    statement.refresh_from_db()
    assert statement.retired_at is not None
    assert list(statement.topics.values_list("slug", flat=True)) == [
        "nato",
        "sanctions",
    ]  # retired: untouched
    assert not moved.topics.exists()


def test_rule_topics_are_removed_when_rules_no_longer_match(
    fake_extraction, write_source, sources, run_command
):
    write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)
    statement = statements_of("000_story.txt")[1]
    StatementTopic.objects.create(
        statement=statement, topic=Topic.objects.get(slug="sanctions"), source=TopicSource.CURATOR
    )
    Topic.objects.filter(slug="nato").update(match_rules="North Atlantic Treaty Organization")

    run_command("ingest", sources, "--force")

    assert set(statement.topics.values_list("slug", flat=True)) == {"sanctions"}


def test_known_speakers_and_topic_rules_reach_extraction(fake_extraction, write_source, sources, run_command):
    patrushev = Speaker.objects.create(name="Nikolai Patrushev", slug="nikolai-patrushev", country="Russia")
    SpeakerAlias.objects.create(speaker=patrushev, name="Nikolay Patrushev", normalized="nikolay patrushev")
    write_source("a.txt", "Outlet: Sputnik\n\nNikolay Patrushev | Coordination matters.\n")

    run_command("ingest", sources)

    call = fake_extraction.calls[0]
    assert (
        KnownSpeaker(
            key="nikolai-patrushev",
            name="Nikolai Patrushev",
            aliases=("Nikolay Patrushev",),
            kind=SpeakerKind.PERSON,
            country="Russia",
        )
        in call.known_speakers
    )
    rules = {rule.key: rule for rule in call.topic_rules}
    assert rules["nato"].name == "NATO"
    assert "NATO" in rules["nato"].patterns
    assert not any(pattern.startswith("#") for rule in call.topic_rules for pattern in rule.patterns)
    # Matched through the alias: no new speaker.
    assert Statement.objects.get().speaker == patrushev
    assert Speaker.objects.count() == 1


def test_speakers_are_matched_by_key_or_by_name_with_accents_and_case_folded(
    fake_extraction, write_source, sources, run_command
):
    lavrov = Speaker.objects.create(name="Sergey Lavrov", slug="lavrov")
    wang = Speaker.objects.create(name="Wang Yi", slug="wang-yi")
    write_source(
        "a.txt",
        "Outlet: TASS\n\n"
        "Foreign Minister | We will respond. | known=lavrov; as=the minister\n"
        "WANG YÍ | We stand together.\n",
    )

    run_command("ingest", sources)

    assert Statement.objects.get(text="We will respond.").speaker == lavrov
    assert Statement.objects.get(text="We stand together.").speaker == wang
    assert Speaker.objects.count() == 2


def test_another_spelling_of_a_name_is_learned_as_an_alias(
    fake_extraction, write_source, sources, run_command
):
    write_source(
        "a.txt",
        "Outlet: TASS\n\n"
        "Nikolai Patrushev | First words. | as=Nikolay Patrushev\n"
        "Nikolai Patrushev | Second words. | as=Patrushev\n",
    )
    write_source("b.txt", "Outlet: TASS\n\nNikolay Patrushev | Third words.\n")

    run = run_command("ingest", sources)

    assert "Speakers: 1 new (Nikolai Patrushev)." in run.stdout
    speaker = Speaker.objects.get()
    assert list(speaker.aliases.values_list("name", "normalized")) == [
        ("Nikolay Patrushev", "nikolay patrushev")
    ]
    # The second file was extracted knowing the alias the first one taught.
    assert fake_extraction.calls[1].known_speakers[0].aliases == ("Nikolay Patrushev",)
    assert Statement.objects.filter(speaker=speaker).count() == 3


def test_speaker_slugs_stay_unique(fake_extraction, write_source, sources, run_command):
    write_source(
        "a.txt",
        "Outlet: Xinhua\n\nLi 李 | First words.\nLi 黎 | Second words.\nСергей Рябков | Третьи слова.\n",
    )

    run_command("ingest", sources)

    slugs = set(Speaker.objects.values_list("slug", flat=True))
    assert len(slugs) == 3
    assert {"li", "li-2"} <= slugs
    cyrillic = Speaker.objects.get(name="Сергей Рябков")
    assert cyrillic.slug.startswith("speaker-")
    statement = Statement.objects.get(speaker=cyrillic)
    assert statement.slug == ""  # no Latin letters to make a slug of: the bare permalink serves
    assert statement.get_absolute_url() == f"/statements/{statement.pk}/"


def test_article_dates_keep_their_precision(fake_extraction, write_source, sources, run_command):
    write_source("day-month.txt", "Outlet: TASS\nPublished: --12-22\n\nA B | Words one.\n")
    write_source("month.txt", "Outlet: TASS\nPublished: 2020-10\n\nA B | Words two.\n")
    write_source("none.txt", "Outlet: TASS\n\nA B | Words three.\n")

    run_command("ingest", sources)

    day_month = Article.objects.get(source_file="day-month.txt")
    assert (day_month.published_on, day_month.published_precision) == (None, DatePrecision.MONTH_DAY)
    assert day_month.published_month_day == "12-22"
    assert day_month.published_display == "22 December, year unknown"
    assert Article.objects.needing_a_year().get() == day_month
    month = Article.objects.get(source_file="month.txt")
    assert (month.published_on, month.published_precision) == (dt.date(2020, 10, 1), DatePrecision.MONTH)
    assert Article.objects.get(source_file="none.txt").published_precision == DatePrecision.UNKNOWN


def test_republished_stories_keep_both_outlets(fake_extraction, write_source, sources, run_command):
    write_source("a.txt", "Outlet: UrduPoint\nSource outlet: Sputnik\n\nA B | Words.\n")
    write_source("b.txt", "Outlet: sputnik\n\nA B | Other words.\n")

    run_command("ingest", sources)

    carried = Article.objects.get(source_file="a.txt")
    assert (carried.outlet.name, carried.source_outlet.name) == ("UrduPoint", "Sputnik")
    assert Article.objects.get(source_file="b.txt").outlet == carried.source_outlet
    assert Outlet.objects.count() == 2


def test_the_same_words_twice_in_one_article_are_one_statement(
    fake_extraction, write_source, sources, run_command
):
    write_source("a.txt", "Outlet: TASS\n\nA B | We agree.\nA B | “We agree”\n")

    run_command("ingest", sources)

    assert Statement.objects.count() == 1


def test_long_values_are_cut_to_fit_their_columns(fake_extraction, write_source, sources, run_command):
    write_source("a.txt", f"Title: {'T' * 900}\n\nA B | Words. | role={'r' * 400}\n")

    run = run_command("ingest", sources)

    assert run.error is None
    assert len(Article.objects.get().title) == 500
    assert len(Statement.objects.get().role_as_written) == 300


def test_folders_are_searched_recursively_for_txt_files_in_order(
    fake_extraction, write_source, sources, run_command
):
    write_source("b.txt", "Outlet: TASS\n\nA B | Words b.\n")
    write_source("a.txt", "Outlet: TASS\n\nA B | Words a.\n")
    write_source("nested/c.txt", "Outlet: TASS\n\nA B | Words c.\n")
    write_source("notes.md", "not an article")

    run_command("ingest", sources)

    assert list(Article.objects.order_by("id").values_list("source_file", flat=True)) == [
        "a.txt",
        "b.txt",
        "nested/c.txt",
    ]


def test_a_file_named_directly_is_keyed_by_its_name(fake_extraction, write_source, run_command):
    path = write_source("nested/000_77ae68ef91e0d1b8.txt", "Outlet: TASS\n\nA B | Words.\n")

    run_command("ingest", path)

    assert Article.objects.get().source_file == "000_77ae68ef91e0d1b8.txt"


BAD_FILES = {
    "empty.txt": (b"  \n", "the file is empty"),
    "binary.txt": (b"GIF89a\x00\x01\x02\x00\x00binary", "binary"),
    # Not UTF-8, and no single-byte fallback reads it as text.
    "undecodable.txt": (b"\x98\x81" * 200, "not UTF-8"),
    "large.txt": ("Outlet: TASS\n\nA B | " + "word " * 400 + "\n", "too large"),
    "explodes.txt": ("Outlet: TASS\n\nA B | EXPLODE\n", "extraction failed: RuntimeError"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_each_bad_file_is_named_with_its_reason_and_the_others_are_ingested(
    name, fake_extraction, write_source, sources, run_command, settings
):
    settings.INGEST_MAX_FILE_BYTES = 1024
    write_source("good.txt", "Outlet: TASS\n\nA B | Fine words.\n")
    content, reason = BAD_FILES[name]
    bad = write_source(name, content)
    write_source("later.txt", "Outlet: TASS\n\nA B | More fine words.\n")

    run = run_command("ingest", sources)

    assert run.error is not None
    assert run.error.returncode == 1
    assert "1 file(s) could not be ingested" in str(run.error)
    assert f"FAILED {bad}: " in run.stderr
    assert reason in run.stderr.split(f"FAILED {bad}: ")[1]
    assert "Articles: 2 new, 0 updated, 0 unchanged, 0 duplicate, 1 failed." in run.stdout
    assert set(Article.objects.values_list("source_file", flat=True)) == {"good.txt", "later.txt"}


def test_a_missing_path_is_reported_and_the_others_are_ingested(
    fake_extraction, write_source, sources, run_command
):
    good = write_source("good.txt", "Outlet: TASS\n\nA B | Fine words.\n")
    missing = sources / "missing-folder"

    run = run_command("ingest", missing, good)

    assert run.error is not None and run.error.returncode == 1
    assert f"FAILED {missing}: no such file or folder" in run.stderr
    assert Article.objects.get().source_file == "good.txt"


def test_every_failure_is_listed(fake_extraction, write_source, sources, run_command):
    write_source("empty.txt", b"")
    write_source("binary.txt", b"\x00\x00\x00")

    run = run_command("ingest", sources)

    assert "2 file(s) could not be ingested" in str(run.error)
    assert run.stderr.count("FAILED ") == 2


def test_dry_run_prints_a_table_and_writes_nothing(fake_extraction, write_source, sources, run_command):
    write_source("000_story.txt", TASS_STORY)

    with CaptureQueriesContext(connection):
        run = run_command("ingest", sources, "--dry-run")

    assert run.error is None
    header, *rows = run.stdout.splitlines()[:4]
    assert header.split() == ["article", "speaker", "kind", "said", "on", "text"]
    assert rows[0].split()[:4] == ["000_story.txt", "Sergey", "Ryabkov", "indirect"]
    assert "2021-12-24" in rows[0]
    assert "The West should not underestimate our resolve." in rows[0]
    assert "Chinese Ministry of Foreign Affairs" in rows[2]
    assert "Dry run, nothing written. Would store: Articles: 1 new" in run.stdout
    for model in (Article, Statement, Speaker, Outlet, StatementTopic, SpeakerAlias):
        assert not model.objects.exists(), model


def test_dry_run_after_a_real_run_reports_unchanged(fake_extraction, write_source, sources, run_command):
    write_source("000_story.txt", TASS_STORY)
    run_command("ingest", sources)

    run = run_command("ingest", sources, "--dry-run")

    assert "Unchanged, nothing to store: 000_story.txt" in run.stdout
    assert "Would store: Articles: 0 new, 0 updated, 1 unchanged" in run.stdout


def test_progress_is_drawn_on_a_terminal_only(fake_extraction, write_source, sources, run_command):
    write_source("a.txt", "Outlet: TASS\n\nA B | Words.\n")

    quiet = run_command("ingest", sources)
    Article.objects.all().delete()
    drawn = run_command("ingest", sources, tty=True)

    assert "[" not in quiet.stderr
    assert "\r[##############################] 1/1 a.txt" in drawn.stderr


def test_ingest_paths_returns_a_summary(fake_extraction, write_source, sources):
    write_source("a.txt", "Outlet: TASS\n\nA B | Words.\n")

    summary = ingest_paths([sources])

    (result,) = summary.results
    assert result.outcome == Outcome.NEW
    assert result.statements == 1
    assert result.new_speakers == ["A B"]
    assert summary.failures == []


def test_ingest_queries_do_not_grow_with_statements(
    fake_extraction, write_source, sources, django_assert_max_num_queries
):
    lines = "".join(f"Speaker {n % 5} | Statement number {n} about NATO. \n" for n in range(60))
    write_source("a.txt", "Outlet: TASS\n\n" + lines)

    # A run's fixed cost: speakers, aliases, redirects and topics read once; the article looked up,
    # locked (PostgreSQL) and checked for duplicates inside its transaction; then bulk inserts.
    with django_assert_max_num_queries(22):
        ingest_paths([sources])

    assert Statement.objects.count() == 60
    assert StatementTopic.objects.count() == 60


def test_fingerprint_folds_case_quotes_and_spacing():
    assert fingerprint("“We  agree,” he said") == fingerprint("we agree, he said")
    assert fingerprint("«We agree»") == fingerprint("We agree.")
    assert fingerprint("We agree") != fingerprint("We disagree")


def test_statement_slug_is_short_and_readable():
    person = Speaker(name="Sergey Ryabkov", kind="person")
    institution = Speaker(name="Chinese Ministry of Foreign Affairs", kind="institution")
    long_text = "We are working calmly and confidently, and we will keep on working calmly and confidently."

    slug = statement_slug(person, long_text)

    assert slug.startswith("ryabkov-we-are-working-calmly")
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert statement_slug(institution, "No limits.") == "chinese-ministry-of-foreign-affairs-no-limits"


# Words, spaces and what slugify drops or changes, in proportions that put the first words' slug
# just under and just over the length a slug keeps.
SLUG_TEXT = st.lists(
    st.sampled_from(
        ["Abc", "de", " ", "  ", "-", "_", "—", "...", "«»", "\u0301", "é", "ß", "ﬁ", "İ", "日本"]
    ),
    min_size=60,
    max_size=160,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(["Sergey Ryabkov", "Kremlin", "  ", "Jean-Yves Le Drian"]), text=SLUG_TEXT)
def test_a_statement_slug_reads_only_the_first_words_but_is_the_slug_of_the_whole_text(name, text):
    speaker = Speaker(name=name, kind="person")
    whole = slugify(f"{name.split()[-1] if name.split() else name} {text}")
    if len(whole) > 80:
        whole = whole[:81].rsplit("-", 1)[0]

    assert statement_slug(speaker, text) == whole[:80].strip("-")
