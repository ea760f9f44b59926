"""The editors' desk: what the admin's front page shows before the list of tables.

Work waiting (review queue, low confidence, disputed), the latest imports with
their failures, and speakers that look like one person with a merge proposal.
Every figure comes from an indexed filter, counted up to a cap ("10,000+"), in
a fixed number of queries, so the page stays cheap at a million statements.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from statements.extraction.document import LOW_CONFIDENCE
from statements.merging import DuplicateProposal, likely_duplicates
from statements.models import ImportJob, ImportJobPart, ReviewStatus, Speaker, Statement
from statements.models.jobs import JobState, PartState

LATEST = 5
ERRORS_PER_JOB = 3


@dataclass
class ImportLine:
    job: ImportJob
    url: str | None
    progress: dict[str, int]
    state: str
    errors: list[str]


@dataclass
class MergeProposal:
    speakers: list[Speaker]
    reasons: list[str]


@dataclass(frozen=True)
class Figure:
    """A count shown on the desk; past ``CAP`` it reads "10,000+" (counting on costs time)."""

    value: int
    more: bool = False

    def __str__(self) -> str:
        return f"{self.value:,}+" if self.more else f"{self.value:,}"


CAP = 10_000


def capped_count(queryset, cap: int = CAP) -> Figure:
    """Count at most ``cap`` + 1 rows: a bounded index range scan however large the table."""
    n = queryset.order_by().values("pk")[: cap + 1].count()
    return Figure(min(n, cap), n > cap)


def review_counts() -> dict[str, Figure]:
    """Waiting, of which low confidence, and disputed; each read off the review index."""
    waiting = Statement.objects.filter(review_status=ReviewStatus.UNREVIEWED)
    return {
        "waiting": capped_count(waiting),
        "low": capped_count(waiting.filter(confidence__lt=LOW_CONFIDENCE)),
        "disputed": capped_count(Statement.objects.filter(review_status=ReviewStatus.DISPUTED)),
    }


def latest_disputed(limit: int = LATEST) -> list[Statement]:
    """The newest disputed statements (by id: the primary key walked backwards, no sort)."""
    return list(
        Statement.objects.filter(review_status=ReviewStatus.DISPUTED)
        .select_related("speaker")
        .only("text", "speaker__name")
        .order_by("-pk")[:limit]
    )


def _admin_url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # a page another admin module registers, not there yet
        return None


def latest_imports(limit: int = LATEST) -> list[ImportLine]:
    """The latest import jobs, how far they got, and the first errors of their failed parts."""
    jobs = list(ImportJob.objects.with_progress().select_related("created_by")[:limit])
    errors: dict[int, list[str]] = {job.pk: [] for job in jobs}
    failed = ImportJobPart.objects.filter(job__in=jobs, state=PartState.FAILED).only(
        "job_id", "path", "first_line", "last_line", "results"
    )
    for part in failed:
        found = errors[part.job_id]
        if len(found) < ERRORS_PER_JOB:
            found.extend((part.errors or [f"{part.label}: failed"])[: ERRORS_PER_JOB - len(found)])
    lines = []
    for job in jobs:
        progress = job.progress()
        lines.append(
            ImportLine(
                job=job,
                url=_admin_url("admin:statements_importjob_change", job.pk),
                progress=progress,
                state=JobState(job.state(progress)).label,
                errors=errors[job.pk],
            )
        )
    return lines


def merge_proposals(limit: int = LATEST) -> list[MergeProposal]:
    proposals: list[DuplicateProposal] = likely_duplicates(limit)
    ids = {i for p in proposals for i in p.speaker_ids}
    speakers = Speaker.objects.filter(pk__in=ids).annotate(n=Count("statements")).in_bulk()
    return [
        MergeProposal([speakers[i] for i in p.speaker_ids], p.reasons)
        for p in proposals
        if all(i in speakers for i in p.speaker_ids)
    ]


def desk_context(request: HttpRequest) -> dict:
    """Everything the desk shows, for the people allowed to act on it."""
    user = request.user
    context: dict = {}
    if user.has_perm("statements.view_statement"):
        context["review"] = review_counts()
        context["disputed"] = latest_disputed()
    if user.has_perm("statements.add_article"):
        context["imports"] = latest_imports()
    if user.has_perm("statements.change_speaker") and user.has_perm("statements.delete_speaker"):
        context["merges"] = merge_proposals()
    return {"desk": context, "low_confidence": LOW_CONFIDENCE}
