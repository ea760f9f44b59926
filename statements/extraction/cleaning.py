"""Turn a reader's text into the paragraphs statements are found in.

Text extracted from PDFs and copied from web pages carries the layout of the
page: lines broken mid-sentence, words hyphenated at the margin, captions and
photo credits under the headline, source links, "Related article" teasers and
footers. Statement spans point into the cleaned body, so everything that is not
the article's own prose is taken out here, once, before extraction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from . import metadata
from .document import CleanArticle, RawDocument
from .pagination import strip_furniture
from .scanning import matches_at_any

# Lines longer than this were not wrapped by a page layout: a file with one
# paragraph per line, where every line break is a paragraph break.
UNWRAPPED_LINE = 160

_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACE = re.compile(_SPACES.pattern[:-1] + _INVISIBLE.pattern[1:])  # either of the two
_URL_LINE = re.compile(r"^<?(?P<url>(?:https?://|www\.)\S+?)>?[.,;]?$", re.I)
# Lines that are not the article's prose, each pattern anchored at the line's start.
_BOILERPLATE_PATTERNS = (
    r"^\(?(photos?|photograph|image|picture|illustration|video|photo credit|credit|фото)"
    r"\s*(?:by\b|:|/|—|–)",
    r"^(related( articles?| stories| story| content| news)?|read (more|also)|see also|"
    r"also read|more on this( topic| story)?|recommended|editor'?s picks?)\s*[:—–|]",
    r"^(read|find out) more (about|on|in)\b.{0,100}$",
    r"^\(?(additional )?(reporting|writing|editing|compiled) by\b[^.]{0,150}\.?\)?$",
    r"^(based on materials (from|of|by)|according to materials (from|of))\b",
    r"^source\s*:\s*\S.{0,60}$",
    r"^(©|\(c\)\s|copyright\b)",
    r"^all rights reserved\b",
    r"^(correction|clarification|update) appended\.?$",
    # an op-ed's and a republished story's notes
    r"^the (views|opinions) expressed\b.{0,120}\bauthor'?s?\b.{0,40}$",
    r"^this (article|story|piece|column|post) (was )?(originally|first) "
    r"(appeared|published|ran)\b.{0,120}$",
    # press releases: "FOR IMMEDIATE RELEASE", "Media contact: …", the end marks "###", "-30-"
    r"^for (immediate|release)\b.{0,40}$",
    r"^(media |press )?(contact|inquiries|enquiries)\s*:.{0,120}$",
    r"^(#\s*){3}$",
    r"^-\s*30\s*-$",
    # the author's accounts: "Follow Ada Quist on Twitter @adaquist.", "Twitter: @adaquist."
    r"^follow\b.{0,120}\bon (twitter|x|facebook|instagram|threads|bluesky)\b.{0,60}$",
    r"^(twitter|x|instagram|bluesky|email)\s*:\s*\S+$",
    r"^(advertisement|share this( article| story)?|subscribe\b.{0,60}|follow us\b.{0,80}|"
    r"sign up\b.{0,80}|click here\b.{0,80})$",
    # a page's reading aids: "Story continues below advertisement", "Listen to this article"
    r"^(story continues (below|after)( (the )?advertisement)?|continue reading( the main story)?"
    r"|listen to this article.{0,20}|share (full )?(article|story)|skip to (main )?content"
    r"|supported by|\d+ min(ute)? read)$",
    # a live blog's time stamp on its own line: "10:42 a.m. ET", "Updated 11.05 GMT"
    r"^((updated|posted|last updated)\s*:?\s*)?\d{1,2}[:.]\d{2}\s*(a\.?m\.?|p\.?m\.?)?"
    r"\s*(gmt|utc|et|est|edt|cet|cest|bst|pt|pst|pdt|ct|msk)?\.?$",
    r"^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$",
    # a byline: "By Ada Quist" or "By Ada Quist, Veloria Daily Courier", not a sentence
    # ("By Christmas Eve, the strike had ended."). The sentence test stands after "by ",
    # so only lines starting so are read to their end; lines here have no line break,
    # so it finds what it would find from the line's start.
    r"^(?:(?:posted|written|words|story|reported)\s+)?by\s+(?!.*\b[a-z]{3,}[.!?]$)"
    r"(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:\s*(?:,|\||and)\s*.{0,60})?$",
)
# One alternation matched once at the line's start costs one call instead of one a pattern:
# every line of every article goes through it.
_BOILERPLATE = re.compile("|".join(f"(?:{pattern})" for pattern in _BOILERPLATE_PATTERNS), re.I)
# The characters (in small letters) those patterns can start with: a line starting with
# another letter or mark ("The", "Officials", a quotation mark) is not tried. A test reads
# the patterns to check that this holds every one of their first characters.
_BOILERPLATE_STARTS = frozenset("(#-0123456789abcefilmprstuvwx\u00a9\u0444")
# "Ada Quist contributed reporting." Apart, because it reads up to 150 characters
# looking for its word: only lines holding its ending (any case) are given to it.
_CONTRIBUTED = re.compile(
    r"^[^.!?]{0,150}\bcontributed (reporting|to (this|the) (report|story|article))\b.{0,40}$", re.I
)
# An agency photo credit anywhere in the line: "... (Reuters Photo / Ada Quist)".
_AGENCY_PHOTO = re.compile(r"\b(AP|AFP|EPA|Reuters|Getty Images|TASS)\s*Photo\s*/", re.I)
# "Alexei Doe / Presidential Press Office / WIRE" at the end of a caption:
# capitalised name-like segments separated by slashes, no sentence punctuation.
_SEGMENT = r"[A-Z][\w'’.&-]*(?:[ ][\w'’.&()-]+){0,7}"
_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[.!?)”\"])\s+)(?:(?:Photo|Photograph|Image|Picture|Credit)s?:\s*)?"
    rf"(?:{_SEGMENT})(?:\s*/\s*{_SEGMENT})+$"
)


def _ends_in_credit(text: str) -> bool:
    """A photo credit ends the text; only text with a slash can (the pattern needs one)."""
    return "/" in text and _CREDIT_TAIL.search(text) is not None


# A caption near the top credited to a press office rather than a photographer:
# "... at a cabinet meeting. Press Service of the President" (short, no quotes).
_AGENCY_CREDIT = re.compile(
    r"^[^\"“”«»]{10,300}[.!?]\s+(?=[^.!?]{3,80}$)[^.!?]*\b(press (service|office|club|centre|center)"
    r"|pool photo|handout|courtesy of)\b[^.!?]*$",
    re.I,
)
# A transcript's stage directions inside the speech: "(APPLAUSE)", "[CROSSTALK]".
_STAGE_DIRECTION = re.compile(
    r"[(\[](?:APPLAUSE|LAUGHTER|LAUGHS|CROSSTALK|INAUDIBLE|UNINTELLIGIBLE|BOOING|BOOS|CHEERS|"
    r"CHEERING|APPLAUSE AND CHEERS|PAUSE|SIC|OFF[- ]MIC|OFF[- ]CAMERA|BEGIN VIDEO CLIP|"
    r"END VIDEO CLIP|COMMERCIAL BREAK)[)\]]"
)
# A section label over the headline: "ANALYSIS", "WORLD NEWS", "Exclusive:".
_KICKER = re.compile(r"^(?:[A-Z][A-Z&'’-]+(?: [A-Z][A-Z&'’-]+)?|[A-Z][a-z]+:)$")
# The heading of a correction appended to a story: "CORRECTION:", "Clarification:".
_CORRECTION = re.compile(r"^[ \t]*(?:corrections?|clarifications?)(?:[ \t]*:|[ \t]*$)", re.I | re.M)
_SPACED_HYPHEN = re.compile(r"\b([^\W\d_]{2,})- ([a-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*$")
_OPEN_END = re.compile(
    r"[,;:(\[–—-]$|\b(the|a|an|and|or|of|to|in|on|for|by|with|that|at|from)$", re.I
)

# Words written with a hyphen after these, so a line-end hyphen after them is real.
_PREFIX_WORDS = (
    "anti pro non co ex self post pre multi inter counter neo pan semi ultra quasi vice mid "
    "cross half all well long short high low full far near over under super extra "
    "pseudo macro micro mini mega geo euro afro sino russo franco anglo "
    "state government kremlin"
)
_PREFIXES = frozenset(_PREFIX_WORDS.split())
# Word endings that never stand alone, so "govern-/ment" is one word broken at the margin.
_SUFFIX_WORDS = (
    "tion tions sion sions ment ments ness ity ities ing ings ance ances ence ences ation "
    "ations ally ical ically ive ives ous ise ised ises ize ized izes ist ists ism isms able "
    "ible ful less ure ures ary ory ers al ed er es ly"
)
_SUFFIXES = frozenset(_SUFFIX_WORDS.split())


@dataclass
class _Scan:
    """What the line pass found: text blocks, and the lines it took out and why."""

    blocks: list[list[str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    edition_dates: list[date] = field(default_factory=list)  # page headers and bylines
    authors: list[str] = field(default_factory=list)  # from bylines
    mastheads: list[str] = field(default_factory=list)  # the paper's name on its pages
    prose: set[str] = field(default_factory=set)  # lines judged prose that recorded nothing


def clean(doc: RawDocument) -> CleanArticle:
    """Rebuild paragraphs, drop what is not the article's prose, and fill in metadata."""
    text, furniture = strip_furniture(normalize(doc.text), paged=doc.format in ("text", "pdf"))
    text, correction = _cut_correction(text)
    if matches_at_any(_STAGE_DIRECTION, text, ("(", "[")):  # what every one opens with
        text = _STAGE_DIRECTION.sub(" ", text)
    scan = _scan_lines(text)
    scan.removed.extend(correction)
    scan.links.extend(furniture.links)
    scan.edition_dates.extend(furniture.dates)
    scan.mastheads.extend(furniture.outlets)
    bylines = (metadata.author_from_byline(line) for line in furniture.removed)
    scan.authors[:0] = [name for name in bylines if name]  # "By Ada Quist · 3 March 2025"
    words = _Vocabulary(text)
    paragraphs: list[str] = []
    for n, block in enumerate(scan.blocks):
        if doc.format == "html":
            paragraphs.extend(block)  # trafilatura puts each paragraph on its own line
            continue
        if n == 0 and doc.title is None:
            block = _split_headline(block, paragraphs)
        paragraphs.extend(_join_lines(part, words) for part in _split_block(block))
    paragraphs = _drop_boilerplate(paragraphs, scan)

    title, paragraphs = _take_title(doc, paragraphs)
    body = "\n\n".join(paragraphs)
    return CleanArticle(
        source_file=doc.source_file,
        title=title,
        body=body,
        raw_text=doc.raw_text or doc.text,
        url=doc.url,
        outlet=doc.outlet or _find_outlet(scan, paragraphs, doc.url),
        published_on=doc.published_on or _find_date(scan, paragraphs, doc.url),
        language=doc.language or metadata.detect_language(title + "\n" + body),
        source_links=tuple(dict.fromkeys(scan.links)),
        format=doc.format,
        author=scan.authors[0] if scan.authors else None,
    )


