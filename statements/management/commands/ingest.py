"""Read wire-service texts, extract their statements and store them."""

from __future__ import annotations

import textwrap

from django.core.management.base import BaseCommand, CommandError

from statements.ingest import ArticleResult, Outcome, RunSummary, ingest_paths

PROGRESS_WIDTH = 30


class Command(BaseCommand):
    help = "Ingest article texts: files, or folders searched recursively for *.txt."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A .txt file or a folder of them.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be stored, as a table, and write nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Extract unchanged files again, e.g. after curators edited topic rules or aliases.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1,
            metavar="N",
            help="Write N whole articles per transaction with bulk inserts (bulk loads; default 1).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            metavar="N",
            help="Extract in N processes while this one writes (bulk loads; implies batches).",
        )

    def handle(self, *args, paths, dry_run, force, batch_size, workers, **options):
        if batch_size < 1 or workers < 1:
            raise CommandError("--batch-size and --workers must be at least 1.")
        if workers > 1 and batch_size == 1:
            batch_size = 200
        show_progress = self.stderr.isatty() and options["verbosity"] > 0
        summary = ingest_paths(
            paths,
            dry_run=dry_run,
            force=force,
            on_progress=self.draw_progress if show_progress else None,
            batch_size=batch_size,
            workers=workers,
            # Only a dry run's table needs every statement; a real run keeps counts.
            keep_results=dry_run,
        )
        if show_progress:
            self.stderr.write("")
        if dry_run:
            self.print_table(summary.results)
        self.print_summary(summary, dry_run=dry_run)
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} file(s) could not be ingested.")

    def draw_progress(self, done: int, total: int, name: str) -> None:
        filled = PROGRESS_WIDTH * done // total
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} {name[-40:]:<40}", ending="")
        self.stderr.flush()

    def print_table(self, results: list[ArticleResult]) -> None:
        rows = [
            (result.source_file, line.speaker, line.kind, line.said_on or "-", _excerpt(line.text))
            for result in results
            for line in result.stored
        ]
        headers = ("article", "speaker", "kind", "said on", "text")
        if not rows:
            rows = [("(nothing to store)", "", "", "", "")]
        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers) - 1)]
        for row in [headers, *rows]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  ".join([*cells, row[-1]]).rstrip())
        unchanged = [result.source_file for result in results if result.outcome == Outcome.UNCHANGED]
        if unchanged:
            self.stdout.write(f"Unchanged, nothing to store: {', '.join(unchanged)}")
        self.stdout.write("")

    def print_summary(self, summary: RunSummary, *, dry_run: bool) -> None:
        prefix = "Dry run, nothing written. Would store: " if dry_run else ""
        self.stdout.write(
            f"{prefix}Articles: {summary.count(Outcome.NEW)} new, {summary.count(Outcome.UPDATED)} updated, "
            f"{summary.count(Outcome.UNCHANGED)} unchanged, {summary.count(Outcome.DUPLICATE)} duplicate, "
            f"{len(summary.failures)} failed."
        )
        self.stdout.write(
            f"Statements: {summary.statements_new} new, {summary.statements_updated} updated, "
            f"{summary.statements_retired} retired."
        )
        speakers = summary.new_speakers
        names = f" ({', '.join(speakers)})" if speakers else ""
        self.stdout.write(f"Speakers: {len(speakers)} new{names}.")
        for source_file, duplicate_of in summary.duplicates:
            self.stdout.write(f"Skipped {source_file}: same content as {duplicate_of}, not stored again.")
        for source_file, warning in summary.warnings:
            self.stderr.write(f"warning: {source_file}: {warning}")
        for failure in summary.failures:
            self.stderr.write(f"FAILED {failure.name}: {failure.reason}")


def _excerpt(text: str, width: int = 60) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="…")
