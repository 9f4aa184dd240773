"""Apply the topic rules as curators last wrote them to the statements already stored."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from statements import curation
from statements.models import Article


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

    def handle(self, *args, source_files, **options):
        articles = Article.objects.filter(source_file__in=source_files) if source_files else None
        if source_files:
            unknown = set(source_files) - set(articles.values_list("source_file", flat=True))
            if unknown:
                raise CommandError(f"No such article: {', '.join(sorted(unknown))}")
        summary = curation.retag(articles)
        self.stdout.write(
            f"Articles: {summary.articles} retagged, {len(summary.failures)} failed. "
            f"Topic links: {summary.links_added} added, {summary.links_removed} removed."
        )
        for failure in summary.failures:
            self.stderr.write(f"FAILED {failure.article}: {failure.reason}")
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} article(s) could not be retagged.")
