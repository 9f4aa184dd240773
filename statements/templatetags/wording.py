"""Template filters for English that names make awkward.

`{{ speaker.name|possessive }}` writes "Sergey Lavrov’s" but "Ministry of Foreign Affairs’", as
English marks the possessive of a name ending in s.
"""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def possessive(name: str) -> str:
    name = str(name)
    return f"{name}’" if name.endswith(("s", "S")) else f"{name}’s"
