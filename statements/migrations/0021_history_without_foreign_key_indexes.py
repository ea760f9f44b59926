"""The history tables keep no index on their copies of foreign keys and unique fields.

The history is read by object, editor and date (``statements/admin/history.py``);
nothing looks a historical row up by its article, speaker, utterance, event or
fingerprint. Each of those indexes was one more write for every imported
statement, event link, role and article: eleven per imported article and its
five statements, about a sixth of the import's index writes.

Dropped with SQL by name (the names Django gives them on every database), not
with ``AlterField``, which on SQLite copies each whole table.
"""

import django.db.models.deletion
from django.db import migrations, models

# index name -> (table, column); PostgreSQL also has a "_like" twin of each text one.
DROPPED = {
    "statements_historicalarticle_fingerprint_ad7d65ba": ("historicalarticle", "fingerprint"),
    "statements_historicalarticle_source_file_b26ecf48": ("historicalarticle", "source_file"),
    "statements_historicalarticle_source_path_b6ece62d": ("historicalarticle", "source_path"),
    "statements_historicalspeakerrole_article_id_78026553": ("historicalspeakerrole", "article_id"),
    "statements_historicalspeakerrole_speaker_id_dc1c8b50": ("historicalspeakerrole", "speaker_id"),
    "statements_historicalstatement_article_id_63f3c42c": ("historicalstatement", "article_id"),
    "statements_historicalstatement_reported_by_id_95a01be2": (
        "historicalstatement",
        "reported_by_id",
    ),
    "statements_historicalstatement_speaker_id_d82d4264": ("historicalstatement", "speaker_id"),
    "statements_historicalstatement_utterance_id_359c7d70": ("historicalstatement", "utterance_id"),
    "statements_historicalstatementevent_event_id_6121eb3c": (
        "historicalstatementevent",
        "event_id",
    ),
    "statements_historicalstatementevent_statement_id_f0348879": (
        "historicalstatementevent",
        "statement_id",
    ),
}
TEXT_COLUMNS = {"fingerprint", "source_file", "source_path"}


def drop(apps, schema_editor):
    for name in DROPPED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}_like")


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, (table, column) in DROPPED.items():
        table = f"statements_{table}"
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})")
        if postgres and column in TEXT_COLUMNS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name}_like ON {table} ({column} varchar_pattern_ops)"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0020_fewer_statement_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop, create)],
            state_operations=[
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="fingerprint",
                    field=models.CharField(
                        help_text="Hash of the cleaned content: re-imports match it.", max_length=64
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="source_file",
                    field=models.CharField(
                        help_text="File the article came from; for JSON Lines, 'name.jsonl#line'.",
                        max_length=500,
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="source_path",
                    field=models.CharField(
                        blank=True,
                        help_text="Full path of the imported file: with the headline, names a file's article.",
                        max_length=1000,
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalspeakerrole",
                    name="article",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalspeakerrole",
                    name="speaker",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="article",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="reported_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        help_text="Who relayed these words, when the article quotes them second-hand.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="speaker",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatement",
                    name="utterance",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        editable=False,
                        help_text="The same words as other outlets reported them (see statements/utterances.py).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.utterance",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatementevent",
                    name="event",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.event",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalstatementevent",
                    name="statement",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="statements.statement",
                    ),
                ),
            ],
        ),
    ]
