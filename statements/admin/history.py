"""History pages that explain themselves, and a revert form that respects permissions.

Every saved change is a history row (django-simple-history). Code that knows
why it changes a row says so in ``_change_reason`` (review decisions, merges,
splits, corrections); rows saved without one (the importer, older rows) get a
reason read off their changes, so the page has one reason column, never "None".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange, ModelDelta
from simple_history.utils import get_m2m_reverse_field_name

from statements.reasons import set_reason

# Bookkeeping fields: they change with every save and explain nothing.
QUIET_FIELDS = frozenset({"updated_at", "dated_on", "edited_by_editor", "key", "fingerprint"})

# Reasons other code records in one word, as a reader wants them.
TERSE_REASONS = {"import": "Imported", "reimport": "Re-imported"}

STATUS_REASONS = {
    "verified": "Verified",
    "disputed": "Disputed",
    "rejected": "Rejected",
    "unreviewed": "Returned to the review queue",
}


def _label(value) -> str:
    """A changed value as a reader wants it: a speaker's name, not ``Speaker object (3)``."""
    if value is None or value == "":
        return "nobody"
    return str(value)


def explain_change(record, delta=None) -> str:
    """Why this history row exists, in words an editor reads at a glance.

    The stored reason wins; otherwise it is read off the row's type, who made
    it (no user: the importer) and the fields that changed.
    """
    if record.history_change_reason:
        return TERSE_REASONS.get(record.history_change_reason, record.history_change_reason)
    by_import = record.history_user_id is None
    if record.history_type == "+":
        return "Imported" if by_import else "Added"
    if record.history_type == "-":
        return "Deleted"
    order = {f.name: n for n, f in enumerate(record.instance_type._meta.get_fields())}
    changes = sorted(
        (c for c in (delta.changes if delta else ()) if c.field not in QUIET_FIELDS),
        key=lambda c: order.get(c.field, len(order)),
    )
    if delta is None:
        return "Re-imported" if by_import else "Changed"
    if not changes:
        return "Re-imported, nothing changed" if by_import else "Saved, nothing changed"
    meta = record.instance_type._meta
    parts, corrected = [], []
    for change in changes:
        if change.field == "review_status":
            parts.append(STATUS_REASONS.get(change.new, f"Status set to {change.new}"))
        elif change.field == "speaker":
            parts.append(f"Reassigned from {_label(change.old)} to {_label(change.new)}")
        elif change.field == "reported_by":
            parts.append(f"Relayer changed from {_label(change.old)} to {_label(change.new)}")
        else:
            try:
                corrected.append(str(meta.get_field(change.field).verbose_name))
            except FieldDoesNotExist:  # a field removed since
                corrected.append(change.field.replace("_", " "))
    reason = _join(parts, corrected)
    return f"Re-imported: {reason[0].lower()}{reason[1:]}" if by_import else reason


def fields_reason(form: forms.BaseForm) -> str:
    """A correction's reason from the fields the editor changed.

    "Reassigned from X to Y; Verified; Corrected text": a speaker change names
    both people, a status change says the decision, other fields are corrections.
    """
    if not form.changed_data:
        return "Saved, nothing changed"
    parts, corrected = [], []
    for name in form.changed_data:
        field = form.fields[name]
        new = form.cleaned_data.get(name)
        if name == "review_status":
            parts.append(STATUS_REASONS.get(new, f"Status set to {new}"))
        elif isinstance(field, forms.ModelChoiceField) and not isinstance(
            field, forms.ModelMultipleChoiceField
        ):
            old_pk = form.initial.get(name)
            old = field.queryset.filter(pk=old_pk).first() if old_pk else None
            verb = "Reassigned" if name == "speaker" else f"Changed {field.label or name}"
            parts.append(f"{verb} from {_label(old)} to {_label(new)}")
        else:
            corrected.append(str(field.label or name).lower())
    return _join(parts, corrected)


def _join(parts: list[str], corrected: list[str]) -> str:
    """ "Verified; Corrected text, kind": decisions first, then one list of corrected fields."""
    if corrected:
        parts = [*parts, "Corrected " + ", ".join(corrected)]
    return "; ".join(parts)


class HistoryFilterForm(forms.Form):
    """Filters of a history page: who made the change, and between which days."""

    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(), required=False, label="Editor"
    )
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, users: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].empty_label = "Anyone"

    def apply(self, history: QuerySet) -> QuerySet:
        if not self.is_valid():
            return history
        data = self.cleaned_data
        if data["user"]:
            history = history.filter(history_user=data["user"])
        since: date | None = data["since"]
        until: date | None = data["until"]
        if since:
            history = history.filter(history_date__date__gte=since)
        if until:
            history = history.filter(history_date__date__lte=until)
        return history


