"""The values extraction hands back: frozen dataclasses, no Django."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    # Day and month are known but the text never says the year ("MOSCOW, December 22").
    MONTH_DAY = "month-day"
    UNKNOWN = "unknown"


class StatementKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class SpeakerKind(StrEnum):
    PERSON = "person"
    INSTITUTION = "institution"


@dataclass(frozen=True)
class PartialDate:
    """A calendar date of which only some parts may be known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last_day = calendar.monthrange(self.year or 2000, self.month)[1]
            if not 1 <= self.day <= last_day:
                raise ValueError(f"day out of range: {self.day}")

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        if self.year is None:
            if self.month is not None and self.day is not None:
                return DatePrecision.MONTH_DAY
            return DatePrecision.UNKNOWN
        if self.month is None:
            return DatePrecision.YEAR
        if self.day is None:
            return DatePrecision.MONTH
        return DatePrecision.DAY

    @property
    def is_known(self) -> bool:
        return self.year is not None

    def as_date(self) -> dt.date | None:
        """The first day of the known period, or None when the year is unknown."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str | None:
        """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' by precision; None without a year."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def month_day(self) -> str:
        """'MM-DD' when both are known, else ''."""
        if self.month is None or self.day is None:
            return ""
        return f"{self.month:02d}-{self.day:02d}"


UNKNOWN_DATE = PartialDate()


@dataclass(frozen=True)
class KnownSpeaker:
    """A speaker the archive already holds, with every name it is known by."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: SpeakerKind = SpeakerKind.PERSON
    country: str = ""


@dataclass(frozen=True)
class TopicRule:
    """A topic and the phrases that tag a statement with it.

    Each pattern is a phrase matched case-insensitively on word boundaries, with `*` as a
    word-suffix wildcard; a pattern written `re:...` is a regular expression.
    """

    key: str
    name: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerRef:
    """Who said it: the canonical name plus what the article called them."""

    name: str
    kind: SpeakerKind = SpeakerKind.PERSON
    country: str = ""
    known_key: str | None = None


@dataclass(frozen=True)
class ExtractedStatement:
    text: str
    kind: StatementKind
    speaker: SpeakerRef
    speaker_name_as_written: str
    role_as_written: str
    # Character offsets of the text inside ExtractedArticle.body.
    start: int
    end: int
    paragraph_index: int
    said_on: PartialDate = UNKNOWN_DATE
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedArticle:
    body: str
    paragraphs: tuple[str, ...]
    language: str
    outlet: str | None = None
    # The agency whose story this outlet carries ("UrduPoint" carrying "Sputnik").
    source_outlet: str | None = None
    title: str = ""
    dateline_place: str = ""
    published: PartialDate = UNKNOWN_DATE
    statements: tuple[ExtractedStatement, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def speakers(self) -> tuple[SpeakerRef, ...]:
        seen: dict[str, SpeakerRef] = {}
        for statement in self.statements:
            seen.setdefault(statement.speaker.name, statement.speaker)
        return tuple(seen.values())


def article_as_dict(article: ExtractedArticle) -> dict:
    """A JSON-ready view of an extraction result, used by golden tests and dry runs."""
    return {
        "title": article.title,
        "outlet": article.outlet,
        "source_outlet": article.source_outlet,
        "dateline_place": article.dateline_place,
        "published": article.published.iso() or article.published.month_day() or None,
        "published_precision": str(article.published.precision),
        "language": article.language,
        "warnings": list(article.warnings),
        "paragraphs": list(article.paragraphs),
        "statements": [
            {
                "kind": str(statement.kind),
                "speaker": statement.speaker.name,
                "speaker_kind": str(statement.speaker.kind),
                "speaker_country": statement.speaker.country,
                "name_as_written": statement.speaker_name_as_written,
                "role": statement.role_as_written,
                "said_on": statement.said_on.iso(),
                "topics": list(statement.topics),
                "text": statement.text,
                "span": [statement.start, statement.end],
            }
            for statement in article.statements
        ],
    }