def normalize(text: str) -> str:
    """Unify line endings, spaces and invisible characters; keep line structure."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = text.replace("\u00ad\n", "")  # a soft hyphen at a line end is a syllable break
    text = text.replace("\u00ad", "")
    if not _ODD_SPACE.search(text):
        return text  # one scan for both kinds of character, which most texts lack
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text)


def _cut_correction(text: str) -> tuple[str, list[str]]:
    """The text without the correction appended to it, and the lines cut.

    A correction ("CORRECTION: An article on Thursday misstated ...", and the
    day it ran) follows the story; its date is the correction's, not the
    story's, and its words are the paper's, not part of the story.
    """
    low = text.lower()  # the heading's words, in any case, or it is not there
    if "rrect" not in low and "clar" not in low:
        return text, []
    found = _CORRECTION.search(text, len(text) // 3)
    if not found:
        return text, []
    return text[: found.start()], [line for line in text[found.start() :].split("\n") if line]


def _scan_lines(text: str) -> _Scan:
    """Group lines into blocks; boilerplate lines are taken out and end a block.

    A block also ends where a line is indented further than the line before:
    PDF text marks a new text box (headline, caption) with a leading space.
    """
    scan = _Scan()
    current: list[str] = []
    indent = 0

    def flush() -> None:
        if current:
            scan.blocks.append(current.copy())
            current.clear()

    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            flush()
            continue
        if _take_out(line, scan):
            flush()
            continue
        line_indent = len(raw) - len(raw.lstrip(" "))
        if current and line_indent > indent:
            flush()
        indent = line_indent
        current.append(line)
    flush()
    return scan


def _take_out(line: str, scan: _Scan) -> bool:
    """Record and report a line that is a link, a date line or boilerplate."""
    if line in scan.prose:
        return False  # a one-line paragraph judged as a line already, and nothing recorded
    url = _URL_LINE.match(line)
    if url:
        scan.links.append(url.group("url"))
        return True
    if metadata.date_from_line(line):
        scan.dates.append(line)
        return True
    if author := metadata.author_from_byline(line):
        scan.authors.append(author)
    if byline_date := metadata.date_from_byline(line):
        scan.edition_dates.append(byline_date)
        scan.removed.append(line)
        return True
    if _is_boilerplate(line):
        scan.removed.append(line)
        return True
    if not author:
        scan.prose.add(line)
    return False


def _is_boilerplate(line: str) -> bool:
    """A credit, a teaser, a byline, a reading aid: a line that is not the article's prose."""
    first = line[:1]
    maybe = first.lower() in _BOILERPLATE_STARTS or (not first.isascii() and first.isalnum())
    return bool(
        (maybe and _BOILERPLATE.match(line))
        or ("buted" in line.lower() and _CONTRIBUTED.match(line))
        or ("/" in line and _AGENCY_PHOTO.search(line))
    )


