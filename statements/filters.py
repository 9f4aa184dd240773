"""The statement list's filters: what the query string may say, checked, and turned into QuerySet calls.

Every filter lives in the query string (speaker=…&speaker=…&said_after=2021), so a filtered view is
a shareable URL; the same FilterSet (StatementFilter.for_request) feeds the list page, its exports
and its Atom feed. Values the
form cannot read (an unknown slug, 2021-13-45, a search with nothing to look for) are form errors
with a sentence for the reader, never exceptions.
"""

from __future__ import annotations

import hashlib
import operator
import re
from collections import Counter
from dataclasses import dataclass
from functools import reduce

import django_filters
from django import forms
from django.core.exceptions import BadRequest
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.text import Truncator

from . import summaries
from .columns import among
from .dates import parse_partial_date
from .models import (
    Outlet,
    ReviewStatus,
    Speaker,
    SpeakerRedirect,
    Statement,
    StatementKind,
    StatementTopic,
    Topic,
)
from .pagination import PAGE_KEYS
from .search import SearchSyntaxError, parse_query

# Facet counts look at no more than this many matching statements (the most recently added), so a
# page of an unfiltered archive of millions stays as cheap as one of thousands: at a million
# statements, a sample of 10,000 cost each facet ~40 ms; one of 1,000, read once for all of them,
# costs a few.
FACET_SCAN_LIMIT = 1_000
FACET_CHOICES_SHOWN = 12
MAX_VALUES_PER_FILTER = 20
SLUG = re.compile(r"[-\w]{1,200}")


class SearchField(forms.CharField):
    """The search box: cleans to a ParsedQuery (or None), or says why it cannot search."""

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_query(text)
        except SearchSyntaxError as error:
            raise forms.ValidationError(str(error), code="search") from None


def _written_out(value) -> tuple[str, ...]:
    """A cleaned filter value as text: slugs for model choices, sorted when there are several."""
    if isinstance(value, QuerySet | list | tuple):
        return tuple(sorted(str(getattr(item, "slug", item)) for item in value))
    return (str(value),)


def chosen(value) -> bool:
    """Whether a cleaned filter value chooses anything (an empty queryset or list does not)."""
    if isinstance(value, QuerySet | list | tuple):
        return bool(value)
    return value not in (None, "")


class PartialDateField(forms.CharField):
    """YYYY, YYYY-MM or YYYY-MM-DD; a period stands for its first day, or its last with `last_day`."""

    def __init__(self, *, last_day: bool = False, **kwargs):
        self.last_day = last_day
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            if len(text) > 10:
                raise ValueError(text)
            return parse_partial_date(text, last_day=self.last_day)
        except ValueError:
            raise forms.ValidationError(
                "“%(value)s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-12-24.",
                code="invalid",
                params={"value": Truncator(text).chars(24)},
            ) from None


class ValuesField(forms.Field):
    """Repeated free-text values (country=Russia&country=China), each short and printable."""

    widget = forms.SelectMultiple

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [text for text in (str(item).strip() for item in values) if text]

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(f"Choose at most {MAX_VALUES_PER_FILTER} values.")
        for text in value:
            ProhibitNullCharactersValidator()(text)
            if len(text) > 80:
                raise forms.ValidationError("That value is too long.")
            # Control characters cannot be shown, nor written in the Atom feed's XML title.
            if not text.isprintable():
                raise forms.ValidationError("That value has characters that cannot be shown.")


class LenientChoiceField(forms.ChoiceField):
    """A choice that falls back to the default instead of failing, so old links keep working."""

    def validate(self, value):
        pass

    def clean(self, value):
        value = super().clean(value)
        return value if value in dict(self.choices) else ""


class CountriesField(ValuesField):
    """Countries as speakers' records write them, whatever case the query string uses: a value a
    record writes in other case ("russia") reads as the record's ("Russia")."""

    def clean(self, value):
        values = super().clean(value)
        if not values:
            return values
        any_case = reduce(operator.or_, (Q(country__iexact=text) for text in values))
        written = Speaker.objects.filter(any_case).values_list("country", flat=True).distinct()
        by_folded = {country.casefold(): country for country in written}
        return list(dict.fromkeys(by_folded.get(text.casefold(), text) for text in values))


