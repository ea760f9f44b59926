"""Importing article files from the admin: the same importer and report as the command."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from statements.models import Event


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
    files = MultipleFileField(
        help_text="Text, HTML, PDF, Word, JSON Lines… the formats `manage.py import_articles` reads."
    )
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        required=False,
        help_text="Link every statement of this batch to an event.",
    )
    dry_run = forms.BooleanField(
        required=False, help_text="Read and extract only; show what would change."
    )


def save_uploads(files, folder: Path) -> list[Path]:
    """Write uploads into ``folder`` under their own names (the importer records them).

    Only the base name is kept, so a crafted name cannot escape the folder; a
    name given twice goes into a numbered subfolder to keep both.
    """
    saved = []
    for n, upload in enumerate(files):
        name = Path(upload.name.replace("\\", "/")).name
        if name in {"", ".", ".."}:
            name = f"upload-{n}"
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
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
        report = None
        if request.method == "POST" and form.is_valid():
            # Imported here: the extraction engine loads only when something is imported.
            from statements.importing import import_paths

            event = form.cleaned_data["event"]
            with tempfile.TemporaryDirectory(prefix="admin-import-") as tmp:
                paths = save_uploads(form.cleaned_data["files"], Path(tmp))
                report = import_paths(
                    paths,
                    dry_run=form.cleaned_data["dry_run"],
                    event_slug=event.slug if event else None,
                )
            level = messages.SUCCESS if report.ok else messages.WARNING
            self.message_user(request, report.summary_lines()[0], level)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import articles",
            "form": form,
            "report": report,
            "report_lines": report.summary_lines() if report else [],
            "opts": self.model._meta,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/statements/article/import.html", context)
