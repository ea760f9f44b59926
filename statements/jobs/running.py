"""Running one part of an import job; safe to run twice, and from several workers at once.

The importer itself makes a re-run harmless (an unchanged article is left as
it is, conflicting writers retry), so a task redelivered after its worker died
simply imports its file again.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from archive.page_cache import deferred_clearing
from statements.importing.batch import import_file
from statements.importing.report import FAILED, FileResult
from statements.models import ImportJob, ImportJobPart
from statements.models.jobs import PartState

log = logging.getLogger("statements.jobs")


def run_part(part_id: int) -> ImportJobPart | None:
    """Import one part; returns it, or None when it was already finished (a duplicate delivery)."""
    with transaction.atomic():
        part = (
            ImportJobPart.objects.select_for_update(of=("self",))
            .select_related("job__event")
            .filter(pk=part_id)
            .first()
        )
        if part is None or part.state in (PartState.DONE, PartState.FAILED):
            return None
        part.state = PartState.RUNNING
        part.attempts += 1
        part.worker = f"{socket.gethostname()}:{os.getpid()}"
        part.started_at = timezone.now()
        part.save(update_fields=["state", "attempts", "worker", "started_at"])

    started = time.perf_counter()
    try:
        with deferred_clearing():  # the page cache is emptied once per part, not per article
            results = import_file(part.path, event=part.job.event, lines=part.lines)
    except Exception as exc:  # noqa: BLE001 - reported on the part, the job goes on
        results = [
            FileResult(
                source_file=part.label,
                path=part.path,
                status=FAILED,
                errors=[f"{type(exc).__name__}: {exc}"],
            )
        ]
    part.results = [asdict(r) for r in results]
    part.state = PartState.FAILED if any(r.failed for r in results) else PartState.DONE
    part.finished_at = timezone.now()
    part.save(update_fields=["results", "state", "finished_at"])
    log.info(
        "import part finished",
        extra={
            "job": part.job_id,
            "part": part.pk,
            "file": part.label,
            "state": part.state,
            "articles": len(results),
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )
    _finish_job_if_done(part.job_id)
    return part


def _finish_job_if_done(job_id: int) -> None:
    if ImportJobPart.objects.filter(job_id=job_id).unfinished().exists():
        return
    ImportJob.objects.filter(pk=job_id, finished_at__isnull=True).update(finished_at=timezone.now())


def run_job_here(job: ImportJob) -> None:
    """Import every waiting part in this process (no broker, or a small upload)."""
    for part_id in job.parts.filter(state=PartState.PENDING).values_list("pk", flat=True):
        run_part(part_id)
