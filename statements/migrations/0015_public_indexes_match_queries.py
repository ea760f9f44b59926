"""The list indexes' condition, written as the public queryset writes it.

Django's ``exclude(review_status="rejected")`` becomes
``NOT (review_status = 'rejected')``. PostgreSQL proves that the same as the
``<>`` of migration 0012; SQLite only uses a partial index whose condition
appears word for word in the query, so it sorted every statement instead.
"""

from django.db import migrations

PUBLIC = "WHERE NOT (review_status = 'rejected')"


def recreate(apps, schema_editor):
    nulls_last = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    for name, columns in (
        ("statement_public_dated_idx", f"dated_on DESC{nulls_last}, id DESC"),
        ("statement_speaker_dated_idx", f"speaker_id, dated_on DESC{nulls_last}, id DESC"),
    ):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON statements_statement ({columns}) {PUBLIC}")


class Migration(migrations.Migration):

    dependencies = [
        ("statements", "0014_search_vector_and_fts"),
    ]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
