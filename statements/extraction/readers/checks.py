"""What the archive refuses to read, and why: size limits and files that are not text.

A file named ``.txt`` may hold an image, an archive or random bytes; decoded
anyway, it would become an "article" of garbage. These checks run before the
engine sees anything, so junk is refused with a reason and huge inputs are
refused before they cost minutes of extraction.
"""

from __future__ import annotations

import re

# A news article is rarely over 100 kB of text; these limits leave a wide
# margin and keep the worst case of one file to seconds (see README, Reliability).
MAX_FILE_BYTES = 10_000_000  # one .txt/.md/.pdf file
MAX_HTML_BYTES = 5_000_000  # one HTML page (its parser takes about 8 s a MB on heavy markup)
MAX_RECORD_BYTES = 5_000_000  # one JSON Lines record (the file itself is streamed)
MAX_ARTICLE_CHARS = 2_000_000  # the text of one article, however it was stored

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"%PDF-", "a PDF (name it .pdf)"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a database"),
)

# Control characters other than whitespace, C1 controls (what junk decoded as
# Latin-1 turns into), private-use characters and U+FFFD (bytes no codec knew).
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
MAX_JUNK_SHARE = 0.02


def binary_kind(head: bytes) -> str | None:
    """What kind of binary file ``head`` (its first bytes) starts, or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` is not an article's text (empty, too long, junk), or None if it may be."""
    if not text.strip():
        return "no text found (an empty file, or a scanned PDF without a text layer?)"
    if len(text) > MAX_ARTICLE_CHARS:
        return f"{len(text):,} characters of text; the limit is {MAX_ARTICLE_CHARS:,} per article"
    junk = len(_JUNK.findall(text))
    if junk > max(len(text) * MAX_JUNK_SHARE, 3):
        share = 100 * junk / len(text)
        return (
            f"not text: {share:.0f}% control characters or undecodable bytes "
            "(a binary file, or a text encoding that cannot be recognised)"
        )
    return None


def file_limit(suffix: str) -> int:
    """The largest file of this format that is read (JSON Lines: per record)."""
    if suffix in (".html", ".htm"):
        return MAX_HTML_BYTES
    return MAX_RECORD_BYTES if suffix == ".jsonl" else MAX_FILE_BYTES


def size_problem(size: int, limit: int = MAX_FILE_BYTES) -> str | None:
    if size > limit:
        return f"{size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB"
    return None
