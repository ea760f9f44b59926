"""The home page and the about page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from statements.models import Event, Speaker
from statements.views.common import public_statements

RECENT = 10


def home(request: HttpRequest) -> HttpResponse:
    """Recent statements and a search box: the way in for a first-time visitor."""
    recent = public_statements().for_listing().order_by("-created_at", "-id")[:RECENT]
    context = {
        "recent": recent,
        "statement_count": public_statements().count(),
        "speaker_count": Speaker.objects.count(),
        "event_count": Event.objects.count(),
    }
    return render(request, "statements/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/about.html")
