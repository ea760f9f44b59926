"""Events, with the number of public statements about each."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from statements.api import keyset
from statements.api.common import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    api_url,
    keyset_list,
)
from statements.api.schemas import ErrorOut, EventOut, EventPage
from statements.counts import statements_per_event
from statements.models import Event

router = Router(tags=["events"])


def counted_events():
    """Events with their parents (counts from ``statements.counts``, as the index)."""
    return Event.objects.select_related("parent")


def event_record(request: HttpRequest, event: Event, counts: dict[int, int] | None = None) -> dict:
    counts = statements_per_event() if counts is None else counts
    return {
        "id": event.pk,
        "slug": event.slug,
        "name": event.name,
        "description": event.description,
        "start_on": event.start_on,
        "end_on": event.end_on,
        "parent": event.parent.slug if event.parent_id else None,
        "statement_count": counts.get(event.pk, 0),
        "permalink": request.build_absolute_uri(event.get_absolute_url()),
        "statements": api_url(request, "statement-list", event=event.slug),
    }


@router.get(
    "/events/",
    response={200: EventPage, 400: ErrorOut},
    url_name="event-list",
    summary="Events, oldest entry first",
)
def list_events(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    counts = statements_per_event()
    return keyset_list(
        request,
        counted_events(),
        keyset.ID_ASC,
        cursor,
        limit,
        lambda r, e: event_record(r, e, counts),
    )


@router.get("/events/{slug}/", response=EventOut, url_name="event-detail", summary="One event")
def get_event(request: HttpRequest, slug: str):
    return event_record(request, get_object_or_404(counted_events(), slug=slug))