_MINOR_WORD_LIST = (
    "a an the and or but nor for of in on at to by with from into over upon than as vs via "
    "after before amid about against during under says say"
)
_MINOR_WORDS = frozenset(_MINOR_WORD_LIST.split())


def _title_case(line: str, least: int = 1) -> bool:
    """A headline in Title Case: every word that is not a minor one starts with a capital."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(content) >= least and all(w[0].isupper() for w in content)


def _split_headline(block: list[str], paragraphs: list[str]) -> list[str]:
    """Take a Title Case headline off the top of the first block.

    In text from PDFs the headline can sit on the lines right above a caption
    with no blank line between them; the caption goes out with its credit, and
    must not take the headline along. The headline ends at the first line in
    sentence case (a lower-case content word), which is where the caption starts.
    """
    if len(block) < 2 or not _title_case(block[0], 2) or _SENTENCE_END.search(block[0]):
        return block
    end = 1
    while end < len(block) and _title_case(block[end]) and not _SENTENCE_END.search(block[end]):
        end += 1
    if end == len(block) or end > 3:
        return block
    paragraphs.append(" ".join(line.strip() for line in block[:end]))
    return block[end:]


def _split_block(lines: list[str]) -> list[list[str]]:
    """Split a block into paragraphs at the line breaks that are not mere wrapping."""
    if len(lines) == 1:
        return [lines]
    width = max(len(line) for line in lines)
    if width > UNWRAPPED_LINE:
        return [[line] for line in lines]
    parts: list[list[str]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _paragraph_break(previous, line, width):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _paragraph_break(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` ends a paragraph rather than wraps one.

    A wrapped line is full: the next line's first word did not fit on it. A line
    that ends a sentence with room to spare, or a short line before a capital
    (a subheading), ends its paragraph.
    """
    if following.startswith("/") and "/" in line:
        return False  # a credit wrapped before its last "/ AGENCY" segment
    if _ends_in_credit(line):
        return True  # a photo credit closes its caption
    if "/" in following and _CREDIT_TAIL.match(following):
        return False  # ... and stays with it, so the caption goes out with the credit
    if _OPEN_END.search(line) or not following[0].isupper() and following[0] not in "\"“‘«'—–-":
        return False
    first_word = following.split()[0]
    if _SENTENCE_END.search(line) and len(line) + 1 + len(first_word) <= width * 0.92:
        return True
    return len(line) < width * 0.6


