"""Speakers: the A–Z index and one page per speaker."""

from __future__ import annotations

import unicodedata
from itertools import groupby
from operator import itemgetter

from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.utils.safestring import SafeString

from statements.charts import time_chart, time_chart_of
from statements.counts import statements_per_speaker
from statements.extraction.names import name_key, strip_patronymic
from statements.models import ReviewStatus, Speaker, SpeakerRedirect, StatementEvent
from statements.models.speaker import SpeakerAlias, SpeakerRole
from statements.views.common import daily_counts_of, public_statements, statement_listing
from statements.views.rows import slug_url

TOP_EVENTS = 20
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def fold(name: str) -> str:
    """A name without accents or case, so "Élodie" files under E, next to "Elena"."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def a_to_z(items, name=lambda obj: obj.name) -> list[tuple[str, list]]:
    """Items grouped under their initial, in the order a reader expects (not byte order)."""
    keyed = []
    for obj in items:  # each name folded once: 2,000 speakers, three folds each, cost 50 ms
        folded = fold(name(obj))
        first = folded[:1].upper()
        keyed.append((first if first.isalpha() else "#", folded, obj))
    keyed.sort(key=lambda k: (k[0] == "#", k[1]))
    return [
        (letter, [obj for _, _, obj in group])
        for letter, group in groupby(keyed, key=itemgetter(0))
    ]


def directory_entry(speaker: Speaker) -> SafeString:
    """One speaker's line in the index, written here, not by a template loop: the
    index lists every speaker (2,000 cost 300 ms through the template engine)."""
    count = speaker.statement_count
    plural = "" if count == 1 else "s"
    role, country = speaker.latest_role or "", speaker.country
    details = ""
    if role or country:
        details = format_html(
            '<br><span class="muted">{}{}{}</span>',
            role,
            " · " if role and country else "",
            country,
        )
    return format_html(
        '<li><a href="{}">{}</a> <span class="count">{}<span class="visually-hidden">'
        " statement{}</span></span>{}</li>",
        slug_url("statements:speaker-detail", speaker.slug),
        speaker.name,
        count,
        plural,
        details,
    )


def surname(name: str) -> str:
    """The word a directory files a person under: the last, bar "Jr." and patronymics."""
    words = [w for w in name_key(strip_patronymic(name)).split() if w not in NAME_SUFFIXES]
    return words[-1] if words else name


def speaker_directory(query: str = "") -> list[Speaker]:
    """Speakers with published statements, their count, latest role and country.

    The counts come from ``statements.counts`` (kept with the cached pages), the
    speakers with their latest role in one query whatever their number.
    ``query`` matches any part of a name or an alias.
    """
    latest_role = SpeakerRole.objects.filter(speaker=OuterRef("pk")).order_by(
        F("reported_on").desc(nulls_last=True), "-id"
    )
    speakers = Speaker.objects.annotate(latest_role=Subquery(latest_role.values("title")[:1])).only(
        "name", "slug", "country"
    )
    key = name_key(query)
    if key:
        speakers = speakers.filter(
            pk__in=SpeakerAlias.objects.filter(key__contains=key).values("speaker_id")
        )
    counts = statements_per_speaker()
    found = []
    for speaker in speakers:
        speaker.statement_count = counts.get(speaker.pk, 0)
        if speaker.statement_count:
            found.append(speaker)
    return found


def reading_order(statements: list) -> list:
    """Newest day first; on one day, one article's quotes in the order they are read.

    The list is already newest first; this re-sorts within the page, so only a
    day whose quotes straddle two pages can keep the database's order there.
    """

    def key(st):
        day = st.dated_on.toordinal() if st.dated_on else 0
        return (st.dated_on is None, -day, -st.article_id, st.start, st.pk)

    return sorted(statements, key=key)


def speaker_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    speakers = speaker_directory(query)
    groups = a_to_z(speakers, name=lambda s: f"{surname(s.name)} {s.name}")
    for speaker in speakers:
        speaker.entry = directory_entry(speaker)
    context = {"groups": groups, "query": query, "found": len(speakers)}
    return render(request, "statements/speaker_list.html", context)


def moved_speaker(request: HttpRequest, slug: str) -> HttpResponse:
    """A merged-away or renamed speaker's old address: a permanent redirect, query kept."""
    moved = get_object_or_404(SpeakerRedirect.objects.select_related("speaker"), old_slug=slug)
    query = request.GET.urlencode()
    url = moved.speaker.get_absolute_url()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def _their_time_chart(listing: dict, theirs, title: str):
    """The chart of all their statements: from the days the list counted when the list is
    all of them (no filter chosen, fewer than COUNT_LIMIT), else one grouped query."""
    paginator = listing["page_obj"].paginator
    unfiltered = not listing["chips"] and not listing["filter_errors"]
    daily = daily_counts_of(paginator) if unfiltered and not paginator.capped else None
    return time_chart(theirs, title) if daily is None else time_chart_of(daily, title)


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = Speaker.objects.prefetch_related("aliases", "roles").filter(slug=slug).first()
    if speaker is None:
        return moved_speaker(request, slug)
    theirs = public_statements().by_speaker(speaker)
    stats = theirs.order_by().aggregate(
        total=Count("id"),
        verified=Count("id", filter=Q(review_status=ReviewStatus.VERIFIED)),
        first=Min("dated_on"),
        last=Max("dated_on"),
    )
    events = (
        StatementEvent.objects.filter(statement__in=theirs.order_by().values("pk"))
        .values("event__slug", "event__name")
        .annotate(n=Count("statement_id"))
        .order_by("-n", "event__name")[:TOP_EVENTS]
    )
    context = statement_listing(request, theirs, hidden=("speaker",), facets=False)
    if context["sort_key"] == "-said":
        context["statements"] = reading_order(context["statements"])
    context.update(
        {
            "speaker": speaker,
            "roles": sorted(
                speaker.roles.all(), key=lambda r: (r.reported_on is None, r.reported_on, r.title)
            ),
            "stats": stats,
            "events": events,
            "time_chart": _their_time_chart(context, theirs, f"Statements by {speaker.name}"),
        }
    )
    return render(request, "statements/speaker_detail.html", context)
