"""Import a batch of files: read and extract in workers, write in batches.

Reading and extraction are plain Python and CPU-bound, so with ``workers > 1``
they run in worker processes, on chunks of files (a JSON Lines file is split
into chunks of records), while this process writes to the database. Only a
few chunks are in flight at once, so memory stays flat however large the
corpus. The writer stores ``batch_size`` articles per transaction, each in a
savepoint of its own (a failing article is rolled back alone and reported),
links the batch to events in one go, and reuses what earlier articles of the
run resolved (``RunCache``). A file that cannot be read or extracted is
reported and skipped; the rest goes on.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing as mp
import os
import random
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from django.db import IntegrityError, OperationalError, connection, transaction

from statements.extraction.document import ExtractedArticle
from statements.extraction.pipeline import process
from statements.extraction.readers import ReadFailure, find_files, read_path
from statements.extraction.readers.jsonl import jsonl_chunks
from statements.importing.bulk import NewArticles, plainly_new
from statements.importing.locking import commit_without_waiting_for_disk, one_writer_at_a_time
from statements.importing.persist import (
    RunCache,
    group_stored,
    link_batch,
    save_article,
)
from statements.importing.report import FAILED, FileResult, ImportReport
from statements.linking import EventMatchers
from statements.models import Article, Event
from statements.utterances import CandidatesAhead

logger = logging.getLogger(__name__)

ATTEMPTS = 4  # tries per article when another writer got in first
# Articles per transaction. SQLite: what an editor's save may wait for. PostgreSQL: readers
# never wait for the writer, and each batch costs a few queries and a commit, so larger
# batches import faster (about 1.8 times at 100 as at 20).
BATCH_SIZE = 20
BATCH_SIZE_POSTGRESQL = 100


def default_batch_size() -> int:
    """Articles per transaction when none is asked for, for the database in use."""
    return BATCH_SIZE_POSTGRESQL if connection.vendor == "postgresql" else BATCH_SIZE


CHUNK_RECORDS = 200  # JSON Lines records per extraction task
_PR_SET_PDEATHSIG = 1  # prctl(2) option: a signal for this process when its parent dies

# What a worker hands back for one task: extracted articles and failures, in file order.
Parsed = list[ExtractedArticle | FileResult]
# One extraction task: a file, and for JSON Lines a range of lines and where it starts.
Task = tuple[Path, tuple[int, int] | None, int]


class _DryRunRollback(Exception):
    pass


def parse_file(path: Path, lines: tuple[int, int] | None = None, offset: int = 0) -> Parsed:
    """Read one file and extract every article in it; never raises.

    An exception in the engine fails that article (named by file and line)
    and nothing else.
    """
    items: Parsed = []
    try:
        for doc in read_path(path, lines=lines, offset=offset):
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


def _tasks(files: list[Path]) -> Iterator[Task]:
    for path in files:
        if path.suffix.lower() == ".jsonl":
            for lines, offset in jsonl_chunks(path, CHUNK_RECORDS):
                yield path, lines, offset
        else:
            yield path, None, 0


# The run's event keywords, in forked workers: each searches the texts of the articles
# it extracted, so the writer (the one process every article waits for) does not.
_MATCHERS: EventMatchers | None = None
# What a worker found: events named in each text linking will search (``EventMatchers.search``).
Found = dict[str, tuple[int, ...]]


def _parse_task(task: Task) -> tuple[Parsed, Found]:
    path, lines, offset = task
    items = parse_file(path, lines, offset)
    found: Found = {}
    for x in items:
        if isinstance(x, ExtractedArticle):
            art = x.article
            _ = art.fingerprint  # hashed here, once: it travels to the writer with the article
            if _MATCHERS:
                statements = (st.text for st in x.statements)
                found.update(_MATCHERS.search_article(art.title[:500], art.body, statements))
    return items, found


def _parsed(
    files: list[Path], workers: int, matchers: EventMatchers
) -> Iterator[tuple[Path, Parsed, Found]]:
    """(file, what one task of it gave, the events its texts name), in order; a file's last
    task ends its run of tasks. In this process (one worker) nothing is computed ahead."""
    global _MATCHERS
    tasks = _tasks(files)
    if workers <= 1:
        for task in tasks:
            yield task[0], parse_file(*task), {}
        return
    _MATCHERS = matchers  # inherited by the forked workers
    # Forked workers only read files and run the engine; they never touch the
    # database, so the connection (and any transaction) stays with this process.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        # A bounded window of tasks in flight: the writer's pace sets the memory, not the corpus.
        window: deque[tuple[Task, Future | None]] = deque()
        for task in tasks:
            try:
                future = pool.submit(_parse_task, task)
            except BrokenProcessPool:  # a worker died (killed, out of memory): go on here
                future = None
            window.append((task, future))
            if len(window) >= 2 * workers + 1:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())


def _result(task: Task, future: Future | None) -> tuple[Path, Parsed, Found]:
    """A worker's answer for ``task``; a task whose worker died is named as failed."""
    path, lines, _offset = task
    if future is None:
        return path, parse_file(*task), {}
    try:
        return path, *future.result()
    except Exception as exc:  # noqa: BLE001 - one lost worker must not end the import
        name = path.name + (f"#{lines[0]}-{lines[1]}" if lines else "")
        error = f"extraction failed in a worker process: {type(exc).__name__}: {exc}"
        failed = FileResult(source_file=name, path=str(path), status=FAILED, errors=[error])
        return path, [failed], {}


