"""The one filter vocabulary of the statements list, its exports and its feed.

``StatementFilter`` takes the public query parameters (speaker, event, said_from,
said_to, published_from, published_to, q, in, kind, tag, outlet, status, sort)
and works on plain dicts too, so the ``export_statements`` command reuses it.
Malformed or unknown values never raise: django-filter drops the invalid field
from ``cleaned_data`` and the page shows ``filterset.errors`` as a message.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Count, F, Func, IntegerField, QuerySet
from django.db.models.functions import ExtractYear
from django.forms.models import ModelChoiceIterator

from statements.extraction.names import name_key
from statements.models import (
    Event,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    Statement,
    StatementEvent,
    StatementKind,
    Tag,
)
from statements.outlets import unknown_outlet
from statements.search import parse_query, rank_matches, search_statements
from statements.utterances import one_per_utterance
from statements.widget_rendering import WidgetRenderer

FACET_LIMIT = 10

SORTS = {
    "-said": "Date said, newest first",
    "said": "Date said, oldest first",
    "-published": "Date published, newest first",
    "published": "Date published, oldest first",
    "speaker": "Speaker, A–Z",
    "relevance": "Relevance (with a search)",
}

STATUS_PUBLIC_CHOICES = [
    ("", "Any status"),
    (ReviewStatus.VERIFIED, "Verified only"),
    (ReviewStatus.UNREVIEWED, "Unreviewed (machine-extracted)"),
    (ReviewStatus.DISPUTED, "Disputed"),
]


class SlugOrNameField(forms.CharField):
    """A text box that names one object by slug (the URL form) or by its name."""

    def __init__(self, *args, resolve=None, unknown_message: str = "Unknown value.", **kwargs):
        self.resolve = resolve
        self.unknown_message = unknown_message
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        obj = self.resolve(value)
        if obj is None:
            raise forms.ValidationError(self.unknown_message, code="unknown")
        return obj


SPEAKER_CHOICES = 12


class SeveralSpeakers(Exception):
    def __init__(self, speakers: list[Speaker]):
        self.speakers = speakers


def _speaker(value: str) -> Speaker | None:
    """By slug, full name or alias, else by surname; several by that surname raise."""
    found = Speaker.objects.filter(slug=value).first() or Speaker.objects.by_name(value)
    if found:
        return found
    key = name_key(value)
    if not key:
        return None
    ids = SpeakerAlias.objects.filter(key__endswith=f" {key}").values("speaker_id")
    matches = list(Speaker.objects.filter(pk__in=ids).order_by("name")[:SPEAKER_CHOICES])
    if len(matches) > 1:
        raise SeveralSpeakers(matches)
    return matches[0] if matches else None


class SpeakerField(SlugOrNameField):
    """A speaker by slug, name, alias or surname; ``candidates`` lists them when several match."""

    candidates: list[Speaker] = []

    def clean(self, value):
        try:
            return super().clean(value)
        except SeveralSpeakers as several:
            self.candidates = several.speakers
            raise forms.ValidationError(
                "Several speakers go by that name: choose one below.", code="ambiguous"
            ) from None


def _event(value: str) -> Event | None:
    return (
        Event.objects.filter(slug=value).first()
        or Event.objects.filter(name__iexact=value).order_by("id").first()
    )


class SpeakerFilter(django_filters.Filter):
    field_class = SpeakerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("resolve", _speaker)
        kwargs.setdefault("unknown_message", "No speaker by that name or slug.")
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: Speaker | None) -> QuerySet:
        return qs.filter(speaker=value) if value else qs


class EventFilter(django_filters.Filter):
    """An event and all its sub-events, as a subquery so no DISTINCT is needed."""

    field_class = SlugOrNameField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("resolve", _event)
        kwargs.setdefault("unknown_message", "No event by that name or slug.")
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: Event | None) -> QuerySet:
        if not value:
            return qs
        ids = Event.objects.filter(pk=value.pk).with_descendants()
        linked = StatementEvent.objects.filter(event_id__in=ids).values("statement_id")
        return qs.filter(id__in=linked)


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _PlainChoices(ModelChoiceIterator):
    """A model's choices from one plain query: ``ModelChoiceIterator`` reads them through
    ``.iterator()``, a server-side cursor on PostgreSQL (three more round trips for a
    dozen tags, on every list page)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class _TagField(django_filters.fields.ModelChoiceField):
    iterator = _PlainChoices


