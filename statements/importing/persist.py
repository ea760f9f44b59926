"""Store one extracted article, idempotently, without undoing editors' work.

What the machine extracted and what editors decided live in separate fields:
a re-import refreshes the first (text, spans, kind, cue, evidence, speaker of
statements no editor touched) and never writes the second (review status,
tags, notes, editor corrections). A statement is recognised across imports by
its folded text within the article (``extraction_key``).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Q, QuerySet

from statements.extraction.document import ExtractedArticle, Person
from statements.extraction.document import Statement as Extracted
from statements.extraction.names import fold, name_key
from statements.importing.report import (
    CREATED,
    KEPT,
    REMOVED,
    UNCHANGED,
    UPDATED,
    FileResult,
    StatementChange,
)
from statements.importing.rows import insert_with_history
from statements.linking import EventMatchers, link_article, link_articles
from statements.models import (
    Article,
    Event,
    EventLink,
    ReviewStatus,
    Speaker,
    SpeakerRole,
    Statement,
    StatementEvent,
)
from statements.models.article import UrlPrefix
from statements.utterances import GROUPING_FIELDS, assign_utterances, group_statements

MACHINE_FIELDS = (
    "speaker",
    "reported_by",
    "text",
    "start",
    "end",
    "spans",
    "kind",
    "said_on",
    "cue",
    "evidence",
    "confidence",
)


def extraction_key(text: str) -> str:
    return hashlib.sha1(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


class RunCache:
    """Names and roles an import run has already resolved, so later articles skip the queries.

    Exact, not a guess: the importer only ever adds aliases and roles, so a name
    that led to a speaker through its alias keeps leading there for the rest of
    the run. (A name resolved by surname alone is not kept: the next article
    may introduce a second person of that name.) If an article fails, or an
    editor's merge deletes a cached speaker, ``clear()`` and the retry reads afresh.
    """

    MAX_ROLES = 50_000  # roles grow with the corpus; names with the speakers only

    def __init__(self) -> None:
        self.speakers: dict[str, Speaker] = {}
        self.roles: set[tuple[int, str, object]] = set()

    def clear(self) -> None:
        self.speakers.clear()
        self.roles.clear()


class _Speakers:
    """Resolves names to speakers once per article, creating the new ones."""

    def __init__(self, people: tuple[Person, ...], result: FileResult, run: RunCache | None = None):
        self.people = {name_key(p.name): p for p in people}
        self.result = result
        self.run = run or RunCache()
        self.cache: dict[str, Speaker] = {}

    def get(self, name: str) -> Speaker:
        key = name_key(name)
        if key in self.cache:
            return self.cache[key]
        if key in self.run.speakers:
            self.cache[key] = self.run.speakers[key]
            return self.cache[key]
        speaker = Speaker.objects.by_name(name)
        by_alias = speaker is not None
        speaker = speaker or Speaker.objects.by_surname(name)
        if speaker is None and (earlier := Speaker.objects.known_only_by(name)):
            # Stored from an article that gave only the surname: now we know the full name.
            earlier.name = name.strip()
            earlier.save()
            speaker, by_alias = earlier, True
        if speaker is None:
            person = self.people.get(key)
            speaker = Speaker.objects.create(
                name=name.strip(), country=(person.country or "") if person else ""
            )
            self.result.speakers_created += 1
            by_alias = True
        elif " " in key:
            speaker.add_alias(name)
        self.cache[key] = speaker
        if by_alias:  # the name's own alias now leads to this speaker for good
            self.run.speakers[key] = speaker
        return speaker

    def record_roles(self, article: Article) -> None:
        """The titles this article gave its speakers, dated by it: one SELECT and one INSERT."""
        store_roles(
            {seen: (speaker, article) for seen, speaker in self.roles(article).items()}, self.run
        )

    def roles(self, article: Article) -> dict[tuple[int, str, object], Speaker]:
        """(speaker, title, date) of each title this article gave a speaker, not yet stored."""
        wanted: dict[tuple[int, str, object], Speaker] = {}
        for key, speaker in self.cache.items():
            person = self.people.get(key)
            if person and person.role:
                seen = (speaker.pk, person.role[:300], article.published_on)
                if seen not in self.run.roles:
                    wanted[seen] = speaker
        return wanted


def store_roles(
    wanted: dict[tuple[int, str, object], tuple[Speaker, Article]], run: RunCache
) -> None:
    """Roles not stored yet, each with the article that reported it: one SELECT, one INSERT."""
    if not wanted:
        return
    dates = {on for _, _, on in wanted}
    dated = Q(reported_on__in=dates - {None})
    if None in dates:
        dated |= Q(reported_on__isnull=True)
    stored = set(
        SpeakerRole.objects.filter(
            dated,
            speaker_id__in={pk for pk, _, _ in wanted},
            title__in={title for _, title, _ in wanted},
        ).values_list("speaker_id", "title", "reported_on")
    )
    new = [
        SpeakerRole(speaker=speaker, title=title, reported_on=on, article=article)
        for (pk, title, on), (speaker, article) in wanted.items()
        if (pk, title, on) not in stored
    ]
    insert_with_history(SpeakerRole, new)
    if len(run.roles) > RunCache.MAX_ROLES:  # only spares a query: memory stays flat
        run.roles.clear()
    run.roles.update(wanted)


def web_url(value: str | None) -> str:
    """Only http(s) addresses become links on the pages ("javascript:" never does)."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def canonical_url(value: str | None) -> str:
    """The article's own web address, or "" when it has none that can name it.

    A site's front page ("https://courier.example/") is what some scrapers put
    in every record: it names no article, and matching on it would make every
    record overwrite the last.
    """
    url = web_url(value)
    parts = urlsplit(url)
    return url if url and (parts.path.strip("/") or parts.query) else ""


