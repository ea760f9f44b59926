"""Statements: correcting and annotating them, and the editors' review queue."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from statements.admin.base import (
    CappedPaginator,
    LowConfidenceFilter,
    action_form_page,
    confidence_html,
    highlight,
)
from statements.admin.history import STATUS_REASONS, HistoryAdmin
from statements.models import (
    Event,
    EventLink,
    ReviewQueueStatement,
    ReviewStatus,
    Speaker,
    Statement,
    StatementEvent,
    Tag,
)
from statements.reasons import set_reason

# Fields whose change is a correction of the machine's reading: re-imports must keep it.
CORRECTION_FIELDS = frozenset(
    {"text", "start", "end", "spans", "speaker", "reported_by", "kind", "said_on"}
)


# --- operations shared by the statement pages, the queue and its bulk actions -------------


def set_status(statements: QuerySet, status: str, reason: str = "") -> int:
    """Save each row (not ``update()``) so every change lands in the history."""
    n = 0
    for st in Statement.objects.filter(pk__in=statements.values("pk")):
        if st.review_status != status:
            st.review_status = status
            set_reason(st, reason or f"{STATUS_REASONS[status]} (bulk action)")
            st.save(update_fields=["review_status", "updated_at"])
            n += 1
    return n


def add_tag(statements: QuerySet, tag: Tag) -> int:
    n = 0
    for st in Statement.objects.filter(pk__in=statements.values("pk")).exclude(tags=tag):
        set_reason(st, f"Tagged {tag}")
        st.tags.add(tag)  # m2m_changed writes a history record
        n += 1
    return n


def link_to_event(statements: QuerySet, event: Event) -> int:
    """Editor links: ``link_events`` never removes them, even if a keyword link existed."""
    n = 0
    for st_id in statements.values_list("pk", flat=True):
        link, created = StatementEvent.objects.get_or_create(
            statement_id=st_id, event=event, defaults={"linked_by": EventLink.EDITOR}
        )
        if not created and link.linked_by != EventLink.EDITOR:
            link.linked_by = EventLink.EDITOR
            link.save()
        n += created
    return n


def reassign(statement: Statement, speaker: Speaker, *, verify: bool = False) -> str:
    """Give the quote to ``speaker`` (a correction re-imports keep); with ``verify``, settle it.

    Returns the reason recorded in the history: "Reassigned from X to Y and verified".
    """
    reason = f"Reassigned from {statement.speaker} to {speaker}"
    statement.speaker = speaker
    statement.edited_by_editor = True
    fields = ["speaker", "edited_by_editor", "updated_at"]
    if verify:
        statement.review_status = ReviewStatus.VERIFIED
        fields.append("review_status")
        reason += " and verified"
    set_reason(statement, reason)
    statement.save(update_fields=fields)
    return reason


# --- forms ----------------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=ReviewStatus.choices, label="Review status")


class TagForm(forms.Form):
    tag = forms.ModelChoiceField(queryset=Tag.objects.all())


class EventForm(forms.Form):
    event = forms.ModelChoiceField(queryset=Event.objects.all())


class StatementForm(forms.ModelForm):
    """Keeps the span consistent with the article when an editor corrects the quote."""

    class Meta:
        model = Statement
        fields = [
            "article",
            "text",
            "start",
            "end",
            "spans",
            "kind",
            "speaker",
            "reported_by",
            "said_on",
            "review_status",
            "tags",
            "editor_note",
        ]

    def clean(self):
        cleaned = super().clean()
        article = cleaned.get("article") or getattr(self.instance, "article", None)
        start, end = cleaned.get("start"), cleaned.get("end")
        if article is None or start is None or end is None:
            return cleaned
        body = article.body
        changed = set(self.changed_data)
        text = cleaned.get("text", "")
        if "text" in changed and not {"start", "end"} & changed:
            # New wording, same offsets: find the words in the article, nearest the old place.
            hits = list(_find_all(body, text)) if text else []
            if hits:
                old = start
                start = min(hits, key=lambda i: abs(i - old))
                end = start + len(text)
                cleaned["start"], cleaned["end"] = start, end
                changed |= {"start"}
        if end < start:
            raise ValidationError({"end": "The quote cannot end before it starts."})
        if end > len(body):
            raise ValidationError({"end": f"The article's text is only {len(body)} long."})
        if {"start", "end"} & changed and "spans" not in changed:
            cleaned["spans"] = [[start, end]]
        spans = cleaned.get("spans") or []
        if not isinstance(spans, list) or not all(
            isinstance(s, list | tuple)
            and len(s) == 2
            and all(isinstance(x, int) for x in s)
            and 0 <= s[0] <= s[1] <= len(body)
            for s in spans
        ):
            raise ValidationError({"spans": "A list of [start, end] pairs within the article."})
        return cleaned


def _find_all(body: str, text: str):
    i = body.find(text)
    while i >= 0:
        yield i
        i = body.find(text, i + 1)


class StatementEventInline(admin.TabularInline):
    model = StatementEvent
    fields = ["event", "linked_by"]
    readonly_fields = ["linked_by"]
    autocomplete_fields = ["event"]
    extra = 0
    verbose_name = "event"
    verbose_name_plural = "events"


class StatementActionsMixin:
    """Bulk actions with an intermediate form, for the statement list and the review queue."""

    actions = ["set_status_action", "add_tag_action", "link_event_action"]

    @admin.action(description="Set review status…", permissions=["change"])
    def set_status_action(self, request: HttpRequest, queryset: QuerySet):
        def apply(data, qs):
            label = ReviewStatus(data["status"]).label
            return f"{set_status(qs, data['status'])} statements set to {label}."

        return action_form_page(
            self, request, queryset, form_class=StatusForm, title="Set review status", apply=apply
        )

    @admin.action(description="Add a tag…", permissions=["change"])
    def add_tag_action(self, request: HttpRequest, queryset: QuerySet):
        def apply(data, qs):
            return f"Tag {data['tag']} added to {add_tag(qs, data['tag'])} statements."

        return action_form_page(
            self, request, queryset, form_class=TagForm, title="Add a tag", apply=apply
        )

    @admin.action(description="Link to an event…", permissions=["change"])
    def link_event_action(self, request: HttpRequest, queryset: QuerySet):
        def apply(data, qs):
            return f"{link_to_event(qs, data['event'])} statements linked to {data['event']}."

        return action_form_page(
            self, request, queryset, form_class=EventForm, title="Link to an event", apply=apply
        )


@admin.register(Statement)
class StatementAdmin(StatementActionsMixin, HistoryAdmin):
    form = StatementForm
    list_display = [
        "short_text",
        "speaker",
        "kind",
        "said_on",
        "review_status",
        "confidence_display",
        "edited_by_editor",
        "article",
    ]
    list_filter = [
        "review_status",
        LowConfidenceFilter,
        "kind",
        "edited_by_editor",
        "tags",
        "article__outlet",
    ]
    search_fields = ["text", "speaker__name", "speaker__aliases__name", "article__title"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["article", "speaker", "reported_by", "tags"]
    list_select_related = ["speaker", "article"]
    inlines = [StatementEventInline]
    readonly_fields = [
        "context",
        "cue",
        "evidence",
        "confidence",
        "extraction_key",
        "edited_by_editor",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        ("Quote", {"fields": ["article", "context", "text", "start", "end", "spans", "kind"]}),
        ("Attribution", {"fields": ["speaker", "reported_by", "said_on"]}),
        (
            "Extraction",
            {"fields": ["cue", "evidence", "confidence", "extraction_key", "edited_by_editor"]},
        ),
        ("Annotation", {"fields": ["review_status", "tags", "editor_note"]}),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields + ["article"] if obj is not None else fields

    @admin.display(description="quote", ordering="text")
    def short_text(self, obj: Statement) -> str:
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, obj: Statement):
        return confidence_html(obj.confidence)

    @admin.display(description="in context")
    def context(self, obj: Statement):
        if not obj.pk:
            return "—"
        paragraph, offset = obj.context_paragraph()
        return format_html(
            '<div style="max-width:60em;white-space:pre-wrap">{}</div>',
            highlight(paragraph, obj.span_list, offset),
        )

    def save_model(self, request: HttpRequest, obj: Statement, form, change: bool) -> None:
        if not change:
            obj.edited_by_editor = True
            obj.extraction_key = f"editor-{uuid.uuid4().hex}"
        elif CORRECTION_FIELDS & set(form.changed_data):
            obj.edited_by_editor = True
        super().save_model(request, obj, form, change)


DECISIONS = {
    "verify": ReviewStatus.VERIFIED,
    "dispute": ReviewStatus.DISPUTED,
    "reject": ReviewStatus.REJECTED,
}
# Where the queue keeps the last decision so the editor can take it back.
UNDO_SESSION_KEY = "review_queue_undo"


def speaker_from_post(value: str | None) -> Speaker | None:
    """The speaker a reassign form names; None for an empty, non-numeric or unknown id."""
    value = (value or "").strip()
    if not value.isdigit():
        return None
    return Speaker.objects.filter(pk=int(value)).first()


@admin.register(ReviewQueueStatement)
class ReviewQueueAdmin(StatementActionsMixin, admin.ModelAdmin):
    """Unreviewed statements, least certain first, with one-click decisions per row.

    Row buttons submit the changelist form (which carries the CSRF token) to
    ``review/<pk>/`` via ``formaction``; corrections go to the statement's page.
    The page is built for throughput: keyboard shortcuts (review_queue.js), the
    next item focused after each decision, reassign-and-verify in one action,
    and an undo of the last decision.
    """

    list_display = ["confidence_display", "quote", "attribution", "decide"]
    list_display_links = None
    list_filter = [LowConfidenceFilter, "kind", "article__outlet"]
    search_fields = ["text", "speaker__name", "article__title"]
    ordering = ["confidence", "id"]
    list_per_page = 20
    paginator = CappedPaginator
    show_full_result_count = False  # a second count of the whole queue on every filtered view

    def get_queryset(self, request: HttpRequest):
        return (
            self.model.objects.needing_review()
            .select_related("speaker", "reported_by", "article")
            .defer("article__raw_text")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # One place to correct a statement (and record its history): its own page.
        return HttpResponseRedirect(reverse("admin:statements_statement_change", args=[object_id]))

    def history_view(self, request, object_id, extra_context=None):
        return HttpResponseRedirect(reverse("admin:statements_statement_history", args=[object_id]))

    def changelist_view(self, request: HttpRequest, extra_context=None):
        context = {"undo": request.session.get(UNDO_SESSION_KEY), **(extra_context or {})}
        return super().changelist_view(request, context)

    def get_urls(self):
        return [
            path(
                "review/<int:pk>/",
                self.admin_site.admin_view(require_POST(self.review_view)),
                name="statements_reviewqueuestatement_review",
            ),
            path(
                "review/undo/",
                self.admin_site.admin_view(require_POST(self.undo_view)),
                name="statements_reviewqueuestatement_undo",
            ),
            *super().get_urls(),
        ]

    @property
    def media(self):
        keyboard = forms.Media(css={"all": ["desk/review_queue.css"]}, js=["desk/review_queue.js"])
        return super().media + self._speaker_field().widget.media + keyboard

    def _speaker_field(self) -> forms.ModelChoiceField:
        widget = AutocompleteSelect(Statement._meta.get_field("speaker"), self.admin_site)
        return forms.ModelChoiceField(queryset=Speaker.objects.all(), widget=widget)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, obj: Statement):
        return confidence_html(obj.confidence)

    @admin.display(description="quote in its paragraph")
    def quote(self, obj: Statement):
        paragraph, offset = obj.context_paragraph()
        article_url = reverse("admin:statements_article_change", args=[obj.article_id])
        return format_html(
            '<p class="queue-quote">“{}”</p><p class="queue-paragraph">{}</p>'
            '<p class="help"><a href="{}">{}</a> · {} · {}</p>',
            obj.text,
            highlight(paragraph, obj.span_list, offset),
            article_url,
            obj.article.title,
            obj.article.outlet or "unknown outlet",
            obj.said_on or "undated",
        )

    @admin.display(description="attribution", ordering="speaker__name")
    def attribution(self, obj: Statement):
        """Who, and why the machine thought so: the evidence the editor checks."""
        url = reverse("admin:statements_speaker_change", args=[obj.speaker_id])
        html = format_html('<a href="{}"><strong>{}</strong></a>', url, obj.speaker)
        if obj.reported_by_id:
            html = format_html("{}<br>reported by {}", html, obj.reported_by)
        return format_html(
            "{}<p>{}</p><p class='help'>cue: {} · {}</p>",
            html,
            obj.evidence or "—",
            obj.cue or "—",
            obj.get_kind_display(),
        )

    @admin.display(description="decision")
    def decide(self, obj: Statement):
        url = reverse("admin:statements_reviewqueuestatement_review", args=[obj.pk])
        buttons = format_html_join(
            " ",
            '<button type="submit" class="button" formaction="{}" formmethod="post" '
            'name="decision" value="{}" data-key="{}">{}</button>',
            ((url, key, key[0], key.capitalize()) for key in DECISIONS),
        )
        select = self._speaker_field().widget.render(
            f"speaker-{obj.pk}",
            None,
            attrs={"id": f"id_speaker-{obj.pk}", "class": "queue-speaker", "style": "width:14em"},
        )
        correct = reverse("admin:statements_statement_change", args=[obj.pk])
        return format_html(
            '<div class="review-buttons">{}</div>'
            '<div class="review-reassign">{} <button type="submit" class="button" formaction="{}" '
            'formmethod="post" name="decision" value="reassign">Reassign &amp; verify</button></div>'
            '<div class="review-correct"><a href="{}">Correct or annotate…</a></div>',
            buttons,
            select,
            url,
            correct,
        )

    def review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """One decision on one statement: verify, dispute, reject, or reassign and verify."""
        statement = get_object_or_404(Statement.objects.select_related("speaker"), pk=pk)
        if not self.has_change_permission(request, statement):
            raise PermissionDenied
        before = {
            "pk": statement.pk,
            "speaker_id": statement.speaker_id,
            "review_status": statement.review_status,
            "edited_by_editor": statement.edited_by_editor,
        }
        decision = request.POST.get("decision", "")
        if decision in DECISIONS:
            statement.review_status = DECISIONS[decision]
            set_reason(statement, STATUS_REASONS[statement.review_status])
            statement.save(update_fields=["review_status", "updated_at"])
            message = f"{statement.get_review_status_display()}: “{statement.text[:60]}”"
        elif decision == "reassign":
            speaker = speaker_from_post(
                request.POST.get(f"speaker-{pk}") or request.POST.get("speaker")
            )
            if speaker is None:
                self.message_user(request, "Choose the speaker to reassign to.", messages.WARNING)
                return self._back(request)
            reason = reassign(statement, speaker, verify=True)
            message = f"{reason}: “{statement.text[:60]}”"
        else:
            self.message_user(request, "Unknown decision.", messages.ERROR)
            return self._back(request)
        self.log_change(request, statement, message)
        request.session[UNDO_SESSION_KEY] = {**before, "summary": message}
        self.message_user(request, message, messages.SUCCESS)
        return self._back(request)

    def undo_view(self, request: HttpRequest) -> HttpResponse:
        """Take back the last decision made in this session: speaker and status as they were."""
        last = request.session.pop(UNDO_SESSION_KEY, None)
        statement = Statement.objects.filter(pk=(last or {}).get("pk")).first()
        if statement is None:
            self.message_user(request, "Nothing to undo.", messages.WARNING)
            return self._back(request)
        if not self.has_change_permission(request, statement):
            raise PermissionDenied
        if not Speaker.objects.filter(pk=last["speaker_id"]).exists():
            self.message_user(
                request, "The earlier speaker no longer exists (merged?).", messages.ERROR
            )
            return self._back(request)
        statement.speaker_id = last["speaker_id"]
        statement.review_status = last["review_status"]
        statement.edited_by_editor = last["edited_by_editor"]
        set_reason(statement, f"Undid: {last['summary']}")
        statement.save(update_fields=["speaker", "review_status", "edited_by_editor", "updated_at"])
        message = f"Undone: {last['summary']}"
        self.log_change(request, statement, message)
        self.message_user(request, message, messages.SUCCESS)
        return self._back(request)

    def _back(self, request: HttpRequest) -> HttpResponse:
        """Back to the queue, keeping its filters when the referring page was the queue."""
        url = request.POST.get("next") or request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            url = reverse("admin:statements_reviewqueuestatement_changelist")
        return HttpResponseRedirect(url)
