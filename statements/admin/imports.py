"""Importing article files from the admin: uploads become import jobs.

With a Celery broker configured every upload is queued as a job that workers
import while the editor watches its progress. Without one, a small upload is
imported inside the request (and still recorded as a job); a large one is
refused with the command to start a worker, since a web request must not run
for minutes. Dry runs always run here, for small uploads, and show per file
what would change.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from statements.extraction.readers import SUPPORTED_SUFFIXES
from statements.models import Event, ImportJob, ImportJobPart
from statements.models.jobs import JobState

FORMATS = ", ".join(sorted(SUPPORTED_SUFFIXES))
WORKER_HINT = (
    "Start a worker (CELERY_BROKER_URL=redis://127.0.0.1:6379/0 celery -A archive worker, "
    "with the same CELERY_BROKER_URL for the web server) to import large batches from here, "
    "or use: manage.py import_articles PATH."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and not data:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    # An empty file is the importer's to report, by name, while the rest imports.
    files = MultipleFileField(help_text=f"Formats read: {FORMATS}.", allow_empty_file=True)
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        required=False,
        help_text="Link every statement of this batch to an event.",
    )
    dry_run = forms.BooleanField(
        required=False, help_text="Read and extract only; show what would change."
    )

    def __init__(self, *args, oversized: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.oversized = list(oversized)  # skipped while uploading (archive/uploads.py)

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.oversized:
            limit = filesizeformat(settings.ARCHIVE_UPLOAD_MAX_BYTES)
            self.add_error(
                "files",
                [
                    f"{name}: over the limit of {limit} a file; import it with "
                    "manage.py import_articles."
                    for name in self.oversized
                ],
            )

    def clean_files(self):
        files = self.cleaned_data["files"]
        problems = []
        for upload in files:
            suffix = Path(upload.name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                problems.append(
                    f"{upload.name}: {suffix or 'no extension'} is not a format the importer "
                    f"reads ({FORMATS})."
                )
        if problems:
            raise forms.ValidationError(problems)
        return files

    def is_small(self) -> bool:
        files = self.cleaned_data["files"]
        return (
            len(files) <= settings.IMPORT_DIRECT_MAX_FILES
            and sum(f.size for f in files) <= settings.IMPORT_DIRECT_MAX_BYTES
        )


_UNSAFE = re.compile(r"[\x00-\x1f\x7f*?\[\]/\\:]")


def safe_name(name: str, n: int) -> str:
    """The upload's base name without path, control or glob characters, nor a leading dot."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).lstrip(". ")
    return base if Path(base).stem else f"upload-{n}{Path(base).suffix}"


def save_uploads(files, folder: Path) -> list[Path]:
    """Write uploads into ``folder`` under their own (safe) names, which the importer records.

    A name given twice goes into a numbered subfolder to keep both.
    """
    saved = []
    for n, upload in enumerate(files):
        name = safe_name(upload.name, n)
        target = folder / name
        if target.exists():
            (folder / str(n)).mkdir()
            target = folder / str(n) / name
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        saved.append(target)
    return saved


