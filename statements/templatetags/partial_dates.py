"""Template filters for dates known only in part, so no template formats a stored date by hand.

`{{ role.first|partial_date:role.first_precision }}` shows "24 December 2021", "December 2021" or
"2021"; `{{ article.published_on|partial_date_iso:article.published_precision }}` writes
"2021-12-24", "2021-12" or "2021" (nothing when the year is unknown). Both use statements.dates.
"""

from __future__ import annotations

from django import template

from statements import dates

register = template.Library()


@register.filter
def partial_date(value, precision: str) -> str:
    return dates.format_partial_date(value, precision)


@register.filter
def partial_date_iso(value, precision: str) -> str:
    return dates.partial_date_iso(value, precision) or ""
