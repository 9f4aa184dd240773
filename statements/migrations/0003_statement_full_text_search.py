"""Full-text search indexes for statements, one per database (read by statements/search.py).

PostgreSQL: a tsvector column GENERATED from `text` with the `english` configuration and a GIN
index on it; the database keeps it current, so ingest never has to.
SQLite: an external-content FTS5 table with the porter tokenizer, kept in sync by triggers and
filled from the existing rows.

Neither is part of the model state (Statement declares no search field), so this migration
changes the database only and `makemigrations` has nothing to say about it. The SQL is written
out here rather than imported, so the migration keeps doing what it did when it was written.
"""

from django.db import migrations

PG_FORWARD = [
    """ALTER TABLE statements_statement ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED""",
    "CREATE INDEX statement_search_vector ON statements_statement USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS statement_search_vector",
    "ALTER TABLE statements_statement DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE statements_statement_fts USING fts5(
         text,
         content='statements_statement',
         content_rowid='id',
         tokenize='porter unicode61 remove_diacritics 0'
       )""",
    """CREATE TRIGGER statements_statement_fts_after_insert AFTER INSERT ON statements_statement BEGIN
         INSERT INTO statements_statement_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER statements_statement_fts_after_delete AFTER DELETE ON statements_statement BEGIN
         INSERT INTO statements_statement_fts(statements_statement_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER statements_statement_fts_after_update AFTER UPDATE OF text ON statements_statement
       BEGIN
         INSERT INTO statements_statement_fts(statements_statement_fts, rowid, text)
         VALUES ('delete', old.id, old.text);
         INSERT INTO statements_statement_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    "INSERT INTO statements_statement_fts(statements_statement_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statements_statement_fts_after_insert",
    "DROP TRIGGER IF EXISTS statements_statement_fts_after_delete",
    "DROP TRIGGER IF EXISTS statements_statement_fts_after_update",
    "DROP TABLE IF EXISTS statements_statement_fts",
]


def run_for_vendor(statements_by_vendor):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_default_topics"),
    ]

    operations = [
        migrations.RunPython(
            run_for_vendor({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run_for_vendor({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
