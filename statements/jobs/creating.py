"""Making an import job: expand the paths, split big JSON Lines files, queue the parts."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.db import transaction

from statements.extraction.readers import find_files
from statements.importing.report import FAILED, FileResult
from statements.models import Event, ImportJob, ImportJobPart
from statements.models.jobs import PartState


def queue_configured() -> bool:
    """Whether a broker is configured; without one nothing is queued."""
    return bool(settings.CELERY_BROKER_URL)


def create_job(
    paths: Iterable[str | os.PathLike],
    *,
    user=None,
    event: Event | None = None,
    folder: str = "",
    description: str = "",
) -> ImportJob:
    """A job with one part per file and per chunk of a JSON Lines file (not yet queued).

    Paths are stored absolute: workers on other machines must see the same
    folder (a shared mount), as they see the same database. A path that cannot
    be read (missing, unsupported, not a file) becomes a failed part naming it,
    as the in-process import reports it; the rest of the job goes on.
    """
    files, unreadable = find_files([str(p) for p in paths])
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=user, event=event, folder=folder, description=description[:300]
        )
        ImportJobPart.objects.bulk_create(
            ImportJobPart(job=job, path=str(path.resolve()), first_line=first, last_line=last)
            for path in files
            for first, last in _chunks(path)
        )
        ImportJobPart.objects.bulk_create(
            ImportJobPart(
                job=job,
                path=failure.path,
                state=PartState.FAILED,
                results=[
                    asdict(
                        FileResult(
                            source_file=failure.source_file,
                            path=failure.path,
                            status=FAILED,
                            errors=[failure.error],
                        )
                    )
                ],
            )
            for failure in unreadable
        )
        if not files:  # nothing to wait for
            job.finished_at = job.created_at
            job.save(update_fields=["finished_at"])
    return job


def _chunks(path: Path) -> list[tuple[int, int]]:
    """(0, 0) for a whole file; line ranges of IMPORT_JOB_JSONL_CHUNK for JSON Lines."""
    if path.suffix.lower() != ".jsonl":
        return [(0, 0)]
    size = settings.IMPORT_JOB_JSONL_CHUNK
    with path.open("rb") as handle:
        lines = sum(1 for _ in handle)
    if lines <= size:
        return [(0, 0)]
    return [(first, min(first + size - 1, lines)) for first in range(1, lines + 1, size)]


def enqueue(job: ImportJob, parts: Iterable[ImportJobPart] | None = None) -> int:
    """Send a task per part (all waiting parts by default) once the transaction commits."""
    part_ids = (
        [p.pk for p in parts]
        if parts is not None
        else list(job.parts.filter(state=PartState.PENDING).values_list("pk", flat=True))
    )
    transaction.on_commit(lambda: _send(part_ids))
    return len(part_ids)


def _send(part_ids: list[int]) -> None:
    from statements.jobs.tasks import import_part

    for pk in part_ids:
        import_part.delay(pk)


def reset_for_rerun(job: ImportJob) -> list[ImportJobPart]:
    """Put the parts that failed, and those whose worker was lost, back to waiting."""
    parts = list(job.parts.filter(state=PartState.FAILED) | job.parts.stalled())
    ImportJobPart.objects.filter(pk__in=[p.pk for p in parts]).update(
        state=PartState.PENDING, started_at=None, finished_at=None, worker=""
    )
    ImportJob.objects.filter(pk=job.pk).update(finished_at=None)
    return parts
