"""Pages of statements: counted no further than needed, and deep pages reached by a key, not an offset.

Two paginators share one page interface (`object_list`, `start_index`, `label`, `previous_link`,
`next_link`), so a template shows either with the same partial:

- `CappedPaginator` numbers its pages (?page=3) and counts no further than `count_limit` rows. It
  serves short lists: best-match order (a bounded number of ranked candidates, `RankedPaginator`)
  and speakers.
- `KeysetPaginator` serves lists in a total order of indexed columns (latest articles first, or
  oldest). Its "next" link carries the sort key of the last row shown (?after=…), and the next page
  is the index entries that follow that key: page 500 costs what page 1 costs, where OFFSET would
  read and throw away the 12,475 rows before it. ?page=N still works, up to the counted pages.

A cursor is the row's key written out, e.g. `2021-05-03.812.2.90412.500` (date or `none`, then
article, position and id), with the row's place in the list last, used only to number the page.
Cursors that do not read are ignored, like page numbers that do not: the first page is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Q
from django.utils.functional import cached_property

# Counting stops here: a list of a million statements says "1000+", as counting 10,000 matches of a
# filter on an indexed join cost more than the rest of the page (~20 ms at 1M statements, bench/).
COUNT_LIMIT = 1_000
CURSOR = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}|none)\.(?P<article>\d{1,12})\.(?P<position>\d{1,9})"
    r"\.(?P<id>\d{1,12})(?:\.(?P<index>\d{1,9}))?"
)
# Query-string keys that choose a page; links to other orders or filters drop all of them.
PAGE_KEYS = ("page", "after", "before")
NO_PAGE = dict.fromkeys(PAGE_KEYS)


class CappedCount:
    """Counts no further than `count_limit` rows, so a page of a huge archive costs a bounded COUNT."""

    count_limit: int

    @cached_property
    def counted(self) -> int:
        if isinstance(self.object_list, list):
            return len(self.object_list)
        return self.object_list.order_by().values("pk")[: self.count_limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.count_limit)

    @property
    def count_is_capped(self) -> bool:
        return self.counted > self.count_limit


class NumberedPage(Page):
    @property
    def label(self) -> str:
        capped = "+" if self.paginator.count_is_capped else ""
        return f"Page {self.number} of {self.paginator.num_pages}{capped}"

    @property
    def previous_link(self) -> dict:
        return {**NO_PAGE, "page": self.previous_page_number()} if self.has_previous() else {}

    @property
    def next_link(self) -> dict:
        return {**NO_PAGE, "page": self.next_page_number()} if self.has_next() else {}


class CappedPaginator(CappedCount, Paginator):
    """Numbered pages over a count that stops at `count_limit`; pages past it are out of reach."""

    def __init__(self, object_list, per_page, count_limit: int | None = None, *, counted: int | None = None):
        super().__init__(object_list, per_page)
        self.count_limit = count_limit or COUNT_LIMIT
        if counted is not None:
            # Counted already (a search's latest matches): no need to ask the database again.
            self.counted = counted

    def _get_page(self, *args, **kwargs) -> NumberedPage:
        return NumberedPage(*args, **kwargs)


class RankedPaginator(CappedPaginator):
    """Numbered pages of best matches, chosen from the statements alone and only then read with
    what they show (speaker, article, outlets, topics, highlights).

    Ranked in one query with its joins, PostgreSQL joined every candidate's article and speaker
    before sorting them by rank: more than half of a search's SQL for the 25 rows shown.
    """

    def page(self, number) -> NumberedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ranked_ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        # Their order is ranked_ids': the rows need not be ranked again.
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ranked_ids).order_by()}
        return self._get_page([rows[pk] for pk in ranked_ids if pk in rows], number, self)


@dataclass(frozen=True)
class Cursor:
    sort_date: dt.date | None
    article_id: int
    position: int
    id: int
    index: int = 0

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        found = CURSOR.fullmatch(text or "")
        if not found:
            return None
        try:
            day = None if found["date"] == "none" else dt.date.fromisoformat(found["date"])
        except ValueError:
            return None
        numbers = (int(found[name] or 0) for name in ("article", "position", "id", "index"))
        return cls(day, *numbers)

    @classmethod
    def of(cls, row, index: int) -> Cursor:
        return cls(row.keyset_sort_date, row.article_id, row.position, row.pk, index)

    def __str__(self) -> str:
        day = self.sort_date.isoformat() if self.sort_date else "none"
        return f"{day}.{self.article_id}.{self.position}.{self.id}.{self.index}"


@dataclass
class KeysetPage:
    object_list: list
    paginator: KeysetPaginator
    start_index: int
    previous_exists: bool
    next_exists: bool
    links: dict[str, dict] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    # Methods, as on Django's Page, so templates and code read both kinds of page alike.
    def has_previous(self) -> bool:
        return self.previous_exists

    def has_next(self) -> bool:
        return self.next_exists

    def has_other_pages(self) -> bool:
        return self.previous_exists or self.next_exists

    @property
    def number(self) -> int:
        return (self.start_index - 1) // self.paginator.per_page + 1

    @property
    def label(self) -> str:
        if self.paginator.count_is_capped:
            return f"Page {self.number}"
        return f"Page {self.number} of {self.paginator.num_pages}"

    @property
    def previous_link(self) -> dict:
        return self.links.get("previous", {})

    @property
    def next_link(self) -> dict:
        return self.links.get("next", {})


class KeysetPaginator(CappedCount):
    """Pages of statements in their list order (`oldest` False: latest articles first).

    The order is (article date, undated last; article; position in it; id), the columns of the
    statement_newest_first / statement_oldest_first indexes (migration 0007), so the rows after a
    cursor are an index range scan.
    """

    def __init__(self, object_list, per_page: int, *, oldest: bool = False, count_limit: int | None = None):
        from .columns import sort_date

        self.per_page = per_page
        self.count_limit = count_limit or COUNT_LIMIT
        self.oldest = oldest
        self.object_list = object_list.annotate(keyset_sort_date=sort_date())

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    def get_page(self, query) -> KeysetPage:
        """The page a query string (a QueryDict) chooses: ?after=, ?before= or ?page=."""
        if after := Cursor.parse(query.get("after")):
            return self._page_after(after)
        if before := Cursor.parse(query.get("before")):
            return self._page_before(before)
        try:
            number = max(1, int(query.get("page", 1)))
        except (TypeError, ValueError):
            number = 1
        return self._first_page(min(number, self.num_pages))

    # Pages.

    def _page_after(self, cursor: Cursor) -> KeysetPage:
        rows = self._fetch(cursor, backward=False)
        return self._page(
            rows[: self.per_page],
            start_index=cursor.index + 1 if cursor.index else 1,
            has_previous=True,
            has_next=len(rows) > self.per_page,
        )

    def _page_before(self, cursor: Cursor) -> KeysetPage:
        rows = self._fetch(cursor, backward=True)
        if len(rows) <= self.per_page:
            # Back at the start: the first page, full, as ?page=1 shows it.
            return self._first_page(1)
        start = cursor.index - self.per_page if cursor.index > self.per_page else 1
        return self._page(rows[: self.per_page][::-1], start_index=start, has_previous=True, has_next=True)

    def _first_page(self, number: int) -> KeysetPage:
        offset = (number - 1) * self.per_page
        rows = list(self._ordered()[offset : offset + self.per_page + 1])
        return self._page(
            rows[: self.per_page],
            start_index=offset + 1,
            has_previous=number > 1,
            has_next=len(rows) > self.per_page,
        )

    def _page(self, shown: list, *, start_index: int, has_previous: bool, has_next: bool) -> KeysetPage:
        links = {}
        if shown and has_previous:
            links["previous"] = {**NO_PAGE, "before": str(Cursor.of(shown[0], start_index))}
        if shown and has_next:
            links["next"] = {**NO_PAGE, "after": str(Cursor.of(shown[-1], start_index + len(shown) - 1))}
        return KeysetPage(shown, self, start_index, has_previous and bool(shown), has_next, links)

    # The order and the key conditions.

    def _ordered(self, *, backward: bool = False):
        """The list's order, or its exact reverse (undated articles first) to read backwards."""
        descending = self.oldest == backward
        nulls = {"nulls_first": True} if backward else {"nulls_last": True}
        date = F("keyset_sort_date").desc(**nulls) if descending else F("keyset_sort_date").asc(**nulls)
        article = "-article_id" if descending else "article_id"
        rest = ("-position", "-id") if backward else ("position", "id")
        return self.object_list.order_by(date, article, *rest)

    def _fetch(self, cursor: Cursor, *, backward: bool) -> list:
        """Up to per_page + 1 rows beyond the cursor, in the direction read, segment by segment:
        dated rows, then undated ones (or the reverse), each one index range scan."""
        wanted = self.per_page + 1
        rows: list = []
        for condition in self._segments(cursor, backward=backward):
            rows += list(self._ordered(backward=backward).filter(condition)[: wanted - len(rows)])
            if len(rows) >= wanted:
                break
        return rows

    def _segments(self, cursor: Cursor, *, backward: bool) -> list[Q]:
        date_descending = not self.oldest
        # Going forward, "beyond" means later in the list; backward, earlier.
        date_beyond = "lt" if date_descending != backward else "gt"
        article_beyond = date_beyond
        rest_beyond = "lt" if backward else "gt"
        ties = Q(**{f"article_id__{article_beyond}": cursor.article_id}) | Q(article_id=cursor.article_id) & (
            Q(**{f"position__{rest_beyond}": cursor.position})
            | Q(position=cursor.position, **{f"pk__{rest_beyond}": cursor.id})
        )
        undated = Q(keyset_sort_date__isnull=True)
        dated = Q(keyset_sort_date__isnull=False)
        if cursor.sort_date is None:
            same_date = undated & ties
            # Undated rows are last: forward there is nothing after them but more undated ones.
            return [same_date] if not backward else [same_date, dated]
        # The plain range (date <= d) lets the index seek; the ties decide within day d.
        seek = Q(**{f"keyset_sort_date__{date_beyond}e": cursor.sort_date})
        within = seek & (Q(**{f"keyset_sort_date__{date_beyond}": cursor.sort_date}) | ties)
        return [within, undated] if not backward else [within]


def page_of(paginator, query) -> Any:
    """The page `query` (a QueryDict) asks of either paginator."""
    if isinstance(paginator, KeysetPaginator):
        return paginator.get_page(query)
    return paginator.get_page(query.get("page"))
