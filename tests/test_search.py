"""Full-text search: one syntax, the same answers on PostgreSQL and SQLite."""

from __future__ import annotations

import pytest
from django.db import connection

from statements.models import Statement
from statements.search import (
    MAX_QUERY_LENGTH,
    ParsedQuery,
    SearchSyntaxError,
    Term,
    highlighted_html,
    parse_query,
)

TEXTS = {
    "negotiations": "Russia is ready to resume negotiations on strategic stability.",
    "negotiate": "We will negotiate with our partners in the Asia-Pacific region.",
    "space": "Russia and China oppose an arms race in outer space.",
    "weapons": "Russia will not be the first to place weapons in space.",
    "nato": "NATO enlargement threatens security in Europe.",
    "sanctions": "The sanctions will not change our course, and we will negotiate.",
    "markup": "Read <b>this</b> & that about treaties.",
}


@pytest.fixture
def texts(make_statement) -> dict[str, Statement]:
    return {key: make_statement(text) for key, text in TEXTS.items()}


def found(query: str) -> set[str]:
    by_text = {text: key for key, text in TEXTS.items()}
    return {by_text[text] for text in Statement.objects.search(query).values_list("text", flat=True)}


# The parser: no database.


def test_words_phrases_or_and_exclusions_are_parsed():
    parsed = parse_query('outer space "arms race" NATO or sanctions -"weapons in space" -Europe')

    assert parsed == ParsedQuery(
        required=(
            (Term(("outer",)),),
            (Term(("space",)),),
            (Term(("arms", "race")),),
            (Term(("nato",)), Term(("sanctions",))),
        ),
        excluded=(Term(("weapons", "in", "space")), Term(("europe",))),
    )
    assert parsed.websearch() == 'outer space "arms race" nato OR sanctions -"weapons in space" -europe'
    assert parsed.fts5() == (
        '(("outer") AND ("space") AND ("arms race") AND ("nato" OR "sanctions")) '
        'NOT ("weapons in space" OR "europe")'
    )


def test_the_parser_is_lenient_about_what_it_can_read():
    assert parse_query("") is None
    assert parse_query("   ") is None
    assert parse_query("OR nato OR") == ParsedQuery(((Term(("nato",)),),))
    assert parse_query("“arms race") == ParsedQuery(((Term(("arms", "race")),),))  # curly, unclosed
    assert parse_query("the arms race") == ParsedQuery(((Term(("arms",)),), (Term(("race",)),)))
    assert parse_query('"the arms race of"') == ParsedQuery(((Term(("arms", "race")),),))
    assert parse_query("Asia-Pacific U.S. People’s") == ParsedQuery(
        ((Term(("asia-pacific",)),), (Term(("u.s",)),), (Term(("people’s",)),))
    )


@pytest.mark.parametrize(
    "query",
    [
        'NEAR("a" "b") col:x ^start * AND NOT ( ) {}',
        '"unbalanced " quotes" -"',
        "'; DROP TABLE statements_statement; --",
        "\x00\x02\x03 control",
    ],
)
def test_search_syntax_never_reaches_the_database_raw(query):
    parsed = parse_query(query)

    for term in [*(term for group in parsed.required for term in group), *parsed.excluded]:
        for word in term.words:
            assert all(char.isalnum() or char in ".-'’" for char in word), word


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("-nato", "at least one word to look for"),
        ("the and of", "only very common words"),
        ("&&& !!! ---", "Type some words"),
        ("x" * (MAX_QUERY_LENGTH + 1), "please keep it under"),
        (" ".join(f"word{number}" for number in range(30)), "too many words"),
    ],
)
def test_queries_that_cannot_be_searched_say_why(query, message):
    with pytest.raises(SearchSyntaxError, match=message):
        parse_query(query)


def test_highlights_are_escaped_and_marked():
    html = highlighted_html("Read <b>this</b> & \x02treaties\x03 now\x03")

    assert html == "Read &lt;b&gt;this&lt;/b&gt; &amp; <mark>treaties</mark> now"


# The databases.


@pytest.mark.django_db
def test_all_words_must_match(texts):
    assert found("russia space") == {"space", "weapons"}
    assert found("Russia outer space") == {"space"}


@pytest.mark.django_db
def test_an_exact_phrase_matches_only_those_words_in_that_order(texts):
    assert found('"outer space"') == {"space"}
    assert found('"space outer"') == set()
    assert found('"arms race in outer space"') == {"space"}


