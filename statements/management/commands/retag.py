"""Apply the topic rules as curators last wrote them to the statements already stored."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from statements import curation
from statements.models import Article, Topic


class Command(BaseCommand):
    help = (
        "Re-apply the topic rules to stored statements. Topics a curator set, statements whose topics a "
        "curator chose, and verified, rejected or retired statements are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source_files",
            nargs="*",
            metavar="SOURCE_FILE",
            help="Only these articles, by the name ingest keyed them with (default: every article).",
        )
        parser.add_argument(
            "--topic",
            action="append",
            default=[],
            metavar="SLUG",
            dest="topics",
            help="Only the articles this topic's rules can concern: its statements, and the texts with "
            "the words of one of its rules (repeatable).",
        )

    def handle(self, *args, source_files, topics, **options):
        articles = Article.objects.all()
        if source_files:
            articles = articles.filter(source_file__in=source_files)
            unknown = set(source_files) - set(articles.values_list("source_file", flat=True))
            if unknown:
                raise CommandError(f"No such article: {', '.join(sorted(unknown))}")
        if topics:
            chosen = Topic.objects.filter(slug__in=topics)
            if unknown := set(topics) - {topic.slug for topic in chosen}:
                raise CommandError(f"No such topic: {', '.join(sorted(unknown))}")
            articles = articles & curation.articles_to_retag(chosen)
        summary = curation.retag(articles)
        self.stdout.write(
            f"Articles: {summary.articles} retagged, {len(summary.failures)} failed. "
            f"Topic links: {summary.links_added} added, {summary.links_removed} removed."
        )
        for failure in summary.failures:
            self.stderr.write(f"FAILED {failure.article}: {failure.reason}")
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} article(s) could not be retagged.")
