"""Each index costs a write for every imported row: the big tables keep only those read by.

An import of a million statements writes about a million rows into each of
the statement, link and history tables below; an index nobody reads adds a
write (and its WAL) to each. The history is read by object, editor and date
only (``statements/admin/history.py``).
"""

from __future__ import annotations

import pytest
from django.db import connection

HISTORY_READ_BY = {("history_id",), ("id",), ("history_date",), ("history_user_id",)}


def _indexed_columns(table: str, primary_key: bool = True) -> set[tuple[str, ...]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        tuple(c["columns"])
        for c in constraints.values()
        if (c["index"] and not c["primary_key"]) or (primary_key and c["primary_key"])
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "table",
    [
        "statements_historicalstatement",
        "statements_historicalstatementevent",
        "statements_historicalspeakerrole",
        "statements_historicalarticle",
    ],
)
def test_history_tables_are_indexed_only_as_they_are_read(table):
    assert _indexed_columns(table) <= HISTORY_READ_BY


@pytest.mark.django_db
def test_no_index_repeats_the_start_of_another():
    """A one-column index on a column another index starts with is a second copy of it."""
    for table in ("statements_statement", "statements_statementevent"):
        columns = _indexed_columns(table, primary_key=False)
        singles = {c for c in columns if len(c) == 1}
        longer = {c[:1] for c in columns if len(c) > 1}
        assert singles & longer == set(), table
