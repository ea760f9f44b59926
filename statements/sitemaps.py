"""sitemap.xml: an index of sections (statement permalinks, speakers, events, articles,
the fixed pages), each section in pages of at most ``limit`` addresses.

Only what the public pages show: published statements, and speakers with at
least one of them.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse

from statements.models import Article, Event, Speaker, Statement


class ModelSitemap(Sitemap):
    """A section of rows with an ``updated_at``: its lastmod, and the index's in one query.

    Django's index otherwise finds a section's latest change by calling
    ``lastmod`` on every item: a million rows read for one date.
    """

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class StatementSitemap(ModelSitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self) -> QuerySet:
        return Statement.objects.published().only("id", "updated_at").order_by("id")


class SpeakerSitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Speaker.objects.public().only("slug", "updated_at").order_by("id")


class EventSitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Event.objects.only("slug", "updated_at").order_by("id")


class ArticleSitemap(ModelSitemap):
    changefreq = "yearly"
    limit = 10000

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


SITEMAPS = {
    "pages": PageSitemap,
    "statements": StatementSitemap,
    "speakers": SpeakerSitemap,
    "events": EventSitemap,
    "articles": ArticleSitemap,
}
