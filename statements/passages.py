"""An article's text cut into paragraphs, with statements marked where they stand (no Django).

Statements carry character offsets into Article.body. Offsets are trusted only where the body still
reads the statement's own words (`reads`): offsets that no longer fit the text, or that point at other
words, are skipped, and the statement is then shown without a mark rather than over someone else's
words. `locate` finds a statement's words in a body again; ingest uses it when a text changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Segment:
    text: str
    # The statement this text belongs to, if any; `anchor` on the first piece of each statement.
    statement: Hashable | None = None
    anchor: bool = False


@dataclass(frozen=True)
class Context:
    """A statement's paragraph split around it, with the paragraphs either side."""

    before: list[str]
    lead: str
    quote: str
    tail: str
    after: list[str]


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the body, whitespace at either end left out."""
    spans, start = [], 0
    for line in body.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            spans.append((left, left + len(stripped)))
        start = end + 1
    return spans


def fits(body: str, start: int, end: int) -> bool:
    return 0 <= start < end <= len(body)


def words(text: str) -> list[str]:
    """The words of a text, case folded: what a span and a statement must share, quotes and spacing aside."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def reads(body: str, start: int, end: int, text: str) -> bool:
    """Whether the body reads `text` (word for word) between `start` and `end`."""
    if not fits(body, start, end):
        return False
    span = body[start:end]
    # Extraction's offsets mostly frame its very words: no need to compare them word by word.
    return span == text or words(span) == words(text)


def locate(body: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the first place the body reads `text` word for word, whatever the
    punctuation, quotes, spacing and line breaks between the words; None when it reads it nowhere."""
    found = WORD.findall(text)
    if not found:
        return None
    pattern = r"\W+".join(re.escape(word) for word in found)
    for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", body, re.IGNORECASE):
        if reads(body, match.start(), match.end(), text):
            return match.start(), match.end()
    return None


def paragraph_of(spans: list[tuple[int, int]], start: int) -> int:
    """The index, among `spans` (paragraph_spans), of the paragraph that holds offset `start`."""
    return next((index for index, (_, stop) in enumerate(spans) if stop > start), max(len(spans) - 1, 0))


def context(body: str, start: int, end: int, *, text: str | None = None, around: int = 1) -> Context | None:
    """The paragraph a statement stands in, split around it, and `around` paragraphs each side.

    With the statement's `text`, None unless the body still reads it there.
    """
    if not (fits(body, start, end) if text is None else reads(body, start, end, text)):
        return None
    spans = paragraph_spans(body)
    first = next((index for index, (_, stop) in enumerate(spans) if stop > start), None)
    if first is None:
        return None
    last = next((index for index, (_, stop) in enumerate(spans) if stop >= end), len(spans) - 1)
    paragraph_start, paragraph_end = spans[first][0], spans[last][1]
    start, end = max(start, paragraph_start), min(end, paragraph_end)
    return Context(
        before=[body[a:b] for a, b in spans[max(0, first - around) : first]],
        lead=body[paragraph_start:start],
        quote=body[start:end],
        tail=body[end:paragraph_end],
        after=[body[a:b] for a, b in spans[last + 1 : last + 1 + around]],
    )


def marked_paragraphs(body: str, marks: Iterable[tuple[Hashable, int, int]]) -> list[list[Segment]]:
    """The body's paragraphs as segments, each statement's text marked; overlaps go to the earlier.

    `marks` are (statement, start, end). A statement spanning paragraphs is marked in each of them.
    A statement with a `text` (a Statement) is marked only where the body still reads that text.
    Returns the paragraphs; the statements that got a mark are those with an anchored segment.
    """
    usable = sorted(
        (
            (start, end, statement)
            for statement, start, end in marks
            if _marks_its_words(body, statement, start, end)
        ),
        key=lambda mark: (mark[0], mark[1]),
    )
    paragraphs = []
    anchored: set = set()
    for paragraph_start, paragraph_end in paragraph_spans(body):
        segments, cursor = [], paragraph_start
        for start, end, statement in usable:
            start, end = max(start, cursor), min(end, paragraph_end)
            if start >= end:
                continue
            if start > cursor:
                segments.append(Segment(body[cursor:start]))
            segments.append(Segment(body[start:end], statement, anchor=statement not in anchored))
            anchored.add(statement)
            cursor = end
        if cursor < paragraph_end:
            segments.append(Segment(body[cursor:paragraph_end]))
        paragraphs.append(segments)
    return paragraphs


def _marks_its_words(body: str, statement: Hashable, start: int, end: int) -> bool:
    text = getattr(statement, "text", None)
    return reads(body, start, end, text) if isinstance(text, str) else fits(body, start, end)
