"""Statements: the public list with its filters and search, and one statement.

The list takes the statements page's own query parameters and hands them to
``StatementFilter`` unchanged; only the order is limited to the two date
orders, because a cursor needs a total order that does not depend on a query's
relevance score.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from statements.api import keyset
from statements.api.common import DEFAULT_LIMIT, MAX_LIMIT, bad_request, keyset_list
from statements.api.schemas import ErrorOut, StatementOut, StatementPage
from statements.exporting import statement_record
from statements.filters import StatementFilter
from statements.views.common import absolute_base, public_statements

router = Router(tags=["statements"])

ORDERS: dict[str, tuple[keyset.Key, ...]] = {
    "-said": (
        keyset.Key("dated_on", descending=True, nullable=True, parse=keyset.parse_date),
        keyset.Key("id", descending=True, parse=keyset.parse_int),
    ),
    "said": (
        keyset.Key("dated_on", nullable=True, parse=keyset.parse_date),
        keyset.Key("id", parse=keyset.parse_int),
    ),
}


@router.get(
    "/statements/",
    response={200: StatementPage, 400: ErrorOut},
    url_name="statement-list",
    summary="List and search statements",
)
def list_statements(
    request: HttpRequest,
    q: str | None = Query(None, description='Full-text search: words, "phrases", -exclusions, or'),
    in_: Literal["articles"] | None = Query(
        None, alias="in", description="`articles`: also search the articles' text"
    ),
    speaker: str | None = Query(None, description="Speaker slug or name (any alias)"),
    event: str | None = Query(None, description="Event slug or name; includes sub-events"),
    said_from: str | None = Query(
        None, description="YYYY-MM-DD; undated statements count on their article's date"
    ),
    said_to: str | None = Query(None, description="YYYY-MM-DD"),
    published_from: str | None = Query(
        None, description="Article published on or after, YYYY-MM-DD"
    ),
    published_to: str | None = Query(None, description="YYYY-MM-DD"),
    kind: str | None = Query(None, description="direct, partial or indirect"),
    tag: str | None = Query(None, description="Tag slug"),
    outlet: str | None = Query(None, description="Outlet name, case-insensitive"),
    status: str | None = Query(None, description="unreviewed, verified or disputed"),
    group: Literal["utterance"] | None = Query(
        None, description="`utterance`: each quote once, however many outlets reported it"
    ),
    sort: Literal["-said", "said"] = Query(
        "-said", description="Date order (said, else published)"
    ),
    cursor: str | None = Query(None, description="`next_cursor` of the previous page"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    data = request.GET.copy()
    for name in ("cursor", "limit"):
        data.pop(name, None)
    data["sort"] = sort
    filterset = StatementFilter(data, queryset=public_statements())
    if not filterset.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in filterset.errors.items()}
        return bad_request("Some parameters are not valid.", errors)
    base = absolute_base(request)
    return keyset_list(
        request,
        filterset.qs.for_records(),
        ORDERS[sort],
        cursor,
        limit,
        lambda _request, statement: statement_record(statement, base),
    )


@router.get(
    "/statements/{int:statement_id}/",
    response=StatementOut,
    url_name="statement-detail",
    summary="One statement (its id is stable; its permalink is the page to cite)",
)
def get_statement(request: HttpRequest, statement_id: int):
    statement = get_object_or_404(public_statements().for_records(), pk=statement_id)
    return statement_record(statement, absolute_base(request))
