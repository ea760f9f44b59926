"""Charts of statement counts, drawn on the server as SVG: no script, printable, citable.

Each chart costs one aggregate query. Counts over time are grouped by the
indexed ``dated_on`` column itself (one row per distinct day, so the result
stays small however many statements there are) and binned here, in Python,
into days, weeks, months or years to fit the span of the data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connections
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from statements.models import Statement

# Longest span (in days) drawn with each bin; beyond the last, bins are years.
DAY_SPAN = 62
WEEK_SPAN = 400
MONTH_SPAN = 366 * 8
TOP_SPEAKERS = 10
MAX_X_LABELS = 8
# Wider bars than this read as a filled box, not as a count.
MAX_BAR = 48

UNIT_TITLES = {
    "day": "Day",
    "week": "Week (from Monday)",
    "month": "Month",
    "year": "Year",
}


@dataclass(frozen=True)
class Bin:
    start: date
    label: str
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: str = ""


def _plain(qs: QuerySet) -> QuerySet:
    """``qs`` without the annotations a search adds, so they stay out of the GROUP BY."""
    if qs.query.annotations:
        return Statement.objects.filter(pk__in=qs.order_by().values("pk"))
    return qs.order_by()


def daily_counts(qs: QuerySet) -> list[tuple[date, int]]:
    """Statements per day (said, else published), oldest first: one grouped query."""
    rows = (
        _plain(qs)
        .filter(dated_on__isnull=False)
        .values_list("dated_on")
        .annotate(n=Count("id"))
        .order_by("dated_on")
    )
    return list(rows)


def newest_daily_counts(qs: QuerySet, limit: int) -> list[tuple[date, int]]:
    """Statements per day among the newest ``limit`` of ``qs``: one query.

    The rows are read in the lists' order (the date index) and grouped outside
    that bounded subquery; an ``id IN (...)`` of them would make the planner
    hash-join the whole table instead.
    """
    inner, params = qs.newest_first().values_list("dated_on")[:limit].query.sql_with_params()
    sql = (
        f"SELECT newest.dated_on, COUNT(*) FROM ({inner}) newest "  # noqa: S608 - compiled by the ORM
        "WHERE newest.dated_on IS NOT NULL GROUP BY newest.dated_on ORDER BY newest.dated_on"
    )
    with connections[qs.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(_as_date(d), n) for d, n in rows]


def _as_date(value) -> date:
    """SQLite hands back raw SQL results as ISO text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def choose_unit(first: date, last: date) -> str:
    span = (last - first).days
    if span <= DAY_SPAN:
        return "day"
    if span <= WEEK_SPAN:
        return "week"
    if span <= MONTH_SPAN:
        return "month"
    return "year"


