"""Parts of pages rendered once and then read from the "fragments" cache, keyed by what they show,
so that one is never shown stale and nothing has to be invalidated.

`{% statement_rows statements %}`: the list row of each statement. Rows are most of what a list
page costs to build (each has four or more links to reverse), and the same statements appear on
many pages: the front page, their speaker's, their topics', searches. A row's cache key is a digest
of everything it can show: every field the page's query read of the statement, its speaker,
article, outlet and topics, the statement's search highlight, the row's template and the site's URL
prefix. A curator's edit, a rename or a merge therefore changes the key. Other values a query puts
on a statement (its rank, sort keys) are not shown and are left out, so that the same row serves the
front page, lists and every search that does not highlight it. A row rendered from any other
annotation would need it added to the key.

`{% facet_fieldsets facets %}`: the list page's facets, one fieldset each with a checkbox per
choice. Facets are frozen dataclasses of plain values (filters.Facet), so their repr is everything
the fieldsets show; many pages share them (every page of a set of filters, whatever its sort).

The cache is each process's own memory: keys do not cover the Python code a fragment is rendered
with, so a new release starts with an empty cache.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable

from django import template
from django.core.cache import caches
from django.db.models import Model
from django.template import Context
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe

register = template.Library()

ROW_TEMPLATE = "statements/statement_list.html#statement-row"
FACETS_TEMPLATE = "statements/statement_list.html#facet-fieldsets"
# Keys change with the content, so a fragment is only dropped to make room.
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60


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
            # A context of its own, escaping as every page does: the row must not depend on where
            # it was first shown.
            row = rendered[key] = row_template.render(Context({"statement": statement}))
        rows.append(row)
    if rendered:
        cache.set_many(rendered, FRAGMENT_CACHE_SECONDS)
    return mark_safe("".join(rows))


@register.simple_tag(takes_context=True)
def facet_fieldsets(context, facets) -> str:
    facets_template = context.template.engine.get_template(FACETS_TEMPLATE)
    shown = repr([get_script_prefix(), facets])
    digest = hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()
    key = f"facet-fieldsets:{_template_digest(facets_template)}:{digest}"
    cache = caches["fragments"]
    if (fieldsets := cache.get(key)) is None:
        fieldsets = facets_template.render(Context({"facets": facets}))
        cache.set(key, fieldsets, FRAGMENT_CACHE_SECONDS)
    return mark_safe(fieldsets)


def row_cache_key(statement, template_digest: str) -> str:
    article = statement.article
    shown = [
        get_script_prefix(),
        _loaded_fields(statement),
        getattr(statement, "highlighted", ""),
        _loaded_fields(statement.speaker),
        _loaded_fields(article),
        _loaded_fields(article.outlet) if article.outlet_id else None,
        [_loaded_fields(topic) for topic in _topics(statement)],
    ]
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"statement-row:{template_digest}:{statement.pk}:{digest}"


def _topics(statement) -> Iterable[Model]:
    """The statement's topics as prefetched (with_related), read without building a related
    manager for each row (over a third of what keying a row cost), or else from the database."""
    prefetched = getattr(statement, "_prefetched_objects_cache", {}).get("topics")
    return prefetched if prefetched is not None else statement.topics.all()


def _loaded_fields(instance: Model) -> list:
    """The values of the model's fields the query read (deferred ones are not in __dict__)."""
    loaded = instance.__dict__
    return [(name, loaded[name]) for name in _field_names(type(instance)) if name in loaded]


@functools.cache
def _field_names(model: type[Model]) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


def _template_digest(fragment_template) -> str:
    """A digest of the file the fragment's template is written in, so that fragments rendered from
    an earlier version of it are not shown: the development server reloads an edited template
    without restarting, and so without emptying the cache."""
    digest = getattr(fragment_template, "fragment_digest", None)
    if digest is None:
        origin = fragment_template.origin
        source = origin.loader.get_template(origin.template_name).source
        digest = hashlib.blake2b(source.encode(), digest_size=8).hexdigest()
        fragment_template.fragment_digest = digest
    return digest
