"""GIN index for searching article text (``in=articles``), on PostgreSQL only.

Same expression as ``SearchVector("article__body", config="english")`` in
``statements.search``, so the planner can use it; see migration 0002.
"""

from django.db import migrations

INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS article_body_fts_idx ON statements_article "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(body, '')))"
)
DROP_SQL = "DROP INDEX IF EXISTS article_body_fts_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX_SQL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("statements", "0007_article_outlet_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
