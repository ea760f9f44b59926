"""One statement as a list row, built in plain Python.

Lists show 50 rows a page; through the template engine (an include, an
inclusion tag, a dozen lookups and half a dozen ``reverse()`` calls per row)
that cost more than every query of the page. The HTML is the same the row
template used to produce; every value goes through ``html.escape``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import quote as _quote

from django.urls import get_script_prefix, reverse
from django.utils.dateformat import format as format_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from statements.extraction.document import LOW_CONFIDENCE
from statements.models import ReviewStatus, Statement, StatementEvent, StatementKind
from statements.models.statement import statement_permalink

_SLUG = "--slug--"


@functools.lru_cache(maxsize=32)
def _slug_pattern(name: str, script_prefix: str) -> str:
    """The URL of ``name`` with ``{}`` for the slug, reversed once per prefix."""
    url = reverse(name, kwargs={"slug": _SLUG})
    return url.replace("{", "{{").replace("}", "}}").replace(_SLUG, "{}")


@functools.lru_cache(maxsize=8)
def _article_pattern(script_prefix: str) -> str:
    url = reverse("statements:article-detail", kwargs={"pk": 987654321})
    return url.replace("{", "{{").replace("}", "}}").replace("987654321", "{}")


@functools.lru_cache(maxsize=8)
def _tag_list_url(script_prefix: str) -> str:
    return reverse("statements:statement-list")


def slug_url(name: str, slug: str) -> str:
    """``reverse(name, kwargs={"slug": slug})`` at the cost of a string format."""
    return _slug_pattern(name, get_script_prefix()).format(_quote(slug, safe="!$&'()*+,;=/~:@"))


_BADGES = {
    "verified": '<span class="badge badge-verified">Verified</span>',
    "unreviewed": '<span class="badge badge-unreviewed" title="Found by the extraction program;'
    ' no editor has checked it yet.">Machine-extracted, unreviewed</span>',
    "disputed": '<span class="badge badge-disputed" title="An editor has doubts about this quote'
    ' or its attribution.">Disputed</span>',
    "low": '<span class="badge badge-low" title="The program was unsure who said this.">'
    "Low-confidence attribution</span>",
}


def status_badges(statement: Statement) -> SafeString:
    """The labels every page puts beside a statement: unreviewed, disputed, low confidence."""
    status = statement.review_status
    parts = []
    if status == ReviewStatus.VERIFIED:
        parts.append(_BADGES["verified"])
    elif status == ReviewStatus.UNREVIEWED:
        parts.append(_BADGES["unreviewed"])
    elif status == ReviewStatus.DISPUTED:
        parts.append(_BADGES["disputed"])
    if statement.is_low_confidence and status != ReviewStatus.VERIFIED:
        parts.append(_BADGES["low"])
    return mark_safe(f'<span class="badges">{"".join(parts)}</span>')  # noqa: S308


def _time(d: date, fmt: str = "j F Y") -> str:
    return _formatted_time(d, fmt, get_language())


@functools.lru_cache(maxsize=8192)
def _formatted_time(d: date, fmt: str, language: str | None) -> str:
    """Django's date format costs half a row; a page's days repeat across pages."""
    return f'<time datetime="{d.isoformat()}">{format_date(d, fmt)}</time>'


def event_dates(event) -> SafeString:
    """An event's span: "3 Mar 2025 – 5 Mar 2025", "… – ongoing", "until …" or "dates not set"
    (the event index writes 200 of them; a template include each cost 0.3 ms)."""
    start, end = event.start_on, event.end_on
    if start:
        until = _time(end, "j M Y") if end else "ongoing"
        return mark_safe(f"{_time(start, 'j M Y')} – {until}")  # noqa: S308 - dates only
    if end:
        return mark_safe(f"until {_time(end, 'j M Y')}")  # noqa: S308 - dates only
    return mark_safe("dates not set")  # noqa: S308 - constant


def statement_date(statement: Statement) -> str:
    """Said on, else the article's date, else unknown (as _statement_date.html)."""
    if statement.said_on:
        return f'<span class="date-said">said on {_time(statement.said_on)}</span>'
    if statement.article.published_on:
        published = _time(statement.article.published_on)
        return f'<span class="date-published">published on {published}</span>'
    return '<span class="date-unknown">date unknown</span>'


