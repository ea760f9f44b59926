"""Highlighting imported text safely: escape everything, add only our own <mark> tags.

Article bodies, quotes and search headlines come from scraped news: they may hold
anything, ``<script>`` included. Every function here escapes the text itself and
returns a SafeString whose only markup is what it added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_MARK_OPEN = escape("<mark>")
_MARK_CLOSE = escape("</mark>")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Mark:
    """A highlighted range of a text, optionally linking somewhere (a permalink)."""

    start: int
    end: int
    href: str = ""
    label: str = ""
    anchor: str = ""


def _normalise(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Clip to the text, sort, and trim overlaps so tags never interleave."""
    out: list[Mark] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        start, end = max(m.start, pos, 0), min(m.end, length)
        if end > start:
            out.append(Mark(start, end, m.href, m.label, m.anchor))
            pos = end
    return out


def highlight(text: str, marks: Iterable[Mark]) -> SafeString:
    """``text`` escaped, with each mark wrapped in ``<mark>`` (and a link if it has one)."""
    parts: list[str] = []
    pos = 0
    for m in _normalise(marks, len(text)):
        parts.append(escape(text[pos : m.start]))
        inner = text[m.start : m.end]
        if m.href:
            parts.append(
                format_html(
                    '<mark{}><a href="{}" title="{}">{}</a></mark>',
                    format_html(' id="{}"', m.anchor) if m.anchor else "",
                    m.href,
                    m.label,
                    inner,
                )
            )
        else:
            parts.append(format_html("<mark>{}</mark>", inner))
        pos = m.end
    parts.append(escape(text[pos:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def paragraphs(body: str, marks: Sequence[Mark] = ()) -> SafeString:
    """The body as ``<p>`` elements split on blank lines, marks clipped to each paragraph."""
    out: list[str] = []
    pos = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = brk.start() if brk else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            # A quote running over several paragraphs carries its anchor in the first only.
            local = [
                Mark(
                    m.start - pos, m.end - pos, m.href, m.label, m.anchor if m.start >= pos else ""
                )
                for m in marks
            ]
            out.append(format_html("<p>{}</p>", highlight(chunk, local)))
        if brk:
            pos = brk.end()
    return mark_safe("\n".join(out))  # noqa: S308 - built from format_html/highlight


def headline_marks(text: str, headline: str) -> list[Mark] | None:
    """Where PostgreSQL's headline put its <mark> tags, as ranges of the original text.

    With HighlightAll the headline is the whole text plus the tags PostgreSQL
    inserted; walking both side by side tells inserted tags from any "<mark>"
    the imported text itself contains. None if they do not line up.
    """
    marks: list[Mark] = []
    i = j = 0
    opened: int | None = None
    while j < len(headline):
        if headline.startswith("<mark>", j) and not text.startswith("<mark>", i):
            opened, j = i, j + 6
        elif headline.startswith("</mark>", j) and not text.startswith("</mark>", i):
            if opened is not None:
                marks.append(Mark(opened, i))
            opened, j = None, j + 7
        elif i < len(text) and headline[j] == text[i]:
            i, j = i + 1, j + 1
        else:
            return None
    return marks if i == len(text) else None


def headline(value: str) -> SafeString:
    """A PostgreSQL SearchHeadline made safe: escape it, then restore only its <mark> tags.

    The fallback when ``headline_marks`` cannot align the headline with the text.
    """
    escaped = str(escape(value))
    return mark_safe(escaped.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>"))  # noqa: S308


def term_marks(text: str, terms: Iterable[str]) -> list[Mark]:
    """Where the search terms occur in ``text``, case-insensitively (the SQLite search)."""
    marks = []
    for term in terms:
        if not term:
            continue
        for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE):
            marks.append(Mark(m.start(), m.end()))
    return marks
