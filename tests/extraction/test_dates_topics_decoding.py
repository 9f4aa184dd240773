"""Dates, topic rules and decoding."""

import re

import pytest

from statements.extraction import (
    BinarySource,
    EmptySource,
    PartialDate,
    TopicRule,
    UndecodableSource,
    decode_source,
)
from statements.extraction.dates import find_full_date, resolve_said_on
from statements.extraction.decoding import normalize_text
from statements.extraction.topics import (
    InvalidTopicRule,
    TopicMatcher,
    compile_pattern,
    fold,
    required_fragments,
)

WEDNESDAY = PartialDate(2023, 2, 22)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("said on Tuesday", "2023-02-21"),
        ("said on Wednesday", "2023-02-22"),
        ("said on Thursday", "2023-02-16"),
        ("said yesterday", "2023-02-21"),
        ("said today", "2023-02-22"),
        ("said on February 2", "2023-02-02"),
        ("said on December 30", "2022-12-30"),
        ("said at a meeting on 20 February", "2023-02-20"),
        ("said on 30 December", "2022-12-30"),
        ("said on the 2nd of February 2021", "2021-02-02"),
        ("Earlier in the day, the embassy said", "2023-02-22"),
        ("said this past October", "2022-10"),
        ("said last February", "2022-02"),
        ("said earlier this month", "2023-02"),
        ("said last month", "2023-01"),
        ("said in 2019", "2019"),
        ("said in an interview", None),
        # The week of 13-19 February, and this week's Monday to Wednesday, fall in one month.
        ("said last week", "2023-02"),
        ("said earlier this week", "2023-02"),
    ],
)
def test_said_on_relative_to_publication(clause, expected):
    resolved = resolve_said_on(clause, WEDNESDAY)
    assert (resolved.iso() if resolved else None) == expected


def test_a_week_across_two_months_is_dated_by_its_year_and_across_two_years_not_at_all():
    assert resolve_said_on("said this week", PartialDate(2026, 4, 1)).iso() == "2026"
    assert resolve_said_on("said last week", PartialDate(2026, 1, 5)) is None


def test_said_on_is_never_invented_without_a_publication_year():
    assert resolve_said_on("said on Tuesday", PartialDate(None, 12, 22)) is None


def test_a_said_on_date_with_its_year_needs_no_publication_year():
    undated = PartialDate(None, 12, 22)
    assert resolve_said_on("said on 2 February 2021", undated).iso() == "2021-02-02"
    assert resolve_said_on("said on February 2, 2021", undated).iso() == "2021-02-02"


def test_forward_looking_month_is_not_a_said_on_date():
    assert resolve_said_on("looks forward to talks this October", PartialDate(2023, 9, 19)) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("19.09.2023", "2023-09-19"),
        ("March 3, 2021", "2021-03-03"),
        ("November, 23, 2026 - 14:20", "2026-11-23"),
        ("24 ноября 2026 года 13:52", "2026-11-24"),
        ("3rd March 2021", "2021-03-03"),
        ("31.02.2021", None),
    ],
)
def test_full_dates(text, iso):
    found = find_full_date(text)
    assert (found[0].iso() if found else None) == iso


def test_partial_date_rejects_impossible_days():
    with pytest.raises(ValueError):
        PartialDate(2023, 2, 30)


def test_topic_rule_syntax():
    assert compile_pattern("negotiat*").search("Negotiations resumed")
    assert compile_pattern("Asia-Pacific").search("the Asia Pacific region")
    assert not compile_pattern("NATO").search("senator said")
    assert compile_pattern(r"re:\bG(?:7|20)\b").search("the G20 summit")
    with pytest.raises(InvalidTopicRule):
        compile_pattern("re:(unclosed")


def test_topic_matcher_skips_broken_rules_and_matches_others():
    matcher = TopicMatcher.from_rules(
        [TopicRule("nato", "NATO", ("NATO", "re:(")), TopicRule("space", "Outer space", ("outer space",))]
    )
    assert matcher.match("NATO expansion in outer space") == ("nato", "space")