class HistoryAdmin(SimpleHistoryAdmin):
    """Every editable model: history per object (who, when, why, what), filterable, revertible.

    Reverting is changing: the revert form obeys the change form's permission
    and read-only fields, so a history page is never a back door.
    """

    history_list_display: list[str] = []
    object_history_template = "admin/statements/object_history.html"
    object_history_list_template = "admin/statements/object_history_list.html"
    list_per_page = 50

    def _history_filter(self, request: HttpRequest, object_id) -> HistoryFilterForm:
        history = self.model.history.filter(**{self.model._meta.pk.attname: object_id})
        users = get_user_model().objects.filter(pk__in=history.values("history_user_id"))
        return HistoryFilterForm(request.GET or None, users=users)

    def history_view(self, request: HttpRequest, object_id, extra_context=None) -> HttpResponse:
        form = self._history_filter(request, unquote(object_id))
        request._history_filter = form
        query = request.GET.copy()
        query.pop("p", None)
        context = {"history_filter": form, "filter_query": query.urlencode()}
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    def get_history_queryset(self, request, history_manager, pk_name: str, object_id):
        history = super().get_history_queryset(request, history_manager, pk_name, object_id)
        form = getattr(request, "_history_filter", None)
        return form.apply(history) if form is not None else history

    def set_history_delta_changes(
        self, request, historical_records: Sequence, foreign_keys_are_objs=True
    ) -> None:
        """Each row's changes against the version before it, and its reason from the same delta.

        With a filter on, the version before a row may be filtered out: those are
        fetched in one more query, so a filtered page still shows true changes.
        """
        rows = list(historical_records)
        if not rows:
            return
        before = dict(zip(rows, [*rows[1:], None], strict=True))
        if getattr(request, "_history_filter", None) is not None and request.GET:
            before = self._true_predecessors(rows)
        m2m = self._m2m_states([*rows, *filter(None, before.values())])
        for current in rows:
            older, delta = before.get(current), None
            if older is not None:
                delta = current.diff_against(
                    older, excluded_fields=m2m, foreign_keys_are_objs=foreign_keys_are_objs
                )
                helper = self.get_historical_record_context_helper(request, current)
                shown = helper.context_for_delta_changes(delta)
                for name, states in m2m.items():
                    old, new = states[older.history_id], states[current.history_id]
                    if old != new:
                        change = ModelChange(name, old, new)
                        delta = ModelDelta([*delta.changes, change], [], older, current)
                        label = self.model._meta.get_field(name).verbose_name
                        shown.append({"field": label, "old": ", ".join(old), "new": ", ".join(new)})
                current.history_delta_changes = shown
            current.reason = explain_change(current, delta)

    def _m2m_states(self, rows: list) -> dict[str, dict[int, list[str]]]:
        """Per many-to-many field, per version, the related objects' names: one query a field.

        simple-history's own diff asks twice per row; a page of 100 versions
        would make 200 queries.
        """
        states: dict[str, dict[int, list[str]]] = {}
        ids = {r.history_id for r in rows}
        for field in rows[0]._history_m2m_fields:
            through = getattr(rows[0], field.name).model
            target = get_m2m_reverse_field_name(field)
            by_version: dict[int, list[str]] = defaultdict(list)
            for row in through.objects.filter(history_id__in=ids).select_related(target):
                by_version[row.history_id].append(str(getattr(row, target)))
            states[field.name] = {i: sorted(by_version[i]) for i in ids}
        return states

    def _true_predecessors(self, rows: list) -> dict:
        history = self.model.history
        pk_name = self.model._meta.pk.attname
        object_id = getattr(rows[0], pk_name)
        versions = list(
            history.filter(**{pk_name: object_id})
            .order_by("history_date", "history_id")
            .values_list("history_id", flat=True)
        )
        previous = dict(zip(versions[1:], versions, strict=False))
        wanted = {previous[r.history_id] for r in rows if r.history_id in previous}
        fetched = self.model.history.filter(
            history_id__in=wanted
        )._select_related_history_tracked_objs()
        by_id = {r.history_id: r for r in fetched}
        return {r: by_id.get(previous.get(r.history_id)) for r in rows}

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        if obj is None or not self._may_revert(request, obj.pk):
            return True
        return super().revert_disabled(request, obj)

    def _may_revert(self, request: HttpRequest, object_id) -> bool:
        """The change form's permission for a live object.

        Bringing a deleted one back undoes a deletion: it takes whoever may delete (and add).
        """
        current = self.get_object(request, str(object_id))
        if current is None:
            return self.has_add_permission(request) and self.has_delete_permission(request)
        return self.has_change_permission(request, current)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            if not self._may_revert(request, unquote(object_id)):
                raise PermissionDenied
            request._reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if not getattr(obj, "_change_reason", None):
            if getattr(request, "_reverting", False):
                set_reason(obj, "Reverted to an earlier version")
            elif change:
                set_reason(obj, fields_reason(form))
        super().save_model(request, obj, form, change)
