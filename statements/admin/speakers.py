"""Speakers, their aliases and roles; merging and splitting speakers."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from statements.admin.history import HistoryAdmin
from statements.extraction.names import name_key
from statements.merging import merge_speakers, split_speaker, statements_using_spelling
from statements.models import Speaker, SpeakerAlias, SpeakerRedirect, SpeakerRole, Statement


class SpeakerAliasForm(forms.ModelForm):
    """Refuses a spelling another speaker already owns (the key is unique) with a clear message."""

    class Meta:
        model = SpeakerAlias
        fields = ["speaker", "name"]

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name:
            key = name_key(name)
            if not key:
                raise ValidationError({"name": "A name needs at least one letter or digit."})
            clash = SpeakerAlias.objects.filter(key=key).exclude(pk=self.instance.pk).first()
            if clash:
                raise ValidationError(
                    {
                        "name": f"This spelling already belongs to {clash.speaker} "
                        "(merge the speakers if they are one person)."
                    }
                )
        return cleaned


class AliasInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        own_key = name_key(self.instance.name or "")
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.key == own_key:
                raise ValidationError("The speaker's own name cannot be removed from its aliases.")


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    formset = AliasInlineFormSet
    fields = ["name", "key"]
    readonly_fields = ["key"]
    extra = 1


class SpeakerRoleInline(admin.TabularInline):
    model = SpeakerRole
    fields = ["title", "reported_on", "article"]
    autocomplete_fields = ["article"]
    extra = 0


class MergeForm(forms.Form):
    """Which record stays (its id and history) and what the person is called from now on."""

    keep = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        label="Keep",
        help_text="The others' statements, roles and names move to this speaker; they are deleted.",
    )
    name = forms.ChoiceField(
        widget=forms.RadioSelect,
        required=False,
        label="Canonical name",
        help_text="How the archive names the person; every other spelling becomes an alias.",
    )
    new_name = forms.CharField(
        required=False,
        max_length=200,
        label="Or type the right name",
        help_text="When none of the spellings is right, e.g. a missing accent.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.speakers = speakers
        self.fields["keep"].queryset = speakers
        spellings = dict.fromkeys(sp.name for sp in speakers)
        spellings.update(
            dict.fromkeys(
                SpeakerAlias.objects.filter(speaker__in=speakers)
                .order_by("name")
                .values_list("name", flat=True)
            )
        )
        self.fields["name"].choices = [(n, n) for n in spellings]

    def clean(self):
        cleaned = super().clean()
        name = " ".join((cleaned.get("new_name") or cleaned.get("name") or "").split())
        keep = cleaned.get("keep")
        if not name and keep is not None:
            name = keep.name
        key = name_key(name)
        if not key:
            raise ValidationError({"new_name": "A name needs at least one letter or digit."})
        owner = SpeakerAlias.objects.filter(key=key).exclude(speaker__in=self.speakers).first()
        if owner:
            raise ValidationError(
                {"new_name": f"“{name}” is already a name of {owner.speaker}; merge them too."}
            )
        cleaned["canonical_name"] = name
        return cleaned


class SplitForm(forms.Form):
    MOVE_NONE, MOVE_SPELLING, MOVE_SELECTED = "none", "spelling", "selected"

    alias = forms.ModelChoiceField(queryset=SpeakerAlias.objects.none(), label="Alias to split off")
    new_name = forms.CharField(
        required=False, max_length=200, help_text="Name of the new speaker; the alias by default."
    )
    move = forms.ChoiceField(
        choices=[
            (MOVE_NONE, "No statements"),
            (MOVE_SPELLING, "Statements whose article uses that spelling"),
            (MOVE_SELECTED, "The statements selected below"),
        ],
        initial=MOVE_SPELLING,
        widget=forms.RadioSelect,
    )
    statements = forms.ModelMultipleChoiceField(
        queryset=Statement.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, speaker: Speaker, **kwargs):
        super().__init__(*args, **kwargs)
        self.speaker = speaker
        self.fields["alias"].queryset = speaker.aliases.exclude(key=name_key(speaker.name))
        self.fields["statements"].queryset = speaker.statements.select_related("article")
        self.fields["statements"].label_from_instance = lambda st: (
            f"{st.text[:90]} — {st.article.title}"
        )


@admin.register(Speaker)
class SpeakerAdmin(HistoryAdmin):
    list_display = ["name", "country", "statement_count", "other_names", "updated_at"]
    list_filter = ["country"]
    search_fields = ["name", "aliases__name", "description"]
    readonly_fields = ["created_at", "updated_at"]
    fields = ["name", "slug", "country", "description", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerAliasInline, SpeakerRoleInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        # Meta.ordering is dropped from aggregate queries: order explicitly.
        qs = super().get_queryset(request).annotate(n_statements=Count("statements"))
        return qs.order_by("name")

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj: Speaker) -> int:
        return obj.n_statements

    @admin.display(description="also known as")
    def other_names(self, obj: Speaker) -> str:
        return ", ".join(obj.alias_names)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/split/",
                self.admin_site.admin_view(self.split_view),
                name="statements_speaker_split",
            ),
            *super().get_urls(),
        ]

    @admin.action(description="Merge selected speakers (one person)…", permissions=["merge"])
    def merge_selected(self, request: HttpRequest, queryset) -> HttpResponse | None:
        """Intermediate page: choose the speaker kept; the others are folded into it."""
        if queryset.count() < 2:
            self.message_user(request, "Select two or more speakers to merge.", messages.WARNING)
            return None
        speakers = queryset.annotate(n=Count("statements")).order_by("-n", "pk")
        form = MergeForm(request.POST if "_apply" in request.POST else None, speakers=speakers)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            result = merge_speakers(
                keep,
                queryset.exclude(pk=keep.pk),
                canonical_name=form.cleaned_data["canonical_name"],
            )
            self.log_change(request, keep, str(result))
            self.message_user(request, str(result), messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "form": form,
            "objects": speakers,
            "opts": self.model._meta,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/statements/speaker/merge.html", context)

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def save_model(self, request: HttpRequest, obj: Speaker, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            # The page moved: its old address (cited, bookmarked) redirects here.
            SpeakerRedirect.record(form.initial.get("slug", ""), obj)
            SpeakerRedirect.objects.filter(old_slug=obj.slug).delete()

    def split_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Move one alias (and statements) of a wrongly merged speaker to a new speaker."""
        speaker = get_object_or_404(Speaker, pk=object_id)
        if not (self.has_change_permission(request, speaker) and self.has_add_permission(request)):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form = SplitForm(data, speaker=speaker)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = split_speaker(
                    speaker,
                    data["alias"],
                    new_name=data["new_name"],
                    statements=data["statements"] if data["move"] == form.MOVE_SELECTED else (),
                    by_spelling=data["move"] == form.MOVE_SPELLING,
                )
            except ValueError as exc:
                form.add_error("alias", str(exc))
            else:
                self.log_change(request, speaker, str(result))
                self.log_addition(request, result.new_speaker, str(result))
                self.message_user(request, str(result), messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:statements_speaker_change", args=[result.new_speaker.pk])
                )
        by_spelling = {
            alias.pk: len(statements_using_spelling(speaker, alias))
            for alias in form.fields["alias"].queryset
        }
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split {speaker}",
            "form": form,
            "original": speaker,
            "opts": self.model._meta,
            "by_spelling": [(a, by_spelling[a.pk]) for a in form.fields["alias"].queryset],
        }
        return TemplateResponse(request, "admin/statements/speaker/split.html", context)


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(HistoryAdmin):
    on_index = False  # edited on its speaker's page
    form = SpeakerAliasForm
    list_display = ["name", "speaker", "key"]
    search_fields = ["name", "key", "speaker__name"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["key"]


@admin.register(SpeakerRole)
class SpeakerRoleAdmin(HistoryAdmin):
    on_index = False  # edited on its speaker's page
    list_display = ["title", "speaker", "reported_on", "article_link"]
    search_fields = ["title", "speaker__name"]
    list_filter = ["reported_on"]
    date_hierarchy = "reported_on"
    autocomplete_fields = ["speaker", "article"]

    @admin.display(description="article")
    def article_link(self, obj: SpeakerRole):
        if not obj.article_id:
            return "—"
        url = reverse("admin:statements_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article)
