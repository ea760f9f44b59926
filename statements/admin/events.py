"""Events: dates, nesting, keywords, and re-linking statements by keyword."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest

from statements.admin.history import HistoryAdmin
from statements.linking import link_events
from statements.models import Event, StatementEvent


class KeywordsField(forms.CharField):
    """The JSON list of keywords, edited as one keyword or phrase per line."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 40})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        if isinstance(value, list):
            return value
        seen: dict[str, str] = {}
        for line in text.splitlines():
            word = line.strip()
            if word and word.casefold() not in seen:
                seen[word.casefold()] = word
        return list(seen.values())


class EventForm(forms.ModelForm):
    keywords = KeywordsField(
        required=False,
        help_text="One word or phrase per line; case-insensitive, matched within the event's dates.",
    )

    class Meta:
        model = Event
        fields = ["name", "slug", "description", "start_on", "end_on", "parent", "keywords"]

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent and self.instance.pk:
            # No cycles: the parent may not be the event itself or one of its sub-events.
            below = Event.objects.filter(pk=self.instance.pk).with_descendants()
            if parent.pk in below:
                raise forms.ValidationError("An event cannot be part of itself or its sub-events.")
        return parent

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_on"), cleaned.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", "The event cannot end before it starts.")
        return cleaned


class SubEventInline(admin.TabularInline):
    model = Event
    fk_name = "parent"
    fields = ["name", "start_on", "end_on"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name = "sub-event"
    verbose_name_plural = "sub-events"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    form = EventForm
    list_display = ["name", "start_on", "end_on", "parent", "keyword_list", "statement_count"]
    list_filter = ["start_on", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "description"]
    date_hierarchy = "start_on"
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SubEventInline]
    actions = ["relink"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(n_statements=Count("statements"))
            .order_by("start_on", "name")  # Meta.ordering is dropped from aggregate queries
        )

    @admin.display(description="keywords")
    def keyword_list(self, obj: Event) -> str:
        return ", ".join(obj.keywords or [])

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj: Event) -> int:
        return obj.n_statements

    @admin.action(description="Re-link statements by keyword", permissions=["change"])
    def relink(self, request: HttpRequest, queryset) -> None:
        """Same as ``manage.py link_events`` for the selected events; editors' links stay."""
        result = link_events(events=list(queryset))
        for event in queryset:
            self.log_change(request, event, f"Re-linked statements: {result}")
        self.message_user(request, f"Re-linked: {result}.", messages.SUCCESS)


@admin.register(StatementEvent)
class StatementEventAdmin(HistoryAdmin):
    on_index = False  # edited on the statement's page
    list_display = ["statement", "event", "linked_by"]
    list_filter = ["linked_by", ("event", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["statement__text", "event__name"]
    autocomplete_fields = ["statement", "event"]
    list_select_related = ["statement__speaker", "event"]
