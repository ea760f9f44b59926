"""Plain text and Markdown files."""

from __future__ import annotations

import re
from pathlib import Path

from ..document import RawDocument
from .encoding import decode_bytes

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_BULLET = re.compile(r"^[ \t]{0,3}[-*+][ \t]+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def read_text(path: Path) -> RawDocument:
    raw = decode_bytes(path.read_bytes())
    text = strip_markdown(raw) if path.suffix.lower() == ".md" else raw
    return RawDocument(
        source_file=path.name, text=text, format="text", raw_text=raw, path=str(path)
    )


def strip_markdown(text: str) -> str:
    """Reduce Markdown to the words a reader sees.

    Link targets go on a line of their own so cleaning files them under
    source links, as it does bare URLs in text files.
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub("", text)
    links: list[str] = []

    def _link(match: re.Match[str]) -> str:
        links.append(match.group(2))
        return match.group(1)

    text = _MD_LINK.sub(_link, text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    if links:
        text = text.rstrip() + "\n\n" + "\n\n".join(dict.fromkeys(links)) + "\n"
    return text
