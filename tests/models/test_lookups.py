"""``__any_of``: the rows ``__in`` finds, with one parameter on PostgreSQL."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import StatementEvent
from tests.factories import make_event, make_statement


def test_any_of_finds_what_in_finds(db):
    harbour, budget = make_event("Harbour Strike"), make_event("Budget Week")
    linked = [
        make_statement(f"Statement {n}.", events=[harbour, budget][: n % 3]) for n in range(7)
    ]
    ids = [st.pk for st in linked[::2]] + [10**9]
    links = StatementEvent.objects.order_by("pk").values_list("pk", flat=True)
    with CaptureQueriesContext(connection) as queries:
        found = list(links.filter(statement_id__any_of=ids))
    assert found == list(links.filter(statement_id__in=ids)) and found
    if connection.vendor == "postgresql":
        assert "= ANY(" in queries[0]["sql"]
    assert list(links.filter(statement_id__any_of=[])) == []
