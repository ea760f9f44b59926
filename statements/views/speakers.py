"""Speakers: the A–Z index and one page per speaker."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from statements.models import ReviewStatus, Speaker, StatementEvent
from statements.views.common import (
    chart_series,
    monthly_counts,
    public_statements,
    statement_listing,
)

TOP_EVENTS = 20


def index_letter(name: str) -> str:
    """The A–Z heading a name files under: accents folded, non-letters under '#'."""
    folded = unicodedata.normalize("NFKD", name.strip())[:1].upper()
    return folded if folded.isalpha() else "#"


def speaker_list(request: HttpRequest) -> HttpResponse:
    speakers = (
        Speaker.objects.with_statement_counts()
        .filter(statement_count__gt=0)
        .order_by("name")
        .only("name", "slug", "description")
    )
    groups = [
        (letter, list(items))
        for letter, items in groupby(speakers, key=lambda s: index_letter(s.name))
    ]
    return render(request, "statements/speaker_list.html", {"groups": groups})


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases", "roles"), slug=slug)
    theirs = public_statements().by_speaker(speaker)
    stats = theirs.order_by().aggregate(
        total=Count("id"),
        verified=Count("id", filter=Q(review_status=ReviewStatus.VERIFIED)),
        first=Min("said_on"),
        last=Max("said_on"),
    )
    events = (
        StatementEvent.objects.filter(statement__in=theirs.order_by().values("pk"))
        .values("event__slug", "event__name")
        .annotate(n=Count("statement_id"))
        .order_by("-n", "event__name")[:TOP_EVENTS]
    )
    period, series = chart_series(monthly_counts(theirs))
    context = statement_listing(request, theirs, hidden=("speaker",), facets=False)
    context.update(
        {
            "speaker": speaker,
            "roles": sorted(
                speaker.roles.all(), key=lambda r: (r.reported_on is None, r.reported_on, r.title)
            ),
            "stats": stats,
            "events": events,
            "chart_period": period,
            "chart_series": series,
        }
    )
    return render(request, "statements/speaker_detail.html", context)