class TagFilter(django_filters.ModelChoiceFilter):
    field_class = _TagField


class FilterForm(forms.Form):
    """The lists' filter form; its widgets are written by ``WidgetRenderer`` (same HTML, faster)."""

    default_renderer = WidgetRenderer()


class StatementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Words in the quote")
    speaker = SpeakerFilter(label="Speaker (name or slug)")
    event = EventFilter(label="Event (with its sub-events)")
    # Most articles do not say on which day words were spoken: those count on
    # the article's date (Statement.dated_on), so a range never silently drops them.
    said_from = django_filters.DateFilter(
        field_name="dated_on", lookup_expr="gte", label="Said from", widget=date_input()
    )
    said_to = django_filters.DateFilter(
        field_name="dated_on", lookup_expr="lte", label="Said until", widget=date_input()
    )
    published_from = django_filters.DateFilter(
        field_name="article__published_on",
        lookup_expr="gte",
        label="Published from",
        widget=date_input(),
    )
    published_to = django_filters.DateFilter(
        field_name="article__published_on",
        lookup_expr="lte",
        label="Published until",
        widget=date_input(),
    )
    kind = django_filters.ChoiceFilter(
        choices=StatementKind.choices, empty_label="Any kind", label="Kind"
    )
    tag = TagFilter(
        field_name="tags",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        empty_label="Any tag",
        label="Tag",
    )
    outlet = django_filters.CharFilter(
        field_name="article__outlet", method="filter_outlet", label="Outlet"
    )
    # Every status validates (the export command may include rejected ones); the
    # public form only offers the published ones, and the public queryset has no others.
    status = django_filters.ChoiceFilter(
        field_name="review_status",
        choices=ReviewStatus.choices,
        empty_label="Any status",
        label="Review status",
    )
    sort = django_filters.ChoiceFilter(
        choices=list(SORTS.items()), method="filter_nothing", empty_label=None, label="Sort by"
    )

    group = django_filters.ChoiceFilter(
        choices=[("utterance", "Each quote once")],
        method="filter_group",
        empty_label="Every report",
        label="Reports",
    )

    class Meta:
        model = Statement
        form = FilterForm
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.form.fields["status"].widget.choices = STATUS_PUBLIC_CHOICES
        self.form.fields["sort"].required = False
        # Suggestions come from <datalist> elements the page renders (see list_options).
        for name in ("speaker", "event", "outlet"):
            self.form.fields[name].widget.attrs["list"] = f"{name}-options"

    # -- filtering -------------------------------------------------------------

    def filter_nothing(self, qs: QuerySet, name: str, value) -> QuerySet:
        """Parameters read elsewhere (sort in filter_queryset, ``in`` by the search)."""
        return qs

    def filter_group(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return one_per_utterance(qs) if value == "utterance" else qs

    def filter_outlet(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if unknown_outlet(value):
            return qs.none()
        return qs.filter(article__outlet__iexact=value)

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        """Words through the search; speaker:, event: and said: as the form's own filters."""
        parsed = parse_query(value)
        if parsed.speaker:
            speaker = self._named("speaker", parsed.speaker)
            qs = qs.by_speaker(speaker) if speaker else qs.none()
        if parsed.event:
            event = self._named("event", parsed.event)
            qs = qs.about_event(event) if event else qs.none()
        qs = qs.said_between(parsed.said_from, parsed.said_to)
        return search_statements(qs, parsed, in_articles=self.in_articles)

    @property
    def in_articles(self) -> bool:
        return self.form.cleaned_data.get("in") == "articles"

    @property
    def sort_key(self) -> str:
        """The order in effect: the asked one, else newest first (also for a search)."""
        data = getattr(self.form, "cleaned_data", {})
        sort = data.get("sort") or "-said"
        if sort == "relevance" and not data.get("q"):
            sort = "-said"
        return sort

    def _named(self, name: str, value: str):
        """The speaker or event a query operator names, as the form's box would find it."""
        try:
            return self.form.fields[name].clean(value)
        except forms.ValidationError:
            return None

    @property
    def matching(self) -> QuerySet:
        """The filtered statements, unordered and unranked: for counts and facets."""
        self.qs  # noqa: B018 - filters once, keeping the unordered set aside
        return self._matching

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        qs = self._matching = super().filter_queryset(queryset)
        if self.sort_key == "relevance":
            qs = rank_matches(qs, self.form.cleaned_data.get("q") or "")
        return order_statements(qs, self.sort_key)

    # -- presentation ----------------------------------------------------------

    def chips(self, hidden: tuple[str, ...] = ()) -> list[Chip]:
        """Active filters as removable chips: each links to the URL without it."""
        if not self.is_bound:
            return []
        self.is_valid()  # validates, so cleaned_data holds the good fields
        cleaned = self.form.cleaned_data
        chips = []
        for name, field in self.form.fields.items():
            value = cleaned.get(name)
            if name in hidden or name in ("sort", "in") or value in (None, ""):
                continue
            if isinstance(value, Speaker | Event | Tag):
                shown = value.name
            elif hasattr(field, "choices"):
                shown = dict(field.choices).get(value, value)
            else:
                shown = str(value)
            if name == "q" and self.in_articles:
                shown = f"{shown} (quotes and articles)"
            remove = [name, "page", *(["in", "sort"] if name == "q" else [])]
            chips.append(Chip(field.label, str(shown), self.query_string(without=remove)))
        return chips

    def query_string(self, without: list[str] | tuple[str, ...] = ("page",)) -> str:
        """The current parameters, minus some, for links that keep the filters."""
        if not self.data:
            return ""
        items = self.data.lists() if hasattr(self.data, "lists") else self.data.items()
        pairs = []
        for key, values in items:
            if key in without:
                continue
            for v in values if isinstance(values, list) else [values]:
                if v not in (None, ""):
                    pairs.append((key, v))
        return urlencode(pairs)


# ``in`` is a Python keyword, so it cannot be a class attribute: add it by name.
StatementFilter.base_filters["in"] = django_filters.ChoiceFilter(
    choices=[("articles", "Also search article text")],
    method="filter_nothing",
    label="Search in",
    empty_label="Quotes only",
)


@dataclass(frozen=True)
class Chip:
    label: str
    value: str
    remove_query: str


def order_statements(qs: QuerySet, sort: str) -> QuerySet:
    """A total order for every sort: ties always broken by id, so pages never overlap."""
    said_desc = F("dated_on").desc(nulls_last=True)
    orders = {
        "-said": [said_desc, "-id"],
        "said": [F("dated_on").asc(nulls_last=True), "id"],
        "-published": [F("article__published_on").desc(nulls_last=True), "-id"],
        "published": [F("article__published_on").asc(nulls_last=True), "id"],
        "speaker": ["speaker__name", said_desc, "-id"],
        "relevance": ["-search_rank", said_desc, "-id"],
    }
    return qs.order_by(*orders.get(sort, orders["-said"]))


class Year(Func):
    """The calendar year of a date, computed in the database engine itself.

    Django's ExtractYear calls back into Python for every row on SQLite; dates
    are stored there as ISO text, so the first four characters are the year.
    """

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        return ExtractYear(*self.source_expressions).as_sql(compiler, connection)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="CAST(substr(%(expressions)s, 1, 4) AS integer)"
        )


def _top(counts: QuerySet, key: str, model, limit: int) -> list[dict]:
    """The ``limit`` largest counts, most first (ties by name), with slug and name."""
    rows = list(counts.order_by("-n", key)[: limit * 2])
    return _named_top([(r[key], r["n"]) for r in rows], model, limit)


def _named_top(counted: list[tuple[int, int]], model, limit: int) -> list[dict]:
    """(id, count) pairs as the facet lists them: the ``limit`` largest, ties by name."""
    named = model.objects.only("slug", "name").in_bulk([pk for pk, _ in counted])
    out = [
        {"slug": named[pk].slug, "name": named[pk].name, "count": n}
        for pk, n in counted
        if pk in named
    ]
    return sorted(out, key=lambda f: (-f["count"], f["name"]))[:limit]


def top_named(counts: Counter, model, limit: int) -> list[dict]:
    """The ``limit`` largest of ``counts`` (id → count), ties by name, with slug and name.

    Names are read only for the ids that can make the list (every tie at its end).
    """
    floor = sorted(counts.values(), reverse=True)[:limit][-1] if counts else 0
    return _named_top([(pk, n) for pk, n in counts.items() if n >= floor], model, limit)


def _year_facet(counted: list[tuple[int, int]]) -> list[dict]:
    return [
        {"year": year, "count": n, "from": f"{year}-01-01", "to": f"{year}-12-31"}
        for year, n in counted
    ]


def _sample_facets(qs: QuerySet, limit: int, sample: int) -> dict:
    """The facets of the newest ``sample`` statements of ``qs``, read once.

    The sample's speakers and years are counted in Python from that one read;
    three grouped queries over its ids cost ten times more (each sends and plans
    the whole id list).
    """
    rows = list(qs.newest_first().values_list("pk", "speaker_id", "dated_on")[:sample])
    ids = [pk for pk, _, _ in rows]
    speakers = Counter(speaker for _, speaker, _ in rows)
    events = (
        StatementEvent.objects.filter(statement_id__any_of=ids)
        .values("event_id")
        .annotate(n=Count("statement_id"))
    )
    years = Counter(day.year for _, _, day in rows if day is not None)
    return {
        "sample": sample,
        "speakers": top_named(speakers, Speaker, limit),
        "events": _top(events, "event_id", Event, limit),
        "years": _year_facet(sorted(years.items(), reverse=True)[:30]),
    }


def statement_facets(
    qs: QuerySet, limit: int = FACET_LIMIT, sample: int | None = None
) -> dict[str, list[dict]]:
    """Counts per speaker, event and year within ``qs``: three grouped queries, top N each.

    Speakers and years group the filtered rows directly (ordering cleared, so the
    planner can use the filters' indexes); events go through the link table with
    the filtered ids as a subquery. With ``sample``, only the newest ``sample``
    statements are counted (read through the list's own index), so a page over
    a million statements stays fast; ``facets["sample"]`` says so.
    """
    if sample:
        return _sample_facets(qs, limit, sample)
    base = qs.order_by()
    ids = base.values("pk")
    # Grouped by the foreign keys alone, names looked up after: joining the
    # speakers in lets SQLite drive the query from them, through every statement.
    speakers = _top(base.values("speaker_id").annotate(n=Count("id")), "speaker_id", Speaker, limit)
    events = _top(
        StatementEvent.objects.filter(statement_id__in=ids)
        .values("event_id")
        .annotate(n=Count("statement_id")),
        "event_id",
        Event,
        limit,
    )
    years = (
        base.filter(dated_on__isnull=False)
        .annotate(year=Year("dated_on"))
        .values("year")
        .annotate(n=Count("id"))
        .order_by("-year")[:30]
    )
    return {
        "sample": sample,
        "speakers": speakers,
        "events": events,
        "years": _year_facet([(r["year"], r["n"]) for r in years]),
    }
