"""A bar chart of statements over time, laid out here and drawn as SVG by a template (no JS).

Counts come from StatementQuerySet.per_period(); months or years without statements get an empty
slot, so the bars keep the shape of time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import MONTH_NAMES

WIDTH, HEIGHT = 640, 140
PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT = 12, 112, 28, 632
MAX_MONTHS = 36
MAX_BAR_WIDTH = 40


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    label: str
    x: float


@dataclass(frozen=True)
class Timeline:
    period: str
    bars: list[Bar]
    ticks: list[Tick]
    highest: int
    total: int
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = PLOT_LEFT
    plot_right: int = PLOT_RIGHT
    plot_top: int = PLOT_TOP
    plot_bottom: int = PLOT_BOTTOM

    @property
    def first(self) -> str:
        return self.bars[0].label

    @property
    def last(self) -> str:
        return self.bars[-1].label

    @property
    def baseline_label_y(self) -> int:
        return self.plot_bottom + 18


def months_between(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _slots(first: dt.date, last: dt.date, period: str) -> list[dt.date]:
    """Every month of the years the data touches (so one busy month still reads as a year), or
    every year."""
    if period == "year":
        return [dt.date(year, 1, 1) for year in range(first.year, last.year + 1)]
    slots, year, month = [], first.year, 1
    while (year, month) <= (last.year, 12):
        slots.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return slots


def _label(slot: dt.date, period: str) -> str:
    return str(slot.year) if period == "year" else f"{MONTH_NAMES[slot.month - 1]} {slot.year}"


def build(rows, period: str) -> Timeline | None:
    """A timeline from rows of `period` (a date or datetime) and `n`; None when nothing is dated."""
    counts: dict[dt.date, int] = {}
    for row in rows:
        value = row["period"]
        day = value.date() if isinstance(value, dt.datetime) else value
        counts[day] = counts.get(day, 0) + row["n"]
    if not counts:
        return None
    slots = _slots(min(counts), max(counts), period)
    highest = max(counts.values())
    step = (PLOT_RIGHT - PLOT_LEFT) / len(slots)
    width = min(step * 0.8, MAX_BAR_WIDTH)
    bars = []
    for index, slot in enumerate(slots):
        count = counts.get(slot, 0)
        height = (PLOT_BOTTOM - PLOT_TOP) * count / highest
        bars.append(
            Bar(
                label=_label(slot, period),
                count=count,
                x=round(PLOT_LEFT + index * step + (step - width) / 2, 2),
                y=round(PLOT_BOTTOM - height, 2),
                width=round(width, 2),
                height=round(height, 2),
            )
        )
    # A tick per year (thinned to keep labels apart): under its bar, or where its months begin.
    year_starts = [(index, slot) for index, slot in enumerate(slots) if period == "year" or slot.month == 1]
    every = max(1, len(year_starts) // 8)
    offset = step / 2 if period == "year" else 0
    ticks = [
        Tick(str(slot.year), round(PLOT_LEFT + index * step + offset, 2))
        for index, slot in year_starts[::every]
    ]
    return Timeline(period, bars, ticks, highest, sum(counts.values()))


def for_statements(statements) -> Timeline | None:
    """Monthly while the dated statements span at most MAX_MONTHS, yearly beyond (or when only
    years are known); None when none is dated. One query, two when years are needed."""
    rows = list(statements.per_period("month"))
    if rows:
        first, last = rows[0]["period"], rows[-1]["period"]
        if months_between(first, last) <= MAX_MONTHS:
            return build(rows, "month")
    return build(statements.per_period("year"), "year")
