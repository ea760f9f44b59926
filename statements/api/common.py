"""Shared by every endpoint: the page size, links to the next page, errors."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Status

from statements.api import keyset
from statements.models import ReviewStatus

DEFAULT_LIMIT = 25
MAX_LIMIT = 100


def next_link(request: HttpRequest, next_cursor: str | None) -> str | None:
    """This request's URL with the cursor of the next page (other parameters kept)."""
    if not next_cursor:
        return None
    params = request.GET.copy()
    params["cursor"] = next_cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def api_url(request: HttpRequest, name: str, **params: str) -> str:
    """An absolute URL of an API list, filtered by ``params``."""
    url = reverse(f"api-v1:{name}")
    return request.build_absolute_uri(f"{url}?{urlencode(params)}" if params else url)


def page_body(request: HttpRequest, page: keyset.Page, items: list) -> dict:
    return {
        "items": items,
        "next_cursor": page.next_cursor,
        "next": next_link(request, page.next_cursor),
    }


def bad_request(detail: str, errors: dict[str, list[str]]) -> Status:
    return Status(400, {"detail": detail, "errors": errors})


def bad_cursor(exc: keyset.BadCursor) -> Status:
    return bad_request(str(exc), {"cursor": [str(exc)]})


def public_statement_count() -> Count:
    """Statements editors have not rejected, counted per row (as the index pages count)."""
    return Count("statements", filter=~Q(statements__review_status=ReviewStatus.REJECTED))


def keyset_list(
    request: HttpRequest,
    qs: QuerySet,
    keys: tuple[keyset.Key, ...],
    cursor: str | None,
    limit: int,
    record: Callable[[HttpRequest, object], dict],
) -> dict | Status:
    """One page of ``qs`` as the API's list body, or a 400 for a cursor it did not make."""
    try:
        result = keyset.page(qs, keys, cursor, limit)
    except keyset.BadCursor as exc:
        return bad_cursor(exc)
    return page_body(request, result, [record(request, obj) for obj in result.items])
