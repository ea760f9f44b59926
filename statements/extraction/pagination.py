"""Page furniture: what a printed page puts around and inside an article's text.

Text from PDFs, e-editions and printed web pages carries running headers and
footers ("THE DAILY COURIER | MONDAY, MARCH 3, 2025 | A7", "courier.example ·
Page 1 of 2"), a browser's print header ("4/19/23, 8:12 AM Headline – Outlet")
and footer (the page's address and "1/2"), and jump lines where a story moves
to another page ("See BUDGET, Page A9", "Continued from Page A1", "BUDGET |
From A1"). None of it is the article's prose, and a sentence (or a quote) that
runs across a page break must read on as one, so the furniture is taken out
and the two halves of the split paragraph are put back together.

A page header's date is the edition's date, so it is kept as the publication
date; a print header's date is only the day someone printed the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from . import metadata

# A page label: "Page 7", "Page A7", "Page 1 of 2", "A7", "7".
_LABEL = (
    r"(?:page\s+[A-Z]?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[A-Z]?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)"
)
_LABEL_RE = re.compile(rf"^{_LABEL}$", re.I)
# Between a page header's parts: a bar, a dot, a spaced dash, or the wide gap a PDF's
# layout leaves between a masthead, a date and a page number.
_SEPARATOR_RE = re.compile(r"\s+[|·•—–-]\s+|\s+[|·•]$|^[|·•]\s+|(?<=\S) {3,}(?=\S)")
_SEPARATOR_MARKS = "|·•—–-"  # each match of _SEPARATOR_RE holds one, or three spaces
_DASHED_RE = re.compile(r"\s[—–-]\s")
_PIPED_RE = re.compile(r"[|·•]| {3,}")
_DOMAIN_RE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)
_CAPS_WORDS_RE = re.compile(r"^[A-Z][A-Z'’&.-]+(?:\s+[A-Z][A-Z'’&.-]+)+$")
# A browser's print header and footer.
_PRINT_HEADER_RE = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?(?:\s+\S.*)?$", re.I
)
# The site name a browser puts after the page's title: "Headline – The Ledger".
_PRINT_SITE_RE = re.compile(
    r"\s[|–—-]\s(?P<site>(?:The\s)?[A-Z][\w'’&.]*(?:\s[A-Z][\w'’&.]*){0,4})$"
)
_PRINT_FOOTER_RE = re.compile(r"^(?P<url>(?:https?://|www\.)\S+)\s+\d{1,3}\s*/\s*\d{1,3}$", re.I)
# The continuation's own lines: "BUDGET" over "From Page A1".
_FROM_LINE_RE = re.compile(r"^(?:continued\s+)?from\s+(?:page\s+)?[A-Z]?\d{1,3}\.?$", re.I)
_SLUG_LINE_RE = re.compile(r"^[A-Z][A-Z0-9'’&-]+(?:\s+[A-Z][A-Z0-9'’&-]+){0,2}$")
_PAGE_LINE_RE = re.compile(rf"^(?:{_LABEL}|-\s*\d{{1,3}}\s*-)$", re.I)

# Jump lines, wherever they stand in a line. The story's slug is in capitals.
# Gaps are bounded ({_SP}), never "\s*": a line of a million spaces must cost a
# million steps, not a million squared.
_SP = r"[ \t]{1,8}"
_SP0 = r"[ \t]{0,8}"
_SLUG = rf"[A-Z][A-Z0-9'’&-]{{1,24}}(?:{_SP}[A-Z][A-Z0-9'’&-]{{1,24}}){{0,3}}"
_JUMP_LABEL = rf"(?:(?:[Pp]age|PAGE){_SP}[A-Z]?\d{{1,3}}\b|[A-Z]\d{{1,3}}\b)"
_JUMP_RES = (
    # "See BUDGET, Page A9", "(Please see BUDGET on A9)"
    re.compile(
        rf"\(?\b(?:[Pp]lease{_SP})?(?:[Ss]ee|SEE){_SP}{_SLUG}{_SP0}(?:,|\bon\b|/|:)?{_SP0}"
        rf"{_JUMP_LABEL}\)?\.?"
    ),
    # "Continued from Page A1", "Continued on A9", "Continued on next page"
    re.compile(
        rf"\(?\b(?:[Cc]ontinued|CONTINUED|[Cc]ont['’]d){_SP}(?:on|from|ON|FROM){_SP}"
        rf"(?:{_JUMP_LABEL}|(?:the{_SP})?(?:next|previous){_SP}page\b)\)?\.?"
    ),
    # "BUDGET | From A1", "BUDGET, from Page 1", "Turn to Page 9"
    re.compile(
        rf"(?<![\w'’]){_SLUG}{_SP0}(?:\||,|:|/|—|–)?{_SP0}(?:[Ff]rom|FROM){_SP}{_JUMP_LABEL}[.:]?"
        rf"|\(?\b(?:[Tt]urn|TURN){_SP}to{_SP}{_JUMP_LABEL}\)?\.?"
    ),
)
# What every jump line holds ("A9", "Page 9", "next page"): a line without it is not scanned.
_CAP_DIGIT_RE = re.compile(r"[A-Z]\d")
_JUMP_HINT_RE = re.compile(r"[A-Z]\d|(?:[Pp]age|PAGE)[ \t]|page\b")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’»)\]]*$")
_OPEN_END_RE = re.compile(
    r"[,;(\[–—-]$|\b(the|a|an|and|or|of|to|in|on|for|by|with|that|at|from|as|but)$", re.I
)
_QUOTE_OPENERS = "\"“‘«„'"
# Lines longer than this were not wrapped by a page layout (see cleaning.UNWRAPPED_LINE).
_UNWRAPPED_LINE = 160


@dataclass
class Furniture:
    """What the page pass found: the edition's dates, the page addresses, the masthead."""

    dates: list[date] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # mastheads, a print header's site name


