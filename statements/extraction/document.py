"""The values that flow through the extraction pipeline.

They are plain frozen dataclasses so the Django side (and tests, and the
benchmark) can use them without knowing how they were made.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date

KIND_DIRECT = "direct"
KIND_PARTIAL = "partial"
KIND_INDIRECT = "indirect"


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``text`` is the decoded text (for HTML and PDF: the text the library
    extracted); ``raw_text`` is what the file held, decoded, for the record.
    Metadata fields are filled only when the source states them (HTML meta
    tags, JSONL keys); cleaning fills the rest from the text itself.
    """

    source_file: str  # basename; for JSONL "name.jsonl#<1-based line>"
    text: str
    format: str  # "text", "pdf", "html", "jsonl"
    raw_text: str = ""
    path: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_on: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class CleanArticle:
    """An article ready for extraction: paragraphs rebuilt, boilerplate removed.

    ``body`` holds the paragraphs joined by a blank line ("\\n\\n"); statement
    spans point into it.
    """

    source_file: str
    title: str
    body: str
    raw_text: str = ""
    url: str | None = None
    outlet: str | None = None
    published_on: date | None = None
    language: str | None = None
    source_links: tuple[str, ...] = ()
    format: str = "text"
    # The first author of the byline ("By Ada Quist, Courier" -> "Ada Quist"): in an
    # op-ed or a column the author's own words are the author's statements.
    author: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @functools.cached_property
    def fingerprint(self) -> str:
        """Identity of the article's content, so a re-import is recognised.

        Whitespace and case are folded so that a re-save of the same file with
        other line endings is the same article. Hashed once per article (kept in
        the instance, and pickled with it: an import's extraction workers hash it,
        and the writer, asking three times, finds it ready).
        """
        basis = " ".join((self.title + "\n" + self.body).split()).casefold()
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Person:
    """Someone the article mentions, as the article names them."""

    name: str  # the fullest form of the name found in the article
    role: str | None = None  # title as reported ("Deputy Chairman of the Security Council")
    gender: str | None = None  # "m", "f" or None when the text does not tell
    country: str | None = None


@dataclass(frozen=True)
class Statement:
    """Quoted (or paraphrased) words and who said them, with the why.

    ``spans`` are (start, end) offsets into ``CleanArticle.body``; a quote split
    around its attribution has several, and ``text`` is their contents joined
    by a single space. ``text`` never includes the enclosing quotation marks.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    speaker: str  # full name as the article gives it (Person.name)
    kind: str = KIND_DIRECT
    reported_by: str | None = None
    said_on: date | None = None
    cue: str = ""  # the attribution verb or phrase: "said", "according to"
    evidence: str = ""  # human-readable reason for the attribution
    confidence: float = 1.0  # 0..1; below LOW_CONFIDENCE editors review first

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


LOW_CONFIDENCE = 0.6


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of a cleaned body, whitespace trimmed.

    A cleaned body has no hard wraps, so a line is a paragraph.
    """
    bounds = []
    pos = 0
    for line in body.split("\n"):
        right = line.rstrip()  # str.strip's white space is str.isspace's
        if right:
            bounds.append((pos + len(line) - len(line.lstrip()), pos + len(right)))
        pos += len(line) + 1
    return bounds


@dataclass(frozen=True)
class ExtractedArticle:
    article: CleanArticle
    statements: tuple[Statement, ...] = ()
    people: tuple[Person, ...] = field(default_factory=tuple)
