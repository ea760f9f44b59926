"""Import a batch of files: read and extract, then persist each article on its own.

Reading and extraction are plain Python and CPU-bound, so with ``workers > 1``
they run in worker processes while this process writes to the database (one
writer keeps SQLite happy and transactions simple). A file that cannot be read
or extracted is reported and skipped; the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.db import transaction

from statements.extraction.document import ExtractedArticle
from statements.extraction.pipeline import process
from statements.extraction.readers import ReadFailure, iter_files, read_path
from statements.importing.persist import save_article
from statements.importing.report import FAILED, FileResult, ImportReport
from statements.models import Event

# What a worker hands back for one file: extracted articles and failures, in file order.
Parsed = list[ExtractedArticle | FileResult]


class _DryRunRollback(Exception):
    pass


def parse_file(path: Path) -> Parsed:
    """Read one file and extract every article in it; never raises."""
    items: Parsed = []
    try:
        for doc in read_path(path):
            if isinstance(doc, ReadFailure):
                items.append(
                    FileResult(
                        source_file=doc.source_file,
                        path=str(path),
                        status=FAILED,
                        errors=[doc.error],
                    )
                )
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


def _parsed(files: list[Path], workers: int) -> Iterator[tuple[Path, Parsed]]:
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield path, parse_file(path)
        return
    # Forked workers only read files and run the engine; they never touch the
    # database, so the connection (and any transaction) stays with this process.
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
        yield from zip(files, pool.map(parse_file, files, chunksize=4), strict=True)


def import_paths(
    paths: Iterable[str | os.PathLike],
    *,
    dry_run: bool = False,
    event_slug: str | None = None,
    workers: int = 1,
    progress: Callable[[Path], None] | None = None,
) -> ImportReport:
    """Import every supported file under ``paths``; see ``ImportReport`` for the outcome.

    With ``dry_run`` everything runs, database writes included, inside one
    transaction that is rolled back, so the report shows exactly what would happen.
    """
    report = ImportReport(dry_run=dry_run)
    batch_event = Event.objects.get(slug=event_slug) if event_slug else None
    files = iter_files([str(p) for p in paths])
    report.files_read = len(files)
    # Outside a dry run each article commits on its own (see _store).
    outer = transaction.atomic() if dry_run else contextlib.nullcontext()
    try:
        with outer:
            for path, items in _parsed(files, workers):
                for item in items:
                    report.add(_store(item, path, batch_event))
                if progress:
                    progress(path)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return report


def _store(
    item: ExtractedArticle | FileResult, path: Path, batch_event: Event | None
) -> FileResult:
    if isinstance(item, FileResult):
        return item
    try:
        # A savepoint per article: a failure rolls back that article alone.
        with transaction.atomic():
            return save_article(item, path=str(path), batch_event=batch_event)
    except Exception as exc:  # noqa: BLE001
        return FileResult(
            source_file=item.article.source_file,
            path=str(path),
            status=FAILED,
            errors=[f"could not store: {type(exc).__name__}: {exc}"],
        )
