"""The site's plain parts: passages of an article, timelines, citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from statements import citations, passages, timeline

BODY = "First paragraph here.\n\nSecond one, where he said things. More.\n\nThird paragraph.\n\nFourth."


def test_paragraph_spans_skip_blank_lines_and_edges():
    spans = passages.paragraph_spans("  One.  \n\n Two.\n")

    assert spans == [(2, 6), (11, 15)]


def test_context_splits_the_paragraph_and_keeps_one_either_side():
    start = BODY.index("he said things")
    context = passages.context(BODY, start, start + len("he said things"))

    assert context == passages.Context(
        before=["First paragraph here."],
        lead="Second one, where ",
        quote="he said things",
        tail=". More.",
        after=["Third paragraph."],
    )
    assert passages.context(BODY, 50, 10) is None
    assert passages.context(BODY, 0, len(BODY) + 5) is None


def test_marked_paragraphs_mark_anchor_once_and_resolve_overlaps():
    first = BODY.index("Second")
    across = BODY.index("More.")
    marks = [
        ("a", first, first + 6),
        ("b", first + 3, first + 10),  # overlaps a: gets what a leaves
        ("c", across, BODY.index("Third") + 5),  # runs into the next paragraph
        ("d", 900, 950),  # does not fit the body
    ]

    paragraphs = passages.marked_paragraphs(BODY, marks)

    assert [segment.text for segment in paragraphs[0]] == ["First paragraph here."]
    second = paragraphs[1]
    assert [(segment.text, segment.statement, segment.anchor) for segment in second] == [
        ("Second", "a", True),
        (" one", "b", True),
        (", where he said things. ", None, False),
        ("More.", "c", True),
    ]
    assert [(segment.text, segment.statement, segment.anchor) for segment in paragraphs[2]] == [
        ("Third", "c", False),
        (" paragraph.", None, False),
    ]
    assert "".join(segment.text for paragraph in paragraphs for segment in paragraph) == BODY.replace(
        "\n", ""
    )


@dataclass(frozen=True)
class Said:
    text: str


def test_a_statement_is_marked_only_where_the_body_reads_its_words():
    start = BODY.index("he said things")
    here, stale = Said("“He said  things.”"), Said("Fourth words.")  # quotes, case and spacing aside
    marks = [(here, start, start + len("he said things")), (stale, start, start + len("he said things"))]

    paragraphs = passages.marked_paragraphs(BODY, marks)

    marked = {segment.statement for paragraph in paragraphs for segment in paragraph if segment.anchor}
    assert marked == {here}
    assert passages.context(BODY, start, start + 14, text=here.text).quote == "he said things"
    assert passages.context(BODY, start, start + 14, text=stale.text) is None


def test_locate_finds_a_statement_s_words_whatever_lies_between_them():
    body = 'Intro.\n\n"We   will\nrespond," she said. We will respond to them.'

    first, second = body.index("We"), body.index("We will respond to")
    assert passages.locate(body, "We will respond") == (first, first + len("We   will\nrespond"))
    assert passages.locate(body, "we will respond to them") == (second, len(body) - 1)
    assert passages.locate(body, "will res") is None  # whole words only
    assert passages.locate(body, "...") is None
    assert passages.reads(body, first, first + 17, "“We will respond.”")
    assert not passages.reads(body, first, first + 17, "We will respond to them")
    assert passages.paragraph_of(passages.paragraph_spans(body), 9) == 1


def test_a_timeline_keeps_empty_months_and_the_shape_of_time():
    rows = [{"period": dt.date(2021, 3, 1), "n": 2}, {"period": dt.date(2021, 5, 1), "n": 4}]

    chart = timeline.build(rows, "month")

    assert len(chart.bars) == 12  # the whole year
    assert [bar.count for bar in chart.bars][2:5] == [2, 0, 4]
    tallest = chart.bars[4]
    assert tallest.y == timeline.PLOT_TOP and tallest.height == timeline.PLOT_BOTTOM - timeline.PLOT_TOP
    assert chart.bars[2].height == pytest.approx(tallest.height / 2)
    assert all(bar.width <= timeline.MAX_BAR_WIDTH for bar in chart.bars)
    assert [tick.label for tick in chart.ticks] == ["2021"]
    assert (chart.total, chart.highest, chart.first, chart.last) == (6, 4, "January 2021", "December 2021")
    assert timeline.build([], "month") is None


def test_a_long_timeline_is_yearly_with_thinned_ticks():
    rows = [{"period": dt.date(year, 1, 1), "n": 1} for year in range(1990, 2024)]

    chart = timeline.build(rows, "year")

    assert len(chart.bars) == 34
    assert 4 <= len(chart.ticks) <= 9
    assert chart.bars[0].label == "1990"


class Stub:
    """Just enough of a statement for the citation formats."""

    def __init__(self, **fields):
        self.__dict__.update(fields)


def statement_stub(*, published=dt.date(2021, 12, 24), precision="day", outlet="TASS") -> Stub:
    topics = Stub(all=lambda: [Stub(name="Outer space")])
    article = Stub(
        title="West actions in Asia-Pacific {stimulate} rapprochement",
        outlet=Stub(name=outlet) if outlet else None,
        published_on=published,
        published_precision=precision,
        language="en",
    )
    speaker = Stub(name="Sergey Ryabkov", kind="person")
    return Stub(
        pk=17,
        text="Russia and China have supported the prevention of an arms race in outer space & more",
        kind="indirect",
        speaker=speaker,
        role_as_written="Russian Deputy Foreign Minister",
        article=article,
        said_on=None,
        said_on_precision="unknown",
        topics=topics,
    )


URL = "https://archive.example/statements/17/ryabkov/"


def test_apa_and_chicago_say_who_what_where_and_when():
    statement = statement_stub()

    assert citations.apa(statement, URL) == (
        "Sergey Ryabkov. (2021, December 24). “Russia and China have supported the prevention of an arms race "
        "in outer space & more” [Statement by Sergey Ryabkov, Russian Deputy Foreign Minister, reported in "
        "“West actions in Asia-Pacific {stimulate} rapprochement”]. TASS. Diplomatic Statements Archive. "
        f"{URL}"
    )
    assert citations.chicago(statement, URL).endswith(
        "Reported in “West actions in Asia-Pacific {stimulate} rapprochement”, TASS, December 24, 2021. "
        f"Diplomatic Statements Archive. {URL}."
    )


def test_citations_never_claim_an_unknown_date():
    statement = statement_stub(published=None, precision="month-day", outlet=None)

    assert "(n.d.)" in citations.apa(statement, URL)
    assert ", n.d. Diplomatic" in citations.chicago(statement, URL)
    assert "year =" not in citations.bibtex(statement, URL)
    assert "PY  -" not in citations.ris(statement, URL)


def test_citations_never_give_an_untitled_article_a_title():
    statement = statement_stub()
    statement.article.title = ""

    assert "reported in an untitled article]. TASS." in citations.apa(statement, URL)
    assert "Reported in an untitled article, TASS, December 24, 2021." in citations.chicago(statement, URL)
    assert "reported in an untitled article}" in citations.bibtex(statement, URL)
    assert not any(line.startswith("T2") for line in citations.ris(statement, URL).splitlines())
    for cited in (citations.apa, citations.chicago, citations.bibtex, citations.ris):
        assert "Untitled article" not in cited(statement, URL) and "“”" not in cited(statement, URL)


def test_bibtex_is_escaped_and_ris_is_tagged():
    statement = statement_stub(precision="month", published=dt.date(2021, 12, 1))

    bibtex = citations.bibtex(statement, URL)
    assert bibtex.startswith("@misc{ryabkov2021russia17,\n")
    assert r"\{stimulate\}" in bibtex and r"outer space \& more" in bibtex
    assert "  month = dec,\n" in bibtex and "  year = {2021},\n" in bibtex
    ris = citations.ris(statement, URL).splitlines()
    assert ris[0] == "TY  - NEWS" and ris[-1] == "ER  -"
    assert "DA  - 2021/12/" in ris and f"UR  - {URL}" in ris


def test_the_quotation_json_ld_is_escaped_for_a_script_element():
    statement = statement_stub()
    statement.text = "</script><b>"

    data = citations.quotation(statement, url=URL, speaker_url="s", article_url="a")
    rendered = citations.json_ld(data)

    assert "<" not in rendered and ">" not in rendered
    assert data["isPartOf"]["datePublished"] == "2021-12-24"
    assert data["about"] == [{"@type": "Thing", "name": "Outer space"}]
