"""PDF files, through pypdf's text layer (scanned pages without one yield nothing)."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PageObject, PdfReader

from ..document import RawDocument

# Titles PDF producers fill in by themselves, which are not the headline.
_COLUMN_GAP = re.compile(r"\S {5,}\S")
_JUNK_TITLE = re.compile(r"\.(docx?|pdf|odt|rtf|indd)$|^(untitled|microsoft word)", re.IGNORECASE)


def read_pdf(path: Path) -> RawDocument:
    reader = PdfReader(path)
    # Many PDFs are encrypted with an empty password only to restrict printing:
    # those open (AES needs the `cryptography` package); a real password is an error.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password; save an unencrypted copy")
    # Pages are joined with a single newline so a paragraph running over a page
    # break is unwrapped like any other line.
    text = "\n".join(_page_text(page) for page in reader.pages)
    info = reader.metadata
    # The info dictionary's creation date is when the PDF was made, not when the
    # article was published, so it is not used: no date beats a wrong one.
    title = (info.title or "").strip() if info else ""
    return RawDocument(
        source_file=path.name,
        text=text,
        format="pdf",
        raw_text=text,
        path=str(path),
        title=title if title and not _JUNK_TITLE.search(title) else None,
    )


def _page_text(page: PageObject) -> str:
    """The page's text, with a blank line wherever the page leaves vertical space.

    Layout mode keeps the gaps between paragraphs, which plain mode loses, but
    it lays columns side by side; a page that looks like columns is read in
    plain mode instead.
    """
    text = page.extract_text(extraction_mode="layout") or ""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and sum(1 for line in lines if _COLUMN_GAP.search(line.strip())) > len(lines) * 0.3:
        text = page.extract_text() or ""
    return text.strip("\n")
