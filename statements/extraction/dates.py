"""When a statement was made, from the words around its attribution.

Wire copy dates statements relative to the story ("said Monday", "earlier
Monday", "yesterday") or by calendar day ("on Jan. 10"). A weekday means the
most recent such day on or before publication; "last Thursday" in a paper of a
Thursday is the week before. A day in the future or in a plan ("will travel on
Thursday", "is expected to sign it Friday", "next Monday") and a deadline ("by
Friday") are the day of something else, never of the words. Nothing is
guessed: without a time expression (or, for relative ones, without a
publication date) the day stays unknown.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from statements.extraction.lexicon import FUTURE_MARKERS, SPEECH_VERBS

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|"
    r"Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?)"
)
_EXPR_RE = re.compile(
    r"\b(?:"
    r"(?:(?P<last>last|this past|past)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\u2019s|'s)?"
    r"(?:\s+(?:of\s+)?(?P<week>last|next)\s+week)?"
    r"|(?P<rel>yesterday|today|this morning|this afternoon|this evening|tonight|last night)"
    r"|" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("month", "month2")
    + r"(?:,?\s+(?P<year2>\d{4}))?"
    r")\b",
    re.IGNORECASE,
)
_DEADLINE_RE = re.compile(r"\b(?:by|until|till|no later than)\s+(?:the\s+)?$", re.IGNORECASE)
# The clause a time expression belongs to starts after the last of these.
_CLAUSE_BREAK_RE = re.compile(r"[,;:.!?()\u2014\u2013\"\u201c\u201d]|\s-\s")
_WORD_RE = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
_LOOKBACK = 80
_REL_DAYS = {
    "yesterday": -1,
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "last night": -1,
}


def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return _MONTHS.get(w[:4] if w.startswith("sept") else w[:3])


def resolve(match: re.Match[str], published_on: date | None) -> date | None:
    """The calendar day a time expression names, relative to publication."""
    g = match.groupdict()
    try:
        if g["weekday"]:
            if published_on is None:
                return None
            want = _WEEKDAYS.index(g["weekday"].lower())
            back = (published_on.weekday() - want) % 7
            if back == 0 and g["last"]:
                back = 7  # "last Thursday" written on a Thursday
            if g["week"]:  # "Thursday last week": the Thursday of the week before this one
                back = published_on.weekday() + 7 - want
            return published_on - timedelta(days=back)
        if g["rel"]:
            if published_on is None:
                return None
            return published_on + timedelta(days=_REL_DAYS[g["rel"].lower()])
        month_word = g["month"] or g["month2"]
        day = int(g["day"] or g["day2"])
        year_word = g["year"] or g["year2"]
        month = _month_number(month_word)
        if month is None:
            return None
        if year_word:
            return date(int(year_word), month, day)
        if published_on is None:
            return None
        found = date(published_on.year, month, day)
        if found > published_on + timedelta(days=1):
            found = date(published_on.year - 1, month, day)
        return found
    except (ValueError, OverflowError):
        return None


def find_dates(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, re.Match[str]]]:
    """Every time expression in text[lo:hi] with its offset."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _EXPR_RE.finditer(text, lo, hi):
        if m.group("month") and m.group("month").lower() == "may" and not m.group("day"):
            continue
        if _DEADLINE_RE.search(text, max(lo, m.start() - 20), m.start()):
            continue  # "would be completed by January 19": a deadline, not a day of speech
        if m.group("week") and m.group("week").lower() == "next":
            continue  # "Thursday next week"
        if _in_future(text, max(lo, m.start() - _LOOKBACK), m.start()):
            continue  # "will travel on Thursday": the day of a plan, not of the words
        out.append((m.start(), m))
    return out


def _in_future(text: str, lo: int, hi: int) -> bool:
    """Whether the clause leading up to text[hi] speaks of the future.

    The clause starts after the last punctuation mark, and after the last
    past-tense speech verb: in "told reporters on Monday" the day belongs to
    the telling whatever was said before it.
    """
    clause = text[lo:hi]
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(clause)]
    if breaks:
        clause = clause[breaks[-1] :]
    words = _WORD_RE.findall(clause.lower().replace("\u2019", "'"))
    for word in reversed(words):
        if word in SPEECH_VERBS and (word.endswith("ed") or word in _PAST_SPEECH):
            return False
        if word in FUTURE_MARKERS or word.endswith("'ll"):
            return True
    return False


_PAST_SPEECH = frozenset(("said", "told", "wrote", "spoke", "thought", "felt", "went"))


def date_near(
    text: str, lo: int, hi: int, anchor: int, published_on: date | None
) -> tuple[date | None, str]:
    """The day named closest to ``anchor`` (the cue verb) within text[lo:hi].

    Returns the day and the words that named it, for the evidence.
    """
    best = None
    for pos, m in find_dates(text, lo, hi):
        dist = abs(pos - anchor)
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return None, ""
    return resolve(best[1], published_on), best[1].group()
