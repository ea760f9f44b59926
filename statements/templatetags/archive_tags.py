"""Template helpers for the public pages: safe highlighting, status labels, the SVG chart."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from statements import highlighting
from statements.highlighting import Mark
from statements.models import Statement
from statements.views import rows

register = template.Library()


register.filter("event_dates", rows.event_dates)


@register.simple_tag
def quote_html(statement: Statement, terms: Sequence[str] = ()) -> SafeString:
    """The quote, escaped, with search words marked.

    PostgreSQL's stemmed headline is used when the search produced one; otherwise
    (SQLite) the words of the query are marked where they literally occur.
    """
    marks = getattr(statement, "search_marks", None)
    if marks is not None:  # where the database's stemmer matched (statements.search)
        return highlighting.highlight(statement.text, marks)
    headline = getattr(statement, "search_headline", None)
    if headline:
        marks = highlighting.headline_marks(statement.text, headline)
        if marks is None:
            return highlighting.headline(headline)
        return highlighting.highlight(statement.text, marks)
    return highlighting.highlight(statement.text, highlighting.term_marks(statement.text, terms))


@register.simple_tag
def highlighted(text: str, marks: Sequence[Mark] = ()) -> SafeString:
    return highlighting.highlight(text, marks)


@register.simple_tag
def paragraphs(text: str, marks: Sequence[Mark] = ()) -> SafeString:
    return highlighting.paragraphs(text, marks)


@register.simple_tag
def review_status(statement: Statement) -> SafeString:
    """Labels every page puts beside a statement: unreviewed, disputed, low confidence."""
    return rows.status_badges(statement)


@register.simple_tag(takes_context=True)
def statement_row(context, statement: Statement, terms: Sequence[str] = ()) -> SafeString:
    """One statement as a list row (statements.views.rows: no template per row)."""
    request = context.get("request")
    show_reports = request is not None and request.GET.get("group") == "utterance"
    return rows.statement_row(statement, quote_html(statement, terms), show_reports=show_reports)


@register.simple_tag
def bar_chart(series: Sequence[tuple[str, int]], title: str, period: str = "month") -> SafeString:
    """A small server-rendered SVG bar chart with a text equivalent for screen readers."""
    if not series:
        return SafeString("")
    width, height, gap, top = 640, 120, 2, 16
    peak = max(n for _, n in series) or 1
    bar = min(max((width - gap * len(series)) / len(series), 1), 48)  # few bars stay slim
    bars = []
    for i, (label, n) in enumerate(series):
        h = round((height - top) * n / peak, 1)
        x = round(i * (bar + gap), 1)
        bars.append((x, round(height - h, 1), round(bar, 1), h, label, n, "" if n == 1 else "s"))
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {} statement{}</title></rect>',
        bars,
    )
    first, last = series[0][0], series[-1][0]
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title" '
        'preserveAspectRatio="none"><title id="chart-title">{}</title>{}'
        '<line x1="0" y1="{}" x2="{}" y2="{}"></line></svg>'
        "<figcaption>{} per {}, {} to {} (highest: {}).</figcaption></figure>",
        width,
        height,
        title,
        rects,
        height,
        width,
        height,
        title,
        period,
        first,
        last,
        peak,
    )