def test_folding_covers_every_character_ignorecase_matches_to_ascii():
    ascii_letter = re.compile("[a-z0-9]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if ascii_letter.match(char):
            assert fold(char).isascii() and re.fullmatch(re.escape(fold(char)), char, re.IGNORECASE), hex(
                code
            )


def test_required_fragments_of_rule_lines():
    assert required_fragments("Asia-Pacific") == ("asia", "pacific")
    assert required_fragments("militariz* of space") == ("militariz", "of", "space")
    assert required_fragments("Côte d’Ivoire") == ("c", "te", "d", "ivoire")
    assert required_fragments(r"re:\bG(?:7|20)\b") == ()


RULE_LINES = (
    "NATO",
    "Asia-Pacific",
    "militariz* of space",
    "space-based",
    "U.S.-Russia",
    "Côte d’Ivoire",
    "Istanbul",
    "Kyiv",
    "sanction*",
    # Anchors (a rule's longest piece) that begin another, or lie inside it, are found too.
    "palestin*",
    "Palestinian Authority",
    "non-proliferation",
    "nonproliferation",
    r"re:\bG(?:7|20)\b",
    # Regular expressions are searched together first: groups, backreferences and flags that must
    # open a pattern keep their meaning.
    r"re:\b(BRICS|SCO)\b",
    r"re:\b(\w+) and \1\b",
    r"re:(?x) one [-\s] China",
    r"re:(?i)belt\W+and\W+road",
)
TEXTS = (
    "NATO’s summit",
    "natosummit",
    "the ASIA PACIFIC and asia-pacific and AsiaPacific",
    "Militarization of\nSpace, militarisation of space",
    "spacebased and space based",
    "U.S. Russia and u.s.-russia",
    "Côte d’Ivoire, CÔTE D’IVOIRE",
    "İstanbul, ıstanbul, ſanctions, \u212ayiv",
    "the G20",
    "the SCO and BRICS, talks and talks",
    "the one-China policy, the Belt and Road",
    "the Palestinian Authority and the nonproliferation regime",
    "",
)


@pytest.mark.parametrize("text", TEXTS)
def test_topic_matcher_finds_what_each_rule_searched_alone_finds(text):
    rules = [TopicRule(f"t{index}", line, (line,)) for index, line in enumerate(RULE_LINES)]
    rules.append(TopicRule("all", "every rule", RULE_LINES))
    expected = tuple(
        rule.key for rule in rules if any(compile_pattern(p).search(text) for p in rule.patterns)
    )
    assert TopicMatcher.from_rules(rules).match(text) == expected


def test_decoding_utf8_and_fallbacks():
    assert decode_source("“Quoted” text".encode()) == ("“Quoted” text", "utf-8")
    assert decode_source("\ufeffBOM text".encode()) == ("BOM text", "utf-8")
    assert decode_source("Grüße aus Köln".encode("cp1252"))[0] == "Grüße aus Köln"
    assert decode_source("line\r\nnext\u00a0word".encode())[0] == "line\r\nnext\u00a0word"
    assert normalize_text("line\r\nnext\u00a0word") == "line\nnext word"


@pytest.mark.parametrize(
    ("raw", "error"),
    [(b"", EmptySource), (b"  \n\t ", EmptySource), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", BinarySource)],
)
def test_decoding_refuses_what_is_not_text(raw, error):
    with pytest.raises(error):
        decode_source(raw)


def test_undecodable_bytes_are_reported():
    with pytest.raises(UndecodableSource):
        decode_source(b"\x81\x8d\x8f\x90\x9d" * 20)


def test_year_glued_to_a_time_in_a_scraped_date_line():
    assert find_full_date("November 14, 20239:12 PM UTCUpdated 3 hours ago")[0].iso() == "2023-11-14"
