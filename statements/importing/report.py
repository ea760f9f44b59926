"""The record of an import: per file (or JSONL line) what was created, updated, skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"
REMOVED = "removed"
KEPT = "kept"  # an editor touched it: left as they left it

_MARK = {CREATED: "+", UPDATED: "~", REMOVED: "-", KEPT: "="}


@dataclass
class StatementChange:
    """What an import does (or, in a dry run, would do) to one statement."""

    change: str  # created, updated, removed or kept
    speaker: str
    kind: str
    text: str


@dataclass
class FileResult:
    source_file: str
    path: str = ""
    status: str = CREATED
    article_id: int | None = None
    title: str = ""
    statements_created: int = 0
    statements_updated: int = 0
    statements_removed: int = 0
    statements_kept: int = 0  # editor-touched statements left as they were
    speakers_created: int = 0
    errors: list[str] = field(default_factory=list)
    # Filled when details are asked for (dry runs): per statement, what changes.
    statements: list[StatementChange] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    @property
    def label(self) -> str:
        """The file's full path (and JSONL line) as one printable line, for logs."""
        name = self.path or self.source_file
        if self.path and "#" in self.source_file:
            name += "#" + self.source_file.rsplit("#", 1)[1]
        return printable(name)


def printable(text: str) -> str:
    """``text`` with newlines and other control characters escaped, so it stays one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


_COUNTED = (
    "statements_created",
    "statements_updated",
    "statements_removed",
    "statements_kept",
    "speakers_created",
)


@dataclass
class ImportReport:
    """The outcome of an import: totals, failures and (unless told not to) every result.

    With ``keep_results`` off only the totals and the failures are kept, so a
    corpus of millions of articles does not fill memory with one result each.
    """

    dry_run: bool = False
    files_read: int = 0
    results: list[FileResult] = field(default_factory=list)
    keep_results: bool = True
    _counts: Counter = field(default_factory=Counter, repr=False)

    def add(self, result: FileResult) -> None:
        self._counts[result.status] += 1
        for name in _COUNTED:
            self._counts[name] += getattr(result, name)
        if self.keep_results or result.failed:
            self.results.append(result)

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.failed]

    @property
    def ok(self) -> bool:
        return not self.failures

    def totals(self) -> dict[str, int]:
        counts = self._counts
        return {
            "files": self.files_read,
            "articles_created": counts[CREATED],
            "articles_updated": counts[UPDATED],
            "articles_unchanged": counts[UNCHANGED],
            "failed": counts[FAILED],
            **{name: counts[name] for name in _COUNTED},
        }

    def summary_lines(self) -> list[str]:
        t = self.totals()
        lines = [
            ("Dry run: nothing was written. " if self.dry_run else "")
            + f"{t['files']} file{'' if t['files'] == 1 else 's'} read; "
            f"articles: {t['articles_created']} created, "
            f"{t['articles_updated']} updated, {t['articles_unchanged']} unchanged, "
            f"{t['failed']} failed.",
            f"Statements: {t['statements_created']} created, {t['statements_updated']} updated, "
            f"{t['statements_removed']} removed, {t['statements_kept']} kept as editors left them. "
            f"Speakers created: {t['speakers_created']}.",
        ]
        for r in self.failures:
            lines.append(f"FAILED {r.label}: {printable('; '.join(r.errors))}")
        return lines

    def detail_lines(self, width: int = 100) -> list[str]:
        """Per article: its outcome, then each statement created (+), updated (~),
        removed (-) or kept as editors left it (=), with speaker and kind."""
        lines = []
        for r in self.results:
            if r.failed:
                continue
            lines.append(f"{r.status:>9}  {r.label}  {printable(r.title)!r}")
            for ch in r.statements:
                quote = printable(ch.text)
                quote = quote if len(quote) <= width else quote[: width - 1] + "…"
                lines.append(f"           {_MARK[ch.change]} {ch.kind:<8} {ch.speaker}: {quote}")
        return lines

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "totals": self.totals(),
            "files": [asdict(r) for r in self.results],
        }
