"""`{% statement_rows statements %}`: the list row of each statement, rendered once and then read
from the "fragments" cache.

Rows are most of what a list page costs to build (each has four or more links to reverse), and the
same statements appear on many pages: the front page, their speaker's, their topics', searches.
A row's cache key is a digest of everything it can show: every field the page's query read of the
statement (search highlights included), its speaker, article, outlet and topics, the row's template
and the site's URL prefix. A curator's edit, a rename or a merge therefore changes the key, and a
row is never shown stale; nothing has to be invalidated.
"""

from __future__ import annotations

import hashlib

from django import template
from django.core.cache import caches
from django.db.models import Model
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe

register = template.Library()

ROW_TEMPLATE = "statements/statement_list.html#statement-row"
# Keys change with the content, so a row is only dropped to make room.
ROW_CACHE_SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def statement_rows(context, statements) -> str:
    row_template = context.template.engine.get_template(ROW_TEMPLATE)
    template_digest = _template_digest(row_template)
    keyed = [(row_cache_key(statement, template_digest), statement) for statement in statements]
    cache = caches["fragments"]
    cached = cache.get_many([key for key, _statement in keyed])
    rendered = {}
    rows = []
    for key, statement in keyed:
        row = cached.get(key)
        if row is None:
            with context.push(statement=statement):
                row = rendered[key] = row_template.render(context)
        rows.append(row)
    if rendered:
        cache.set_many(rendered, ROW_CACHE_SECONDS)
    return mark_safe("".join(rows))


def row_cache_key(statement, template_digest: str) -> str:
    article = statement.article
    shown = [
        get_script_prefix(),
        _loaded_fields(statement),
        _loaded_fields(statement.speaker),
        _loaded_fields(article),
        _loaded_fields(article.outlet) if article.outlet_id else None,
        [_loaded_fields(topic) for topic in statement.topics.all()],
    ]
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"statement-row:{template_digest}:{statement.pk}:{digest}"


def _loaded_fields(instance: Model) -> list:
    # Whatever the query read, annotations included; Django keeps its own state under "_" names.
    return [(name, value) for name, value in instance.__dict__.items() if not name.startswith("_")]


def _template_digest(row_template) -> str:
    """A digest of the file the row's template is written in, so that rows cached by an earlier
    version of it (in a cache several app servers share) are not shown."""
    digest = getattr(row_template, "statement_rows_digest", None)
    if digest is None:
        origin = row_template.origin
        source = origin.loader.get_template(origin.template_name).source
        digest = hashlib.blake2b(source.encode(), digest_size=8).hexdigest()
        row_template.statement_rows_digest = digest
    return digest
