"""sitemap.xml: statement permalinks, speakers, events, articles and the fixed pages.

Only what the public pages show: published statements, and speakers with at
least one of them.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from statements.models import Article, Event, Speaker, Statement


class StatementSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self) -> QuerySet:
        return Statement.objects.published().only("id", "updated_at").order_by("id")

    def lastmod(self, item: Statement):
        return item.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return (
            Speaker.objects.public()
            .only("slug", "updated_at")
            .order_by("id")
        )

    def lastmod(self, item: Speaker):
        return item.updated_at


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Event.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, item: Event):
        return item.updated_at


class ArticleSitemap(Sitemap):
    changefreq = "yearly"
    limit = 10000

    def items(self) -> QuerySet:
        return Article.objects.only("id", "updated_at").order_by("id")

    def lastmod(self, item: Article):
        return item.updated_at


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