# Extraction workers yield the CPU to the writer and its database server process: every
# article waits for that one chain, while the workers only need to stay a few tasks ahead.
WORKER_NICENESS = 5


def _start_worker(parent: int) -> None:
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    _die_with_parent(parent)


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
    batch_size: int | None = None,
    keep_results: bool = True,
) -> ImportReport:
    """Import every supported file under ``paths``; see ``ImportReport`` for the outcome.

    With ``dry_run`` everything runs, database writes included, inside one
    transaction that is rolled back, so the report shows exactly what would happen.
    ``details`` (by default: in a dry run) lists every statement each article
    would gain, change or lose, with speaker and kind. ``batch_size`` articles
    are written per transaction (1: each article on its own, linked at once;
    by default ``default_batch_size()``).
    Without ``keep_results`` the report keeps totals and failures only (memory
    stays flat however many articles), unless details are asked for.
    """
    details = dry_run if details is None else details
    report = ImportReport(dry_run=dry_run, keep_results=keep_results or details)
    batch_event = Event.objects.get(slug=event_slug) if event_slug else None
    files, unreadable = find_files([str(p) for p in paths])
    report.files_read = len(files)
    for failure in unreadable:  # missing paths, FIFOs, symlink loops: reported, not fatal
        report.add(_read_failure(failure))
    writer = _Writer(
        batch_event,
        EventMatchers(Event.objects.all()),  # once per run, not once per article
        lock=not dry_run,
        details=details,
        size=max(1, batch_size or default_batch_size()),
    )
    # A dry run writes everything inside one transaction and rolls it back.
    outer = transaction.atomic() if dry_run else contextlib.nullcontext()
    try:
        with outer:
            current: Path | None = None
            for path, items, found in _parsed(files, workers, writer.matchers):
                if progress and current is not None and path != current:
                    progress(current)
                current = path
                writer.matchers.remember(found)
                for item in items:
                    for result in writer.add(item, path):
                        report.add(result)
            for result in writer.flush():
                report.add(result)
            if progress and current is not None:
                progress(current)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    finally:
        writer.ahead.close()
    return report