def source_path(path: str) -> str:
    """The absolute path an article's file was read from, as stored on the article."""
    return os.path.abspath(path)[:1000] if path else ""


def find_existing(extracted: ExtractedArticle, path: str) -> tuple[Article | None, bool]:
    """The stored article this one is, and whether it is unchanged.

    An article is the same as a stored one when their content is identical;
    otherwise a stored article with the same canonical URL, or (without a URL)
    from the same file path with the same headline, is an earlier version of
    it. A base name alone never matches (two folders may hold two different
    ``article.txt``), and a JSON Lines record is never matched by its line
    number: without a URL, its content is its identity.
    """
    art = extracted.article
    same = Article.objects.filter(fingerprint=art.fingerprint).order_by("id").first()
    if same:
        return same, True
    url = canonical_url(art.url)[:1000]
    if url:
        return next((a for a in same_url_prefix(url) if a.url == url), None), False
    if art.format == "jsonl" or not path:
        return None, False
    title = art.title[:500]
    earlier = Article.objects.filter(source_path=source_path(path), title=title, url="")
    found = earlier.order_by("id").first()
    if found is None:
        # Stored before full paths were kept: the base name and the headline together.
        legacy = Article.objects.filter(
            source_path="", source_file=art.source_file, title=title, url=""
        )
        found = legacy.order_by("id").first()
    return found, False


def same_url_prefix(url: str) -> QuerySet[Article]:
    """Articles whose URL starts as ``url`` does, through the prefix index, oldest first.

    Without the index every import would scan all articles (quadratic over a
    large corpus). The caller compares the full URL: given both conditions,
    SQLite would not use the index.
    """
    by_url = Article.objects.annotate(url_prefix=UrlPrefix("url"))
    return by_url.filter(url_prefix=url[:500]).order_by("id")


def _relocate(st: Statement, body: str) -> None:
    """Point a kept statement's span at its text in a changed body, if it is still there."""
    if body[st.start : st.end] == st.text:
        return
    found = body.find(st.text)
    if found >= 0:
        st.start, st.end = found, found + len(st.text)
        st.spans = [[st.start, st.end]]
        st.save(update_fields=["start", "end", "spans"])


@transaction.atomic
def save_article(
    extracted: ExtractedArticle,
    *,
    path: str = "",
    batch_event: Event | None = None,
    matchers: EventMatchers | None = None,
    details: bool = False,
    run: RunCache | None = None,
    link_later: list[Article] | None = None,
) -> FileResult:
    """Store one extracted article read from ``path``, in its own transaction.

    ``matchers`` are the events' keywords compiled once per run (see
    ``statements.linking``); without them every event is loaded for this article.
    With ``details`` the result lists every statement created, updated, removed
    or kept (what a dry run shows). ``run`` carries what earlier articles of the
    run resolved; with ``link_later`` the article is appended there for the
    caller to group into utterances and link to events with its batch
    (``group_stored``, ``link_batch``), instead of doing both now.
    """
    art = extracted.article
    result = FileResult(source_file=art.source_file, path=path, title=art.title)
    article, unchanged = find_existing(extracted, path)
    fields = article_fields(extracted, path)
    if unchanged:
        result.status = UNCHANGED
    elif article is None:
        article = Article.objects.create(**fields)
        result.status = CREATED
    else:
        for name, value in fields.items():
            setattr(article, name, value)
        article.save()
        result.status = UPDATED
    result.article_id = article.pk

    if not unchanged:
        _sync_statements(article, extracted, result, details, run)
        if link_later is None:
            assign_utterances(article.statements.values_list("pk", flat=True))
            link_article(article, matchers)
        else:
            link_later.append(article)
    if batch_event is not None:
        article.events.add(batch_event)
        for st in article.statements.all():
            StatementEvent.objects.get_or_create(
                statement=st, event=batch_event, defaults={"linked_by": EventLink.BATCH}
            )
    return result


