"""Partial dates (statements/dates.py): never shown, written or read as more precise than known."""

from __future__ import annotations

import datetime as dt

import pytest

from statements.dates import (
    format_partial_date,
    parse_partial_date,
    partial_date_iso,
    period_start,
)

CHRISTMAS_EVE = dt.date(2021, 12, 24)


@pytest.mark.parametrize(
    ("value", "precision", "month_day", "shown", "iso"),
    [
        (CHRISTMAS_EVE, "day", "", "24 December 2021", "2021-12-24"),
        (dt.date(2021, 12, 1), "month", "", "December 2021", "2021-12"),
        (dt.date(2021, 1, 1), "year", "", "2021", "2021"),
        (None, "month-day", "12-22", "22 December, year unknown", None),
        (None, "unknown", "", "Date unknown", None),
        # A date whose precision is unknown says nothing it cannot vouch for.
        (CHRISTMAS_EVE, "unknown", "", "Date unknown", None),
    ],
)
def test_dates_are_shown_and_written_to_the_precision_known(value, precision, month_day, shown, iso):
    assert format_partial_date(value, precision, month_day) == shown
    assert partial_date_iso(value, precision) == iso


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (" 2021-12-24 ", CHRISTMAS_EVE, CHRISTMAS_EVE),
    ],
)
def test_a_written_period_stands_for_its_first_or_last_day(text, first, last):
    assert parse_partial_date(text, last_day=False) == first
    assert parse_partial_date(text, last_day=True) == last


@pytest.mark.parametrize("text", ["", "21", "2021-13", "2021-02-30", "0000", "2021-1-5", "2021/12/24"])
def test_what_is_not_a_date_is_a_value_error(text):
    with pytest.raises(ValueError):
        parse_partial_date(text, last_day=False)


def test_a_stored_date_starts_its_period():
    assert period_start(CHRISTMAS_EVE, "year") == dt.date(2021, 1, 1)
    assert period_start(CHRISTMAS_EVE, "month") == dt.date(2021, 12, 1)
    assert period_start(CHRISTMAS_EVE, "day") == CHRISTMAS_EVE
