"""Dates known only in part, as the archive stores them, read and written in one place.

A stored date is the first day of the period known (`said_on`, `published_on`) with its precision:
a day, a month or a year; an article whose text never gives the year keeps only its day and month
("MM-DD"). `known_parts` turns that back into what is known (extraction's PartialDate), and
everything else here starts from it, so no page, feed, export, filter or citation can claim more
than is known.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .extraction import DatePrecision, PartialDate

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# The precisions a stored date can have; from the finest to the coarsest.
DATED = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR)
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def known_parts(value: dt.date | None, precision: str, month_day: str = "") -> PartialDate:
    """The parts of a stored date that its precision says are known."""
    if precision == DatePrecision.MONTH_DAY and month_day:
        month, day = (int(part) for part in month_day.split("-"))
        return PartialDate(None, month, day)
    if value is None or precision not in DATED:
        return PartialDate()
    return PartialDate(
        value.year,
        value.month if precision != DatePrecision.YEAR else None,
        value.day if precision == DatePrecision.DAY else None,
    )


def format_partial_date(value: dt.date | None, precision: str, month_day: str = "") -> str:
    """A date as a reader should see it: "24 December 2021", "December 2021", "2021"."""
    date = known_parts(value, precision, month_day)
    if date.year is None:
        if date.month_day():
            return f"{date.day} {MONTH_NAMES[date.month - 1]}, year unknown"
        return "Date unknown"
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{MONTH_NAMES[date.month - 1]} {date.year}"
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def partial_date_iso(value: dt.date | None, precision: str) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' by precision, as exports write dates; None without a year."""
    return known_parts(value, precision).iso()


def period_start(value: dt.date | None, precision: str) -> dt.date | None:
    """The first day of the period of this precision that holds `value` (how dates are stored)."""
    return known_parts(value, precision).as_date()


def period_end(date: PartialDate) -> dt.date:
    """The last day of a period whose year is known."""
    if date.month is None:
        return dt.date(date.year, 12, 31)
    if date.day is None:
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return dt.date(date.year, date.month, date.day)


def parse_partial_date(value: str, *, last_day: bool) -> dt.date:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' as a date: a period stands for its first or its last day.

    Raises ValueError for anything else, including impossible dates such as 2021-02-30.
    """
    match = PARTIAL_DATE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not a date")
    date = PartialDate(*(int(part) if part else None for part in match.groups()))
    return period_end(date) if last_day else date.as_date()
