"""An article's earlier version is found by its URL through an index, whatever the URL's length.

The URL lookup runs once per imported article; scanning every stored article
for it would make a large import quadratic.
"""

import json

import pytest
from django.db import connection

from statements.importing import import_paths
from statements.importing.persist import same_url_prefix
from statements.models import Article
from tests.importing.test_identity import HARBOUR, RAIL

pytestmark = pytest.mark.django_db


def record(title: str, text: str, url: str) -> str:
    return json.dumps({"title": title, "text": text, "published": "2025-03-10", "url": url})


def test_urls_sharing_the_indexed_prefix_stay_two_articles(write):
    stem = "https://courier.example/" + "long-path/" * 60  # longer than the 500 indexed
    harbour, rail = stem + "harbour", stem + "rail"
    path = write("feed.jsonl", record("Harbour", HARBOUR, harbour) + "\n")
    import_paths([path])
    write("feed.jsonl", record("Rail", RAIL, rail) + "\n")
    import_paths([path])
    assert sorted(Article.objects.values_list("url", flat=True)) == [harbour, rail]

    corrected = HARBOUR.replace("Monday", "Sunday")
    write("feed.jsonl", record("Harbour (corrected)", corrected, harbour) + "\n")
    report = import_paths([path])
    assert report.totals()["articles_updated"] == 1
    assert Article.objects.get(url=harbour).title == "Harbour (corrected)"
    assert Article.objects.get(url=rail).title == "Rail"


def test_url_lookup_can_use_the_prefix_index():
    query = same_url_prefix("https://courier.example/2025/03/10/harbour")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # An empty table would be scanned; with statistics of a tiny table (another
            # test's ANALYZE) the primary key's order wins: only the prefix index is left.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
    assert "article_url_prefix_idx" in query.explain()