def _bin_start(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return d.replace(month=1, day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=1)
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def _label(d: date, unit: str) -> str:
    if unit == "year":
        return str(d.year)
    if unit == "month":
        return d.strftime("%b %Y")
    return f"{d.day} {d.strftime('%b %Y')}"


def bins(daily: list[tuple[date, int]]) -> tuple[str, list[Bin]]:
    """The unit that fits the span, and every bin from the first to the last (gaps as 0)."""
    if not daily:
        return "month", []
    unit = choose_unit(daily[0][0], daily[-1][0])
    counts: dict[date, int] = {}
    for day, n in daily:
        start = _bin_start(day, unit)
        counts[start] = counts.get(start, 0) + n
    out = []
    current, last = _bin_start(daily[0][0], unit), _bin_start(daily[-1][0], unit)
    while current <= last:
        out.append(Bin(current, _label(current, unit), counts.get(current, 0)))
        current = _next(current, unit)
    return unit, out


def nice_ceiling(value: int) -> int:
    """The next round number (1, 2, 2.5 or 5 times a power of ten) at or above ``value``."""
    if value <= 4:
        return max(value, 1)
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return int(step * power)
    return value


@dataclass(frozen=True)
class TimeChart:
    """Statements over time for one filter, with its unit and every bin."""

    title: str
    unit: str
    bins: list[Bin]
    # Set when only the newest ``sample`` matches were counted (of about ``estimate``).
    sample: int | None = None
    estimate: int | None = None

    @property
    def unit_title(self) -> str:
        return UNIT_TITLES[self.unit]

    @property
    def last_label(self) -> str:
        return self.bins[-1].label

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bins)

    def table_rows(self) -> SafeString:
        """The table under the chart, one row per bin (built here: a template loop
        over a few hundred bins cost more than the rest of the page)."""
        return format_html_join(
            "",
            '<tr><th scope="row"><time datetime="{}">{}</time></th><td>{}</td></tr>',
            ((b.start.isoformat(), b.label, b.count) for b in self.bins),
        )

    def svg(self) -> SafeString:
        width, height = 720, 260
        left, right, top, bottom = 52, 44, 14, 52
        plot_w, plot_h = width - left - right, height - top - bottom
        peak = nice_ceiling(max(b.count for b in self.bins))
        ticks = sorted({round(peak * i / 4) for i in range(5)})
        step = plot_w / len(self.bins)
        gap = 1 if step > 4 else 0
        grid = format_html_join(
            "",
            '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
            '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
            (
                (left, width - right, y, y, left - 6, y + 4, t)
                for t in ticks
                for y in [round(top + plot_h - plot_h * t / peak, 1)]
            ),
        )
        bars = format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
            (
                (
                    round(left + (i + 0.5) * step - w / 2, 1),
                    round(top + plot_h - h, 1),
                    w,
                    h,
                    b.label,
                    _statements(b.count),
                )
                for i, b in enumerate(self.bins)
                for h in [round(plot_h * b.count / peak, 1)]
                for w in [round(max(min(step - gap, MAX_BAR), 0.5), 1)]
            ),
        )
        every = max(1, math.ceil(len(self.bins) / MAX_X_LABELS))
        labels = format_html_join(
            "",
            '<line class="tick-mark" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
            '<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
            (
                (x, x, top + plot_h, top + plot_h + 4, x, top + plot_h + 18, b.label)
                for i, b in enumerate(self.bins)
                if i % every == 0
                for x in [round(left + (i + 0.5) * step, 1)]
            ),
        )
        return format_html(
            '<svg class="chart-svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-t {id}-d">'
            '<title id="{id}-t">{title}</title>'
            '<desc id="{id}-d">{total} per {unit}, {first} to {last}; the table below has every value.</desc>'
            "{grid}{bars}{labels}"
            '<line class="axis" x1="{left}" x2="{left}" y1="{top}" y2="{base}"></line>'
            '<line class="axis" x1="{left}" x2="{right}" y1="{base}" y2="{base}"></line>'
            '<text class="axis-title" x="{cx}" y="{xt}" text-anchor="middle">{unit_title}</text>'
            '<text class="axis-title" transform="translate(14 {cy}) rotate(-90)" '
            'text-anchor="middle">Statements</text></svg>',
            w=width,
            h=height,
            id="time-chart",
            title=self.title,
            total=_statements(self.total),
            unit=self.unit,
            first=self.bins[0].label,
            last=self.bins[-1].label,
            grid=grid,
            bars=bars,
            labels=labels,
            left=left,
            top=top,
            base=top + plot_h,
            right=width - right,
            cx=left + plot_w // 2,
            xt=height - 10,
            cy=top + plot_h // 2,
            unit_title=self.unit_title,
        )