def _join_lines(lines: list[str], words: _Vocabulary) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _join_two(text, line, words)
    if "- " in text:
        text = _SPACED_HYPHEN.sub(lambda m: _mend_spaced(m, words), text)
    return text


def _mend_spaced(match: re.Match[str], words: _Vocabulary) -> str:
    """'prosecu- tion': a margin hyphen whose line break became a space, when evidence says so."""
    before, after = match.group(1), match.group(2)
    if _keep_hyphen(before.lower(), after.lower(), words):
        return match.group()
    return before + after


def _join_two(left: str, right: str, words: _Vocabulary) -> str:
    """Join two wrapped lines, deciding what a hyphen at the margin was."""
    if not (len(left) >= 2 and left.endswith("-") and left[-2].isalpha()):
        return left + " " + right
    before = re.split(r"[^\w]", left[:-1])[-1]
    after = re.match(r"\w*", right).group()
    if not after or not right[0].islower():
        return left + right  # "post-/Soviet": a hyphen before a capital is part of the name
    if _keep_hyphen(before.lower(), after.lower(), words):
        return left + right
    return left[:-1] + right


def _keep_hyphen(before: str, after: str, words: _Vocabulary) -> bool:
    """Keep the hyphen unless the evidence says it only broke a word at the margin.

    Evidence, in order: the article spells the word elsewhere (with or without
    the hyphen); a known prefix ("anti-government"); an ending that is never a
    word by itself ("govern-ment"). Without evidence the hyphen stays: a stray
    hyphen reads better than two words glued together.
    """
    if f"{before}-{after}" in words:
        return True
    if before + after in words:
        return False
    if before in _PREFIXES:
        return True
    return after not in _SUFFIXES


