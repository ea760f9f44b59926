"""Article metadata read from the text: headline, publication date, outlet, language.

Every finder returns None rather than a guess; a wrong date or outlet on a
public page is worse than an empty one, and an editor can fill it in.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier januar jänner января январь",
        "february feb février fevrier februar февраля февраль",
        "march mar mars märz марта март",
        "april apr avril апреля апрель",
        "may mai мая май",
        "june jun juin juni июня июнь",
        "july jul juillet juli июля июль",
        "august aug août aout августа август",
        "september sep sept septembre сентября сентябрь",
        "october oct octobre oktober октября октябрь",
        "november nov novembre ноября ноябрь",
        "december dec décembre decembre dezember декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DATE_PATTERNS = (
    # 2022-01-28, also the date part of an ISO timestamp
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"), False),
    # 28 January 2022, 28. Januar 2022, 28 января 2022
    (re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b", re.I), True),
    # January 28, 2022 / Jan. 28 2022
    (
        re.compile(
            rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
        ),
        True,
    ),
    # 28.01.2022 (dotted dates are day-first wherever they are used)
    (re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"), False),
    # 2022/01/28
    (re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b"), False),
)
# 01/28/2022 or 28/01/2022: a date only when one reading of the two is possible
# (or both give the same day, 03/03/2022).
_YEAR_RE = re.compile(r"\d{4}")  # what each of the patterns above needs
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")

# What may surround a date on a line that is only a date ("Published: Friday, 28 January 2022, 14:05 GMT").
_DATE_LINE_NOISE = re.compile(
    r"\b(published|first published|updated|last updated|modified|last modified|posted|date|"
    r"dated|on|at|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"gmt|utc|msk|cet|cest|est|edt|cst|cdt|pst|pdt|et|ct|pt|bst|uk|am|pm|a\.m|p\.m|"
    r"опубликовано|обновлено|veröffentlicht|aktualisiert|publié|mis à jour)\b|"
    r"\d{1,2}[:.]\d{2}(:\d{2})?(?:am|pm)?|"
    r"\b\d{1,2}\s+(?:hours?|hrs?|minutes?|mins?|min|days?)\s+(?:ago|read)\b|"
    r"^[A-Z][\w .'\u2019-]{1,30}\s*\([A-Z][\w /.-]{1,20}\)\s*[-\u2013\u2014]?|"
    # the place or the author before the date: "KESSEL, March 3, 2025", "Ada Quist, 3 March 2025"
    r"^(?-i:[A-Z][\w.'\u2019-]+(?:[ -][A-Z][\w.'\u2019-]+){0,3}),\s*$",
    re.I,
)

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=[/_.-]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?=[/_.-]|$)"),
)

# Outlets recognisable from the article's own address. Deliberately small: an
# unknown host says where the file came from, not who wrote it.
KNOWN_OUTLETS = {
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "cnn.com": "CNN",
    "dw.com": "Deutsche Welle",
    "euronews.com": "Euronews",
    "france24.com": "France 24",
    "ft.com": "Financial Times",
    "interfax.ru": "Interfax",
    "kommersant.ru": "Kommersant",
    "nytimes.com": "The New York Times",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "reuters.com": "Reuters",
    "ria.ru": "RIA Novosti",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "theguardian.com": "The Guardian",
    "themoscowtimes.com": "The Moscow Times",
    "washingtonpost.com": "The Washington Post",
}

# "MARENBURG, March 3 (Northern Wire Service) —": the wire service names itself.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{2,30})(?:,\s*(?P<when>[^()\n]{0,30}?))?\s*"
    r"\((?P<outlet>[A-Z][^()\n]{1,40})\)\s*[-–—]"
)
# "KESSEL, Ostmark, March 3, 2025 /Wire Service/ --": a press release's or paper's dateline
# with the full date and no outlet in brackets.
_DATED_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\w.'’ -]{1,20})?,\s*(?P<when>[^/()\n]{6,32}?\d{4})"
    r"\s*(?:/[^/\n]{1,40}/\s*)?(?:--|[-–—])"
)
# "By Ada Quist, Veloria Courier, March 3, 2025": a name, then what follows it.
_BYLINE = re.compile(
    r"^(?:(?:posted|written|words|story|reported)\s+)?by\s+"
    r"(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*(?:,|\||and|on|·|•|—|–)\s*.{0,100}$",
    re.I,
)
_BYLINE_NAME = re.compile(
    r"^(?:(?:posted|written|words|story|reported)\s+)?by\s+"
    r"(?P<name>(?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|del|der|la|le)){1,3}))"
    r"(?:\s*(?:,|\||and|on|·|•|—|–)\s*.{0,100})?$",
    re.I,
)
# A line that ends like a sentence ("... the strike had ended.") is prose, not a byline.
_PROSE_END = re.compile(r"\b[a-z]{3,}[.!?]\s*$")
_CALENDAR_WORDS = frozenset(
    [*_MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    + ["day", "night", "week", "weekend", "morning", "evening", "year", "time", "end"]
)
_QUOTE_MARKS = re.compile('["“”«»„]')
_SOURCE_LINE = re.compile(
    r"^(?:based on materials (?:from|of|by)|according to materials (?:from|of)|source\s*:)"
    r"\s*(?P<outlet>.+?)\.?$",
    re.I,
)
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<outlet>[^.|]+)", re.I)

_STOPWORDS = {
    "en": "the and of to in is that said was for on with he she it as by have from this",
    "de": "der die und das ist nicht mit den von zu sich auf für dem ein eine sagte wird",
    "fr": "le la les et des est une que dans pour pas du sur qui au il elle a dit",
    "es": "el la los las y que en del por una con para es se dijo su al",
    "it": "il che di e la per non una del sono gli della ha detto",
    "nl": "de het een en van is dat niet met op zijn voor zei",
    "pt": "o os que de não uma para com do da em disse ao",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}


def parse_date(text: str) -> date | None:
    """The first complete calendar date written in ``text``, or None."""
    found = _search_date(text)
    return found[0] if found else None


def date_from_line(line: str) -> date | None:
    """A date when the line is nothing but one (a dateline under a headline), else None."""
    if len(line) > 80:
        return None
    found = _search_date(line)
    if not found:
        return None
    rest = line
    for pattern, _named_month in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)  # "Published: March 3, 2025 | Updated: March 4, 2025"
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    return None if re.search(r"[^\W\d_]{2,}", rest) else found[0]


def date_from_byline(line: str) -> date | None:
    """The date on a byline line ("By Ada Quist, Veloria Courier, March 3, 2025")."""
    if len(line) > 160 or not _BYLINE.match(line) or _PROSE_END.search(line):
        return None
    return parse_date(line)


def author_from_byline(line: str) -> str | None:
    """The first author a byline names ("By ADA QUIST and Piet Orlanski, Courier" -> "Ada Quist")."""
    if len(line) > 160:
        return None
    match = _BYLINE_NAME.match(line.strip())  # most lines fail here, at their start
    if not match or _PROSE_END.search(line):
        return None
    name = match.group("name")
    if any(word.casefold().rstrip(".") in _CALENDAR_WORDS for word in name.split()):
        return None  # "By Election Day, the ministry had paid"
    return name.title() if name.isupper() else name


def date_from_url(url: str | None) -> date | None:
    """The date in a news URL's path (/20220110/, /2022/01/10/), if it has one."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            value = _make_date(match.group("y"), match.group("m"), match.group("d"))
            if value:
                return value
    return None