def statement_row(statement: Statement, quote: str, *, show_reports: bool = False) -> SafeString:
    """The ``<li>`` of one statement in a list; ``quote`` is its highlighted, escaped text."""
    prefix = get_script_prefix()
    speaker, article = statement.speaker, statement.article
    url = statement.get_absolute_url()
    paraphrase = " paraphrase" if statement.kind == "indirect" else ""
    reporter = ""
    if statement.reported_by_id:
        by = statement.reported_by
        reporter = (
            f', as reported by <a href="{escape(slug_url("statements:speaker-detail", by.slug))}">'
            f"{escape(by.name)}</a>"
        )
    outlet = f" ({escape(article.outlet)})" if article.outlet else ""
    reports = ""
    utterance = statement.utterance if show_reports and statement.utterance_id else None
    if utterance is not None and utterance.report_count > 1:
        plural = "" if utterance.outlet_count == 1 else "s"
        reports = (
            f'\n    · <a href="{escape(url)}#reports-heading">{utterance.report_count} reports by'
            f" {utterance.outlet_count} outlet{plural}</a>"
        )
    events = "".join(
        f'<a class="tag tag-event" href="{escape(slug_url("statements:event-detail", e.slug))}">'
        f"{escape(e.name)}</a>"
        for e in statement.listed_events
    )
    list_url = _tag_list_url(prefix)
    tags = "".join(
        f'<a class="tag" href="{escape(list_url)}?tag={escape(_quote(t.slug))}">{escape(t.name)}</a>'
        for t in statement.listed_tags
    )
    article_url = _article_pattern(prefix).format(article.pk)
    speaker_url = slug_url("statements:speaker-detail", speaker.slug)
    html = (
        '<li class="statement">\n'
        f'  <blockquote class="quote{paraphrase}"><p>{quote}</p></blockquote>\n'
        '  <p class="meta">\n'
        f'    <a class="speaker" href="{escape(speaker_url)}">{escape(speaker.name)}</a>{reporter}\n'
        f"    · {statement_date(statement)}\n"
        f"    · {escape(str(statement.get_kind_display()))}\n"
        f'    · <a href="{escape(article_url)}#statement-{statement.pk}" title="The quote in its'
        f' article">{escape(article.title)}</a>{outlet}{reports}\n'
        "  </p>\n"
        f'  <p class="meta">{status_badges(statement)}\n\n'
        f"    {events}\n"
        f"    {tags}\n"
        f'    <a class="permalink" href="{escape(url)}">Permalink<span class="visually-hidden">'
        f" to statement {statement.pk}</span></a>\n"
        "  </p>\n"
        "</li>\n"
    )
    return mark_safe(html)  # noqa: S308 - every value above is escaped


# -- the rows' data, read as plain values -------------------------------------------


@dataclass(slots=True)
class Named:
    name: str
    slug: str


@dataclass(slots=True)
class ListedArticle:
    pk: int
    title: str
    outlet: str
    published_on: date | None


@dataclass(slots=True)
class ListedUtterance:
    report_count: int
    outlet_count: int


_KINDS = dict(StatementKind.choices)


@dataclass(slots=True)
class ListedStatement:
    """What a list row shows of a statement, without a model instance.

    Building 50 statements with their speaker, article and prefetched events
    and tags as model instances cost more than all of a list page's queries;
    these rows are read as values in three queries and cost a tenth of that.
    """

    pk: int
    text: str
    kind: str
    said_on: date | None
    dated_on: date | None
    confidence: float
    review_status: str
    start: int
    article_id: int
    reported_by_id: int | None
    utterance_id: int | None
    speaker: Named
    article: ListedArticle
    reported_by: Named | None
    utterance: ListedUtterance | None
    listed_events: list[Named] = field(default_factory=list)
    listed_tags: list[Named] = field(default_factory=list)
    search_marks: list | None = None
    search_headline: str | None = None

    @property
    def id(self) -> int:
        return self.pk

    def get_absolute_url(self) -> str:
        return statement_permalink(self.pk)

    def get_kind_display(self) -> str:
        return str(_KINDS.get(self.kind, self.kind))

    @property
    def is_low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


_ROW_VALUES = (
    "id", "text", "kind", "said_on", "dated_on", "confidence", "review_status", "start",
    "article_id", "reported_by_id", "utterance_id", "speaker__name", "speaker__slug",
    "reported_by__name", "reported_by__slug", "article__title", "article__outlet",
    "article__published_on", "utterance__report_count", "utterance__outlet_count",
)  # fmt: skip


def listed_statements(ids: list[int]) -> list[ListedStatement]:
    """The statements ``ids`` as list rows, in that order (missing ids are left out)."""
    if not ids:
        return []
    by_id = {}
    for v in Statement.objects.filter(pk__in=ids).order_by().values(*_ROW_VALUES):
        utterance = None
        if v["utterance_id"] is not None:
            utterance = ListedUtterance(v["utterance__report_count"], v["utterance__outlet_count"])
        by_id[v["id"]] = ListedStatement(
            pk=v["id"],
            text=v["text"],
            kind=v["kind"],
            said_on=v["said_on"],
            dated_on=v["dated_on"],
            confidence=v["confidence"],
            review_status=v["review_status"],
            start=v["start"],
            article_id=v["article_id"],
            reported_by_id=v["reported_by_id"],
            utterance_id=v["utterance_id"],
            speaker=Named(v["speaker__name"], v["speaker__slug"]),
            article=ListedArticle(
                v["article_id"],
                v["article__title"],
                v["article__outlet"],
                v["article__published_on"],
            ),  # fmt: skip
            reported_by=Named(v["reported_by__name"], v["reported_by__slug"])
            if v["reported_by_id"] is not None
            else None,
            utterance=utterance,
        )
    events = (
        StatementEvent.objects.filter(statement_id__in=by_id)
        .order_by("event__start_on", "event__name")
        .values_list("statement_id", "event__name", "event__slug")
    )
    tags = (
        Statement.tags.through.objects.filter(statement_id__in=by_id)
        .order_by("tag__name")
        .values_list("statement_id", "tag__name", "tag__slug")
    )
    for rows, attr in ((events, "listed_events"), (tags, "listed_tags")):
        grouped: dict[int, list[Named]] = defaultdict(list)
        for statement_id, name, slug in rows:
            grouped[statement_id].append(Named(name, slug))
        for statement_id, named in grouped.items():
            setattr(by_id[statement_id], attr, named)
    return [by_id[pk] for pk in ids if pk in by_id]
