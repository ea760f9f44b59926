"""Indexes for the lists' order: dated_on newest first, undated last, then id.

Every list sorts by ``dated_on DESC NULLS LAST, id DESC`` (see
``StatementQuerySet.newest_first``). PostgreSQL only walks an index for that
order when the index says NULLS LAST; SQLite refuses those words in an index
but sorts NULLs last on DESC anyway. Hence SQL per database, on the public rows
(the partial index the public queryset's filter matches).
"""

from django.db import migrations, models

PUBLIC = "WHERE review_status <> 'rejected'"


def _indexes(nulls_last: str) -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS statement_public_dated_idx ON statements_statement "
        f"(dated_on DESC{nulls_last}, id DESC) {PUBLIC}",
        f"CREATE INDEX IF NOT EXISTS statement_speaker_dated_idx ON statements_statement "
        f"(speaker_id, dated_on DESC{nulls_last}, id DESC) {PUBLIC}",
    ]


def create_indexes(apps, schema_editor):
    nulls_last = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    for sql in _indexes(nulls_last):
        schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    for name in ("statement_public_dated_idx", "statement_speaker_dated_idx"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0011_speaker_redirects_editors_correct_articles'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='statement',
            name='statement_public_date_idx',
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['outlet'], name='article_outlet_idx'),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
