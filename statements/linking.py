"""Linking statements and articles to events by the events' keywords and dates.

Keyword links are machine-made and recomputed each time; links an editor or an
import batch made are never removed here. A statement concerns an event when
one of the event's keywords occurs in the statement, in its paragraph or in
the article's title, and the statement's date (said, else published) lies
within the event's dates. Undated statements are left for editors to link.

Time and memory stay linear in the size of what is linked: the keywords of all
events are compiled once per run into one pattern (``EventMatchers``), every
paragraph is searched once however many statements it holds, and an article's
body is read once, not once per statement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from statements.models import Article, Event, EventLink, Statement, StatementEvent

_CHUNK = 200  # articles linked per round trip when re-linking the whole archive


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


class EventMatchers:
    """Every event's keywords and dates, compiled once for a whole run.

    One pattern holds all keywords (as a trie, see ``_trie_pattern``); it is
    tried at every word start (a zero-width lookahead), so overlapping keywords
    of different events are all found. At one position the longest keyword
    wins, so each keyword also stands for the shorter keywords it begins with.
    """

    def __init__(self, events: Iterable[Event]):
        events = list(events)
        self.event_ids: list[int] = [e.pk for e in events]
        self._dates: dict[int, tuple[date | None, date | None]] = {}
        by_word: dict[str, set[int]] = {}
        for event in events:
            for word in event.keywords or []:
                word = (word or "").strip()
                if word:
                    by_word.setdefault(word.casefold(), set()).add(event.pk)
                    self._dates[event.pk] = (event.start_on, event.end_on)
        # A keyword found also means every keyword that is a whole-word prefix of it.
        self._events_for: dict[str, set[int]] = {}
        for word, ids in by_word.items():
            found = set(ids)
            for other, other_ids in by_word.items():
                if other != word and word.startswith(other) and not _word_char(word, len(other)):
                    found |= other_ids
            self._events_for[word] = found
        self._pattern: re.Pattern | None = None
        self._known: dict[str, tuple[int, ...]] = {}  # see ``remember``
        # Whether a keyword could span a blank line (else a body's events are its paragraphs').
        self._spans_paragraphs = any("\n" in word for word in by_word)
        if by_word:
            alternatives = _trie_pattern(list(by_word))
            self._pattern = re.compile(rf"(?<!\w)(?=({alternatives})(?!\w))", re.IGNORECASE)

    def __bool__(self) -> bool:
        return self._pattern is not None

    MAX_KNOWN = 8_000  # texts remembered at most (two extraction tasks), so memory stays flat

    def found_in(self, text: str) -> set[int]:
        """Events one of whose keywords occurs in ``text`` (dates not checked)."""
        if self._pattern is None or not text:
            return set()
        known = self._known.get(text)
        if known is not None:
            return set(known)
        found: set[int] = set()
        for word in set(self._pattern.findall(text)):  # a keyword often recurs in a text
            ids = self._events_for.get(word.casefold())
            if ids is None:  # a case mapping casefold() and the pattern disagree on
                ids = self._slow_lookup(word)
            found |= ids
        return found

    def search(self, texts: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """``found_in`` of each text, for ``remember`` in another process.

        The importer's extraction workers search the texts of the articles they
        extracted (``search_article``), so the one writer only looks the answers up.
        """
        if self._pattern is None:
            return {}
        return {text: tuple(self.found_in(text)) for text in texts if text}

    def search_article(
        self, title: str, body: str, statements: Iterable[str]
    ) -> dict[str, tuple[int, ...]]:
        """``search`` of every text linking an article and its statements searches.

        The body's answer is its paragraphs' answers together (a keyword holds no
        blank line, and a paragraph's edges are word boundaries in the body too),
        so the body is not searched a second time: that was half of the search.
        """
        if self._pattern is None:
            return {}
        found: dict[str, tuple[int, ...]] = {}
        in_body: set[int] = set()
        paragraphs = _Paragraphs(body, None)
        for index in range(len(paragraphs.starts)):
            if text := paragraphs.text(index):
                ids = self.found_in(text)
                in_body |= ids
                found[text] = tuple(ids)
        if body:
            found[body] = tuple(self.found_in(body) if self._spans_paragraphs else in_body)
        for text in (title, *statements):
            if text and text not in found:
                found[text] = tuple(self.found_in(text))
        return found

    def remember(self, found: dict[str, tuple[int, ...]]) -> None:
        """Answers ``search`` gave (with the same events), so ``found_in`` needs no regex."""
        if len(self._known) + len(found) > self.MAX_KNOWN:
            self._known.clear()
        self._known.update(found)

    def on(self, ids: set[int], day: date | None) -> set[int]:
        """Those of ``ids`` whose dates cover ``day`` (undated statements: undated events)."""
        return {i for i in ids if _covers(self._dates[i], day)}

    def _slow_lookup(self, text: str) -> set[int]:
        ids: set[int] = set()
        for word, events in self._events_for.items():
            if re.fullmatch(re.escape(word), text, re.IGNORECASE):
                ids |= events
        return ids


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for all ``words``, their common beginnings merged.

    An alternation of every keyword makes the regex engine try each in turn at
    every word start; as a trie it follows one path per letter. Greedy
    optional tails try the longest keyword first and fall back to the shorter
    ones, as the longest-first alternation does. Runs of letters without a
    branch are one literal, so nesting grows with branch points, not length;
    a set of keywords nested too deep for that gets the plain alternation.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            run, child = ch, node[ch]
            while len(child) == 1 and "" not in child:  # no branch: one literal
                ((nxt, child),) = child.items()
                run += nxt
            branches.append(re.escape(run) + pattern(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    try:
        return pattern(trie)
    except RecursionError:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def _covers(dates: tuple[date | None, date | None], day: date | None) -> bool:
    start, end = dates
    if day is None:
        return start is None and end is None
    return (start is None or day >= start) and (end is None or day <= end)


class _Paragraphs:
    """The paragraphs of one body, each searched for keywords at most once."""

    def __init__(self, body: str, matchers: EventMatchers | None):
        self.body = body
        self.matchers = matchers
        self.starts = [0]
        at = body.find("\n\n")
        while at != -1:
            self.starts.append(at + 2)
            at = body.find("\n\n", at + 2)
        self._found: dict[int, set[int]] = {}

    def text(self, index: int) -> str:
        begin = self.starts[index]
        stop = self.starts[index + 1] - 2 if index + 1 < len(self.starts) else len(self.body)
        return self.body[begin:stop]

    def found_around(self, start: int, end: int) -> set[int]:
        """Events named in the paragraphs a span [start, end) touches."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = max(bisect.bisect_right(self.starts, max(end - 1, start)) - 1, first)
        found: set[int] = set()
        for index in range(first, last + 1):
            if index not in self._found:
                self._found[index] = self.matchers.found_in(self.text(index))
            found |= self._found[index]
        return found


def link_article(article: Article, matchers: EventMatchers | None = None) -> LinkResult:
    """Link one freshly stored article and its statements (used by the importer).

    Pass ``matchers`` built once per run; without it every event is loaded.
    """
    return link_articles([article], matchers)


def link_articles(
    articles: Sequence[Article],
    matchers: EventMatchers | None = None,
    new: dict[int, list[Statement]] | None = None,
) -> LinkResult:
    """Link articles already in memory (with their bodies) and their statements.

    ``new`` holds the statements of articles stored just now (by article id):
    they have no links yet, and nothing about them needs to be read.
    """
    if matchers is None:
        matchers = EventMatchers(Event.objects.all())
    result = LinkResult()
    if matchers.event_ids:
        _link_chunk(list(articles), matchers, result, new or {})
    return result


def link_events(events: Iterable[Event] | QuerySet | None = None) -> LinkResult:
    """Recompute keyword links for ``events`` (all events by default) over the whole archive."""
    matchers = EventMatchers(Event.objects.all() if events is None else events)
    return _link_all(matchers)


@transaction.atomic
def _link_all(matchers: EventMatchers) -> LinkResult:
    result = LinkResult()
    if not matchers.event_ids:
        return result
    chunk: list[Article] = []
    articles = Article.objects.only("id", "title", "body", "published_on").order_by("id")
    for article in articles.iterator(chunk_size=_CHUNK):
        chunk.append(article)
        if len(chunk) == _CHUNK:
            _link_chunk(chunk, matchers, result)
            chunk = []
    if chunk:
        _link_chunk(chunk, matchers, result)
    return result


def _link_chunk(
    articles: list[Article],
    matchers: EventMatchers,
    result: LinkResult,
    new: dict[int, list[Statement]] | None = None,
) -> None:
    new = new or {}
    ids = [a.pk for a in articles if a.pk not in new]
    event_ids = matchers.event_ids
    through = Article.events.through
    linked: set[tuple[int, int]] = set()
    existing: dict[int, dict[int, str]] = {}
    statements: dict[int, list[Statement]] = dict(new)
    if ids:
        linked = set(
            through.objects.filter(article_id__in=ids, event_id__in=event_ids).values_list(
                "article_id", "event_id"
            )
        )
        for sid, eid, how in StatementEvent.objects.filter(
            statement__article_id__in=ids, event_id__in=event_ids
        ).values_list("statement_id", "event_id", "linked_by"):
            existing.setdefault(sid, {})[eid] = how
        for st in (
            Statement.objects.filter(article_id__in=ids)
            .only("id", "article_id", "text", "start", "end", "said_on")
            .order_by("id")
        ):
            statements.setdefault(st.article_id, []).append(st)

    new_links = []
    to_create: list[StatementEvent] = []
    stale: list[tuple[int, int]] = []
    for article in articles:
        in_title = matchers.found_in(article.title)
        new_links += [
            through(article_id=article.pk, event_id=e)
            for e in matchers.on(in_title | matchers.found_in(article.body), article.published_on)
            if (article.pk, e) not in linked
        ]
        paragraphs = _Paragraphs(article.body, matchers)
        for st in statements.get(article.pk, ()):
            found = in_title | paragraphs.found_around(st.start, st.end)
            found |= matchers.found_in(st.text)
            wanted = matchers.on(found, st.said_on or article.published_on)
            have = existing.get(st.pk, {})
            to_create += [
                StatementEvent(statement_id=st.pk, event_id=e, linked_by=EventLink.KEYWORD)
                for e in wanted - have.keys()
            ]
            stale += [
                (st.pk, e)
                for e, how in have.items()
                if how == EventLink.KEYWORD and e not in wanted
            ]
    through.objects.bulk_create(new_links, ignore_conflicts=True, batch_size=1000)
    result.articles_linked += len(new_links)
    # With history, like every other change: editors see when a link appeared.
    from statements.importing.rows import insert_with_history  # (the importer imports this module)

    insert_with_history(StatementEvent, to_create, reason="keyword link")
    result.statements_linked += len(to_create)
    by_event: dict[int, list[int]] = {}
    for sid, eid in stale:
        by_event.setdefault(eid, []).append(sid)
    for eid, sids in by_event.items():  # one DELETE per event; history still records each row
        StatementEvent.objects.filter(
            event_id=eid, statement_id__in=sids, linked_by=EventLink.KEYWORD
        ).delete()
    result.statements_unlinked += len(stale)
