"""Paragraph and sentence bounds that respect quotations.

A period inside a quotation does not end the narrator's sentence, so bounds
are taken on the body but rejected where they fall inside a quote; the
narration seen by the attribution rules is the body with quotes masked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from statements.extraction.lexicon import word_set
from statements.extraction.quotes import Quote

MASK = "\x00"

_BOUNDARY_RE = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+(?=[\"'\u201c\u00ab\u2018(\[]?[A-Z0-9\u00c0-\u00de])"
)
_LAST_WORD_RE = re.compile(r"(\S+)$")
_ABBREVIATIONS = word_set("""
    mr mrs ms dr prof gen lt col maj capt sgt gov sen rep st jr sr jan feb mar apr jun jul aug
    sep sept oct nov dec no vs inc corp co ltd adm cmdr gen fig approx est dept univ mt ft
    """)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def mask_quotes(body: str, quotes: list[Quote]) -> str:
    """The narration: every quotation, marks included, replaced by MASK characters."""
    parts = []
    pos = 0
    for q in quotes:
        for s, e in q.outer:
            if s < pos:
                continue
            parts.append(body[pos:s])
            parts.append(MASK * (e - s))
            pos = e
    parts.append(body[pos:])
    return "".join(parts)


def split_sentences(
    body: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]
) -> list[Sentence]:
    outer = sorted(seg for q in quotes for seg in q.outer)
    starts = [s for s, _ in outer]

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_left(starts, pos) - 1
        return i >= 0 and outer[i][0] < pos < outer[i][1]

    out: list[Sentence] = []
    for p_idx, (lo, hi) in enumerate(paragraphs):
        start = lo
        for m in _BOUNDARY_RE.finditer(body, lo, hi):
            pos = m.end()
            if inside_quote(pos) or inside_quote(m.start()) and inside_quote(pos - 1):
                continue
            word = _LAST_WORD_RE.search(body, max(lo, m.start() - 30), m.start() + 1)
            if word:
                w = word.group(1).rstrip(".").lstrip('"\u201c(').lower()
                if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                    continue
            out.append(Sentence(start, pos, p_idx))
            start = pos
        if start < hi:
            out.append(Sentence(start, hi, p_idx))
    return out
