"""The table of the "summaries" cache (settings.CACHES), where archive-wide tallies are kept."""

from django.core.management import call_command
from django.db import migrations

TABLE = "statements_summary_cache"


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("statements", "0010_statement_speaker_latest")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
