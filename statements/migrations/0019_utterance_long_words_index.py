"""The index of an utterance's words (migration 0018) keeps only words of five letters or more.

Short words ("the", "is", "we") are in most quotes of a speaker: their entries
were the largest part of the index to write and to read. A quote held by an
utterance still has all its long words in it; the few quotes without any are
compared with their speaker's utterances directly (``statements.utterances``).
"""

from django.db import migrations

INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS utterance_long_words_idx ON statements_utterance USING gin "
    "(string_to_array(speaker_id::text || ':' || replace(btrim(regexp_replace("
    "key, ' [^ ]{1,4}(?= )', '', 'g')), ' ', ' ' || speaker_id::text || ':'), ' ')) "
    "WITH (fastupdate = off)"
)
OLD_SQL = (
    "CREATE INDEX IF NOT EXISTS utterance_words_idx ON statements_utterance USING gin "
    "(string_to_array(speaker_id::text || ':' || "
    "replace(btrim(key), ' ', ' ' || speaker_id::text || ':'), ' ')) "
    "WITH (fastupdate = off)"
)


def long_words_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS utterance_words_idx")
        schema_editor.execute(INDEX_SQL)


def all_words(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS utterance_long_words_idx")
        schema_editor.execute(OLD_SQL)


class Migration(migrations.Migration):
    dependencies = [("statements", "0018_utterance_candidate_indexes")]

    operations = [migrations.RunPython(long_words_only, all_words)]
