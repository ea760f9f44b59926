"""Pieces shared by the admin modules: highlighting, confidence, intermediate action pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from statements.extraction.document import LOW_CONFIDENCE


class CappedPaginator(Paginator):
    """Counts at most ``cap`` rows: a queue of a million is not counted on every page view.

    The pages past the cap are not linked; the list's filters narrow it instead.
    """

    cap = 10_000

    @cached_property
    def count(self) -> int:
        return min(self.object_list.order_by().values("pk")[: self.cap + 1].count(), self.cap)


def highlight(text: str, spans: Iterable[tuple[int, int]], offset: int = 0) -> SafeString:
    """``text`` escaped, with the ``spans`` (body offsets, shifted by ``offset``) in <mark>.

    Imported text is never trusted: every piece goes through escape/format_html.
    """
    pieces: list[SafeString] = []
    pos = 0
    for start, end in sorted(spans):
        s, e = max(start - offset, pos), min(end - offset, len(text))
        if e <= s:
            continue
        pieces.append(escape(text[pos:s]))
        pieces.append(format_html("<mark>{}</mark>", text[s:e]))
        pos = e
    pieces.append(escape(text[pos:]))
    return format_html_join("", "{}", ((p,) for p in pieces))


def confidence_html(value: float) -> SafeString:
    """Low confidence stands out: the queue is sorted by it and editors should see why."""
    if value < LOW_CONFIDENCE:
        return format_html('<strong style="color:#ba2121">{} (low)</strong>', f"{value:.2f}")
    return format_html("{}", f"{value:.2f}")


class LowConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [("low", f"Low (below {LOW_CONFIDENCE})"), ("normal", "Normal")]

    def queryset(self, request, queryset):
        if self.value() == "low":
            return queryset.filter(confidence__lt=LOW_CONFIDENCE)
        if self.value() == "normal":
            return queryset.filter(confidence__gte=LOW_CONFIDENCE)
        return queryset


def action_form_page(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    form_class: type[forms.Form],
    title: str,
    apply: Callable[[dict, QuerySet], str],
) -> HttpResponse | None:
    """An admin action with an intermediate form page.

    First call shows the form for the selected rows; the page posts back to the
    changelist with the same action and selection plus ``_apply``. Returning
    None sends the editor back to the changelist, with ``apply``'s message.
    """
    if "_apply" in request.POST:
        form = form_class(request.POST)
        if form.is_valid():
            model_admin.message_user(request, apply(form.cleaned_data, queryset))
            return None
    else:
        form = form_class()
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "objects": queryset,
        "opts": model_admin.model._meta,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/statements/action_form.html", context)