class ImportArticlesMixin:
    """Adds ``import/`` to the Article admin, linked from its changelist."""

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="statements_article_import",
            ),
            *super().get_urls(),
        ]

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        # Imported here: the extraction engine loads only when something is imported.
        from statements.jobs.creating import queue_configured

        if not self.has_import_permission(request):
            raise PermissionDenied
        form = (
            ImportForm(
                request.POST,
                request.FILES,
                oversized=getattr(request, "oversized_uploads", []),
            )
            if request.method == "POST"
            else ImportForm()
        )
        report = None
        if request.method == "POST" and form.is_valid():
            queued = queue_configured()
            if not form.is_small() and (form.cleaned_data["dry_run"] or not queued):
                files = form.cleaned_data["files"]
                form.add_error(
                    "files",
                    f"{len(files)} files, {filesizeformat(sum(f.size for f in files))}: too "
                    f"large to import inside this page (at most "
                    f"{settings.IMPORT_DIRECT_MAX_FILES} files, "
                    f"{filesizeformat(settings.IMPORT_DIRECT_MAX_BYTES)}). {WORKER_HINT}",
                )
            elif form.cleaned_data["dry_run"]:
                report = self._dry_run(form)
            else:
                job = self._start_job(request, form, queued)
                return HttpResponseRedirect(job.get_absolute_url())
        context = {
            **self.admin_site.each_context(request),
            "title": "Import articles",
            "form": form,
            "report": report,
            "report_lines": report.summary_lines() if report else [],
            "queued": queue_configured(),
            "worker_hint": WORKER_HINT,
            "opts": self.model._meta,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/statements/article/import.html", context)

    def _dry_run(self, form: ImportForm):
        from statements.importing import import_paths

        event = form.cleaned_data["event"]
        with tempfile.TemporaryDirectory(prefix="admin-import-") as tmp:
            save_uploads(form.cleaned_data["files"], Path(tmp))
            return import_paths([tmp], dry_run=True, event_slug=event.slug if event else None)

    def _start_job(self, request: HttpRequest, form: ImportForm, queued: bool) -> ImportJob:
        from statements.jobs.creating import create_job, enqueue
        from statements.jobs.running import run_job_here

        files = form.cleaned_data["files"]
        folder = Path(settings.IMPORT_JOB_ROOT) / f"upload-{uuid.uuid4().hex}"
        folder.mkdir(parents=True)
        try:
            save_uploads(files, folder)
            job = create_job(
                [folder],
                user=request.user,
                event=form.cleaned_data["event"],
                folder=str(folder),
                description=", ".join(f.name for f in files),
            )
        except Exception:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if queued:
            enqueue(job)
            self.message_user(request, f"{job} is queued; this page follows its progress.")
        else:
            run_job_here(job)
            report = job.report()
            level = messages.SUCCESS if report.ok else messages.WARNING
            self.message_user(request, report.summary_lines()[0], level)
        return job


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Import jobs with their progress; whoever may import may watch and re-run them."""

    list_display = ["__str__", "progress_bar", "state_label", "created_by", "created_at"]
    list_select_related = ["created_by"]
    list_per_page = 50
    change_list_template = "admin/statements/importjob/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("statements.add_article")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("statements.add_article")

    def has_add_permission(self, request):
        return False  # jobs start from the upload page or the command

    def delete_queryset(self, request, queryset):
        folders = [job.folder for job in queryset if job.folder]
        super().delete_queryset(request, queryset)
        for folder in folders:  # the uploaded files go with their job
            shutil.rmtree(folder, ignore_errors=True)

    def delete_model(self, request, obj):
        self.delete_queryset(request, ImportJob.objects.filter(pk=obj.pk))

    @admin.display(description="progress")
    def progress_bar(self, job: ImportJob) -> str:
        p = job.progress()
        return format_html(
            '<progress value="{}" max="{}"></progress> {} / {}{}',
            p["done"] + p["failed"],
            p["total"] or 1,
            p["done"] + p["failed"],
            p["total"],
            f" ({p['failed']} failed)" if p["failed"] else "",
        )

    @admin.display(description="state")
    def state_label(self, job: ImportJob) -> str:
        return JobState(job.state()).label

    def changelist_view(self, request, extra_context=None):
        running = ImportJobPart.objects.unfinished().exists()
        return super().changelist_view(request, {"refresh": running, **(extra_context or {})})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from statements.jobs.creating import enqueue, queue_configured, reset_for_rerun
        from statements.jobs.running import run_job_here

        job = self.get_object(request, object_id)
        if job is None or not self.has_view_permission(request, job):
            raise PermissionDenied
        if request.method == "POST" and "rerun" in request.POST:
            if not self.has_change_permission(request, job):
                raise PermissionDenied
            parts = reset_for_rerun(job)
            if queue_configured():
                enqueue(job, parts)
                self.message_user(request, f"{len(parts)} part(s) queued again.")
            else:
                run_job_here(job)
                self.message_user(request, f"{len(parts)} part(s) imported again.")
            return HttpResponseRedirect(request.path)
        progress = job.progress()
        state = job.state(progress)
        report = job.report()
        context = {
            **self.admin_site.each_context(request),
            "title": str(job),
            "job": job,
            "progress": progress,
            "state": JobState(state),
            "finished": state in (JobState.DONE, JobState.FAILED),
            "can_rerun": state in (JobState.FAILED, JobState.STALLED),
            "parts": job.parts.all(),
            "report": report,
            "report_lines": report.summary_lines(),
            "opts": self.model._meta,
            "upload_url": reverse("admin:statements_article_import"),
        }
        return TemplateResponse(request, "admin/statements/importjob/detail.html", context)
