"""Events: the A–Z index and one page per event with its statement timeline."""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from statements.charts import Bar, speakers_chart, time_chart
from statements.models import Event, ReviewStatus, StatementEvent
from statements.views import common
from statements.views.common import paginate, public_statements
from statements.views.speakers import a_to_z

TOP_SPEAKERS = 20


def event_list(request: HttpRequest) -> HttpResponse:
    events = (
        Event.objects.select_related("parent")
        .annotate(
            statement_count=Count(
                "statements", filter=~Q(statements__review_status=ReviewStatus.REJECTED)
            )
        )
        .order_by("name")
    )
    return render(request, "statements/event_list.html", {"groups": a_to_z(events)})


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("parent"), slug=slug)
    ids = Event.objects.filter(pk=event.pk).with_descendants()
    about = public_statements().filter(
        id__in=StatementEvent.objects.filter(event_id__in=ids).values("statement_id")
    )
    speakers = (
        about.order_by()
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("id"))
        .order_by("-n", "speaker__name")[:TOP_SPEAKERS]
    )
    timeline = about.for_listing().order_by(F("dated_on").asc(nulls_last=True), "id")
    page = paginate(request, timeline)
    speakers = list(speakers)
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
        "statements": page.object_list,
        "time_chart": time_chart(
            about,
            f"Statements about {event.name}",
            sample=common.COUNT_LIMIT if page.paginator.capped else None,
            estimate=page.paginator.estimate,
        ),
        "speakers_chart": speakers_chart(bars, f"Who spoke most about {event.name}"),
    }
    return render(request, "statements/event_detail.html", context)
