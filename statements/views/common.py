"""What every statement listing needs: the filter, a page, facets, form suggestions.

Each helper runs a fixed number of queries whatever the page size, so the list
pages stay within their query budget (see tests/public/test_query_bounds.py).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db import OperationalError, connection
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property

from statements.filters import StatementFilter, statement_facets
from statements.models import Event, Speaker, Statement
from statements.outlets import outlet_names
from statements.search import RANK_CANDIDATES, ParsedQuery, parse_query, search_marks
from statements.views.rows import listed_statements

OPTION_LIMIT = 1000


def public_statements() -> QuerySet:
    """The only starting point for public pages: rejected statements never get through."""
    return Statement.objects.published()


def absolute_base(request: HttpRequest) -> str:
    """Scheme and host, for permalinks in downloads and citations."""
    return request.build_absolute_uri("/").rstrip("/")


def filter_errors(filterset: StatementFilter) -> list[str]:
    """Readable messages for malformed parameters (the rest of the filters still apply)."""
    if not filterset.is_bound:
        return []
    messages = []
    for name, errors in filterset.errors.items():
        field = filterset.form.fields.get(name)
        label = field.label if field else name
        for error in errors:
            messages.append(f"{label}: {error} This filter was ignored.")
    return messages


# Lists count their matches up to here, and show that many; beyond, the count is
# an estimate ("about") and the downloads hold everything.
COUNT_LIMIT = 10_000
# Beyond COUNT_LIMIT, facets count the newest this many (labelled so on the page).
FACET_SAMPLE = 2_000


class BoundedPaginator(Paginator):
    """Pages over at most ``COUNT_LIMIT`` rows, so counting never reads a million.

    ``capped`` says the real number is larger; ``estimate`` is then the
    database's own estimate of it (PostgreSQL's planner), or None.
    """

    capped = False
    estimate: int | None = None
    # The days and ids of the newest COUNT_LIMIT rows (None for undated), read while
    # counting: the time chart of the same rows needs nothing more (``daily_counts_of``),
    # nor does a page of a list in that order (``page``).
    newest_days: list | None = None
    newest_ids: list[int] | None = None

    @cached_property
    def count(self) -> int:
        rows = list(
            self.object_list.newest_first().values_list("dated_on", "pk")[: COUNT_LIMIT + 1]
        )
        self.newest_days = [day for day, _ in rows[:COUNT_LIMIT]]
        self.newest_ids = [pk for _, pk in rows[:COUNT_LIMIT]]
        n = len(rows)
        if n > COUNT_LIMIT:
            self.capped = True
            self.estimate = estimated_count(self.object_list)
            return COUNT_LIMIT
        return n

    def page(self, number):
        """A page; in the newest-first order, its ids come from the count's read.

        Reading them again walks the same index a second time; for a search on
        SQLite that also builds the set of matches again (30-50 ms for a common word).
        """
        page = super().page(number)
        qs = self.object_list
        if (
            isinstance(page.object_list, QuerySet)
            and self.newest_ids is not None
            and qs.query.order_by == qs.newest_first().query.order_by
        ):
            bottom = (page.number - 1) * self.per_page
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            if top <= len(self.newest_ids):
                page.object_list = self.newest_ids[bottom:top]
        return page


def daily_counts_of(paginator: BoundedPaginator) -> list[tuple[date, int]] | None:
    """Statements per day among the rows the paginator counted, oldest first."""
    if paginator.newest_days is None:
        return None
    return sorted(Counter(day for day in paginator.newest_days if day is not None).items())


def bounded_count(qs: QuerySet, limit: int = COUNT_LIMIT) -> int:
    """How many rows ``qs`` has, counting no further than ``limit + 1``.

    The rows are read in the lists' order, so the planner walks the date index
    (or a search's own index) and stops, rather than reading the table.
    """
    return qs.newest_first().values("pk")[: limit + 1].count()


def estimated_count(qs: QuerySet) -> int | None:
    """The planner's estimate of ``qs``'s size (PostgreSQL), rounded; None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    sql, params = qs.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    rows = int(plan[0]["Plan"]["Plan Rows"])
    return int(float(f"{rows:.2g}")) if rows > COUNT_LIMIT else None


def public_size() -> tuple[int, bool]:
    """How many statements the public sees, and whether that is the database's estimate.

    Counting a million rows exactly takes about 100 ms on either database; past
    COUNT_LIMIT the planner's statistics (PostgreSQL) or ANALYZE's (SQLite) say
    "about" as many, for free.
    """
    qs = public_statements()
    n = bounded_count(qs)
    if n <= COUNT_LIMIT:
        return n, False
    estimate = estimated_count(qs)
    if estimate is None and connection.vendor == "sqlite":
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT stat FROM sqlite_stat1 WHERE idx = %s", ["statement_public_dated_idx"]
                )
                row = cursor.fetchone()
        except OperationalError:  # never analysed: no statistics table
            row = None
        if row:
            estimate = int(float(f"{int(row[0].split()[0]):.2g}"))
    if estimate is None or estimate <= COUNT_LIMIT:
        return qs.count(), False
    return estimate, True


