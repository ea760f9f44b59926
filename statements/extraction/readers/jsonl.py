"""JSON Lines exports: one article per line, as scrapers and news APIs deliver them.

The file is streamed line by line, so its size does not matter; one record is
limited (``MAX_RECORD_BYTES``). Only "\\n" ends a record: JSON strings may hold
U+2028 and other characters that ``str.splitlines`` would break on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from ..document import RawDocument
from ..metadata import parse_date
from .checks import file_limit, size_problem, text_problem
from .encoding import decode_bytes
from .errors import ReadFailure

_FIELDS = ("title", "url", "outlet", "published")


def read_jsonl(
    path: Path, lines: tuple[int, int] | None = None, offset: int = 0
) -> Iterator[RawDocument | ReadFailure]:
    """Yield one item per non-blank line; a bad line fails alone, the others still count.

    ``lines`` (first, last; 1-based, inclusive) reads only those lines; ``offset``
    is the byte where line ``first`` starts (see ``jsonl_chunks``), 0 to count from the top.
    """
    first, last = lines or (1, None)
    with path.open("rb") as handle:
        start = 1
        if offset and lines:
            handle.seek(offset)
            start = first
        for number, data in enumerate(_records(handle), start=start):
            if last is not None and number > last:
                break
            if number < first or not data.strip():
                continue
            source = f"{path.name}#{number}"
            try:
                problem = size_problem(len(data), file_limit(".jsonl"))
                if problem:
                    raise ValueError(f"record of {problem}")
                yield _document(_decode(data, number), source, path)
            except ValueError as exc:
                yield ReadFailure(source_file=source, error=f"line {number}: {exc}", path=str(path))


def jsonl_chunks(path: Path, size: int) -> list[tuple[tuple[int, int], int]]:
    """Split a JSON Lines file into runs of ``size`` lines: ((first, last), byte offset) each.

    One pass over the bytes, so that workers can each seek to their own chunk.
    """
    chunks: list[tuple[tuple[int, int], int]] = []
    number, start, position = 0, 0, 0
    with path.open("rb") as handle:
        for data in _records(handle):
            number += 1
            if (number - 1) % size == 0:
                start = position
            position += len(data) + 1
            if number % size == 0:
                chunks.append(((number - size + 1, number), start))
    if number % size:
        chunks.append(((number - number % size + 1, number), start))
    return chunks


def _records(handle) -> Iterator[bytes]:
    """The file's lines as bytes, read in blocks (a 10 MB line is read once, not re-scanned)."""
    pending: list[bytes] = []
    while block := handle.read(1 << 20):
        parts = block.split(b"\n")
        for part in parts[:-1]:
            pending.append(part)
            yield b"".join(pending)
            pending = []
        pending.append(parts[-1])
    if any(pending):
        yield b"".join(pending)


def _decode(data: bytes, number: int) -> str:
    if number == 1 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        return decode_bytes(data).rstrip("\r")  # JSON Lines should be UTF-8; some are not


def _document(line: str, source: str, path: Path) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, found {_json_type(record)}")
    body = record.get("text")
    if body is None or body == "":
        raise ValueError('missing or empty "text"')
    for key in ("text", *_FIELDS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string, not {_json_type(value)}')
    problem = text_problem(body)
    if problem:
        raise ValueError(f'"text": {problem}')
    published = record.get("published")
    return RawDocument(
        source_file=source,
        text=body,
        format="jsonl",
        raw_text=line,
        path=str(path),
        title=_string(record.get("title")),
        url=_string(record.get("url")),
        outlet=_string(record.get("outlet")),
        published_on=parse_date(published) if published else None,
    )


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
