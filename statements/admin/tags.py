"""The editors' managed vocabulary of tags."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from statements.admin.history import HistoryAdmin
from statements.models import Tag


@admin.register(Tag)
class TagAdmin(HistoryAdmin):
    list_display = ["name", "slug", "description", "statement_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # Meta.ordering is dropped from aggregate queries: order explicitly.
        qs = super().get_queryset(request).annotate(n_statements=Count("statements"))
        return qs.order_by("name")

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj: Tag) -> int:
        return obj.n_statements
