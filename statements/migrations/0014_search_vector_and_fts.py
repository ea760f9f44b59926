"""Full-text indexes that stay up to date whatever writes statements.

PostgreSQL: ``search_vector`` holds ``to_tsvector('english', text)``, set by a
trigger on insert and on a change of ``text`` (Django, bulk inserts and COPY
alike), with a GIN index. It replaces the expression index of migration 0002,
so matching, ranking and headlines no longer re-parse the text of every row.

SQLite: an FTS5 table over ``statements_statement.text`` (external content, so
the text is stored once), Porter stemming without folding accents, as
PostgreSQL's English configuration does, kept in sync by triggers.
"""

import django.contrib.postgres.search
from django.db import migrations

PG_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION statements_statement_search_vector() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND NEW.text IS NOT DISTINCT FROM OLD.text
           AND OLD.search_vector IS NOT NULL THEN
            NEW.search_vector := OLD.search_vector;
        ELSE
            NEW.search_vector := to_tsvector('english'::regconfig, COALESCE(NEW.text, ''));
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER statement_search_vector_trg
    BEFORE INSERT OR UPDATE ON statements_statement
    FOR EACH ROW EXECUTE FUNCTION statements_statement_search_vector()
    """,
    "UPDATE statements_statement SET search_vector = "
    "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    "CREATE INDEX IF NOT EXISTS statement_search_vector_idx ON statements_statement "
    "USING gin (search_vector)",
    "DROP INDEX IF EXISTS statement_text_fts_idx",
]
PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_search_vector_trg ON statements_statement",
    "DROP FUNCTION IF EXISTS statements_statement_search_vector()",
    "DROP INDEX IF EXISTS statement_search_vector_idx",
    "CREATE INDEX IF NOT EXISTS statement_text_fts_idx ON statements_statement "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))",
]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS statement_fts USING fts5("
    "text, content='statements_statement', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS statement_fts_insert AFTER INSERT ON statements_statement "
    "BEGIN INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS statement_fts_delete AFTER DELETE ON statements_statement "
    "BEGIN INSERT INTO statement_fts(statement_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS statement_fts_update AFTER UPDATE OF text "
    "ON statements_statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_fts_insert",
    "DROP TRIGGER IF EXISTS statement_fts_delete",
    "DROP TRIGGER IF EXISTS statement_fts_update",
    "DROP TABLE IF EXISTS statement_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("statements", "0013_import_jobs"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
