"""Write the whole archive as one JSON file that `restore_archive` loads into an empty database.

A thin wrapper over dumpdata that knows what "the archive" is: every statements model (articles,
speakers and aliases, redirects, statements, topics and their links, curated fields, review status)
with the history of every change, the admin's log, and the users and groups that history names.
Users and groups are written by natural key (username, group name) and permissions as
(codename, app, model), so the file does not depend on the ids one database gave them.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

ARCHIVE_LABELS = ["auth.group", "auth.user", "statements", "admin.logentry"]
# JSON with times to the microsecond (statements/serialization.py, SERIALIZATION_MODULES).
BACKUP_FORMAT = "archive-json"


class Command(BaseCommand):
    help = "Dump the archive, curated data and history included, as JSON (to stdout or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", metavar="PATH", help="Write to PATH instead of stdout.")
        parser.add_argument("--indent", type=int, default=None, help="Indent the JSON by this many spaces.")

    def handle(self, *args, output, indent, **options):
        call_command(
            "dumpdata",
            *ARCHIVE_LABELS,
            format=BACKUP_FORMAT,
            indent=indent,
            natural_foreign=True,
            natural_primary=True,
            output=output,
            verbosity=0,
            stdout=self.stdout._out,
        )
