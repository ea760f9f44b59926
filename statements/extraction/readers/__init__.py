"""Find article files and read each into a RawDocument, one module per format.

Readers never raise for a bad file: they yield a ReadFailure, so an import of a
thousand files reports the three broken ones and keeps the rest.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..document import RawDocument
from .errors import InputPathError, ReadFailure
from .html import read_html
from .jsonl import read_jsonl
from .pdf import read_pdf
from .text import read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "InputPathError",
    "ReadFailure",
    "iter_files",
    "read_path",
]

_SINGLE: dict[str, Callable[[Path], RawDocument]] = {
    ".txt": read_text,
    ".md": read_text,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset({*_SINGLE, ".jsonl"})

_GLOB_MAGIC = re.compile(r"[*?[]")


def iter_files(paths: Iterable[str]) -> list[Path]:
    """Expand files, folders (recursively) and globs into a sorted list of readable files.

    Raises InputPathError for a path or glob that matches nothing, or a file
    named explicitly whose format we cannot read: a typo should stop the run
    before anything is imported, not silently import less.
    """
    found: dict[Path, Path] = {}
    for spec in paths:
        if _GLOB_MAGIC.search(spec):
            matches = [Path(match) for match in glob.glob(spec, recursive=True)]
            if not matches:
                raise InputPathError(f"no files match {spec!r}")
        else:
            matches = [Path(spec)]
            if not matches[0].exists():
                raise InputPathError(f"no such file or folder: {spec!r}")
            if matches[0].is_file() and not _supported(matches[0]):
                raise InputPathError(
                    f"unsupported format {matches[0].suffix!r} for {spec!r}; "
                    f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
                )
        for match in matches:
            candidates = match.rglob("*") if match.is_dir() else [match]
            for candidate in candidates:
                if candidate.is_file() and _supported(candidate) and not _hidden(candidate):
                    found.setdefault(candidate.resolve(), candidate)
    return sorted(found.values(), key=lambda path: str(path))


def read_path(
    path: Path, lines: tuple[int, int] | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Read one file: one RawDocument, one per JSONL line, or a ReadFailure saying why not.

    ``lines`` (first, last; 1-based, inclusive) limits a JSON Lines file to those records.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from read_jsonl(path, lines=lines)
            return
        reader = _SINGLE.get(suffix)
        if reader is None:
            yield ReadFailure(path.name, f"unsupported format {suffix!r}", str(path))
            return
        document = reader(path)
    except Exception as exc:  # noqa: BLE001 - any library error means "this file is unreadable"
        yield ReadFailure(path.name, _describe(exc), str(path))
        return
    if not document.text.strip():
        yield ReadFailure(path.name, "no text found (a scanned PDF or an empty file?)", str(path))
        return
    yield document


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _describe(exc: Exception) -> str:
    message = str(exc).strip() or "no details"
    return f"{type(exc).__name__}: {message}"