def date_from_dateline(paragraph: str) -> date | None:
    """A full date in a wire dateline ("MARENBURG, March 3, 2025 (NWS) —")."""
    match = _DATELINE.match(paragraph) or _DATED_DATELINE.match(paragraph)
    return parse_date(match.group("when") or "") if match else None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet whose site ``url`` is on, when it is one we know."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    for domain, name in KNOWN_OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def outlet_from_dateline(paragraph: str) -> str | None:
    match = _DATELINE.match(paragraph)
    return match.group("outlet").strip() if match else None


def outlet_from_line(line: str) -> str | None:
    """The outlet a credit line names ("Based on materials from TASS", "© 2025 The Courier")."""
    for pattern in (_SOURCE_LINE, _COPYRIGHT_LINE):
        match = pattern.match(line.strip())
        if match:
            name = match.group("outlet").strip(" .,;:-–—\"'")
            name = re.sub(r"\s*all rights reserved.*$", "", name, flags=re.I)
            name = re.sub(r"[\s.,]*(?:19|20)\d{2}$", "", name)  # "© Kestria Daily Post 2023."
            if name and len(name.split()) <= 6:
                return name
    return None


def looks_like_headline(paragraph: str) -> bool:
    """Short, and not a run of sentences: what a headline looks like once unwrapped.

    A headline may have two short sentences ("Game over. Will the senator
    concede?", "Calif. win could help ... vs. Clinton") but no quotation: two
    sentences with a quote are the lede.
    """
    words = paragraph.split()
    if not words or len(paragraph) > 250 or len(words) > 25:
        return False
    sentence_ends = len(re.findall(r"[.!?][\"”’»)]*(?:\s|$)", paragraph))
    if sentence_ends <= 1:
        return True
    return sentence_ends == 2 and len(words) <= 20 and not _QUOTE_MARKS.search(paragraph)


