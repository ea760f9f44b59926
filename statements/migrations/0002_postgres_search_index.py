"""GIN index for full-text search, on PostgreSQL only.

The expression matches what ``statements.search`` asks for
(``SearchVector("text", config="english")``), so the planner uses it. SQLite
has no tsvector; there the search falls back to containment and needs none.
"""

from django.db import migrations

INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS statement_text_fts_idx ON statements_statement "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))"
)
DROP_SQL = "DROP INDEX IF EXISTS statement_text_fts_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX_SQL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
