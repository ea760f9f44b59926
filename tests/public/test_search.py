"""Full-text search on the list: SQLite containment, PostgreSQL ranked and stemmed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.models import Statement
from tests.factories import make_article, make_statement
from tests.public.conftest import ids

URL = reverse("statements:statement-list")


def test_search_finds_words(client, archive):
    assert ids(client.get(URL, {"q": "dockworkers"})) == [archive.second.pk]


def test_search_phrase(client, archive):
    assert ids(client.get(URL, {"q": '"ports stay"'})) == [archive.verified.pk]
    assert ids(client.get(URL, {"q": '"stay ports"'})) == []


def test_search_exclusion(client, archive):
    got = ids(client.get(URL, {"q": "the -budget"}))
    assert archive.third.pk not in got
    assert archive.first.pk in got


def test_search_never_returns_rejected(client, archive):
    assert ids(client.get(URL, {"q": "triple"})) == []


def test_search_highlights_words_on_sqlite(client, archive):
    html = client.get(URL, {"q": "dockworkers"}).content.decode()
    assert "<mark>dockworkers</mark>" in html


def test_search_in_article_text(client, db):
    article = make_article(body='The port of Lindenhal was busy. "Trade is up," she said.')
    st = make_statement("Trade is up,", article=article)
    assert ids(client.get(URL, {"q": "Lindenhal"})) == []
    assert ids(client.get(URL, {"q": "Lindenhal", "in": "articles"})) == [st.pk]


def test_search_chip_and_removal(client, archive):
    response = client.get(URL, {"q": "dockworkers", "in": "articles", "kind": "direct"})
    chip = next(c for c in response.context["chips"] if c.label == "Words in the quote")
    assert "dockworkers" in chip.value
    assert chip.remove_query == "kind=direct"


def test_search_text_with_markup_is_escaped(client, db):
    make_statement("Beware <script>alert(1)</script> and <mark>fake</mark> tags.")
    html = client.get(URL, {"q": "beware"}).content.decode()
    assert "<script>alert" not in html
    assert "<mark>Beware</mark> &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;mark&gt;fake&lt;/mark&gt;" in html


def test_headline_marks_tell_inserted_tags_from_text():
    from statements.highlighting import Mark, headline_marks

    text = "a <mark>b</mark> strikes"
    got = headline_marks(text, "a <mark>b</mark> <mark>strikes</mark>")
    assert got == [Mark(17, 24)]
    assert headline_marks(text, "something else") is None


# -- PostgreSQL (CI runs these; skipped on SQLite) ---------------------------------


def test_pg_stemming_ranks_and_highlights(client, archive, postgres_only):
    make_statement("A strike would hurt. Strike after strike after strike, no end.")
    assert client.get(URL, {"q": "strike"}).context["sort_key"] == "-said"  # dates by default
    response = client.get(URL, {"q": "strike", "sort": "relevance"})
    got = ids(response)
    # "strikes" in the first statement matches "strike" through English stemming.
    assert archive.first.pk in got
    # The statement that repeats the word ranks first.
    assert response.context["statements"][0].text.startswith("A strike would hurt")
    assert response.context["sort_key"] == "relevance"
    html = response.content.decode()
    assert "<mark>strikes</mark>" in html


def test_pg_phrase_and_exclusion(client, archive, postgres_only):
    assert ids(client.get(URL, {"q": '"ports stay open"'})) == [archive.verified.pk]
    assert ids(client.get(URL, {"q": '"open stay ports"'})) == []
    got = ids(client.get(URL, {"q": "the -budget"}))
    assert archive.third.pk not in got


def test_pg_headline_is_escaped(client, db, postgres_only):
    make_statement("Beware <script>alert(1)</script> of strikes.")
    html = client.get(URL, {"q": "strike"}).content.decode()
    assert "<script>alert" not in html
    assert "<mark>strikes</mark>" in html


def test_pg_search_in_articles(client, db, postgres_only):
    article = make_article(body='The harbours of Lindenhal were closed. "Trade is up," she said.')
    st = make_statement("Trade is up,", article=article)
    assert ids(client.get(URL, {"q": "harbour"})) == []
    assert ids(client.get(URL, {"q": "harbour", "in": "articles"})) == [st.pk]


def test_pg_sort_overrides_relevance(client, archive, postgres_only):
    response = client.get(URL, {"q": "the", "sort": "said"})
    assert response.context["sort_key"] == "said"


def test_search_indexes_exist_on_postgres(db, postgres_only):
    """Both full-text searches are backed by GIN indexes (migrations 0014 and 0008)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN "
            "('statement_search_vector_idx', 'article_body_fts_idx')"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "statement_search_vector_idx",
            "article_body_fts_idx",
        }


SEARCHES = [
    {"q": "the"},
    {"q": "the -budget"},
    {"q": '"ports stay"'},
    {"q": "harbour or budget"},
    {"q": "the", "sort": "relevance"},
    {"q": "the", "in": "articles"},
]


def test_common_words_walk_the_date_index_with_the_same_results(client, archive, monkeypatch):
    """A word in many statements is searched by walking the newest first (SQLite): same rows,
    same order, same counts as reading every match and sorting them."""
    from django.db import connection

    from statements import search

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans this itself")
    sorted_first = [
        (ids(r := client.get(URL, p)), r.context["page_obj"].paginator.count) for p in SEARCHES
    ]
    monkeypatch.setattr(search, "COMMON_MATCHES", 0)
    walked = [
        (ids(r := client.get(URL, p)), r.context["page_obj"].paginator.count) for p in SEARCHES
    ]
    assert walked == sorted_first
    assert any(found for found, _ in walked)
    page_ids = (
        search.search_statements(Statement.objects.exclude(review_status="rejected"), "the")
        .newest_first()
        .values("pk")[:50]
    )
    sql, params = page_ids.query.sql_with_params()
    with connection.cursor() as cursor:
        plan = " ".join(row[-1] for row in cursor.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "statement_public_dated_idx" in plan and "TEMP B-TREE" not in plan
