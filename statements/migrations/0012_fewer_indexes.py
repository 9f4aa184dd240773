"""Indexes that others already cover, dropped: every index is written for every statement ingested.

- statement.article and statement.speaker: statement_article_position, statement_speaker_said and
  statement_speaker_latest lead with them;
- statementtopic.statement and statementtopic.topic: unique_topic_per_statement and
  statement_topic_lookup lead with them;
- statement.slug (and its history's): words for a permalink's address, never looked up.

Dropped with DROP INDEX rather than by altering the fields: SQLite alters a column by rebuilding
its table, which would take the triggers of migrations 0003 and 0007 with it.
"""

import django.db.models.deletion
from django.db import migrations, models

# (table, column) whose single-column index goes.
UNINDEXED = [
    ("statements_statement", "article_id"),
    ("statements_statement", "speaker_id"),
    ("statements_statement", "slug"),
    ("statements_historicalstatement", "slug"),
    ("statements_statementtopic", "statement_id"),
    ("statements_statementtopic", "topic_id"),
]


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table, column in UNINDEXED:
            constraints = connection.introspection.get_constraints(cursor, table)
            for name, details in constraints.items():
                if (
                    details["index"]
                    and details["columns"] == [column]
                    and not details["unique"]
                    and not details["primary_key"]
                ):
                    schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def create_indexes(apps, schema_editor):
    for table, column in UNINDEXED:
        name = schema_editor.quote_name(f"{table}_{column}_single")
        schema_editor.execute(
            f"CREATE INDEX {name} ON {schema_editor.quote_name(table)} ({schema_editor.quote_name(column)})"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0011_summary_cache_table"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="slug",
                    field=models.SlugField(blank=True, db_index=False, max_length=80),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="statements",
                        to="statements.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="slug",
                    field=models.SlugField(blank=True, db_index=False, max_length=80),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="speaker",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="statements.speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="statementtopic",
                    name="statement",
                    field=models.ForeignKey(
                        db_index=False, on_delete=django.db.models.deletion.CASCADE, to="statements.statement"
                    ),
                ),
                migrations.AlterField(
                    model_name="statementtopic",
                    name="topic",
                    field=models.ForeignKey(
                        db_index=False, on_delete=django.db.models.deletion.CASCADE, to="statements.topic"
                    ),
                ),
            ],
        ),
    ]