def strip_furniture(text: str, *, paged: bool = True) -> tuple[str, Furniture]:
    """The text without page furniture, split paragraphs mended, and what was found.

    ``paged`` says the text may come from printed pages (plain text and PDF):
    only there is a short line that repeats (a running header) taken out.
    """
    found = Furniture()
    # A capital before a digit on no line when on none in the text: one scan, not one a line.
    cap_digit = _CAP_DIGIT_RE.search(text) is not None
    lines = [_strip_jumps(line, found, cap_digit) for line in text.split("\n")]
    gone = [
        line is None or (bool(line.strip()) and _is_furniture(line.strip(), found))
        for line in lines
    ]
    _mark_print_headers(lines, gone, found)
    _mark_jump_slugs(lines, gone, found)
    if paged:
        _mark_running_lines(lines, gone, found)
    found.outlets = _outlets(found.removed)
    unwrapped = any(len(line) > _UNWRAPPED_LINE for line in lines if line)
    return _mend(lines, gone, unwrapped), found


def _outlets(removed: list[str]) -> list[str]:
    """The paper's name, from what its pages print around the story.

    A masthead in capitals in a page header that also carries a date or a
    page number, or that repeats on every page ("THE OSTREL TIMES    1"); and
    the site name a browser prints after the page title ("... – The Ledger").
    """
    names: list[str] = []
    headers = [line for line in removed if is_page_header(line)]
    repeated = Counter(headers)
    for line in headers:
        parts = [part.strip() for part in _SEPARATOR_RE.split(line) if part.strip()]
        dated = any(_LABEL_RE.match(part) or metadata.parse_date(part) for part in parts)
        for part in parts:
            byline = part.startswith("BY ")
            if _CAPS_WORDS_RE.match(part) and not byline and (dated or repeated[line] >= 2):
                names.append(" ".join(_masthead_word(word) for word in part.split()))
    for line in removed:
        site = _PRINT_SITE_RE.search(line) if _PRINT_HEADER_RE.match(line) else None
        if site:
            names.append(site.group("site"))
    return list(dict.fromkeys(names))