def article_fields(extracted: ExtractedArticle, path: str) -> dict:
    """The article's columns as the importer writes them (what an update overwrites)."""
    art = extracted.article
    return {
        "title": art.title[:500],
        "outlet": (art.outlet or "")[:200],
        "url": web_url(art.url)[:1000],
        "published_on": art.published_on,
        "language": art.language or "",
        "body": art.body,
        "raw_text": art.raw_text,
        "source_file": art.source_file,
        "source_path": source_path(path),
        "source_format": art.format,
        "source_links": [u for u in map(web_url, art.source_links) if u],
        "fingerprint": art.fingerprint,
    }


def group_stored(articles: list[Article]) -> None:
    """Group stored articles' statements into utterances, reading them: one batch's run of
    articles that were not new (updated, or stored twice), in their order.

    What ``save_article`` does per article, once for the run; an article listed
    twice is grouped once, as it now is.
    """
    articles = list({a.pk: a for a in articles}.values())
    if not articles:
        return
    groups: dict[int, list[Statement]] = {a.pk: [] for a in articles}
    rows = Statement.objects.filter(article__in=list(groups)).only(*GROUPING_FIELDS, "article_id")
    for st in rows.order_by("id"):
        groups[st.article_id].append(st)
    group_statements(groups.values())


def link_batch(
    articles: list[Article],
    matchers: EventMatchers,
    new: dict[int, list[Statement]] | None = None,
) -> None:
    """Link a batch's stored articles and their statements to events, once for the batch.

    ``new`` has the statements of the articles just created (by article id),
    in id order, already in memory; the other articles' are read. An article
    stored anew and then updated in the same batch is read like the others,
    and linked once, as it now is.
    """
    twice = {pk for pk, n in Counter(a.pk for a in articles).items() if n > 1}
    new = {pk: rows for pk, rows in (new or {}).items() if pk not in twice}
    link_articles(list({a.pk: a for a in articles}.values()), matchers, new)


def _machine_values(item: Extracted, speakers: _Speakers, article: Article) -> dict:
    return {
        "dated_on": item.said_on or article.published_on,
        "speaker": speakers.get(item.speaker),
        "reported_by": speakers.get(item.reported_by) if item.reported_by else None,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "spans": [list(s) for s in item.spans],
        "kind": item.kind,
        "said_on": item.said_on,
        "cue": item.cue[:100],
        "evidence": item.evidence[:500],
        "confidence": min(max(item.confidence, 0.0), 1.0),
    }


def extracted_values(
    extracted: ExtractedArticle, speakers: _Speakers, article: Article
) -> dict[str, dict]:
    """Each extracted statement's machine values by its key; a repeated quote counts once."""
    wanted: dict[str, dict] = {}
    for item in extracted.statements:
        key = extraction_key(item.text)
        if key not in wanted:
            wanted[key] = _machine_values(item, speakers, article)
    return wanted


def _is_annotated(st: Statement) -> bool:
    return (
        st.edited_by_editor
        or st.review_status != ReviewStatus.UNREVIEWED
        or bool(st.editor_note)
        or st.tags.exists()
        or st.events.filter(statementevent__linked_by=EventLink.EDITOR).exists()
    )


def _sync_statements(
    article: Article,
    extracted: ExtractedArticle,
    result: FileResult,
    details: bool = False,
    run: RunCache | None = None,
) -> None:
    speakers = _Speakers(extracted.people, result, run)

    def note(change: str, st: Statement) -> None:
        if details:
            result.statements.append(StatementChange(change, st.speaker.name, st.kind, st.text))

    # A new article has no stored statements: no need to ask.
    fresh = result.status == CREATED
    stored = {} if fresh else {st.extraction_key: st for st in article.statements.all()}
    wanted = extracted_values(extracted, speakers, article)
    new: list[Statement] = []
    for key, values in wanted.items():
        st = stored.get(key)
        if st is None:
            new.append(Statement(article=article, extraction_key=key, **values))
            note(CREATED, new[-1])
        elif st.edited_by_editor:
            _relocate(st, article.body)
            result.statements_kept += 1
            note(KEPT, st)
        elif any(getattr(st, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(st, f, v)
            st.save()
            result.statements_updated += 1
            note(UPDATED, st)
    # One INSERT for the article's new statements (and one for their history).
    insert_with_history(Statement, new, reason="import")
    result.statements_created += len(new)
    for key, st in stored.items():
        if key in wanted:
            continue
        if _is_annotated(st):
            _relocate(st, article.body)
            result.statements_kept += 1
            note(KEPT, st)
        else:
            note(REMOVED, st)
            st.delete()
            result.statements_removed += 1
    speakers.record_roles(article)