def paginate(request: HttpRequest, qs: QuerySet, per_page: int | None = None):
    """A page of ``qs``; bad or out-of-range page numbers give the first or last page."""
    paginator = BoundedPaginator(qs, per_page or settings.STATEMENTS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def suggestions() -> dict[str, list[list[str]]]:
    """Suggestions for the filter form's text boxes, fetched once by the browser.

    They used to be rendered into every list page as <datalist> options: about
    1,200 of them, most of a page's bytes and a large part of its rendering time,
    the same on every request. Now one cacheable response carries them.
    """
    speakers = Speaker.objects.public().order_by("name").values_list("slug", "name")[:OPTION_LIMIT]
    events = Event.objects.order_by("name").values_list("slug", "name")[:OPTION_LIMIT]
    return {
        "speaker-options": [list(pair) for pair in speakers],
        "event-options": [list(pair) for pair in events],
        "outlet-options": [[name, ""] for name in outlet_names(OPTION_LIMIT)],
    }


def page_rows(page_qs: QuerySet | list[int]) -> list[Statement]:
    """The page's statements with everything a row shows, in the page's order.

    The page's ids come first from the statements table alone, so the planner
    walks the sort's index; joining speakers and articles in that same query
    lets SQLite start from the speakers and sort the whole table instead.
    """
    if isinstance(page_qs, list):  # the ids already (BoundedPaginator.page)
        return listed_statements(page_qs)
    return listed_statements(list(page_qs.values_list("pk", flat=True)))


def _is_large(page, filterset: StatementFilter) -> bool:
    """More than COUNT_LIMIT matches (a ranked page only holds the top candidates)."""
    if filterset.sort_key == "relevance":
        return bounded_count(filterset.matching) > COUNT_LIMIT
    return page.paginator.capped


def speaker_named(parsed: ParsedQuery) -> Speaker | None:
    """The speaker a search's words name ("Ilse Marrow", "Marrow"), to offer their page."""
    words = parsed.free_text.strip()
    if not words or parsed.speaker or len(words) > 100:
        return None
    return Speaker.objects.by_name(words) or Speaker.objects.by_surname(words)


def statement_listing(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    hidden: tuple[str, ...] = (),
    facets: bool = True,
) -> dict[str, Any]:
    """Context for a filtered, sorted, paginated statement list over ``queryset``.

    Search highlights are computed for the page's rows only, facets over the
    unordered filtered set.
    """
    filterset = StatementFilter(request.GET, queryset=queryset)
    qs = filterset.qs
    page = paginate(request, qs)
    query = filterset.form.cleaned_data.get("q") or ""
    parsed = parse_query(query)
    statements = page_rows(page.object_list)
    if parsed.clauses:
        marks = search_marks(statements, parsed)
        for st in statements:
            st.search_marks = marks.get(st.pk)
    page.object_list = statements
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page,
        "statements": statements,
        "chips": filterset.chips(hidden=hidden),
        "filter_errors": filter_errors(filterset),
        "query": query,
        "search_terms": parsed.include,
        "speaker_suggestion": speaker_named(parsed) if "speaker" not in hidden else None,
        "sort_key": filterset.sort_key,
        "rank_limit": RANK_CANDIDATES if filterset.sort_key == "relevance" else None,
        "hidden_fields": hidden,
        "export_query": filterset.query_string(without=("page", "sort")),
        # No match, no counts: each facet would search the archive again for nothing
        # (a filter no index serves reads every statement: seconds at a million).
        "facets": (
            statement_facets(
                filterset.matching, sample=FACET_SAMPLE if _is_large(page, filterset) else None
            )
            if page.paginator.count
            else {"sample": None, "speakers": [], "events": [], "years": []}
        )
        if facets
        else None,
    }
    return context
