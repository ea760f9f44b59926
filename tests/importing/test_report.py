"""A long import keeps totals and failures, not one result per article, unless asked."""

import json

import pytest

from statements.importing import import_paths
from tests.importing.test_identity import HARBOUR, RAIL

pytestmark = pytest.mark.django_db


def test_without_kept_results_the_report_has_totals_and_failures_only(write):
    lines = [
        json.dumps({"title": "Harbour", "text": HARBOUR, "published": "2025-03-10"}),
        json.dumps({"title": 7, "text": "A title that is a number."}),
        json.dumps({"title": "Rail", "text": RAIL, "published": "2025-03-11"}),
    ]
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    full = import_paths([path], dry_run=True, details=False)
    lean = import_paths([path], keep_results=False)
    assert lean.totals() == {**full.totals(), "files": 1}
    assert lean.totals()["articles_created"] == 2 and lean.totals()["failed"] == 1
    assert [r.label for r in lean.results] == [r.label for r in full.failures]
    assert lean.summary_lines()[1:] == full.summary_lines()[1:]
