"""What a reader reports instead of raising, so one bad file never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadFailure:
    """A file (or one JSONL line) that could not be read, and why, in words for the log."""

    source_file: str  # basename; for JSONL "name.jsonl#<line>"
    error: str
    path: str = ""


class InputPathError(ValueError):
    """A path given on the command line names nothing we can read."""
