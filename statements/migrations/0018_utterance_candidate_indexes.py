"""Find the utterances a quote may belong to through indexes, on PostgreSQL only.

Two reports are the same utterance when their words are equal, or when one of
at least six words lies inside the other (``statements.utterances``). An
import batch looked for them by comparing each quote with every utterance of
its speaker: a scan of the whole table per batch, ever slower as the archive
grows (0.6 s a batch at a million utterances). Two indexes answer instead:

- a stored utterance inside a new quote (or equal to it) starts with one of the
  quote's runs of six words (all its words if fewer): its speaker and first
  six words, a B-tree;
- a stored utterance holding a new quote has every word of it: its words,
  each prefixed with the speaker's id, a GIN index (``@>``). It is updated at
  once (``fastupdate`` off), since every batch searches it.

The expressions are the ones ``statements.utterances._candidates`` queries.
"""

from django.db import migrations

INDEXES = [
    (
        "utterance_head_idx",
        "CREATE INDEX IF NOT EXISTS utterance_head_idx ON statements_utterance "
        "(speaker_id, substring(key, '^ ((?:[^ ]+ ){1,6})'))",
    ),
    (
        "utterance_words_idx",
        "CREATE INDEX IF NOT EXISTS utterance_words_idx ON statements_utterance USING gin "
        "(string_to_array(speaker_id::text || ':' || "
        "replace(btrim(key), ' ', ' ' || speaker_id::text || ':'), ' ')) "
        "WITH (fastupdate = off)",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _name, sql in INDEXES:
            schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _sql in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("statements", "0017_statement_public_cover_index")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
