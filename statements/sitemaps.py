"""sitemap.xml: an index of sections (statement permalinks, speakers, events, articles,
the fixed pages), each section in pages of at most ``limit`` addresses.

Only what the public pages show: published statements, and speakers with at
least one of them.

At a million statements Django's own sitemap views took 0.4 s for the index
(counting each section and finding its newest change by reading every row) and
1.6 s for a deep page of statements (reading and throwing away the rows before
it, building a model instance and a template context per address). Here a page
is a range of ids read from the primary key, its addresses are written as text,
and a section's newest change is the date of its newest history row (an index).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from functools import cached_property
from typing import NamedTuple

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger
from django.db.models import Max, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import http_date

from statements.models import Article, Event, Speaker, Statement
from statements.paths import path_pattern


class Entries(NamedTuple):
    """A sitemap page: each address with the day it last changed, and the latest change."""

    days: list[tuple[str, date | None]]
    latest: datetime | None


class IdRange:
    """One page of :class:`IdRangePaginator`: the rows whose ids fall in its range."""

    def __init__(self, object_list: QuerySet, number: int) -> None:
        self.object_list = object_list
        self.number = number


class IdRangePaginator:
    """Pages of ids 1 to ``per_page``, the next ``per_page``, and so on.

    A page is an index range scan wherever it is; a page may list fewer than
    ``per_page`` addresses (the ids of rejected or deleted rows), never more,
    and an address keeps its page as rows are added.
    """

    def __init__(self, object_list: QuerySet, per_page: int) -> None:
        self.object_list = object_list
        self.per_page = per_page

    @cached_property
    def num_pages(self) -> int:
        top = self.object_list.aggregate(top=Max("pk"))["top"] or 0
        return max(1, math.ceil(top / self.per_page))

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1 or number > self.num_pages:
            raise EmptyPage("That page contains no results")
        return number

    def page(self, number) -> IdRange:
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gt=first, pk__lte=first + self.per_page)
        return IdRange(rows, number)


class ModelSitemap(Sitemap):
    """A section of rows with an ``updated_at``, written from two columns of each row."""

    viewname: str  # the page of one row, its URL taking ``key``
    key = "pk"  # the column the address is made of: "pk" or "slug"

    def lastmod(self, item):
        return item.updated_at

    def location(self, item) -> str:
        return path_pattern(self.viewname, self.key).format(getattr(item, self.key))

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]

    def entries(self, page) -> Entries:
        """The page's addresses and the day of each one's last change (in the site's zone)."""
        rows = list(self.paginator.page(page).object_list.values_list(self.key, "updated_at"))
        zone = timezone.get_current_timezone()
        pattern = path_pattern(self.viewname, self.key)  # not reversed for each row
        days = [(pattern.format(key), changed.astimezone(zone).date()) for key, changed in rows]
        return Entries(days, max((changed for _, changed in rows), default=None))


class LargeModelSitemap(ModelSitemap):
    """A section of up to millions of rows: paged by id, its newest change from its history."""

    limit = 10000

    @property
    def paginator(self) -> IdRangePaginator:
        return IdRangePaginator(self.items(), self.limit)

    def get_latest_lastmod(self):
        # Every save, import, rejection and deletion writes a history row; the
        # rows' own updated_at has no index, and a deletion leaves none.
        history = self.items().model.history
        return history.aggregate(latest=Max("history_date"))["latest"]

    def entries(self, page) -> Entries:
        rows = self.paginator.page(page).object_list
        days = rows.values_list("pk", TruncDate("updated_at"))
        latest = rows.order_by().aggregate(latest=Max("updated_at"))["latest"]
        pattern = path_pattern(self.viewname)  # not reversed 10,000 times
        return Entries([(pattern.format(pk), day) for pk, day in days], latest)


class StatementSitemap(LargeModelSitemap):
    changefreq = "monthly"
    viewname = "statements:statement-detail"

    def items(self) -> QuerySet:
        return Statement.objects.published().only("id", "updated_at").order_by("id")


class SpeakerSitemap(ModelSitemap):
    changefreq = "weekly"
    viewname = "statements:speaker-detail"
    key = "slug"

    def items(self) -> QuerySet:
        return Speaker.objects.public().only("slug", "updated_at").order_by("id")


class EventSitemap(ModelSitemap):
    changefreq = "weekly"
    viewname = "statements:event-detail"
    key = "slug"

    def items(self) -> QuerySet:
        return Event.objects.only("slug", "updated_at").order_by("id")


class ArticleSitemap(LargeModelSitemap):
    changefreq = "yearly"
    viewname = "statements:article-detail"

    def items(self) -> QuerySet:
        return Article.objects.only("id", "updated_at").order_by("id")


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "statements:home",
            "statements:statement-list",
            "statements:speaker-list",
            "statements:event-list",
            "statements:about",
        ]

    def location(self, item: str) -> str:
        return reverse(item)

    def entries(self, page) -> Entries:
        items = self.paginator.page(page).object_list
        return Entries([(self.location(item), None) for item in items], None)


SITEMAPS = {
    "pages": PageSitemap,
    "statements": StatementSitemap,
    "speakers": SpeakerSitemap,
    "events": EventSitemap,
    "articles": ArticleSitemap,
}

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def urlset(base: str, entries: Sequence[tuple[str, date | None]], changefreq: str) -> str:
    """The sitemap XML of ``entries`` (path, day of last change), as Django's template writes it."""
    freq = f"<changefreq>{changefreq}</changefreq>" if changefreq else ""
    base = escape(base)
    parts = [URLSET]
    for path, day in entries:
        lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
        parts.append(f"<url><loc>{base}{escape(path)}</loc>{lastmod}{freq}</url>")
    parts.append("\n</urlset>\n")
    return "".join(parts)


@x_robots_tag
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One page (``?p=``) of one section, with the newest of its changes as Last-Modified."""
    if section not in SITEMAPS:
        raise Http404(f"No sitemap section {section!r}")
    site = SITEMAPS[section]()
    try:
        entries = site.entries(request.GET.get("p", 1))
    except InvalidPage as page_error:
        raise Http404(str(page_error)) from None
    base = f"{request.scheme}://{get_current_site(request).domain}"
    xml = urlset(base, entries.days, site.changefreq)
    response = HttpResponse(xml, content_type="application/xml")
    if entries.latest:
        response.headers["Last-Modified"] = http_date(entries.latest.timestamp())
    return response
