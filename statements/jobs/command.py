"""``import_articles --queue [--wait]``: the command's side of import jobs."""

from __future__ import annotations

import sys
import time

from django.core.management.base import CommandError
from tqdm import tqdm

from statements.importing.report import ImportReport
from statements.jobs.creating import create_job, enqueue, queue_configured
from statements.jobs.reporting import job_report
from statements.models import Event, ImportJob

POLL_SECONDS = 1.0


def queue_import(paths: list[str], *, event_slug: str | None, description: str) -> ImportJob:
    if not queue_configured():
        raise CommandError(
            "--queue needs CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) and a worker: "
            "celery -A archive worker. Without --queue the files import in this process."
        )
    event = Event.objects.get(slug=event_slug) if event_slug else None
    job = create_job(paths, event=event, description=description)
    enqueue(job)
    return job


def wait_for(job: ImportJob, *, show_bar: bool, timeout: float | None = None) -> ImportReport:
    """Follow the job's progress until every part has finished; its report."""
    total = job.progress()["total"]
    started = time.monotonic()
    with tqdm(total=total, unit="part", disable=not show_bar, file=sys.stderr) as bar:
        while True:
            progress = job.progress()
            finished = progress["done"] + progress["failed"]
            bar.update(finished - bar.n)
            if finished >= total:
                break
            if timeout is not None and time.monotonic() - started > timeout:
                raise CommandError(f"Import job {job.pk} still running after {timeout:.0f} s.")
            time.sleep(POLL_SECONDS)
    return job_report(job)
