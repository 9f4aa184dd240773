"""Dates as wire texts write them, and "when it was said" relative to publication."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTHS, RUSSIAN_MONTHS, WEEKDAYS
from .records import PartialDate

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A year may be glued to the time that follows it in scraped pages ("November 14, 20239:12 PM").
_YEAR = r"(?P<year>(?:19|20)\d\d)(?=\b|\d{1,2}:\d\d)"

# Full dates, most specific first. Each must carry day, month and year.
FULL_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    # "November 23, 2026", and "November, 23, 2026" as some sites stamp it.
    re.compile(rf"\b{_MONTH},?\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    # "27-Jun-2023", as some sites stamp updates.
    re.compile(rf"\b{_DAY}-{_MONTH}-{_YEAR}", re.IGNORECASE),
    # "24 ноября 2026 года".
    re.compile(rf"\b{_DAY}\s+(?P<month>{'|'.join(RUSSIAN_MONTHS)})\s+{_YEAR}", re.IGNORECASE),
    # European numeric dates, as in photo stamps "19.09.2023".
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]

MONTH_DAY_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.IGNORECASE),
]


def _month_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token.lower() in RUSSIAN_MONTHS:
        return RUSSIAN_MONTHS[token.lower()]
    return MONTHS[token.lower().rstrip(".")[:3]]


def _safe_date(year: int | None, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


# Every full date pattern reads a year so: a text without one (most lines) has no full date.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def find_full_date(text: str) -> tuple[PartialDate, int] | None:
    """The first complete date in the text and where it starts."""
    if not _YEAR_DIGITS.search(text):
        return None
    found: list[tuple[int, PartialDate]] = []
    for pattern in FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _safe_date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            if date is not None:
                found.append((match.start(), date))
                break
    if not found:
        return None
    position, date = min(found, key=lambda item: item[0])
    return date, position


def find_month_day(text: str) -> PartialDate | None:
    """A day and month with no year ("December 22"), as datelines write them."""
    for pattern in MONTH_DAY_PATTERNS:
        match = pattern.search(text)
        if match:
            return _safe_date(None, _month_number(match["month"]), int(match["day"]))
    return None


# The same parts in day-month order ("on 24 November"), under names of their own.
_DAY_FIRST = (
    _DAY.replace("<day>", "<dm_day>")
    + r"\s+(?:of\s+)?"
    + _MONTH.replace("<month>", "<dm_month>")
    + r"(?:,?\s+"
    + _YEAR.replace("<year>", "<dm_year>")
    + ")?"
)

_RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<today>today|this morning|this afternoon|this evening|tonight|(?:earlier|later) in the day)"
    r"|(?P<yesterday>yesterday|last night)"
    r"|on\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:this|last)\s+(?P<named_weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    # "said Thursday", "at Monday's press conference".
    r"|(?P<bare_weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?=['’]s\b|\b)"
    rf"|on\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    # "on 24 November", as European and Central Asian agencies write it.
    rf"|on\s+(?:the\s+)?{_DAY_FIRST}"
    r"|(?P<which>this\s+past|last|this|earlier\s+this|in|early|late|mid-?)\s*(?P<month_only>january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?P<month_year>(?:19|20)\d\d))?"
    r"|(?P<earlier_month>earlier\s+this\s+month|this\s+month)"
    r"|(?P<last_month>last\s+month)"
    r"|(?P<week>(?:earlier\s+)?this\s+week|last\s+week)"
    r"|in\s+(?P<bare_year>(?:19|20)\d\d)"
    r"|(?P<last_year>last\s+year)"
    r")\b",
    re.IGNORECASE,
)


def resolve_said_on(text: str, published: PartialDate) -> PartialDate | None:
    """The date an attribution clause ("said on Tuesday") points to, or None.

    Relative expressions are resolved against the publication date and only when its
    year is known: a date is never invented.
    """
    anchor = published.as_date() if published.precision == "day" else None
    for match in _RELATIVE.finditer(text):
        resolved = _resolve_match(match, anchor, published)
        if resolved is not None:
            return resolved
    return None


def _resolve_match(match: re.Match, anchor: dt.date | None, published: PartialDate) -> PartialDate | None:
    if match["year"] and match["month"]:
        return _safe_date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    if match["dm_year"] and match["dm_month"]:
        return _safe_date(int(match["dm_year"]), _month_number(match["dm_month"]), int(match["dm_day"]))
    if match["bare_year"]:
        return PartialDate(int(match["bare_year"]))
    if anchor is None:
        return None
    if match["today"]:
        return PartialDate.from_date(anchor)
    if match["yesterday"]:
        return PartialDate.from_date(anchor - dt.timedelta(days=1))
    weekday = match["weekday"] or match["named_weekday"] or match["bare_weekday"]
    if weekday:
        back = (anchor.weekday() - WEEKDAYS[weekday.lower()]) % 7
        if match["named_weekday"] and match.group(0).lower().startswith("last") and back == 0:
            back = 7
        return PartialDate.from_date(anchor - dt.timedelta(days=back))
    if (match["month"] and match["day"]) or match["dm_month"]:
        month = _month_number(match["month"] or match["dm_month"])
        day = int(match["day"] or match["dm_day"])
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        return _safe_date(year, month, day)
    if match["month_only"]:
        month = MONTHS[match["month_only"].lower()]
        if match["month_year"]:
            return PartialDate(int(match["month_year"]), month)
        which = (match["which"] or "").lower()
        if which == "this" and month > anchor.month:
            # "this October" in a September article looks ahead: not a date something was said.
            return None
        year = anchor.year if month <= anchor.month else anchor.year - 1
        if which == "last" and month == anchor.month:
            year -= 1
        return PartialDate(year, month)
    if match["earlier_month"]:
        return PartialDate(anchor.year, anchor.month)
    if match["last_month"]:
        previous = anchor.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(previous.year, previous.month)
    if match["last_year"]:
        return PartialDate(anchor.year - 1)
    if match["week"]:
        return _week_of(anchor, last=match["week"].lower().startswith("last"))
    return None


def _week_of(anchor: dt.date, *, last: bool) -> PartialDate | None:
    """ "last week" or "this week" as precisely as its days agree: the month they all fall in,
    else their year."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    first, end = (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)) if last else (monday, anchor)
    if (first.year, first.month) == (end.year, end.month):
        return PartialDate(end.year, end.month)
    return PartialDate(end.year) if first.year == end.year else None
