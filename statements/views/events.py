"""Events: the A–Z index and one page per event with its statement timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from statements.charts import Bar, speakers_chart, time_chart, time_chart_of
from statements.counts import statements_per_event
from statements.filters import top_named
from statements.models import Event, Speaker, StatementEvent
from statements.views import common
from statements.views.common import paginate, public_statements
from statements.views.rows import listed_statements
from statements.views.speakers import a_to_z

TOP_SPEAKERS = 20


def event_list(request: HttpRequest) -> HttpResponse:
    counts = statements_per_event()
    events = list(Event.objects.select_related("parent").order_by("name"))
    for event in events:
        event.statement_count = counts.get(event.pk, 0)
    return render(request, "statements/event_list.html", {"groups": a_to_z(events)})


@dataclass
class EventSummary:
    """An event's statements as its page shows them, from one read of their ids, speakers, dates.

    The count, the speakers' ranking, the time chart and the timeline's order
    each used to be a query joining the event's links to the statements: four
    times the same few thousand rows. Read once, they are counted in Python.
    """

    ordered_ids: list[int]  # the timeline's order: oldest first, undated last
    speakers: list[dict]  # speaker__slug, speaker__name, n (most first)
    daily: list[tuple[date, int]]


def summarise(about: QuerySet, limit: int = common.COUNT_LIMIT) -> EventSummary | None:
    """The summary of ``about``, or None past ``limit`` statements (the queries do it then)."""
    rows = list(about.order_by().values_list("pk", "speaker_id", "dated_on")[: limit + 1])
    if len(rows) > limit:
        return None
    # Keys read in C (itemgetter), not by a Python function per row: at 8,000
    # statements the sort and the counts took 6 ms that way.
    dated = [row for row in rows if row[2] is not None]
    dated.sort(key=itemgetter(2, 0))
    undated = sorted(row[0] for row in rows if row[2] is None)
    per_speaker = Counter(map(itemgetter(1), rows))
    speakers = [
        {"speaker__slug": s["slug"], "speaker__name": s["name"], "n": s["count"]}
        for s in top_named(per_speaker, Speaker, TOP_SPEAKERS)
    ]
    daily = sorted(Counter(map(itemgetter(2), dated)).items())
    return EventSummary([*map(itemgetter(0), dated), *undated], speakers, daily)


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("parent"), slug=slug)
    ids = Event.objects.filter(pk=event.pk).with_descendants()
    about = public_statements().filter(
        id__in=StatementEvent.objects.filter(event_id__in=ids).values("statement_id")
    )
    title = f"Statements about {event.name}"
    summary = summarise(about)
    if summary is not None:
        page = Paginator(summary.ordered_ids, settings.STATEMENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        statements = listed_statements(page.object_list)
        speakers = summary.speakers
        chart = time_chart_of(summary.daily, title)
    else:
        timeline = about.for_listing().order_by(F("dated_on").asc(nulls_last=True), "id")
        page = paginate(request, timeline)
        statements = page.object_list
        speakers = list(
            about.order_by()
            .values("speaker__slug", "speaker__name")
            .annotate(n=Count("id"))
            .order_by("-n", "speaker__name")[:TOP_SPEAKERS]
        )
        chart = time_chart(
            about, title, sample=common.COUNT_LIMIT, estimate=page.paginator.estimate
        )
    bars = [
        Bar(
            s["speaker__name"],
            s["n"],
            reverse("statements:speaker-detail", args=[s["speaker__slug"]]),
        )
        for s in speakers[:10]
    ]
    context = {
        "event": event,
        "children": event.children.order_by("start_on", "name"),
        "includes_sub_events": len(ids) > 1,
        "speakers": speakers,
        "page_obj": page,
        "statements": statements,
        "time_chart": chart,
        "speakers_chart": speakers_chart(bars, f"Who spoke most about {event.name}"),
    }
    return render(request, "statements/event_detail.html", context)