class ValuesFilter(django_filters.Filter):
    field_class = ValuesField


class CountriesFilter(ValuesFilter):
    field_class = CountriesField


class SearchFilter(django_filters.Filter):
    field_class = SearchField


class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


class SortFilter(django_filters.Filter):
    field_class = LenientChoiceField


class SlugsField(django_filters.fields.ModelMultipleChoiceField):
    """Objects named by their slugs; values that cannot be slugs are refused before any query."""

    def _check_values(self, value):
        if len(value) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(f"Choose at most {MAX_VALUES_PER_FILTER} values.")
        for slug in value:
            if not SLUG.fullmatch(str(slug)):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": Truncator(str(slug)).chars(40)},
                )
        return super()._check_values(value)


class SpeakerSlugsField(SlugsField):
    """Speakers named by their slugs, where a slug a renamed or merged speaker had (a SpeakerRedirect)
    names the speaker it leads to: links researchers saved or shared before keep their speakers."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except forms.ValidationError as error:
            renamed = current_speaker_slugs(value) if error.code == "invalid_choice" else {}
            if not renamed:
                raise
            return super()._check_values([renamed.get(slug, slug) for slug in value])


def current_speaker_slugs(slugs) -> dict[str, str]:
    """{old slug: the current slug of the speaker it leads to} for those of `slugs` that moved."""
    candidates = [slug for slug in slugs if SLUG.fullmatch(str(slug))]
    if not candidates:
        return {}
    moved = SpeakerRedirect.objects.filter(old_slug__in=candidates)
    return dict(moved.values_list("old_slug", "speaker__slug"))


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = SlugsField


class SpeakerSlugsFilter(SlugsFilter):
    field_class = SpeakerSlugsField


def _slug_filter(model, noun: str, method: str, filter_class=SlugsFilter) -> SlugsFilter:
    return filter_class(
        label=noun.capitalize(),
        queryset=model.objects.all(),
        to_field_name="slug",
        method=method,
        error_messages={"invalid_choice": f"There is no {noun} “%(value)s” in the archive."},
    )


@dataclass(frozen=True)
class FacetChoice:
    value: str
    label: str
    count: int | None
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]

    @property
    def may_have_more(self) -> bool:
        """Whether the facet shows only the most common of its choices (FACET_CHOICES_SHOWN)."""
        return len(self.choices) >= FACET_CHOICES_SHOWN


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    # The query string without this value, for a "remove" link.
    without: QueryDict


class FacetSample:
    """What the facets count, read for the most recently added FACET_SCAN_LIMIT matching statements:
    one query for the fields of the statement, its speaker and its outlet, one for its topics."""

    TOPIC_FIELDS = ("topics__slug", "topics__name")

    def __init__(
        self, queryset: QuerySet, facet_fields: list[tuple[str, str]], *, ids: list[int] | None = None
    ):
        self.queryset = queryset
        self.fields = list(
            dict.fromkeys(f for pair in facet_fields if pair != self.TOPIC_FIELDS for f in pair)
        )
        # The sample's ids when they are known already (a search's latest matches, newest first).
        self.ids = ids[:FACET_SCAN_LIMIT] if ids is not None else None

    @cached_property
    def _rows(self) -> list[tuple]:
        if not self.fields:
            return []
        if self.ids is not None:
            return list(Statement.objects.filter(pk__in=among(self.ids)).values_list(*self.fields))
        return list(self.queryset.order_by("-pk").values_list(*self.fields)[:FACET_SCAN_LIMIT])

    @cached_property
    def _topic_rows(self) -> list[tuple[str, str]]:
        if self.ids is not None:
            sample = among(self.ids)
        else:
            # The sample's ids stay in the database: a subquery, not a list sent back to it.
            sample = self.queryset.order_by("-pk").values("pk")[:FACET_SCAN_LIMIT]
        return list(
            StatementTopic.objects.filter(statement_id__in=sample).values_list("topic__slug", "topic__name")
        )

    def tally(self, value_field: str, label_field: str) -> list[tuple[str, str, int]]:
        """(value, label, how many statements) for each value, most common first, then by value."""
        if (value_field, label_field) == self.TOPIC_FIELDS:
            pairs = self._topic_rows
        else:
            value_at, label_at = self.fields.index(value_field), self.fields.index(label_field)
            pairs = [(row[value_at], row[label_at]) for row in self._rows]
        counts = Counter(pairs)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0][0]), str(item[0][1])))
        return [(value, label, n) for (value, label), n in ordered]


class InvalidFilters(BadRequest):
    """A query string the filters cannot read; `filterset.errors` says what to correct."""

    def __init__(self, filterset: StatementFilter):
        self.filterset = filterset
        super().__init__(" ".join(str(error) for errors in filterset.errors.values() for error in errors))


class StatementFilter(django_filters.FilterSet):
    SORTS = [("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first")]

    q = SearchFilter(method="filter_search", label="Search")
    speaker = _slug_filter(Speaker, "speaker", "filter_speaker", SpeakerSlugsFilter)
    topic = _slug_filter(Topic, "topic", "filter_topic")
    outlet = _slug_filter(Outlet, "outlet", "filter_outlet")
    country = CountriesFilter(method="filter_country", label="Country")
    kind = django_filters.MultipleChoiceFilter(
        choices=StatementKind.choices, method="filter_kind", label="Kind"
    )
    review_status = django_filters.MultipleChoiceFilter(
        choices=ReviewStatus.choices, method="filter_review_status", label="Review status"
    )
    said_after = PartialDateFilter(method="filter_said_after", label="Said from")
    said_before = PartialDateFilter(method="filter_said_before", label="Said until", last_day=True)
    published_after = PartialDateFilter(method="filter_published_after", label="Published from")
    published_before = PartialDateFilter(
        method="filter_published_before", label="Published until", last_day=True
    )
    # Applied in filter_queryset, after the search it may depend on.
    sort = SortFilter(choices=SORTS, method="keep", label="Sort", required=False)

    FACETS = {
        "speaker": ("Speaker", ("speaker__slug", "speaker__name")),
        "topic": ("Topic", ("topics__slug", "topics__name")),
        "outlet": ("Outlet", ("article__outlet__slug", "article__outlet__name")),
        "country": ("Country", ("speaker__country", "speaker__country")),
        "kind": ("Kind", ("kind", "kind")),
    }
    STAFF_FACETS = {"review_status": ("Review status", ("review_status", "review_status"))}
    CHOICE_LABELS = {"kind": dict(StatementKind.choices), "review_status": dict(ReviewStatus.choices)}

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Curators see rejected statements; everyone else only public ones.
        self.for_staff = bool(request and request.user.is_staff)
        if not self.for_staff:
            del self.filters["review_status"]

    @classmethod
    def for_request(cls, request) -> StatementFilter:
        """The filters a request's query string chooses, over the current statements it may see.

        The list page, its exports and its feed all start here; a query string the filters cannot
        read raises InvalidFilters, which views.explain_invalid_filters answers.
        """
        readable = Statement.objects.visible_to(request.user).current()
        filterset = cls(request.GET, queryset=readable, request=request)
        if not filterset.is_valid():
            raise InvalidFilters(filterset)
        return filterset

    # Filters: each one QuerySet call.

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_speaker(self, queryset, name, value):
        return queryset.by_speaker(*value)

    def filter_topic(self, queryset, name, value):
        return queryset.in_topic(*value)

    def filter_outlet(self, queryset, name, value):
        return queryset.in_outlet(*value)

    def filter_country(self, queryset, name, value):
        return queryset.by_country(*value)

    def filter_kind(self, queryset, name, value):
        return queryset.of_kind(*value)

    def filter_review_status(self, queryset, name, value):
        return queryset.with_review_status(*value)

    def filter_said_after(self, queryset, name, value):
        return queryset.said_between(since=value)

    def filter_said_before(self, queryset, name, value):
        return queryset.said_between(until=value)

    def filter_published_after(self, queryset, name, value):
        return queryset.published_between(since=value)

    def filter_published_before(self, queryset, name, value):
        return queryset.published_between(until=value)

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        if self.sort_order == "relevance" and self.latest_matches is not None:
            # The candidates met every filter when they were found (latest_matches): ranking them
            # needs only the words again, not the filters and the joins they bring (an article's
            # dates, a topic's links) for each of a thousand candidates.
            return queryset.search(self.search_query).best_match_first(self.latest_matches)
        return self.every_match(queryset)

    def every_match(self, queryset=None):
        """Every statement the filters choose, newest first unless oldest first was asked for:
        best-match order ranks only the most recently added matches (search.RANK_CANDIDATES)."""
        filtered = self._filtered(self.queryset if queryset is None else queryset)
        return filtered.oldest_first() if self.sort_order == "oldest" else filtered.newest_first()

    def _filtered(self, queryset, *, leave_out: str | None = None):
        chosen_status = self.form.cleaned_data.get("review_status")
        if self.for_staff and not chosen_status and leave_out != "review_status":
            queryset = queryset.public()
        for name, value in self.form.cleaned_data.items():
            if name != leave_out and chosen(value):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @cached_property
    def latest_matches(self) -> list[int] | None:
        """With a search, the ids of its most recently added matches (StatementQuerySet.
        latest_match_ids), found once: best-match order ranks them and the facets count them."""
        if not self.search_query:
            return None
        speaker_ids = [speaker.pk for speaker in self.form.cleaned_data.get("speaker") or ()]
        return self._filtered(self.queryset).latest_match_ids(speaker_ids=speaker_ids)

    # What the page shows about the filters.

    @property
    def search_query(self):
        return self.form.cleaned_data.get("q") if self.is_valid() else None

    @property
    def sort_order(self) -> str:
        chosen = self.form.cleaned_data.get("sort") if self.is_valid() else ""
        if chosen == "relevance" and not self.search_query:
            chosen = ""
        return chosen or ("relevance" if self.search_query else "newest")

    @property
    def sorts(self) -> list[tuple[str, str]]:
        return [(value, label) for value, label in self.SORTS if value != "relevance" or self.search_query]

    def canonical_query(self) -> str | None:
        """The query string naming speakers and countries as the filters read them (a renamed or
        merged speaker by their current slug, a country as speakers' records write it), or None
        when it does already."""
        query = self.data.copy()
        for name in ("speaker", "country"):
            given = self.data.getlist(name)
            if given and set(given) != set(self.selected(name)):
                query.setlist(name, self.selected(name))
        return None if query == self.data else query.urlencode()

    def selected(self, name: str) -> list[str]:
        value = self.form.cleaned_data.get(name) or []
        return [getattr(item, "slug", item) for item in value]

    def facets(self) -> list[Facet]:
        """Each facet's choices with counts, counted as if that facet had no choice made yet.

        Counted over a sample of at most FACET_SCAN_LIMIT matching statements (the most recently
        added), read once (two queries) for every facet with nothing chosen, and once more for each
        facet with a choice made (and curators' review status), whose counts leave that choice out.
        Readers' facets are tallies like the archive's (summaries.py): every page of one set of
        filters shows the same ones, counted once per SUMMARY_CACHE_SECONDS. Curators' are live.
        """
        if self.for_staff:
            return self._counted_facets()
        # A search's facets are kept by this server only: readers' searches are too many and too
        # varied to write each one's into the shared table on a GET.
        where = "local" if self.search_query else "shared"
        return summaries.kept(f"facets:{self._filters_key()}", self._counted_facets, where=where)

    def given_choices(self) -> list[Facet]:
        """The facets' values as the query string gives them, each chosen and not counted: a form
        that could not be read is shown with every choice it made, the wrong one among them, so
        that correcting one value keeps the others."""
        facets = {**self.FACETS, **(self.STAFF_FACETS if self.for_staff else {})}
        given = []
        for name, (label, _fields) in facets.items():
            display = self.CHOICE_LABELS.get(name, {})
            # A value no slug or country could be (control characters, kilobytes) is left out.
            values = dict.fromkeys(
                value
                for value in self.data.getlist(name)
                if value and len(value) <= 200 and value.isprintable()
            )
            if values:
                choices = [FacetChoice(value, display.get(value, value), None, True) for value in values]
                given.append(Facet(name, label, choices))
        return given

    def _filters_key(self) -> str:
        """The filters in force as the form read them, the same whatever their order, page or sort."""
        in_force = sorted(
            (name, _written_out(value))
            for name, value in self.form.cleaned_data.items()
            if name != "sort" and chosen(value)
        )
        return hashlib.sha256(repr(in_force).encode()).hexdigest()

    def _counted_facets(self) -> list[Facet]:
        facets = {**self.FACETS, **(self.STAFF_FACETS if self.for_staff else {})}
        # The review status facet counts rejected statements too, which no list shows unasked.
        leave_outs = {
            name: name if self.selected(name) or name in self.STAFF_FACETS else None for name in facets
        }
        samples = {
            leave_out: FacetSample(
                self._filtered(self.queryset, leave_out=leave_out),
                [facets[name][1] for name in facets if leave_outs[name] == leave_out],
                # With every filter in force, a search's latest matches are the sample.
                ids=self.latest_matches if leave_out is None else None,
            )
            for leave_out in dict.fromkeys(leave_outs.values())
        }
        return [
            self._facet(name, label, fields, samples[leave_outs[name]])
            for name, (label, fields) in facets.items()
        ]

    def _facet(self, name: str, label: str, fields: tuple[str, str], sample: FacetSample) -> Facet:
        value_field, label_field = fields
        counted = {value: (text, n) for value, text, n in sample.tally(*fields) if value not in (None, "")}
        counted = dict(list(counted.items())[:FACET_CHOICES_SHOWN])
        selected = self.selected(name)
        if missing := [value for value in selected if value not in counted]:
            # A chosen value too rare to be among the most common still shows how many it has.
            more = sample.queryset.filter(**{f"{value_field}__in": missing}).tally(
                *fields, scan_limit=FACET_SCAN_LIMIT
            )
            counted |= {row[value_field]: (row[label_field], row["n"]) for row in more}
        display = self.CHOICE_LABELS.get(name, {})
        choices = [
            FacetChoice(value, display.get(value, text), n, value in selected)
            for value, (text, n) in counted.items()
        ]
        choices += [
            FacetChoice(value, display.get(value, value), 0, True)
            for value in selected
            if value not in counted
        ]
        return Facet(name, label, choices)

    def active(self) -> list[ActiveFilter]:
        """Every choice in force, each with the query string that drops it."""
        if not self.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or not chosen(value):
                continue
            label = self.filters[name].label
            for raw, text in self._describe(name, value):
                without = self.data.copy()
                without.setlist(name, [other for other in self.data.getlist(name) if other != raw])
                for key in PAGE_KEYS:
                    without.pop(key, None)
                active.append(ActiveFilter(f"{label}: {text}", without))
        return active

    def _describe(self, name: str, value) -> list[tuple[str, str]]:
        """(value as written in the query string, as a reader should read it) for each value."""
        if name in ("speaker", "topic", "outlet"):
            return [(item.slug, item.name) for item in value]
        if name in ("kind", "review_status"):
            labels = dict(self.filters[name].extra["choices"])
            return [(item, str(labels[item])) for item in value]
        if name == "country":
            return [(item, item) for item in value]
        raw = self.data.get(name, "")
        return [(raw, str(value) if name == "q" else raw)]
