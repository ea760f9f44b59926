"""Helpers for tests that list the (quoted text, speaker) pairs a body must give, in order."""

from datetime import date

import pytest

from statements.extraction.attribution import extract_statements

PUB = date(2024, 5, 16)


def speakers(body: str) -> list[tuple[str, str]]:
    statements, _people = extract_statements(body, PUB)
    return [(s.text, s.speaker) for s in statements]


def cases(table):
    """Parametrize a test over (body, expected pairs) rows."""
    return pytest.mark.parametrize(("body", "expected"), table)
