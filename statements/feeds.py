"""An Atom feed of any filtered view of the statements: the list page's query string, newest first."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from .filters import StatementFilter
from .models import ReviewStatus, Statement

FEED_LENGTH = 50


class StatementFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Diplomatic Statements Archive"

    def get_object(self, request):
        # The same statements and filters as the list page.
        return StatementFilter.for_request(request)

    def title(self, filterset):
        chosen = "; ".join(active.label for active in filterset.active())
        return f"Statements — {chosen}" if chosen else "Statements"

    def subtitle(self, filterset):
        return "The latest statements in the Diplomatic Statements Archive that match these filters."

    def link(self, filterset):
        query = filterset.data.copy()
        query.pop("page", None)
        return reverse("statements:statement-list") + (f"?{query.urlencode()}" if query else "")

    def feed_url(self, filterset):
        return filterset.request.get_full_path()

    def items(self, filterset):
        # Every match, not only those best-match order ranks: a feed is the newest.
        return filterset.every_match().with_related().newest_first()[:FEED_LENGTH]

    def item_title(self, statement: Statement) -> str:
        return f"{statement.speaker.name}: {Truncator(statement.text).words(14)}"

    def item_description(self, statement: Statement) -> str:
        article = statement.article
        source = article.title or "an untitled article"
        outlet = f" ({article.outlet.name}, {article.published_display})" if article.outlet else ""
        role = f", {statement.role_as_written}" if statement.role_as_written else ""
        text = f"“{statement.text}”" if statement.kind == "direct" else statement.text
        where = f"“{source}”{outlet}"
        when = f"Said {statement.said_on_display}, in {where}" if statement.said_on else f"In {where}"
        return (
            f"<blockquote><p>{escape(text)}</p></blockquote>"
            f"<p>{escape(statement.speaker.name)}{escape(role)}. {escape(when)}.</p>"
        )

    def item_author_name(self, statement: Statement) -> str:
        return statement.speaker.name

    def item_pubdate(self, statement: Statement) -> dt.datetime | None:
        # An article whose year is unknown has no publication date to give: the entry is left
        # without one (Atom's <published> is optional) rather than dated the day it was ingested.
        published = statement.article.published_on
        if published is None:
            return None
        return dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, statement: Statement) -> dt.datetime:
        return statement.updated_at

    def item_categories(self, statement: Statement) -> list[str]:
        categories = [topic.name for topic in statement.topics.all()]
        if statement.review_status == ReviewStatus.VERIFIED:
            categories.append("Verified")
        return categories
