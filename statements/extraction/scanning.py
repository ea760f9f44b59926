"""Scanning a whole text for a pattern only where a word the pattern needs occurs.

Python's regex engine tries a pattern at every position its first character
allows. For a pattern opening with a common letter ("the ...", "according
to") or with a look-behind, that is a good part of an article, at about 15 ns
a character. ``str.find`` skips to a literal many times faster; the pattern is
then tried at those places only, and finds what a scan of the whole text finds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache


def literal_starts(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where any of ``literals`` occurs in ``text``, overlaps included, in order, once each."""
    found: list[int] = []
    append = found.append
    find = text.find
    for literal in literals:
        at = find(literal)
        while at >= 0:
            append(at)
            at = find(literal, at + 1)
    if len(literals) > 1:
        found.sort()
        if _nested(literals):  # one literal begins another: both at one place
            found = list(dict.fromkeys(found))
    return found


@lru_cache(maxsize=64)
def _nested(literals: tuple[str, ...]) -> bool:
    return any(a != b and b.startswith(a) for a in literals for b in literals)


def finditer_at(
    pattern: re.Pattern[str], text: str, literals: tuple[str, ...], back: int = 0
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match starts
    ``back`` characters before one of ``literals`` and is never empty."""
    return matches_from(pattern, text, [at - back for at in literal_starts(text, literals)])


def matches_from(
    pattern: re.Pattern[str], text: str, starts: list[int], pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, given ``starts`` (in order):
    every place a match may start, for a pattern that never matches an empty string.

    The pattern is tried (``match`` at a position, which sees the text before it
    for look-behinds and word boundaries, as a scan does) at each start in the
    range that is not inside the last match found: finditer's matches, in its order.
    """
    endpos = len(text) if endpos is None else endpos
    end = pos
    for k in range(bisect.bisect_left(starts, pos), len(starts)):
        at = starts[k]
        if at >= endpos:
            break
        if at < end:
            continue
        found = pattern.match(text, at, endpos)
        if found is not None:
            yield found
            end = found.end()


def matches_at_any(pattern: re.Pattern[str], text: str, literals: tuple[str, ...]) -> bool:
    """Whether ``pattern`` matches at some occurrence of one of ``literals``: a cheap
    test that a longer pattern ending in ``pattern`` need not scan ``text`` at all."""
    return any(pattern.match(text, at) for at in literal_starts(text, literals))
