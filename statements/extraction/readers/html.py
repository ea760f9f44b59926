"""HTML pages, through trafilatura: the article text without navigation, plus meta tags."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import trafilatura

from ..document import RawDocument
from .encoding import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)

# Only dates the page states (meta tags, the URL); htmldate's extensive search
# would otherwise take a date from a copyright line or a sidebar.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path) -> RawDocument:
    data = path.read_bytes()
    declared = _META_CHARSET.search(data[:4096])
    raw = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    extracted = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if extracted is None or not (extracted.text or "").strip():
        raise ValueError("no article text found in the page")
    return RawDocument(
        source_file=path.name,
        text=extracted.text,
        format="html",
        raw_text=raw,
        path=str(path),
        title=extracted.title or None,
        url=extracted.url or None,
        outlet=extracted.sitename or None,
        published_on=_iso_date(extracted.date),
        language=extracted.language or None,
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
