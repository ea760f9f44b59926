"""Paragraph and sentence bounds that respect quotations.

A period inside a quotation does not end the narrator's sentence, so bounds
are taken on the body but rejected where they fall inside a quote; the
narration seen by the attribution rules is the body with quotes masked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from statements.extraction.lexicon import INVERTED_VERBS, word_set
from statements.extraction.quotes import Quote
from statements.extraction.scanning import literal_starts, matches_from

MASK = "\x00"

_BOUNDARY_RE = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+"
    r"(?=(?:[\u2014\u2013][^\S\n]*)?[\"'\u201c\u00ab\u2018(\[]?[A-Z0-9\u00c0-\u00de])"
)
_BOUNDARY_MARKS = (".", "!", "?", "\u2026")  # what a boundary starts with
_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")  # "u.s", "j.r": initials, not a sentence end
_ABBREVIATIONS = word_set("""
    mr mrs ms dr prof gen lt col maj capt sgt gov sen rep st jr sr jan feb mar apr jun jul aug
    sep sept oct nov dec no vs inc corp co ltd adm cmdr gen fig approx est dept univ mt ft
    """)


# A "sentence" longer than this (a page without punctuation, a run of junk) is cut
# into pieces: every rule looks at one sentence at a time, so the pieces keep the
# work per quote bounded and the whole extraction linear in the text's length.
MAX_SENTENCE = 4000
_SPACE_RE = re.compile(r"\s+")


# After a quote that ends in its own "?" or "!": a speaker and a speech verb
# ('"Why?" Mr. Holm asked'), or the verb first ('"It worked!" said Dana Frey').
_CUE_AFTER_QUOTE_RE = re.compile(
    r"(?:(?:[A-Z][\w.\-'\u2019]*|the|a|an|of|for|[a-z]+(?:ist|er|or|man|woman))\s+){0,5}?"
    r"(?:also\s+|later\s+|then\s+)?(?:" + INVERTED_VERBS + r")\b"
)
# After a quote ending in a full stop, only a cue that closes the clause
# ('"We act." Holm said.'), not a new sentence of reported speech.
_CLOSING_CUE_RE = re.compile(
    _CUE_AFTER_QUOTE_RE.pattern
    + r"(?:\s+(?:on\s+\w+day|in\s+a\s+statement|later|again))?\s*(?:[.;]|,(?!\s*[\"\u201c\u2018']))"
)


_NEW_QUOTE_RE = re.compile(r"\s*[,:]\s*[\"\u201c\u2018\u00ab]")


def _cue_follows(body: str, boundary: re.Match[str], pos: int) -> bool:
    mark = body[boundary.start()]
    pattern = _CLOSING_CUE_RE if mark == "." else _CUE_AFTER_QUOTE_RE
    cue = pattern.match(body, pos)
    # 'He added, "..."' opens a quote of its own: it is not this quote's cue
    return cue is not None and not _NEW_QUOTE_RE.match(body, cue.end())


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
    marks = literal_starts(body, _BOUNDARY_MARKS)  # where a boundary can start, found once
    for p_idx, (lo, hi) in enumerate(paragraphs):
        start = lo
        for m in matches_from(_BOUNDARY_RE, body, marks, lo, hi):
            pos = m.end()
            if inside_quote(pos) or inside_quote(m.start()) and inside_quote(pos - 1):
                continue
            if inside_quote(m.start()) and _cue_follows(body, m, pos):
                continue  # '"Why was it there?" Mr. Holm said.': the cue is the quote's
            # the word the boundary's first mark ends (never white space): "Mr.", "U.S."
            word = body[max(lo, m.start() - 30) : m.start() + 1].rsplit(None, 1)[-1]
            w = word.rstrip(".").lstrip('"\u201c(').lower()
            if w in _ABBREVIATIONS or _INITIALS_RE.fullmatch(w):
                continue
            _append(out, body, start, pos, p_idx, inside_quote)
            start = pos
        if start < hi:
            _append(out, body, start, hi, p_idx, inside_quote)
    return out


def _append(
    out: list[Sentence],
    body: str,
    start: int,
    end: int,
    p_idx: int,
    inside_quote: Callable[[int], bool],
) -> None:
    """Add body[start:end] as one sentence, or as pieces of at most MAX_SENTENCE characters.

    A piece ends at a space outside quotes near the limit when there is one.
    """
    while end - start > MAX_SENTENCE:
        outside = anywhere = None
        for m in _SPACE_RE.finditer(body, start + MAX_SENTENCE // 2, start + MAX_SENTENCE):
            anywhere = m.end()
            if not inside_quote(anywhere):
                outside = anywhere
        cut = outside or anywhere or start + MAX_SENTENCE
        out.append(Sentence(start, cut, p_idx))
        start = cut
    out.append(Sentence(start, end, p_idx))
