"""Low-level text helpers: words, quotation marks and sentence boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)

# Opening marks, and the closing marks each may pair with. A straight " is decided by context.
DOUBLE_OPENERS = {"“": '”"', "«": "»", "„": '“”"', "‟": '”"', "〝": "〞〟", "＂": "＂"}
DOUBLE_CLOSERS = frozenset("”»〞〟")
SINGLE_OPENERS = {"‘": "’'", "‹": "›"}
SINGLE_CLOSERS = frozenset("’›")
OPENING_CONTEXT = frozenset(" \t\n([{—–-:/;") | frozenset("“«„‘")


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def words(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation inside one paragraph; start/end bound the quoted words, not the marks."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    opened: bool
    closed: bool


def _is_opening_straight(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return bool(before in OPENING_CONTEXT and not after.isspace())


def _any_of(chars: str) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(set(chars))) + "]")


# Every character find_quotes acts on, in each mode: it looks at these and skips the rest.
DOUBLE_MARK = _any_of(
    '"' + "".join(DOUBLE_OPENERS) + "".join(DOUBLE_OPENERS.values()) + "".join(DOUBLE_CLOSERS)
)
SINGLE_MARK = _any_of(
    "’'" + "".join(SINGLE_OPENERS) + "".join(SINGLE_OPENERS.values()) + "".join(SINGLE_CLOSERS)
)


def find_quotes(paragraph: str, use_single_marks: bool = False) -> list[QuoteSpan]:
    """Pair quotation marks in a paragraph.

    Unmatched marks become spans that are open at one end (`opened`/`closed` false), so
    the caller can decide whether a quotation runs on from, or into, a neighbouring paragraph.
    """
    openers = SINGLE_OPENERS if use_single_marks else DOUBLE_OPENERS
    closers = SINGLE_CLOSERS if use_single_marks else DOUBLE_CLOSERS
    straight = "'" if use_single_marks else '"'
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_mark = ""
    for mark in (SINGLE_MARK if use_single_marks else DOUBLE_MARK).finditer(paragraph):
        index, char = mark.start(), mark.group()
        if use_single_marks and char in "’'" and _is_apostrophe(paragraph, index):
            continue
        if char == straight:
            # Inside a quotation a straight mark closes it; outside, context decides.
            opens = open_at is None and _is_opening_straight(paragraph, index)
            role = "open" if opens else "close"
        elif char in openers and not (open_at is not None and char in openers.get(open_mark, "")):
            role = "open"
        elif char in closers or (open_at is not None and char in openers.get(open_mark, "")):
            role = "close"
        else:
            continue
        if role == "open":
            if open_at is not None:
                # A new opening mark while one is pending: the pending quotation lost its close.
                spans.append(_span(paragraph, open_at, index, opened=True, closed=False))
            open_at, open_mark = index, char
        else:
            if open_at is None:
                spans.append(_span(paragraph, None, index, opened=False, closed=True))
            else:
                spans.append(_span(paragraph, open_at, index, opened=True, closed=True))
                open_at, open_mark = None, ""
    if open_at is not None:
        spans.append(_span(paragraph, open_at, len(paragraph), opened=True, closed=False))
    return [span for span in spans if span.end > span.start]


def _is_apostrophe(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _span(paragraph: str, open_at: int | None, close_at: int, *, opened: bool, closed: bool) -> QuoteSpan:
    mark_start = open_at if open_at is not None else 0
    start = open_at + 1 if open_at is not None else 0
    end = close_at
    mark_end = close_at + 1 if closed else close_at
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, mark_start, mark_end, opened, closed)


_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9А-ЯЁ])")


def sentence_spans(paragraph: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, never inside a protected (quoted) range."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        cut = match.end()
        stop = match.start()
        if any(low < cut < high for low, high in protected):
            continue
        if ends_with_abbreviation(paragraph[start : stop + 1]):
            continue
        spans.append((start, cut))
        start = cut
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(low, high) for low, high in spans if paragraph[low:high].strip()]


def ends_with_abbreviation(text: str) -> bool:
    """Whether the full stop ending `text` is an abbreviation's ("Gen.", "U.S.") or an initial's."""
    match = re.search(r"(\S+)\.$", text)
    if not match:
        return False
    token = match.group(1).lower().lstrip('("“‘')
    if token in ABBREVIATIONS:
        return True
    # A lone initial: "John F. Kennedy".
    return len(token) == 1 and token.isalpha() and token.upper() == match.group(1)[-1:]


def strip_edge_punctuation(text: str) -> str:
    """Trim the commas, dashes and spaces a quotation leaves at its edges, keeping . ! ?"""
    text = text.strip()
    text = re.sub(r"^[\s,;:\-–—]+", "", text)
    text = re.sub(r"[\s,;:\-–—]+$", "", text)
    return text