def _masthead_word(word: str) -> str:
    return word.lower() if word in ("OF", "AND") else word.capitalize()


def _strip_jumps(line: str, found: Furniture, cap_digit: bool = True) -> str | None:
    """The line without jump markers; None when nothing else was on it.

    ``cap_digit`` False says the text holds no capital before a digit.
    """
    if (
        "page" not in line
        and "Page" not in line
        and "PAGE" not in line
        and not (cap_digit and _CAP_DIGIT_RE.search(line))
    ):
        return line  # every marker names a page: most lines are done here
    if not _JUMP_HINT_RE.search(line):
        return line  # 'language', 'stage': no page label after all
    stripped = line
    for pattern in _JUMP_RES:
        stripped = pattern.sub(lambda m: found.removed.append(m.group()) or " ", stripped)
    if stripped == line:
        return line
    stripped = " ".join(stripped.split())
    return stripped or None


def _is_furniture(line: str, found: Furniture) -> bool:
    """A page number, a print header or footer, or a running header with its date."""
    if _PAGE_LINE_RE.match(line) or _FROM_LINE_RE.match(line):
        found.removed.append(line)
        return True
    footer = _PRINT_FOOTER_RE.match(line)
    if footer:
        found.links.append(footer.group("url"))
        found.removed.append(line)
        return True
    if is_page_header(line):
        day = _header_date(line)
        if day:
            found.dates.append(day)
        found.removed.append(line)
        return True
    return False


def _may_separate(line: str) -> bool:
    """Whether ``_SEPARATOR_RE`` finds a separator; its characters are looked for first,
    as most lines have none and the pattern would be tried at every position."""
    if "   " not in line and not any(mark in line for mark in _SEPARATOR_MARKS):
        return False
    return _SEPARATOR_RE.search(line) is not None


def is_page_header(line: str) -> bool:
    """A line of short parts between separators, one of them a date, page, site or masthead.

    "THE DAILY COURIER | MONDAY, MARCH 3, 2025 | A7", "courier.example · Page 1
    of 2", "OSTREL COURIER · Politics", "By Ada Quist · 3 March 2025". Never a
    headline, whatever else it looks like.
    """
    if len(line) > 140 or not _may_separate(line) or any(q in line for q in '"“”«»'):
        return False
    parts = [part.strip() for part in _SEPARATOR_RE.split(line) if part.strip()]
    if not parts or len(parts) > 5 or any(len(part.split()) > 8 for part in parts):
        return False
    if any(_SENTENCE_END_RE.search(part) and len(part.split()) > 3 for part in parts):
        return False
    if not all(part[0].isupper() or part[0].isdigit() or _DOMAIN_RE.match(part) for part in parts):
        return False  # "the mayor - 64 - said the": a wrapped line of prose
    if any(_DOMAIN_RE.match(part) or metadata.parse_date(part) for part in parts):
        return True
    if _DASHED_RE.search(line) and not _PIPED_RE.search(line):
        # Dashes join prose too ("Holm - 64 - Ostmark"): only a page with its word counts.
        return any(part.lower().startswith("page ") and _LABEL_RE.match(part) for part in parts)
    return any(_LABEL_RE.match(part) or _CAPS_WORDS_RE.match(part) for part in parts)


def _header_date(line: str) -> date | None:
    for part in _SEPARATOR_RE.split(line):
        day = metadata.parse_date(part)
        if day:
            return day
    return None


def _mark_jump_slugs(lines: list[str | None], gone: list[bool], found: Furniture) -> None:
    """The slug in capitals on the line above "From Page A1" goes with it."""
    previous = None
    for i, line in enumerate(lines):
        text = line.strip() if line else ""
        if not text:
            continue
        if (
            _FROM_LINE_RE.match(text)
            and previous is not None
            and not gone[previous]
            and _SLUG_LINE_RE.match(lines[previous].strip())
        ):
            gone[previous] = True
            found.removed.append(lines[previous].strip())
        previous = i