@dataclass(frozen=True)
class BarChart:
    """Top speakers (or any ranking) as horizontal bars, largest first."""

    title: str
    bars: list[Bar]

    def svg(self) -> SafeString:
        row, label_w, width = 24, 190, 720
        height = row * len(self.bars) + 30
        peak = nice_ceiling(max(b.count for b in self.bars))
        plot_w = width - label_w - 50
        rows = []
        for i, b in enumerate(self.bars):
            y = 6 + i * row
            w = round(plot_w * b.count / peak, 1)
            name = b.label if len(b.label) <= 28 else b.label[:27] + "…"
            text = format_html(
                '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
                label_w - 8,
                y + 15,
                name,
            )
            if b.href:
                text = format_html('<a href="{}">{}</a>', b.href, text)
            rows.append(
                format_html(
                    '{}<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>'
                    '<text class="value" x="{}" y="{}">{}</text>',
                    text,
                    label_w,
                    y + 2,
                    max(w, 0.5),
                    row - 6,
                    b.label,
                    _statements(b.count),
                    label_w + w + 6,
                    y + 15,
                    b.count,
                )
            )
        base = 6 + len(self.bars) * row
        return format_html(
            '<svg class="chart-svg" viewBox="0 0 {} {}" role="img" aria-labelledby="speakers-chart-t">'
            '<title id="speakers-chart-t">{}</title>{}'
            '<line class="axis" x1="{}" x2="{}" y1="2" y2="{}"></line>'
            '<text class="axis-title" x="{}" y="{}" text-anchor="middle">Statements</text></svg>',
            width,
            height,
            self.title,
            mark_safe("".join(rows)),  # noqa: S308 - each row built with format_html
            label_w,
            label_w,
            base,
            label_w + plot_w // 2,
            height - 4,
        )


def _statements(n: int) -> str:
    return f"{n} statement{'' if n == 1 else 's'}"


def time_chart(
    qs: QuerySet, title: str, *, sample: int | None = None, estimate: int | None = None
) -> TimeChart | None:
    """Statements over time for ``qs`` (one query); None when nothing is dated.

    With ``sample``, only the newest ``sample`` statements of ``qs`` are counted,
    read through the lists' date index: grouping every match of a common word
    reads a large part of the table. The chart then says so.
    """
    daily = newest_daily_counts(qs, sample) if sample else daily_counts(qs)
    return time_chart_of(daily, title, sample=sample, estimate=estimate)


def time_chart_of(
    daily: list[tuple[date, int]],
    title: str,
    *,
    sample: int | None = None,
    estimate: int | None = None,
) -> TimeChart | None:
    """The time chart of counts per day already at hand (oldest first); None when empty."""
    unit, found = bins(daily)
    return TimeChart(title, unit, found, sample, estimate) if found else None


def top_speakers(qs: QuerySet, limit: int = TOP_SPEAKERS) -> list[Bar]:
    """The speakers with most statements in ``qs`` (one query)."""
    rows = (
        _plain(qs)
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("id"))
        .order_by("-n", "speaker__name")[:limit]
    )
    return [
        Bar(
            r["speaker__name"],
            r["n"],
            reverse("statements:speaker-detail", args=[r["speaker__slug"]]),
        )
        for r in rows
    ]


def speakers_chart(bars: list[Bar], title: str) -> BarChart | None:
    return BarChart(title, bars) if len(bars) > 1 else None


def list_charts(
    qs: QuerySet,
    title: str,
    facets: dict | None = None,
    *,
    sample: int | None = None,
    estimate: int | None = None,
    daily: list[tuple[date, int]] | None = None,
) -> dict:
    """Both charts for a statement list; the speakers come from the facets when counted.

    ``sample`` bounds the time chart to the newest matches (see ``time_chart``);
    ``daily`` gives its counts when the page has already read them.
    """
    if facets is not None:
        bars = [
            Bar(f["name"], f["count"], reverse("statements:speaker-detail", args=[f["slug"]]))
            for f in facets["speakers"]
        ]
    else:
        bars = top_speakers(qs)
    return {
        "time_chart": time_chart(qs, title, sample=sample, estimate=estimate)
        if daily is None
        else time_chart_of(daily, title, sample=sample, estimate=estimate),
        "speakers_chart": speakers_chart(bars, f"{title}: the most quoted speakers"),
    }
