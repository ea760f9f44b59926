"""Import jobs: a batch of files imported by Celery workers, one task per file or chunk.

The job's progress is read from its parts' states, never from counters that
several workers would have to update at once.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class JobState(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "done with failures"
    STALLED = "stalled", "stalled (worker lost?)"


class PartState(models.TextChoices):
    PENDING = "pending", "waiting"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class ImportJobQuerySet(models.QuerySet):
    def with_progress(self) -> ImportJobQuerySet:
        """Counts per state in the same query as the jobs (the admin list shows them all)."""

        def count(*states: str) -> models.Count:
            return models.Count("parts", filter=models.Q(parts__state__in=states))

        return self.annotate(
            parts_total=models.Count("parts"),
            parts_done=count(PartState.DONE),
            parts_failed=count(PartState.FAILED),
            parts_running=count(PartState.RUNNING),
        )


class ImportJob(models.Model):
    """Who imported which files, when, and how it went."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)
    folder = models.CharField(
        max_length=1000, blank=True, help_text="Where an upload's files are kept for the workers."
    )
    event = models.ForeignKey("statements.Event", null=True, blank=True, on_delete=models.SET_NULL)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Import job {self.pk}" + (f": {self.description}" if self.description else "")

    def get_absolute_url(self) -> str:
        return reverse("admin:statements_importjob_change", args=[self.pk])

    def progress(self) -> dict[str, int]:
        """Parts total, done, failed and running; from annotations when the list loaded them."""
        if hasattr(self, "parts_total"):
            return {
                "total": self.parts_total,
                "done": self.parts_done,
                "failed": self.parts_failed,
                "running": self.parts_running,
            }
        counts = dict(self.parts.values_list("state").annotate(n=models.Count("pk")).order_by())
        return {
            "total": sum(counts.values()),
            "done": counts.get(PartState.DONE, 0),
            "failed": counts.get(PartState.FAILED, 0),
            "running": counts.get(PartState.RUNNING, 0),
        }

    def report(self):
        """The finished parts' results as an ImportReport (what the command prints)."""
        from statements.jobs.reporting import job_report

        return job_report(self)

    def state(self, progress: dict[str, int] | None = None) -> str:
        p = progress or self.progress()
        finished = p["done"] + p["failed"]
        if p["total"] and finished == p["total"]:
            return JobState.FAILED if p["failed"] else JobState.DONE
        if p["running"] and self.parts.stalled().exists():
            return JobState.STALLED
        return JobState.RUNNING if finished or p["running"] else JobState.QUEUED


class ImportJobPartQuerySet(models.QuerySet):
    def unfinished(self) -> ImportJobPartQuerySet:
        return self.filter(state__in=[PartState.PENDING, PartState.RUNNING])

    def stalled(self) -> ImportJobPartQuerySet:
        """Running for longer than any file should take: its worker is likely gone."""
        limit = timezone.now() - timedelta(seconds=settings.IMPORT_JOB_STALL_SECONDS)
        return self.filter(state=PartState.RUNNING, started_at__lt=limit)


class ImportJobPart(models.Model):
    """One task: a file, or a range of lines of a JSON Lines file."""

    job = models.ForeignKey(ImportJob, related_name="parts", on_delete=models.CASCADE)
    path = models.CharField(max_length=1000)
    # 1-based, inclusive; 0 and 0 for a whole file.
    first_line = models.PositiveIntegerField(default=0)
    last_line = models.PositiveIntegerField(default=0)
    state = models.CharField(
        max_length=10, choices=PartState.choices, default=PartState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=200, blank=True, help_text="host and process id")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    results = models.JSONField(default=list, blank=True, help_text="One entry per article.")

    objects = ImportJobPartQuerySet.as_manager()

    class Meta:
        ordering = ["path", "first_line"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "path", "first_line"], name="unique_part_per_job"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        if not self.first_line:
            return name
        return f"{name} lines {self.first_line}–{self.last_line}"

    @property
    def lines(self) -> tuple[int, int] | None:
        return (self.first_line, self.last_line) if self.first_line else None

    @property
    def errors(self) -> list[str]:
        return [
            f"{r.get('source_file', '')}: {error}"
            for r in self.results
            for error in r.get("errors", [])
        ]