class _Writer:
    """Stores parsed articles in batches, each batch one transaction, in arrival order."""

    def __init__(
        self,
        batch_event: Event | None,
        matchers: EventMatchers,
        *,
        lock: bool,
        details: bool,
        size: int,
    ):
        self.batch_event = batch_event
        self.matchers = matchers
        self.lock = lock
        self.details = details
        self.size = size
        self.run = RunCache()
        self.ahead = CandidatesAhead()
        self.pending: list[tuple[ExtractedArticle | FileResult, Path]] = []

    def add(self, item: ExtractedArticle | FileResult, path: Path) -> list[FileResult]:
        self.pending.append((item, path))
        return self.flush() if len(self.pending) >= self.size else []

    def flush(self) -> list[FileResult]:
        batch, self.pending = self.pending, []
        if not batch:
            return []
        if self.size == 1:
            item, path = batch[0]
            return [self._one(item, path)]
        try:
            with transaction.atomic():
                if self.lock:
                    one_writer_at_a_time()
                    commit_without_waiting_for_disk()
                to_link: list[Article] = []
                gathered = NewArticles(self.run, self.ahead)
                results = self._store(batch, to_link, gathered)
                link_batch(to_link, self.matchers, gathered.written)
            return results
        except Exception as exc:  # noqa: BLE001 - retried article by article, which names the culprit
            # The batch as a whole failed (say, an editor deleted a speaker it used,
            # or one article's row was refused in a multi-row INSERT):
            # start afresh, one article per transaction, with retries.
            logger.warning(
                "a batch of %d articles failed as a whole (%s: %s); storing them one by one",
                len(batch),
                type(exc).__name__,
                exc,
            )
            self.run.clear()
            return [self._one(item, path) for item, path in batch]

    def _store(
        self,
        batch: list[tuple[ExtractedArticle | FileResult, Path]],
        to_link: list[Article],
        gathered: NewArticles,
    ) -> list[FileResult]:
        """New articles in multi-row INSERTs, the others one by one in order between them.

        Statements are grouped into utterances in the order of their articles, as
        one by one would: a run of new articles as it is written, the articles
        stored one by one before it just before that.
        """
        extracted = [(i if isinstance(i, ExtractedArticle) else None, p) for i, p in batch]
        new = plainly_new(extracted) if not self.details else [False] * len(batch)
        results = []
        stored: list[Article] = []  # stored one by one since the last run of new articles
        for (item, path), is_new in zip(batch, new, strict=True):
            if is_new and self.batch_event is None:
                results.append(gathered.add(item, path))
                continue
            # What came before is stored before this one is looked up.
            self._write_new(gathered, stored, to_link)
            results.append(self._in_savepoint(item, path, stored))
        self._write_new(gathered, stored, to_link)
        return results

    @staticmethod
    def _write_new(gathered: NewArticles, stored: list[Article], to_link: list[Article]) -> None:
        """Group the articles stored one by one so far, then write the new ones gathered."""
        if stored:
            group_stored(stored)
            gathered.grouped = True
        to_link += stored
        stored.clear()
        to_link += gathered.write()

    def _one(self, item: ExtractedArticle | FileResult, path: Path) -> FileResult:
        return store_article(
            item,
            path,
            self.batch_event,
            self.matchers,
            lock=self.lock,
            details=self.details,
            run=self.run,
        )

    def _in_savepoint(
        self, item: ExtractedArticle | FileResult, path: Path, stored: list[Article]
    ) -> FileResult:
        if isinstance(item, FileResult):
            return item
        for attempt in range(1, ATTEMPTS + 1):
            linked = len(stored)
            try:
                with transaction.atomic():
                    return save_article(
                        item,
                        path=str(path),
                        batch_event=self.batch_event,
                        matchers=self.matchers,
                        details=self.details,
                        run=self.run,
                        link_later=stored,
                    )
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                del stored[linked:]
                self.run.clear()  # it may hold speakers the savepoint just rolled back
                if attempt == ATTEMPTS or not isinstance(exc, IntegrityError):
                    return _failed(item, path, exc)
        raise AssertionError("unreachable")


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
    run: RunCache | None = None,
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
                    commit_without_waiting_for_disk()
                return save_article(
                    item,
                    path=str(path),
                    batch_event=batch_event,
                    matchers=matchers,
                    details=details,
                    run=run,
                )
        except (IntegrityError, OperationalError) as exc:
            if run is not None:
                run.clear()
            if attempt == ATTEMPTS or not _conflict(exc):
                return _failed(item, path, exc)
            # Another import (or an editor) wrote the same rows first: read again and retry.
            time.sleep(random.uniform(0.05, 0.2) * attempt)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            if run is not None:
                run.clear()
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
