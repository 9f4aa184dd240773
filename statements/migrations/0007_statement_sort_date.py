"""Each statement keeps a copy of its article's publication date, and indexes in list order.

The statement list (and the speaker, topic and feed views) shows the latest articles first. Ordered
by `statements_article.published_on`, every page joined and sorted every public statement; at a
million statements a page took seconds. With the date on the statement row and an index in exactly
the list's order (date, article, position, id), a page is the next few entries of an index.

`article_published_on` is kept by triggers, on both databases: a statement takes its article's date
when it is inserted or moved to another article, and an article's new date reaches its statements.
The model does not declare the column (statements/columns.py reads it), so Django never writes it
and it cannot go stale; like the search vector of 0003, `makemigrations` has nothing to say about it.
"""

from django.db import migrations

PG_FORWARD = [
    "ALTER TABLE statements_statement ADD COLUMN article_published_on date",
    """UPDATE statements_statement AS statement SET article_published_on = article.published_on
       FROM statements_article AS article WHERE article.id = statement.article_id""",
    """CREATE FUNCTION statements_statement_take_sort_date() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.article_published_on := (
           SELECT published_on FROM statements_article WHERE id = NEW.article_id
         );
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER statements_statement_take_sort_date
       BEFORE INSERT OR UPDATE OF article_id ON statements_statement
       FOR EACH ROW EXECUTE FUNCTION statements_statement_take_sort_date()""",
    """CREATE FUNCTION statements_article_give_sort_date() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE statements_statement SET article_published_on = NEW.published_on
         WHERE article_id = NEW.id;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER statements_article_give_sort_date
       AFTER UPDATE OF published_on ON statements_article
       FOR EACH ROW WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
       EXECUTE FUNCTION statements_article_give_sort_date()""",
    """CREATE INDEX statement_newest_first ON statements_statement
       (article_published_on DESC NULLS LAST, article_id DESC, position, id)""",
    """CREATE INDEX statement_oldest_first ON statements_statement
       (article_published_on ASC NULLS LAST, article_id, position, id)""",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS statement_oldest_first",
    "DROP INDEX IF EXISTS statement_newest_first",
    "DROP TRIGGER IF EXISTS statements_article_give_sort_date ON statements_article",
    "DROP FUNCTION IF EXISTS statements_article_give_sort_date()",
    "DROP TRIGGER IF EXISTS statements_statement_take_sort_date ON statements_statement",
    "DROP FUNCTION IF EXISTS statements_statement_take_sort_date()",
    "ALTER TABLE statements_statement DROP COLUMN IF EXISTS article_published_on",
]

# SQLite has no BEFORE trigger that can change the new row: AFTER triggers write the copy.
SQLITE_TAKE = """
    UPDATE statements_statement
    SET article_published_on = (SELECT published_on FROM statements_article WHERE id = NEW.article_id)
    WHERE id = NEW.id;
"""
SQLITE_FORWARD = [
    "ALTER TABLE statements_statement ADD COLUMN article_published_on date",
    """UPDATE statements_statement SET article_published_on = (
         SELECT published_on FROM statements_article WHERE id = statements_statement.article_id
       )""",
    f"""CREATE TRIGGER statements_statement_take_sort_date_insert
        AFTER INSERT ON statements_statement BEGIN {SQLITE_TAKE} END""",
    f"""CREATE TRIGGER statements_statement_take_sort_date_update
        AFTER UPDATE OF article_id ON statements_statement BEGIN {SQLITE_TAKE} END""",
    """CREATE TRIGGER statements_article_give_sort_date
       AFTER UPDATE OF published_on ON statements_article BEGIN
         UPDATE statements_statement SET article_published_on = NEW.published_on WHERE article_id = NEW.id;
       END""",
    # SQLite sorts NULL first: descending puts undated articles last, as the list wants.
    """CREATE INDEX statement_newest_first ON statements_statement
       (article_published_on DESC, article_id DESC, position, id)""",
    """CREATE INDEX statement_oldest_first ON statements_statement
       (article_published_on, article_id, position, id)""",
]
SQLITE_BACKWARD = [
    "DROP INDEX IF EXISTS statement_oldest_first",
    "DROP INDEX IF EXISTS statement_newest_first",
    "DROP TRIGGER IF EXISTS statements_article_give_sort_date",
    "DROP TRIGGER IF EXISTS statements_statement_take_sort_date_update",
    "DROP TRIGGER IF EXISTS statements_statement_take_sort_date_insert",
    "ALTER TABLE statements_statement DROP COLUMN article_published_on",
]


def run_for_vendor(statements_by_vendor):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_curator_group"),
    ]

    operations = [
        migrations.RunPython(
            run_for_vendor({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run_for_vendor({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
