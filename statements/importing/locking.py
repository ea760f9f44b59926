"""One writer of imported articles at a time, across processes.

Two imports of overlapping folders (or an import and the admin's upload) would
otherwise both find "no such speaker yet" and both create one. On PostgreSQL a
transaction-level advisory lock serialises the storing of articles (extraction
still runs in parallel); it is released when the article's transaction ends,
so a killed import never leaves it held. SQLite serialises writers itself (the
settings open every transaction IMMEDIATE with a busy timeout). Unique
constraints and a retry stay as the safety net behind the lock.
"""

from __future__ import annotations

from django.db import connection

# An arbitrary constant naming this lock among the database's advisory locks.
_IMPORT_LOCK = 0x5A7E_0001


def one_writer_at_a_time() -> None:
    """Wait until no other import stores an article; call inside the article's transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_IMPORT_LOCK])


def commit_without_waiting_for_disk() -> None:
    """Let this transaction's commit return before its log reaches the disk (PostgreSQL).

    Safe for imports: the database stays consistent, and only a crash of the
    operating system (not of PostgreSQL or the import) can lose the last
    transactions committed, a fraction of a second's worth. Importing the same
    files again stores exactly those (a re-import is idempotent). Each batch saves
    a wait for the disk; call inside the transaction.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