def _mark_print_headers(lines: list[str | None], gone: list[bool], found: Furniture) -> None:
    """A browser's print header: on the first line, or on the top of every page.

    "4/19/23, 8:12 AM Headline – Outlet" elsewhere, once, may be a live blog's
    entry, so it stays.
    """
    heads = [i for i, line in enumerate(lines) if line and _PRINT_HEADER_RE.match(line.strip())]
    if not heads:
        return
    first = next(i for i, line in enumerate(lines) if line and line.strip())
    counts = Counter(lines[i].strip() for i in heads)
    for i in heads:
        if not gone[i] and (i == first or counts[lines[i].strip()] >= 2):
            gone[i] = True
            found.removed.append(lines[i].strip())


def _mark_running_lines(lines: list[str | None], gone: list[bool], found: Furniture) -> None:
    """Take out short lines that repeat next to other furniture: running headers.

    A line repeated at each page break ("Velmora votes on its budget" at the
    top of every page) is taken out when one of its copies sits beside a page
    number, a print header or a jump line, with only blank lines between. The
    first line of the text stays: it is the headline the running header repeats.
    """
    counts = Counter(_candidate(line) for line in lines)
    counts.pop(None, None)
    repeated = {key for key, n in counts.items() if n >= 2}
    if not repeated:
        return
    marked = {
        _candidate(lines[i])
        for i in range(len(lines))
        if _candidate(lines[i]) in repeated and _beside_furniture(lines, gone, i)
    }
    first = next((i for i, line in enumerate(lines) if line and line.strip()), None)
    for i, line in enumerate(lines):
        if i != first and _candidate(line) in marked and not gone[i]:
            gone[i] = True
            found.removed.append(line.strip())


def _candidate(line: str | None) -> str | None:
    """The line's key when it could be a running header: short, no sentence, no quote."""
    if not line:
        return None
    words = line.split()
    if not 2 <= len(words) <= 16:
        return None  # counted before the words are joined: most lines are prose
    text = " ".join(words)
    if len(text) > 120 or text.endswith(":"):
        return None
    if _SENTENCE_END_RE.search(text) or any(q in text for q in '"“”«»„'):
        return None
    return text


def _beside_furniture(lines: list[str | None], gone: list[bool], i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j] is not None and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and gone[j]:
            return True
    return False


def _mend(lines: list[str | None], gone: list[bool], unwrapped: bool) -> str:
    """Drop furniture lines; where one stood inside a paragraph, close the gap.

    Between the last line before the furniture and the first after it the
    paragraph goes on when the first did not finish ("... she had “never seen
    a" / "government so proud ..."). Otherwise the furniture leaves a
    paragraph break.
    """
    out: list[str] = []
    seam = False  # furniture since the last kept line
    blank = False  # a blank line since the last kept line
    for line, drop in zip(lines, gone, strict=True):
        if drop:
            seam = True
            continue
        if not line.strip():
            blank = True
            continue
        if seam and out and _goes_on(out[-1], line.strip()):
            if unwrapped:
                out[-1] = out[-1].rstrip() + " " + line.strip()
            else:
                out.append(line.strip())
        else:
            if (seam or blank) and out:
                out.append("")
            out.append(line)
        seam = blank = False
    return "\n".join(out)


def _goes_on(before: str, after: str) -> bool:
    """Whether ``after`` continues the paragraph ``before`` ended in.

    Only when the words say so: a line that starts in lower case, or one
    before it that stops on a comma or a word like "the" or "of". A
    capital after a finished-looking line may be a subheading or a new item.
    """
    before = before.rstrip()
    if not before or after[0] in _QUOTE_OPENERS:
        return False
    return after[0].islower() or bool(_OPEN_END_RE.search(before))
