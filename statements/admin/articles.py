"""Articles as imported, with their statements inline and the "Import articles" page."""

from __future__ import annotations

import hashlib

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.http import HttpRequest

from statements.admin.base import confidence_html
from statements.admin.history import HistoryAdmin
from statements.admin.imports import ImportArticlesMixin
from statements.models import Article, Statement


class StatementInline(admin.TabularInline):
    """Read-only overview; corrections happen on the statement's own page (change link)."""

    model = Statement
    fields = ["text", "speaker", "kind", "said_on", "review_status", "confidence_display"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    @admin.display(description="confidence")
    def confidence_display(self, obj: Statement):
        return confidence_html(obj.confidence)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        # Statements come from extraction: their spans point into the body.
        return False

    def get_queryset(self, request: HttpRequest):
        # The speaker column, without a query per row.
        return super().get_queryset(request).select_related("speaker")


@admin.register(Article)
class ArticleAdmin(ImportArticlesMixin, HistoryAdmin):
    list_display = [
        "title",
        "outlet",
        "published_on",
        "language",
        "source_file",
        "statement_count",
        "imported_at",
    ]
    list_filter = ["outlet", "language", "source_format", "published_on"]
    search_fields = ["title", "outlet", "url", "source_file"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["events"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [StatementInline]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "url", "published_on", "language", "events"]}),
        (
            "Provenance",
            {
                "fields": [
                    "source_file",
                    "source_format",
                    "source_links",
                    "fingerprint",
                    "imported_at",
                    "updated_at",
                ]
            },
        ),
        ("Text", {"fields": ["body", "raw_text"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # Meta.ordering is dropped from aggregate queries: order explicitly.
        qs = super().get_queryset(request).annotate(n_statements=Count("statements"))
        return qs.order_by("-published_on", "-id")

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        readonly = ["fingerprint", "imported_at", "updated_at"]
        if obj is not None:
            # Statement offsets point into the body: editing it would misplace every quote.
            readonly += ["body", "raw_text", "source_file", "source_format"]
        return readonly

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj: Article) -> int:
        return obj.n_statements

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not obj.fingerprint:
            # Typed in by hand: marked so it can never equal an imported file's hash.
            digest = hashlib.sha256(f"{obj.title}\n{obj.body}".encode()).hexdigest()
            obj.fingerprint = f"manual-{digest[:57]}"
        super().save_model(request, obj, form, change)
