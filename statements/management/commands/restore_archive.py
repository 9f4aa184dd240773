"""Load a file written by `backup_archive` into an empty, migrated database.

Migrations leave a new database with the default topic taxonomy and the Curator group. The group is
matched by name and takes the backup's permissions; the default topics (and their history) are
replaced by the backup's own, so topics keep the ids their statements point to.
"""

from __future__ import annotations

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements.models import Article, Outlet, Speaker, Statement, Topic

# Any of these means the database already holds an archive.
ARCHIVE_CONTENT = [Article, Statement, Speaker, Outlet]


class Command(BaseCommand):
    help = "Restore an archive dumped by backup_archive into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="The backup file (JSON), or - for stdin.")

    def handle(self, *args, path, **options):
        occupied = [
            str(model._meta.verbose_name_plural) for model in ARCHIVE_CONTENT if model.objects.exists()
        ]
        if occupied:
            raise CommandError(
                f"This database is not empty ({', '.join(occupied)} exist); restore into a new database: "
                "create it, run `manage.py migrate`, then restore."
            )
        with transaction.atomic():
            Topic.objects.all().delete()
            Topic.history.all().delete()
            fixture = path if path == "-" else os.path.abspath(path)
            call_command("loaddata", fixture, format="json", verbosity=0, stdout=self.stdout._out)
        self.stdout.write(
            f"Restored {Article.objects.count()} articles, {Statement.objects.count()} statements, "
            f"{Speaker.objects.count()} speakers and {Topic.objects.count()} topics."
        )
