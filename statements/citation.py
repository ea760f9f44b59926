"""Citing a statement: a plain-text reference, BibTeX and RIS.

The statement is cited as words quoted in a news article, with the archive's
permalink so a reader can check the context and the review status.
"""

from __future__ import annotations

import re
from datetime import date

from statements.models import Statement

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _clean(text: str) -> str:
    """One line, no control characters: every format below is line-based."""
    return " ".join((text or "").split())


def plain_citation(st: Statement, permalink: str, accessed: date | None = None) -> str:
    """Speaker. "Quote." Quoted in Title, Outlet, date. URL. Statement archive, permalink."""
    article = st.article
    parts = [f"{_clean(st.speaker.name)}.", f"\u201c{_clean(st.text)}\u201d"]
    source = ", ".join(
        p
        for p in (
            _clean(article.title),
            _clean(article.outlet),
            article.published_on.isoformat() if article.published_on else "",
        )
        if p
    )
    parts.append(f"Quoted in: {source}.")
    if article.url:
        parts.append(f"{article.url}.")
    tail = f"Statement archive, {permalink}"
    if accessed:
        tail += f" (accessed {accessed.isoformat()})"
    parts.append(tail + ".")
    return " ".join(parts)


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(
        lambda m: _BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), _clean(text)
    )


def bibtex(st: Statement, permalink: str) -> str:
    """A @misc entry: the speaker is the author, the article where it was published."""
    article = st.article
    when = st.said_on or article.published_on
    fields = [
        ("author", "{" + _bibtex_escape(st.speaker.name) + "}"),
        ("title", "{" + _bibtex_escape(st.text) + "}"),
        (
            "howpublished",
            _bibtex_escape(
                f"Quoted in {article.title}" + (f", {article.outlet}" if article.outlet else "")
            ),
        ),
    ]
    if when:
        fields += [("year", str(when.year)), ("month", str(when.month)), ("date", when.isoformat())]
    fields.append(("url", permalink))
    if article.url:
        fields.append(("note", _bibtex_escape(f"Source article: {article.url}")))
    fields.append(("keywords", st.get_kind_display().lower()))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{statement{st.pk},\n{body}\n}}\n"


def ris(st: Statement, permalink: str) -> str:
    """An RIS record (type GEN), which reference managers import as a generic item."""
    article = st.article
    when = st.said_on or article.published_on
    lines = [
        ("TY", "GEN"),
        ("AU", _clean(st.speaker.name)),
        ("TI", _clean(st.text)),
        ("T2", _clean(article.title)),
    ]
    if article.outlet:
        lines.append(("PB", _clean(article.outlet)))
    if when:
        lines += [("PY", str(when.year)), ("DA", when.strftime("%Y/%m/%d"))]
    lines.append(("UR", permalink))
    if article.url:
        lines.append(("N1", f"Source article: {article.url}"))
    lines.append(("ID", f"statement{st.pk}"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
