"""Linking statements and articles to events by the events' keywords and dates.

Keyword links are machine-made and recomputed each time; links an editor or an
import batch made are never removed here. A statement concerns an event when
one of the event's keywords occurs in the statement, in its paragraph or in
the article's title, and the statement's date (said, else published) lies
within the event's dates. Undated statements are left for editors to link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from simple_history.utils import bulk_create_with_history

from statements.models import Article, Event, EventLink, Statement, StatementEvent


@dataclass
class LinkResult:
    statements_linked: int = 0
    statements_unlinked: int = 0
    articles_linked: int = 0

    def __str__(self) -> str:
        return (
            f"{self.statements_linked} statement links added, "
            f"{self.statements_unlinked} removed, {self.articles_linked} article links added"
        )


@dataclass(frozen=True)
class _Matcher:
    event_id: int
    pattern: re.Pattern
    start: date | None
    end: date | None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def matches(self, *texts: str) -> bool:
        return any(self.pattern.search(t) for t in texts if t)


def _matchers(events: Iterable[Event]) -> list[_Matcher]:
    found = []
    for event in events:
        words = [w.strip() for w in (event.keywords or []) if w and w.strip()]
        if not words:
            continue
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        found.append(_Matcher(event.pk, pattern, event.start_on, event.end_on))
    return found


def _article_matches(article: Article, matchers: list[_Matcher]) -> set[int]:
    return {
        m.event_id
        for m in matchers
        if m.covers(article.published_on) and m.matches(article.title, article.body)
    }


def _statement_matches(st: Statement, matchers: list[_Matcher]) -> set[int]:
    paragraph, _ = st.context_paragraph()
    day = st.said_on or st.article.published_on
    return {
        m.event_id
        for m in matchers
        if m.covers(day) and m.matches(st.text, paragraph, st.article.title)
    }


def link_article(article: Article, events: Iterable[Event] | None = None) -> LinkResult:
    """Link one freshly imported article and its statements (used by the importer)."""
    events = list(Event.objects.all() if events is None else events)
    return _link(
        Article.objects.filter(pk=article.pk),
        Statement.objects.filter(article=article),
        events,
    )


def link_events(events: Iterable[Event] | QuerySet | None = None) -> LinkResult:
    """Recompute keyword links for ``events`` (all events by default) over the whole archive."""
    events = list(Event.objects.all() if events is None else events)
    return _link(Article.objects.all(), Statement.objects.all(), events)


@transaction.atomic
def _link(articles: QuerySet, statements: QuerySet, events: list[Event]) -> LinkResult:
    result = LinkResult()
    matchers = _matchers(events)
    event_ids = [e.pk for e in events]

    # Existing links read once, not once per article or statement.
    through = Article.events.through
    linked = set(
        through.objects.filter(article__in=articles, event_id__in=event_ids).values_list(
            "article_id", "event_id"
        )
    )
    new_links = [
        through(article_id=article.pk, event_id=e)
        for article in articles.only("id", "title", "body", "published_on").iterator(chunk_size=500)
        for e in _article_matches(article, matchers)
        if (article.pk, e) not in linked
    ]
    through.objects.bulk_create(new_links, ignore_conflicts=True, batch_size=1000)
    result.articles_linked = len(new_links)

    existing: dict[int, dict[int, str]] = {}
    for sid, eid, how in StatementEvent.objects.filter(
        statement__in=statements, event_id__in=event_ids
    ).values_list("statement_id", "event_id", "linked_by"):
        existing.setdefault(sid, {})[eid] = how

    to_create: list[StatementEvent] = []
    stale: list[tuple[int, int]] = []
    for st in statements.select_related("article").iterator(chunk_size=500):
        wanted = _statement_matches(st, matchers)
        have = existing.get(st.pk, {})
        to_create += [
            StatementEvent(statement_id=st.pk, event_id=e, linked_by=EventLink.KEYWORD)
            for e in wanted - have.keys()
        ]
        stale += [
            (st.pk, e) for e, how in have.items() if how == EventLink.KEYWORD and e not in wanted
        ]
    # With history, like every other change: editors see when a link appeared.
    bulk_create_with_history(
        to_create, StatementEvent, batch_size=1000, default_change_reason="keyword link"
    )
    result.statements_linked = len(to_create)
    by_event: dict[int, list[int]] = {}
    for sid, eid in stale:
        by_event.setdefault(eid, []).append(sid)
    for eid, sids in by_event.items():  # one DELETE per event; history still records each row
        StatementEvent.objects.filter(
            event_id=eid, statement_id__in=sids, linked_by=EventLink.KEYWORD
        ).delete()
    result.statements_unlinked = len(stale)
    return result
