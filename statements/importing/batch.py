"""Import a batch of files: read and extract, then persist each article on its own.

Reading and extraction are plain Python and CPU-bound, so with ``workers > 1``
they run in worker processes while this process writes to the database (one
writer keeps SQLite happy and transactions simple). A file that cannot be read
or extracted is reported and skipped; the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import random
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.db import IntegrityError, OperationalError, transaction

from statements.extraction.document import ExtractedArticle
from statements.extraction.pipeline import process
from statements.extraction.readers import ReadFailure, find_files, read_path
from statements.importing.locking import one_writer_at_a_time
from statements.importing.persist import save_article
from statements.importing.report import FAILED, FileResult, ImportReport
from statements.linking import EventMatchers
from statements.models import Event

ATTEMPTS = 4  # tries per article when another writer got in first
_PR_SET_PDEATHSIG = 1  # prctl(2) option: a signal for this process when its parent dies

# What a worker hands back for one file: extracted articles and failures, in file order.
Parsed = list[ExtractedArticle | FileResult]


class _DryRunRollback(Exception):
    pass


def parse_file(path: Path, lines: tuple[int, int] | None = None) -> Parsed:
    """Read one file and extract every article in it; never raises.

    An exception in the engine fails that article (named by file and line)
    and nothing else.
    """
    items: Parsed = []
    try:
        for doc in read_path(path, lines=lines):
            if isinstance(doc, ReadFailure):
                items.append(_read_failure(doc))
                continue
            try:
                items.append(process(doc))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                items.append(
                    FileResult(
                        source_file=doc.source_file,
                        path=str(path),
                        status=FAILED,
                        errors=[f"extraction failed: {type(exc).__name__}: {exc}"],
                    )
                )
    except Exception as exc:  # noqa: BLE001
        items.append(
            FileResult(
                source_file=path.name,
                path=str(path),
                status=FAILED,
                errors=[f"could not read: {type(exc).__name__}: {exc}"],
            )
        )
    return items


def _read_failure(failure: ReadFailure) -> FileResult:
    return FileResult(
        source_file=failure.source_file,
        path=failure.path,
        status=FAILED,
        errors=[failure.error],
    )


def _parsed(files: list[Path], workers: int) -> Iterator[tuple[Path, Parsed]]:
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield path, parse_file(path)
        return
    # Forked workers only read files and run the engine; they never touch the
    # database, so the connection (and any transaction) stays with this process.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        yield from zip(files, pool.map(parse_file, files, chunksize=4), strict=True)


def _die_with_parent(parent: int) -> None:
    """Make a worker end when the import that started it ends, even by SIGKILL.

    A killed parent runs no clean-up, and its workers would otherwise wait on
    their task queue forever. Linux delivers a signal at the parent's death;
    elsewhere a watcher thread notices the new parent id.
    """
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def import_paths(
    paths: Iterable[str | os.PathLike],
    *,
    dry_run: bool = False,
    event_slug: str | None = None,
    workers: int = 1,
    progress: Callable[[Path], None] | None = None,
    details: bool | None = None,
) -> ImportReport:
    """Import every supported file under ``paths``; see ``ImportReport`` for the outcome.

    With ``dry_run`` everything runs, database writes included, inside one
    transaction that is rolled back, so the report shows exactly what would happen.
    ``details`` (by default: in a dry run) lists every statement each article
    would gain, change or lose, with speaker and kind.
    """
    details = dry_run if details is None else details
    report = ImportReport(dry_run=dry_run)
    batch_event = Event.objects.get(slug=event_slug) if event_slug else None
    files, unreadable = find_files([str(p) for p in paths])
    report.files_read = len(files)
    for failure in unreadable:  # missing paths, FIFOs, symlink loops: reported, not fatal
        report.add(_read_failure(failure))
    matchers = EventMatchers(Event.objects.all())  # once per run, not once per article
    # Outside a dry run each article commits on its own (see store_article).
    outer = transaction.atomic() if dry_run else contextlib.nullcontext()
    try:
        with outer:
            for path, items in _parsed(files, workers):
                for item in items:
                    stored = store_article(
                        item, path, batch_event, matchers, lock=not dry_run, details=details
                    )
                    report.add(stored)
                if progress:
                    progress(path)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return report


def import_file(
    path: str | os.PathLike,
    *,
    event: Event | None = None,
    matchers: EventMatchers | None = None,
    lines: tuple[int, int] | None = None,
) -> list[FileResult]:
    """Read, extract and store one file: one result per article (one per JSONL record).

    ``lines`` = (first, last), 1-based and inclusive, imports only those
    records of a JSON Lines file, so a large file can be split into jobs.
    Each article commits on its own and conflicting writers are retried, so
    several processes may run this at once on overlapping files.
    """
    path = Path(path)
    if matchers is None:
        matchers = EventMatchers(Event.objects.all())
    return [store_article(item, path, event, matchers) for item in parse_file(path, lines=lines)]


def store_article(
    item: ExtractedArticle | FileResult,
    path: Path,
    batch_event: Event | None,
    matchers: EventMatchers | None = None,
    *,
    lock: bool = True,
    details: bool = False,
) -> FileResult:
    """Store one parsed article in its own transaction, retrying on a conflicting writer.

    A failure (after the retries) becomes a failed result naming the file; it
    rolls back that article alone.
    """
    if isinstance(item, FileResult):
        return item
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with transaction.atomic():
                if lock:
                    one_writer_at_a_time()
                return save_article(
                    item,
                    path=str(path),
                    batch_event=batch_event,
                    matchers=matchers,
                    details=details,
                )
        except (IntegrityError, OperationalError) as exc:
            if attempt == ATTEMPTS or not _conflict(exc):
                return _failed(item, path, exc)
            # Another import (or an editor) wrote the same rows first: read again and retry.
            time.sleep(random.uniform(0.05, 0.2) * attempt)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            return _failed(item, path, exc)
    raise AssertionError("unreachable")


def _failed(item: ExtractedArticle, path: Path, exc: Exception) -> FileResult:
    return FileResult(
        source_file=item.article.source_file,
        path=str(path),
        status=FAILED,
        errors=[f"could not store: {type(exc).__name__}: {exc}"],
    )


def _conflict(exc: Exception) -> bool:
    """Unique-key races and a busy database are worth another try; other errors are not."""
    return isinstance(exc, IntegrityError) or "locked" in str(exc) or "deadlock" in str(exc)
