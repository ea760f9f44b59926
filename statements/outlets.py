"""The outlets articles come from: their names, read from the outlet index alone."""

from __future__ import annotations

from django.db import connection

# The outlet filter checks a name against no more outlets than this.
OUTLET_LIMIT = 1000

# Distinct outlets by walking the outlet index: one probe per outlet instead of
# reading every article (a "loose index scan"; PostgreSQL has no skip scan).
_OUTLETS_SQL = """
WITH RECURSIVE outlets(name) AS (
    SELECT MIN(outlet) FROM statements_article WHERE outlet > ''
    UNION ALL
    SELECT (SELECT MIN(outlet) FROM statements_article WHERE outlet > outlets.name)
    FROM outlets WHERE outlets.name IS NOT NULL
)
SELECT name FROM outlets WHERE name IS NOT NULL LIMIT %s
"""


def outlet_names(limit: int = OUTLET_LIMIT) -> list[str]:
    """Every outlet name in use (the first ``limit``), at the cost of one index probe each."""
    with connection.cursor() as cursor:
        cursor.execute(_OUTLETS_SQL, [limit])
        return [row[0] for row in cursor.fetchall()]


def unknown_outlet(name: str) -> bool:
    """True when no article comes from ``name``, in any letter case.

    The outlet filter matches case-insensitively, which no index serves on SQLite:
    a name no article has (a typo) made it read every statement, newest first,
    for none (4 s at a million statements). The list of outlets answers first.
    """
    names = outlet_names(OUTLET_LIMIT + 1)
    if len(names) > OUTLET_LIMIT:
        return False  # too many to list: let the query decide
    wanted = name.strip().casefold()
    return all(known.casefold() != wanted for known in names)
