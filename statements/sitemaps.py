"""sitemap.xml: every public page a search engine should know, with when it last changed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Speaker, Statement, Topic


class StatementSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Statement.objects.public().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, statement: Statement):
        return statement.updated_at


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Article.objects.only("pk", "updated_at").order_by("pk")

    def lastmod(self, article: Article):
        return article.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Speaker.objects.filter(pk__in=Statement.objects.public().values("speaker_id")).order_by("pk")

    def lastmod(self, speaker: Speaker):
        return speaker.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Topic.objects.order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "statements:home",
            "statements:statement-list",
            "statements:speaker-list",
            "statements:topic-list",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "statements": StatementSitemap,
    "articles": ArticleSitemap,
    "speakers": SpeakerSitemap,
    "topics": TopicSitemap,
}
