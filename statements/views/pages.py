"""The home page and the about page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static

from statements.models import Event, Speaker
from statements.views.common import public_size, public_statements
from statements.views.rows import listed_statements

RECENT = 10


def home(request: HttpRequest) -> HttpResponse:
    """Recent statements and a search box: the way in for a first-time visitor."""
    newest = public_statements().order_by("-created_at", "-id").values_list("pk", flat=True)
    statement_count, estimated = public_size()
    context = {
        "recent": listed_statements(list(newest[:RECENT])),
        "statement_count": statement_count,
        "statement_count_estimated": estimated,
        "speaker_count": Speaker.objects.count(),
        "event_count": Event.objects.count(),
    }
    return render(request, "statements/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/about.html")


ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /statements/export.csv
Disallow: /statements/export.json
Disallow: /statements/*/cite.bib
Disallow: /statements/*/cite.ris
Sitemap: {sitemap}
"""


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers welcome on the pages; downloads and the admin are not for indexing."""
    sitemap = request.build_absolute_uri("/sitemap.xml")
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return redirect(static("favicon.svg"), permanent=True)
