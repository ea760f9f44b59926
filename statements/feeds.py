"""Atom feeds: any statements search, one speaker, one event (with its sub-events).

Entry summaries are HTML to feed readers, so the imported text is escaped here
(format_html); titles are plain text in Atom and need no escaping.
"""

from __future__ import annotations

import re

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.text import Truncator

from statements.filters import StatementFilter
from statements.models import (
    Event,
    ReviewStatus,
    Speaker,
    SpeakerRedirect,
    Statement,
    StatementEvent,
)
from statements.models.statement import LISTING_DEFERRED

FEED_SIZE = 50
# XML 1.0 forbids these characters; a query string or an imported text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry, so a feed always renders."""
    return _NOT_XML.sub("", text)


def status_note(st: Statement) -> str:
    """The public label of a statement's review state, as the pages show it."""
    if st.review_status == ReviewStatus.VERIFIED:
        return "Verified by an editor."
    note = (
        "Disputed."
        if st.review_status == ReviewStatus.DISPUTED
        else "Machine-extracted, not yet reviewed."
    )
    if st.is_low_confidence:
        note += " Low-confidence attribution."
    return note


class StatementFeedBase(Feed):
    feed_type = Atom1Feed

    def latest(self, qs: QuerySet) -> QuerySet:
        return (
            qs.select_related("speaker", "article")
            .defer(*LISTING_DEFERRED)
            .order_by("-created_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Statement) -> str:
        return xml_safe(f"{item.speaker.name}: \u201c{Truncator(item.text).chars(100)}\u201d")

    def item_description(self, item: Statement) -> str:
        article = item.article
        return xml_safe(
            format_html(
                "<p>\u201c{}\u201d</p><p>{}, {}. Quoted in {}{}. {}</p>",
                item.text,
                item.speaker.name,
                item.said_on.isoformat() if item.said_on else "date not stated",
                article.title,
                f", {article.outlet}" if article.outlet else "",
                status_note(item),
            )
        )

    def item_link(self, item: Statement) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Statement) -> str:
        return item.speaker.name

    def item_pubdate(self, item: Statement):
        return item.created_at

    def item_updateddate(self, item: Statement):
        return item.updated_at


class StatementsFeed(StatementFeedBase):
    """The statements list as a feed: takes the same query parameters, so a search has one."""

    def get_object(self, request: HttpRequest, *args, **kwargs) -> StatementFilter:
        return StatementFilter(request.GET, queryset=Statement.objects.published())

    def title(self, obj: StatementFilter) -> str:
        chips = obj.chips()
        if not chips:
            return "Statement archive: latest statements"
        return xml_safe("Statement archive: " + "; ".join(f"{c.label}: {c.value}" for c in chips))

    def link(self, obj: StatementFilter) -> str:
        query = obj.query_string(without=("page",))
        return reverse("statements:statement-list") + (f"?{query}" if query else "")

    def subtitle(self, obj: StatementFilter) -> str:
        return "Statements newly added to the archive that match these filters."

    def items(self, obj: StatementFilter) -> QuerySet:
        return self.latest(obj.qs)


class SpeakerFeed(StatementFeedBase):
    def get_object(self, request: HttpRequest, slug: str) -> Speaker:
        # A merged-away or renamed speaker's feed keeps working: subscribers cannot follow
        # a page redirect, so the old address serves the feed of the speaker it became.
        speaker = Speaker.objects.filter(slug=slug).first()
        if speaker is None:
            speaker = get_object_or_404(
                SpeakerRedirect.objects.select_related("speaker"), old_slug=slug
            ).speaker
        return speaker

    def title(self, obj: Speaker) -> str:
        return f"Statement archive: {obj.name}"

    def link(self, obj: Speaker) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Speaker) -> str:
        return f"Statements by {obj.name}, newest additions first."

    def items(self, obj: Speaker) -> QuerySet:
        return self.latest(Statement.objects.published().by_speaker(obj))


class EventFeed(StatementFeedBase):
    def get_object(self, request: HttpRequest, slug: str) -> Event:
        return get_object_or_404(Event, slug=slug)

    def title(self, obj: Event) -> str:
        return f"Statement archive: {obj.name}"

    def link(self, obj: Event) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: Event) -> str:
        return f"Statements about {obj.name} and its sub-events, newest additions first."

    def items(self, obj: Event) -> QuerySet:
        ids = Event.objects.filter(pk=obj.pk).with_descendants()
        linked = StatementEvent.objects.filter(event_id__in=ids).values("statement_id")
        return self.latest(Statement.objects.published().filter(id__in=linked))
