"""Server-rendered pages: search and filters, permalinks, and the articles, speakers and topics."""

from __future__ import annotations

import functools

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import decorator_from_middleware

from . import citations, exports, passages, summaries
from .filters import FACET_SCAN_LIMIT, InvalidFilters, StatementFilter
from .models import Article, Speaker, Statement, Topic
from .pagination import CappedPaginator, KeysetPaginator, RankedPaginator, page_of
from .search import RANK_CANDIDATES, highlighted_html

STATEMENTS_PER_PAGE = 25
SPEAKERS_PER_PAGE = 100
RELATED_STATEMENTS = 5
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def home(request: HttpRequest) -> HttpResponse:
    recent = Statement.objects.public().with_related().newest_first()[:6]
    return render(request, "statements/home.html", {"recent": recent, **summaries.archive()})


def explain_invalid_filters(view):
    """Answers a query string the filters cannot read with the list page's form, saying what to
    correct (status 400): the list page, its exports and its feed alike."""

    @functools.wraps(view)
    def explained(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except InvalidFilters as invalid:
            context = {"filter": invalid.filterset, "facets": invalid.filterset.given_choices()}
            return render(request, "statements/statement_list.html", context, status=400)

    return explained


@explain_invalid_filters
def statement_list(request: HttpRequest) -> HttpResponse:
    filterset = StatementFilter.for_request(request)
    if (canonical := filterset.canonical_query()) is not None:
        # A saved link naming a speaker by an old slug, or a country typed in another case: the
        # address of the same filters from now on, where every link on the page agrees with it.
        return redirect(f"{request.path}?{canonical}", permanent=True)
    statements = filterset.qs.with_related()
    if filterset.search_query:
        statements = statements.with_highlights(filterset.search_query)
    # Best-match order ranks a bounded number of candidates (search.RANK_CANDIDATES), so it pages
    # through no more than those; newest or oldest first pages through every match, by key.
    if filterset.sort_order == "relevance":
        candidates = filterset.latest_matches
        paginator = RankedPaginator(statements, STATEMENTS_PER_PAGE, RANK_CANDIDATES, counted=len(candidates))
    else:
        paginator = KeysetPaginator(statements, STATEMENTS_PER_PAGE, oldest=filterset.sort_order == "oldest")
    page = page_of(paginator, request.GET)
    for statement in page:
        statement.highlighted = highlighted_html(getattr(statement, "search_highlight", ""))
    context = {
        "filter": filterset,
        "page": page,
        "facets": filterset.facets(),
        "facet_limit": FACET_SCAN_LIMIT,
    }
    return render(request, "statements/statement_list.html", context)


@explain_invalid_filters
def statement_export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """Every statement of the filtered list, in the fields `export_statements` writes: a search's
    best matches are its most recently added ones only, so its export is newest first (oldest first
    with sort=oldest)."""
    filterset = StatementFilter.for_request(request)
    rows = exports.export_rows(filterset.every_match().with_related())
    chunks = exports.csv_chunks(rows) if format == "csv" else exports.json_array_chunks(rows)
    response = StreamingHttpResponse(chunks, content_type=EXPORT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="statements.{format}"'
    return response


# Permalinks are the archive's most shared pages: a reader's browser or a proxy that has one asks
# again with If-None-Match and gets a 304, not the page again, while it reads the same. The ETag is
# a digest of the page as built: a permalink shows its neighbours in the article and related
# statements too, which change without the statement, its article or its speaker changing.
@decorator_from_middleware(ConditionalGetMiddleware)
def statement_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    # Retired statements keep their page (a permalink is forever); rejected ones only curators see.
    statements = Statement.objects.visible_to(request.user).with_related(article_text=True)
    statement = get_object_or_404(statements, pk=pk)
    if request.path != statement.get_absolute_url():
        return redirect(statement, permanent=True)
    return render(request, "statements/statement_detail.html", _permalink_context(request, statement))


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "source_outlet"), pk=pk)
    statements = list(article.statements.public().with_related().in_reading_order())
    marks = [(statement, statement.char_start, statement.char_end) for statement in statements]
    paragraphs = passages.marked_paragraphs(article.body, marks)
    anchored = {segment.statement for paragraph in paragraphs for segment in paragraph if segment.anchor}
    context = {
        "article": article,
        "statements": [(statement, statement in anchored) for statement in statements],
        "paragraphs": paragraphs,
    }
    return render(request, "statements/article_detail.html", context)


def speaker_list(request: HttpRequest) -> HttpResponse:
    ranked = summaries.speakers()
    paginator = CappedPaginator(ranked, SPEAKERS_PER_PAGE, count_limit=max(1, len(ranked)))
    page = paginator.get_page(request.GET.get("page"))
    # The kept ranking holds ids and counts; the page's speakers are read as they are now.
    rows = list(page.object_list)
    current = Speaker.objects.in_bulk([pk for pk, _count in rows])
    page.object_list = []
    for pk, count in rows:
        if pk in current:  # not merged away since the ranking was kept
            current[pk].statement_count = count
            page.object_list.append(current[pk])
    return render(request, "statements/speaker_list.html", {"page": page})


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = Speaker.objects.prefetch_related("aliases").filter(slug=slug).first()
    if speaker is None:
        # A speaker merged into another (or given a new slug) keeps their old address working.
        return redirect(get_object_or_404(Speaker.objects.formerly_at(slug)), permanent=True)
    statements = Statement.objects.public().by_speaker(speaker)
    context = {
        "speaker": speaker,
        **summaries.speaker(speaker),
        "page": _page(request, statements.with_related()),
    }
    return render(request, "statements/speaker_detail.html", context)


def topic_list(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/topic_list.html", {"topics": summaries.topics()})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.public().in_topic(topic)
    context = {
        "topic": topic,
        **summaries.topic(topic),
        "page": _page(request, statements.with_related()),
    }
    return render(request, "statements/topic_detail.html", context)


def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


def _page(request: HttpRequest, statements):
    """A page of statements, latest articles first."""
    return KeysetPaginator(statements, STATEMENTS_PER_PAGE).get_page(request.GET)


def _permalink_context(request: HttpRequest, statement: Statement) -> dict:
    url = request.build_absolute_uri(statement.get_absolute_url())
    topics = list(statement.topics.all())
    siblings = list(
        Statement.objects.public()
        .filter(article_id=statement.article_id)
        .in_reading_order()
        .only("slug", "text", "position")
    )
    earlier = [sibling for sibling in siblings if sibling.position < statement.position]
    later = [sibling for sibling in siblings if sibling.position > statement.position]
    related = Statement.objects.public().related_to(
        statement, [topic.pk for topic in topics], limit=RELATED_STATEMENTS
    )
    article = statement.article
    quotation = citations.quotation(
        statement,
        url=url,
        speaker_url=request.build_absolute_uri(statement.speaker.get_absolute_url()),
        article_url=request.build_absolute_uri(article.get_absolute_url()),
    )
    return {
        "statement": statement,
        "topics": topics,
        "absolute_url": url,
        "excerpt": passages.context(
            article.body,
            statement.char_start,
            statement.char_end,
            # A curator's wording differs from the article's by design: its span is shown as it
            # stands. Otherwise the span must still read the statement, or the offsets are stale.
            text=None if statement.text_is_curated else statement.text,
        ),
        "previous": earlier[-1] if earlier else None,
        "next": later[0] if later else None,
        "related": related.with_related(),
        "citations": citations.citations(statement, url),
        "json_ld": citations.json_ld(quotation),
    }
