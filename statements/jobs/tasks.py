"""The Celery task: one part of an import job.

Acknowledged late and rejected when its worker is lost, so a worker killed in
the middle of a file (SIGKILL, a lost machine) hands the file to another
worker instead of losing it. A database that is briefly away is retried.
"""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from statements.jobs.running import run_part


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def import_part(part_id: int) -> None:
    run_part(part_id)
