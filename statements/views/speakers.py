"""Speakers: the A–Z index and one page per speaker."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render

from statements.models import ReviewStatus, Speaker, SpeakerRedirect, StatementEvent
from statements.views.common import (
    chart_series,
    monthly_counts,
    public_statements,
    statement_listing,
)

TOP_EVENTS = 20


def fold(name: str) -> str:
    """A name without accents or case, so "Élodie" files under E, next to "Elena"."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def index_letter(name: str) -> str:
    """The A–Z heading a name files under: accents folded, non-letters under '#'."""
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "#"


def a_to_z(items, name=lambda obj: obj.name) -> list[tuple[str, list]]:
    """Items grouped under their initial, in the order a reader expects (not byte order)."""
    ordered = sorted(items, key=lambda obj: (index_letter(name(obj)) == "#", fold(name(obj))))
    return [
        (letter, list(group))
        for letter, group in groupby(ordered, key=lambda o: index_letter(name(o)))
    ]


def speaker_list(request: HttpRequest) -> HttpResponse:
    speakers = (
        Speaker.objects.with_statement_counts()
        .filter(statement_count__gt=0)
        .order_by("name")
        .only("name", "slug", "description")
    )
    return render(request, "statements/speaker_list.html", {"groups": a_to_z(speakers)})


def moved_speaker(request: HttpRequest, slug: str) -> HttpResponse:
    """A merged-away or renamed speaker's old address: a permanent redirect, query kept."""
    moved = get_object_or_404(SpeakerRedirect.objects.select_related("speaker"), old_slug=slug)
    query = request.GET.urlencode()
    url = moved.speaker.get_absolute_url()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = Speaker.objects.prefetch_related("aliases", "roles").filter(slug=slug).first()
    if speaker is None:
        return moved_speaker(request, slug)
    theirs = public_statements().by_speaker(speaker)
    stats = theirs.order_by().aggregate(
        total=Count("id"),
        verified=Count("id", filter=Q(review_status=ReviewStatus.VERIFIED)),
        first=Min("dated_on"),
        last=Max("dated_on"),
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
