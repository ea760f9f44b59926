"""JSON Lines exports: one article per line, as scrapers and news APIs deliver them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..document import RawDocument
from ..metadata import parse_date
from .encoding import decode_bytes
from .errors import ReadFailure


def read_jsonl(
    path: Path, lines: tuple[int, int] | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Yield one item per non-blank line; a bad line fails alone, the others still count.

    ``lines`` (first, last; 1-based, inclusive) reads only those lines.
    """
    first, last = lines or (1, None)
    text = decode_bytes(path.read_bytes())
    # Only "\n" ends a record: JSON strings may hold U+2028 and other breaks.
    for number, line in enumerate(text.split("\n"), start=1):
        if number < first or not line.strip():
            continue
        if last is not None and number > last:
            break
        source = f"{path.name}#{number}"
        try:
            yield _document(line, source, path)
        except ValueError as exc:
            yield ReadFailure(source_file=source, error=f"line {number}: {exc}", path=str(path))


def _document(line: str, source: str, path: Path) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ValueError('missing or empty "text"')
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
        published_on=parse_date(published) if isinstance(published, str) else None,
    )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
