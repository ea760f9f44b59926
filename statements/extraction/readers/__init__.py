"""Find article files and read each into a RawDocument, one module per format.

Readers never raise for a bad file: they yield a ReadFailure, so an import of a
thousand files reports the three broken ones and keeps the rest.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..document import RawDocument
from .checks import binary_kind, file_limit, size_problem, text_problem
from .errors import InputPathError, ReadFailure
from .html import read_html
from .jsonl import read_jsonl
from .pdf import read_pdf
from .text import read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "InputPathError",
    "ReadFailure",
    "find_files",
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


def find_files(paths: Iterable[str]) -> tuple[list[Path], list[ReadFailure]]:
    """Expand files, folders (recursively) and globs: readable files, and what cannot be read.

    Never raises: a path that names nothing, a glob that matches nothing, a
    named file of a format we cannot read, a FIFO or a symlink loop each
    become a ReadFailure naming it, and the rest of the batch goes on.
    """
    found: dict[Path, Path] = {}
    failures: list[ReadFailure] = []

    def fail(path: Path | str, error: str) -> None:
        failures.append(ReadFailure(Path(path).name or str(path), error, str(path)))

    for spec in paths:
        if _GLOB_MAGIC.search(spec) and not os.path.lexists(spec):
            matches = [Path(match) for match in sorted(glob.glob(spec, recursive=True))]
            if not matches:
                fail(spec, "no files match this pattern")
        else:
            matches = [Path(spec)]
            if not os.path.lexists(spec):
                fail(spec, "no such file or folder")
                continue
            if not matches[0].is_dir() and not _supported(matches[0]):
                fail(
                    spec,
                    f"unsupported format {matches[0].suffix or '(no extension)'!r}; "
                    f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}",
                )
                continue
        for match in matches:
            candidates = _walk(match) if match.is_dir() else [match]
            for candidate in candidates:
                if not _supported(candidate) or _hidden(candidate):
                    continue
                problem = _not_a_file(candidate)
                if problem:
                    fail(candidate, problem)
                else:
                    found.setdefault(candidate.resolve(), candidate)
    return sorted(found.values(), key=lambda path: str(path)), failures


def iter_files(paths: Iterable[str]) -> list[Path]:
    """Like ``find_files``, but raise InputPathError for the first path that fails.

    For callers that want a typo to stop the run before anything is imported.
    """
    files, failures = find_files(paths)
    if failures:
        first = failures[0]
        raise InputPathError(f"{first.error}: {first.path!r}")
    return files


def read_path(
    path: Path, lines: tuple[int, int] | None = None, offset: int = 0
) -> Iterator[RawDocument | ReadFailure]:
    """Read one file: one RawDocument, one per JSONL line, or a ReadFailure saying why not.

    ``lines`` (first, last; 1-based, inclusive) limits a JSON Lines file to those
    records; ``offset``, when known, is the byte where line ``first`` starts.
    """
    suffix = path.suffix.lower()
    try:
        problem = _not_a_file(path)
        if problem is None and suffix != ".jsonl":
            problem = size_problem(path.stat().st_size, file_limit(suffix))
        if problem is None and suffix != ".pdf":
            with path.open("rb") as handle:
                kind = binary_kind(handle.read(16))
            problem = f"not text: the file is {kind}" if kind else None
        if problem:
            yield ReadFailure(path.name, problem, str(path))
            return
        if suffix == ".jsonl":
            yield from read_jsonl(path, lines=lines, offset=offset)
            return
        reader = _SINGLE.get(suffix)
        if reader is None:
            yield ReadFailure(path.name, f"unsupported format {suffix!r}", str(path))
            return
        document = reader(path)
    except Exception as exc:  # noqa: BLE001 - any library error means "this file is unreadable"
        yield ReadFailure(path.name, _describe(exc), str(path))
        return
    problem = text_problem(document.text)
    if problem:
        yield ReadFailure(path.name, problem, str(path))
        return
    yield document


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder``; symlinked folders are not followed (no loops)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            yield Path(root, name)


def _not_a_file(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except OSError as exc:  # a symlink loop, a dangling link, no permission
        return f"cannot open: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, device or socket)"
    return None


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _describe(exc: Exception) -> str:
    message = str(exc).strip() or "no details"
    return f"{type(exc).__name__}: {message}"
