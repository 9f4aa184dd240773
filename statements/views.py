"""Server-rendered pages: statements, their permalinks, and the articles, speakers and topics behind them."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .models import Article, ReviewStatus, Speaker, Statement, Topic

STATEMENTS_PER_PAGE = 25


def statement_list(request: HttpRequest) -> HttpResponse:
    statements = Statement.objects.public().with_related().newest_first()
    return render(request, "statements/statement_list.html", {"page": _page(request, statements)})


def statement_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    # Retired statements keep their page (a permalink is forever); rejected ones are gone.
    statements = Statement.objects.exclude(review_status=ReviewStatus.REJECTED).with_related()
    statement = get_object_or_404(statements, pk=pk)
    if request.path != statement.get_absolute_url():
        return redirect(statement, permanent=True)
    context = {"statement": statement, "excerpt": _excerpt(statement)}
    return render(request, "statements/statement_detail.html", context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "source_outlet"), pk=pk)
    statements = article.statements.public().with_related().in_reading_order()
    context = {"article": article, "statements": statements, "paragraphs": _paragraphs(article.body)}
    return render(request, "statements/article_detail.html", context)


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases"), slug=slug)
    statements = Statement.objects.public().by_speaker(slug).with_related().newest_first()
    context = {"speaker": speaker, "page": _page(request, statements)}
    return render(request, "statements/speaker_detail.html", context)


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.public().in_topic(slug).with_related().newest_first()
    context = {"topic": topic, "page": _page(request, statements)}
    return render(request, "statements/topic_detail.html", context)


def _page(request: HttpRequest, statements) -> Page:
    return Paginator(statements, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))


def _paragraphs(body: str) -> list[str]:
    return [paragraph.strip() for paragraph in body.split("\n") if paragraph.strip()]


def _excerpt(statement: Statement) -> dict[str, str] | None:
    """The paragraph a statement stands in, split around it, when its offsets still fit the body."""
    body, start, end = statement.article.body, statement.char_start, statement.char_end
    if not 0 <= start < end <= len(body):
        return None
    paragraph_start = body.rfind("\n", 0, start) + 1
    paragraph_end = body.find("\n", end)
    if paragraph_end == -1:
        paragraph_end = len(body)
    return {
        "before": body[paragraph_start:start],
        "quote": body[start:end],
        "after": body[end:paragraph_end],
    }