class _Vocabulary:
    """The article's words in lower case, collected on the first question.

    Only a hyphen at a line's end asks (is "govern-ment" spelled elsewhere?), and
    most articles have none: they never pay for the word list.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = {w.lower() for w in re.findall(r"\w+(?:-\w+)*", self._text)}
        return word in self._words


def _drop_boilerplate(paragraphs: list[str], scan: _Scan) -> list[str]:
    """Drop boilerplate paragraphs, captions with their credits, and the footer."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if _take_out(paragraph, scan):
            continue
        if _ends_in_credit(paragraph) or (len(kept) < 2 and _AGENCY_CREDIT.search(paragraph)):
            scan.removed.append(paragraph)  # a photo caption ending in its credit
            continue
        kept.append(paragraph)
    # Footer: short unpunctuated lines after the last sentence (republisher names,
    # section labels) are not part of the story.
    while kept and len(kept[-1].split()) <= 8 and not _SENTENCE_END.search(kept[-1]):
        scan.removed.append(kept.pop())
    return kept


def _take_title(doc: RawDocument, paragraphs: list[str]) -> tuple[str, list[str]]:
    """The headline, and the paragraphs without it."""
    if doc.title:
        title = " ".join(doc.title.split())
        if paragraphs and _same_headline(paragraphs[0], title):
            paragraphs = paragraphs[1:]
        return title, paragraphs
    if len(paragraphs) > 2 and _KICKER.match(paragraphs[0]) and _headline_below(paragraphs[1]):
        paragraphs = paragraphs[1:]  # "ANALYSIS" over the headline: a section label
    if paragraphs and metadata.looks_like_headline(paragraphs[0]) and len(paragraphs) > 1:
        return paragraphs[0], paragraphs[1:]
    return metadata.fallback_title("\n\n".join(paragraphs)), paragraphs


def _headline_below(paragraph: str) -> bool:
    return metadata.looks_like_headline(paragraph) and not paragraph.rstrip().endswith(".")


def _find_date(scan: _Scan, paragraphs: list[str], url: str | None) -> date | None:
    """Date line first, then a page header or byline, then the article's own URL,
    then a dated link it cites."""
    for line in scan.dates:
        value = metadata.date_from_line(line)
        if value:
            return value
    if scan.edition_dates:
        return scan.edition_dates[0]
    if paragraphs and (value := metadata.date_from_dateline(paragraphs[0])):
        return value
    for link in [url, *scan.links]:
        if value := metadata.date_from_url(link):
            return value
    return None


def _find_outlet(scan: _Scan, paragraphs: list[str], url: str | None) -> str | None:
    """Who published the piece, only from what names the publisher itself.

    A bare link in the body is a cited source, not the publisher, so it is not
    consulted here (it may still date the article, see _find_date).
    """
    credits = [metadata.outlet_from_line(line) for line in scan.removed]
    sourced = [name for name in credits if name]
    if sourced:
        return sourced[0]
    if scan.mastheads:
        return scan.mastheads[0]
    if paragraphs and (name := metadata.outlet_from_dateline(paragraphs[0])):
        return name
    return metadata.outlet_from_url(url)


def _same_headline(paragraph: str, title: str) -> bool:
    """The page's headline repeats the meta title, perhaps with " | Outlet" after it."""
    ours, theirs = _tokens(paragraph), _tokens(title)
    shorter, longer = sorted((ours, theirs), key=len)
    return len(shorter) >= min(4, len(longer)) and longer[: len(shorter)] == shorter


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
