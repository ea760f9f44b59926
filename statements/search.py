"""Full-text search over statements, on PostgreSQL and on SQLite.

PostgreSQL gets ranked, stemmed search with web-search syntax ("phrases",
-exclusions, or) backed by a GIN expression index (see migration 0002). SQLite
has no stemming or ranking; there the same syntax is honoured word by word
with case-insensitive containment, so a query means the same on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

SEARCH_CONFIG = "english"
_TOKEN = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


@dataclass(frozen=True)
class ParsedQuery:
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def parse_query(query: str) -> ParsedQuery:
    """Split web-search syntax into words/phrases to include and to exclude."""
    include, exclude = [], []
    for m in _TOKEN.finditer(query or ""):
        neg, term = (m.group(1), m.group(2)) if m.group(2) is not None else (m.group(3), m.group(4))
        term = term.strip()
        if not term or term.lower() == "or":
            continue
        (exclude if neg else include).append(term)
    return ParsedQuery(tuple(include), tuple(exclude))


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_statements(qs: QuerySet, query: str, *, in_articles: bool = False) -> QuerySet:
    query = (query or "").strip()
    if not query:
        return qs
    if is_postgres():
        return _search_postgres(qs, query, in_articles=in_articles)
    return _search_simple(qs, query, in_articles=in_articles)


def _search_postgres(qs: QuerySet, query: str, *, in_articles: bool) -> QuerySet:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    sq = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    # Same expression as the GIN index, so the planner can use it.
    vector = SearchVector("text", config=SEARCH_CONFIG)
    match = Q(search_match=sq)
    qs = qs.annotate(search_match=vector)
    if in_articles:
        qs = qs.annotate(article_match=SearchVector("article__body", config=SEARCH_CONFIG))
        match |= Q(article_match=sq)
    return qs.filter(match).annotate(
        search_rank=SearchRank(vector, sq),
        search_headline=SearchHeadline(
            "text",
            sq,
            config=SEARCH_CONFIG,
            start_sel="<mark>",
            stop_sel="</mark>",
            highlight_all=True,
        ),
    )


def _search_simple(qs: QuerySet, query: str, *, in_articles: bool) -> QuerySet:
    parsed = parse_query(query)
    fields = ["text"] + (["article__body"] if in_articles else [])
    for term in parsed.include:
        cond = Q()
        for f in fields:
            cond |= Q(**{f"{f}__icontains": term})
        qs = qs.filter(cond)
    for term in parsed.exclude:
        qs = qs.exclude(text__icontains=term)
    return qs