def fallback_title(body: str, limit: int = 100) -> str:
    """A title for an article that has no headline: its first sentence, shortened."""
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0] if body.strip() else ""
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def detect_language(text: str) -> str | None:
    """A two-letter language code from the script and common words; None when unclear."""
    script = _main_script(text)
    if script is None:
        return None
    if script == "cyrillic":
        return "uk" if re.search("[іїєґІЇЄҐ]", text) else "ru"
    if script != "latin":
        return script if len(script) == 2 else None
    words, stopword_sets = _words(text)
    every = _STOPWORD_UNION if stopword_sets is _STOPWORD_SETS else _ASCII_STOPWORD_UNION
    counts = Counter(filter(every.__contains__, words))  # only stop words are looked up
    scores = {
        lang: sum(map(counts.get, stopwords, _ZEROS)) for lang, stopwords in stopword_sets.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    total = len(words)
    return best if scores[best] >= max(3, total * 0.05) else None


_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ASCII_RUN_RE = re.compile(r"[\x00-\x7f]+")  # taken out, it leaves the other characters
# Bytes to words: an ASCII capital to its small letter, every other byte but a small
# letter to a space (a non-ASCII character is one "?" once encoded, so a space too).
_ASCII_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256)
)
_ASCII_STOPWORD_SETS = {
    lang: frozenset(w.encode() for w in words if w.isascii())
    for lang, words in _STOPWORD_SETS.items()
}
_STOPWORD_UNION = frozenset().union(*_STOPWORD_SETS.values())
_ASCII_STOPWORD_UNION = frozenset().union(*_ASCII_STOPWORD_SETS.values())
_ZEROS = itertools.repeat(0)


def _words(text: str) -> tuple[list, dict[str, frozenset]]:
    r"""The words (runs of letters) of ``text``, casefolded, and the stop words to
    look them up by.

    The words of ``re.findall(r"[^\W\d_]+", text.casefold())``. When no character
    outside ASCII is a letter or folds to one (quotation marks and dashes are not),
    the words are ASCII letters between other bytes, and a byte table and a split
    find them several times faster than the pattern, as bytes.
    """
    if not text.isascii() and any(
        _LETTERS_RE.search(ch.casefold()) for ch in set(_ASCII_RUN_RE.sub("", text))
    ):
        return _LETTERS_RE.findall(text.casefold()), _STOPWORD_SETS
    spaced = text.encode("ascii", "replace").translate(_ASCII_WORD_BYTES)
    return spaced.split(), _ASCII_STOPWORD_SETS


# Every character of the Latin block (below U+0250), and the letters among them.
_LATIN_BLOCK_RUN = re.compile("[\x00-\u024f]+")
_LATIN_LETTER = re.compile(
    "[" + re.escape("".join(ch for ch in map(chr, range(0x250)) if ch.isalpha())) + "]"
)


def _main_script(text: str) -> str | None:
    """The script of at least half the letters, or None (no letters, or no majority).

    Most articles have no letter outside the Latin block: taking that block out
    leaves a few quotation marks and dashes to look at, not every character.
    """
    if not any(ch.isalpha() for ch in _LATIN_BLOCK_RUN.sub("", text)):
        return "latin" if _LATIN_LETTER.search(text) else None
    # Count each distinct character once, then weigh its script by its count; scripts
    # are met in the order of their first letter, so ties break as in a scan.
    scripts: Counter[str] = Counter()
    letters = 0
    for ch, n in Counter(text).items():
        if ch.isalpha():
            scripts[_script(ch)] += n
            letters += n
    if not letters:
        return None
    script, count = scripts.most_common(1)[0]
    return None if count < letters / 2 else script


def _script(ch: str) -> str:
    code = ord(ch)
    for start, end, name in (
        (0x0000, 0x0250, "latin"),
        (0x0370, 0x0400, "el"),
        (0x0400, 0x0530, "cyrillic"),
        (0x0590, 0x0600, "he"),
        (0x0600, 0x0700, "ar"),
        (0x3040, 0x3100, "ja"),
        (0x4E00, 0xA000, "zh"),
        (0xAC00, 0xD7B0, "ko"),
    ):
        if start <= code < end:
            return name
    return "other"


def _search_date(text: str) -> tuple[date, int, int] | None:
    if not _YEAR_RE.search(text):
        return None  # every written date has its year in four digits
    best: tuple[date, int, int] | None = None
    for pattern, named_month in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match.group("m")
            month_number = _MONTHS.get(month.casefold()) if named_month else int(month)
            value = _make_date(match.group("y"), month_number, match.group("d"))
            if value and (best is None or match.start() < best[1]):
                best = (value, match.start(), match.end())
                break
    for match in _SLASHED.finditer(text):
        if best is not None and match.start() > best[1]:
            break
        a, b, year = match.group("a"), match.group("b"), match.group("y")
        readings = {_make_date(year, a, b), _make_date(year, b, a)} - {None}
        if len(readings) == 1:
            best = (readings.pop(), match.start(), match.end())
            break
    return best


def _make_date(year: str | int, month: str | int | None, day: str | int) -> date | None:
    try:
        value = date(int(year), int(month or 0), int(day))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None