@pytest.mark.django_db
def test_or_and_exclusion(texts):
    assert found("nato OR sanctions") == {"nato", "sanctions"}
    assert found("negotiate -sanctions") == {"negotiations", "negotiate"}
    assert found('space -"first to place"') == {"space"}


@pytest.mark.django_db
def test_words_are_stemmed(texts):
    assert found("negotiations") == {"negotiations", "negotiate", "sanctions"}
    assert found("weapon") == {"weapons"}
    assert found("Asia-Pacific") == {"negotiate"}


@pytest.mark.django_db
def test_search_syntax_is_only_ever_words_to_the_database(texts):
    assert found('NEAR("russia" "space") col:russia * ^space') == set()
    assert found("space AND russia") == {"space", "weapons"}  # "and" is a stop word, not an operator


@pytest.mark.django_db
def test_better_matches_rank_first_and_matches_are_highlighted(texts):
    results = list(Statement.objects.search("space").with_highlights("space").best_match_first())

    assert {statement.text for statement in results} == {TEXTS["space"], TEXTS["weapons"]}
    assert all(statement.search_rank > 0 for statement in results)
    assert results[0].search_rank >= results[1].search_rank
    weapons = next(statement for statement in results if statement.text == TEXTS["weapons"])
    assert highlighted_html(weapons.search_highlight) == (
        "Russia will not be the first to place weapons in <mark>space</mark>."
    )
    markup = Statement.objects.search("treaty").with_highlights("treaty").get()
    assert highlighted_html(markup.search_highlight) == (
        "Read &lt;b&gt;this&lt;/b&gt; &amp; that about <mark>treaties</mark>."
    )


@pytest.mark.django_db
def test_the_index_follows_inserts_updates_and_deletes(texts):
    statement = texts["nato"]
    statement.text = "The alliance keeps expanding eastward."
    statement.save()

    assert found("nato") == set()
    assert list(Statement.objects.search("eastward").values_list("pk", flat=True)) == [statement.pk]

    statement.delete()
    assert not Statement.objects.search("eastward").exists()


@pytest.mark.django_db
def test_search_combines_with_filters_subqueries_and_counts(texts, make_statement):
    make_statement("Outer space must stay peaceful.", speaker="Wang Yi", topics=["outer-space"])
    searched = Statement.objects.public().search("space").in_topic("outer-space")

    assert list(searched.values_list("speaker__slug", flat=True)) == ["wang-yi"]
    tallies = list(Statement.objects.public().search("space").tally("speaker__slug"))
    assert tallies == [{"speaker__slug": "sergey-ryabkov", "n": 2}, {"speaker__slug": "wang-yi", "n": 1}]
    assert Statement.objects.search("space")[:1].count() == 1


@pytest.mark.django_db
def test_the_index_is_where_the_migration_put_it():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'statements_statement' "
                "AND indexname = 'statement_search_vector'"
            )
            assert "gin (search_vector)" in cursor.fetchone()[0]
        else:
            # A migration that rebuilds statements_statement on SQLite drops its triggers: this
            # test is the alarm that they must be created again.
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'statements_statement'"
            )
            assert {row[0] for row in cursor.fetchall()} == {
                "statements_statement_fts_after_insert",
                "statements_statement_fts_after_delete",
                "statements_statement_fts_after_update",
                # Migration 0007's copy of the article's date (statements/columns.py).
                "statements_statement_take_sort_date_insert",
                "statements_statement_take_sort_date_update",
            }
            cursor.execute("SELECT name FROM pragma_table_info('statements_statement')")
            assert "article_published_on" in {row[0] for row in cursor.fetchall()}


def test_matches_a_space_apart_are_one_highlight():
    assert highlighted_html("an \x02outer\x03 \x02space\x03 race, \x02space\x03") == (
        "an <mark>outer space</mark> race, <mark>space</mark>"
    )


def test_a_search_leaves_the_database_session_as_it_found_it(client, make_statement):
    if connection.vendor != "postgresql":
        pytest.skip("bitmap scans are a PostgreSQL setting")
    make_statement("Treaties are the backbone of arms control.")

    # Inside the test's own transaction, where a SET LOCAL would otherwise outlive the search.
    assert "Treaties" in client.get("/statements/", {"q": "treaties"}).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_bitmapscan")
        assert cursor.fetchone()[0] == "on"
