"""One index fewer per statement written, and the speaker's summary read from an index.

The single-column indexes Django makes for a foreign key are dropped where a
composite index already starts with that column: the statement's speaker
(``statement_speaker_date_idx``) and both sides of a statement's event link
(``unique_statement_event``, ``event_statement_idx``). Each was one more write
for every imported statement and link, and no query needs it.

On PostgreSQL the per-speaker list index also carries ``review_status``, so a
speaker page's count, verified count, first and last date come from the index
alone instead of a heap read per statement (about 1,500 of them for a
mid-frequency speaker of a million-statement archive). SQLite has no INCLUDE:
there the column is a last key column, which serves it the same way.

Dropped with SQL, not with ``AlterField``, which on SQLite rebuilds the whole
table (and with it the indexes made in SQL by migrations 0012, 0014 and 0015).
"""

import django.db.models.deletion
from django.db import migrations, models

DROPPED = {
    "statements_statement_speaker_id_4f9a3901": ("statements_statement", "speaker_id"),
    "statements_statementevent_event_id_0d350eb0": ("statements_statementevent", "event_id"),
    "statements_statementevent_statement_id_398b7532": (
        "statements_statementevent",
        "statement_id",
    ),
}

PUBLIC = "WHERE NOT (review_status = 'rejected')"


def _speaker_index(schema_editor, with_review_status: bool) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    columns = f"speaker_id, dated_on DESC{' NULLS LAST' if postgres else ''}, id DESC"
    if with_review_status:
        columns = f"{columns}) INCLUDE (review_status" if postgres else f"{columns}, review_status"
    schema_editor.execute("DROP INDEX IF EXISTS statement_speaker_dated_idx")
    schema_editor.execute(
        f"CREATE INDEX statement_speaker_dated_idx ON statements_statement ({columns}) {PUBLIC}"
    )


def forwards(apps, schema_editor):
    for name in DROPPED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    _speaker_index(schema_editor, with_review_status=True)


def backwards(apps, schema_editor):
    for name, (table, column) in DROPPED.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})")
    _speaker_index(schema_editor, with_review_status=False)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0019_utterance_long_words_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forwards, backwards)],
            state_operations=[
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
                    model_name="statementevent",
                    name="event",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="statements.event",
                    ),
                ),
                migrations.AlterField(
                    model_name="statementevent",
                    name="statement",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="statements.statement",
                    ),
                ),
            ],
        ),
    ]
