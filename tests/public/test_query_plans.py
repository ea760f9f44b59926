"""At 100,000 statements, the list, search and facet queries read indexes, not the table.

Runs on PostgreSQL (the production database). The rows are made in SQL with
generate_series; every query the pages issue is then EXPLAINed and must not
scan the statements table sequentially.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Speaker
from tests.factories import make_article, make_event, make_speaker

pytestmark = pytest.mark.postgres

ROWS = 100_000

INSERT = """
INSERT INTO statements_statement (
    article_id, speaker_id, text, start, "end", spans, kind, said_on, dated_on, cue,
    evidence, confidence, extraction_key, editor_note, review_status, edited_by_editor,
    created_at, updated_at)
SELECT %(article)s, %(first_speaker)s + g %% %(speakers)s,
       CASE WHEN g %% 5 = 0 THEN 'The government will act on item ' || g
            WHEN g %% 997 = 0 THEN 'Thorium reactors for item ' || g
            ELSE 'We will build harbour number ' || g END,
       0, 10, '[]', 'direct',
       CASE WHEN g %% 3 = 0 THEN NULL ELSE DATE '2015-01-01' + (g %% 3650) END,
       DATE '2015-01-01' + (g %% 3650), 'said', '', 0.9, 'k' || g, '',
       CASE WHEN g %% 50 = 0 THEN 'rejected' ELSE 'unreviewed' END, false, now(), now()
FROM generate_series(1, %(rows)s) AS g
"""


def _fill() -> tuple[Speaker, object]:
    speakers = [make_speaker(f"Speaker Number {i}") for i in range(200)]
    event = make_event("Harbour Strike", slug="harbour-strike")
    article = make_article(body="x" * 20, outlet="Northbay Gazette")
    with connection.cursor() as cursor:
        cursor.execute(
            INSERT,
            {
                "article": article.pk,
                "first_speaker": speakers[0].pk,
                "speakers": len(speakers),
                "rows": ROWS,
            },
        )
        cursor.execute(
            "INSERT INTO statements_statementevent (statement_id, event_id, linked_by) "
            "SELECT id, %s, 'keyword' FROM statements_statement WHERE id %% 40 = 0",
            [event.pk],
        )
        cursor.execute("ANALYZE")
        # Production runs on SSDs and says so (README, "PostgreSQL"): random reads
        # cost about what sequential ones do.
        cursor.execute("SET random_page_cost = 1.1")
    return speakers[7], event


@pytest.fixture
def big(db, postgres_only):
    return _fill()


@pytest.fixture
def big_vacuumed(transactional_db, postgres_only):
    """As production's tables are between imports: vacuumed, so their pages are all-visible."""
    found = _fill()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE statements_statement")
    yield found
    with connection.cursor() as cursor:
        cursor.execute("RESET random_page_cost")  # outside a transaction, SET outlives the test


def _seq_scans(plan: dict) -> list[str]:
    found = []
    if plan.get("Node Type") == "Seq Scan" and plan.get("Relation Name") == "statements_statement":
        found.append(plan.get("Filter", ""))
    for child in plan.get("Plans", []):
        found.extend(_seq_scans(child))
    return found


# The list's timeline chart (statements.charts) counts every matching statement per
# day; over the unfiltered archive that reads all rows by design. It is not a
# list, search or facet query, and is left to the chart's own tests.
TIMELINE = 'SELECT "statements_statement"."dated_on" AS "dated_on", COUNT('


def _statement_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
        and "statements_statement" in q["sql"]
        and not q["sql"].startswith(TIMELINE)
    ]


def test_list_search_and_facet_queries_use_indexes(client, big):
    speaker, event = big
    assert Speaker.objects.count() == 200
    lst = reverse("statements:statement-list")
    paths = [
        lst,
        f"{lst}?speaker={speaker.slug}",
        f"{lst}?speaker={speaker.slug}&said_from=2020-01-01&said_to=2020-12-31",
        f"{lst}?q=government",
        f"{lst}?q=government&sort=relevance",
        f"{lst}?q=thorium",
        f"{lst}?q=speaker:{speaker.slug}+harbour",
        f"{lst}?event={event.slug}",
        f"{lst}?page=50",
        reverse("statements:event-detail", args=[event.slug]),
    ]
    offenders = {}
    for path in paths:
        for sql in _statement_queries(client, path):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            scans = _seq_scans(plan[0]["Plan"])
            if scans:
                offenders.setdefault(path, []).append(sql[:300])
    assert offenders == {}, json.dumps(offenders, indent=1)


def _node_types(plan: dict) -> list[tuple[str, str]]:
    found = [(plan.get("Node Type", ""), plan.get("Index Name", ""))]
    for child in plan.get("Plans", []):
        found.extend(_node_types(child))
    return found


def test_speaker_summary_reads_only_the_speaker_index(client, big_vacuumed):
    """The speaker page's count, verified count and first/last day need no table read."""
    speaker, _ = big_vacuumed
    queries = _statement_queries(client, reverse("statements:speaker-detail", args=[speaker.slug]))
    summary = [sql for sql in queries if 'AS "verified"' in sql]
    assert len(summary) == 1
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + summary[0])
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    assert ("Index Only Scan", "statement_speaker_dated_idx") in _node_types(plan[0]["Plan"])
