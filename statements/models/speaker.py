"""People who make statements, the names they go by and the roles they hold."""

from __future__ import annotations

import re

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from statements.extraction.names import name_key, strip_patronymic, variant_key


def unique_slug(model: type[models.Model], text: str, max_length: int = 80) -> str:
    """A slug for ``text`` not yet used by ``model`` (suffixes -2, -3... on clashes)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug = f"{base[: max_length - 5]}-{n}"
        n += 1
    return slug


class SpeakerQuerySet(models.QuerySet):
    def by_name(self, name: str) -> Speaker | None:
        """The speaker known by ``name`` or one of its aliases, whatever the spelling.

        Looks the folded key up in the alias table (unique, indexed), trying the
        name without a patronymic too, so "Ivan Petrovich Sidorov" finds "Ivan Sidorov".
        """
        keys = {name_key(name), name_key(strip_patronymic(name))} - {""}
        alias = (
            SpeakerAlias.objects.filter(key__in=keys)
            .select_related("speaker")
            .order_by("id")
            .first()
        )
        return alias.speaker if alias else self.by_variant(name)

    def by_variant(self, name: str) -> Speaker | None:
        """The one speaker known by another transliteration of a full ``name``.

        "Yelena Sovarskaya" finds "Elena Sovarskaia", "Marat-Ilyas Durvenov" finds
        "Marat-Iliyas Dourvenov", "Donald J. Trump" finds "Donald Trump". Guards
        against merging different people: a full name only (given name and
        surname), the surnames start with the same letter, and exactly one
        speaker has an alias with the same variant key.
        """
        wanted = variant_key(name)
        words = wanted.split()
        if len(words) < 2 or len(words[-1]) < 3:
            return None
        initial = re.escape(words[-1][0])
        candidates = SpeakerAlias.objects.filter(key__regex=rf"^\S.* {initial}\S*$").values_list(
            "speaker_id", "name"
        )
        ids = {sid for sid, alias in candidates if variant_key(alias) == wanted}
        return self.get(pk=ids.pop()) if len(ids) == 1 else None

    def by_surname(self, surname: str) -> Speaker | None:
        """The one speaker known by a full name ending in ``surname``; None if none or several.

        Articles often name a person once in full and then by surname; a short
        article may give only the surname ("Ferrant said"), and then the archive
        can still tell who it is when exactly one person by that surname is known.
        """
        key = name_key(surname)
        if not key or " " in key:
            return None
        ids = set(
            SpeakerAlias.objects.filter(key__endswith=f" {key}").values_list(
                "speaker_id", flat=True
            )
        )
        return self.get(pk=ids.pop()) if len(ids) == 1 else None

    def known_only_by(self, full_name: str) -> Speaker | None:
        """A speaker stored under the bare surname of ``full_name``, with no full name yet."""
        parts = name_key(strip_patronymic(full_name)).split()
        if len(parts) < 2:
            return None
        return (
            self.filter(aliases__key=parts[-1], description="").exclude(name__contains=" ").first()
        )

    def public(self) -> SpeakerQuerySet:
        """Speakers the public may see: with at least one statement editors have not rejected.

        A speaker known only from rejected statements is a misattribution; naming
        them anywhere public (indexes, suggestions, the API) would repeat it.
        """
        from statements.models.statement import Statement

        return self.filter(
            models.Exists(Statement.objects.published().filter(speaker=models.OuterRef("pk")))
        )

    def with_statement_counts(self) -> SpeakerQuerySet:
        from statements.models.statement import ReviewStatus

        return self.annotate(
            statement_count=models.Count(
                "statements",
                filter=~models.Q(statements__review_status=ReviewStatus.REJECTED),
            )
        )


class Speaker(models.Model):
    name = models.CharField(
        max_length=200, help_text="Canonical full name, as the archive shows it."
    )
    slug = models.SlugField(max_length=80, unique=True)
    country = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True, help_text="One or two sentences: who this is.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Speaker, self.name)
        super().save(*args, **kwargs)
        # The canonical name is always one of the speaker's aliases.
        self.add_alias(self.name)

    def get_absolute_url(self) -> str:
        return reverse("statements:speaker-detail", kwargs={"slug": self.slug})

    def add_alias(self, name: str) -> SpeakerAlias | None:
        """Record another spelling; a key already taken by someone else is left alone."""
        key = name_key(name)
        if not key:
            return None
        alias, _ = SpeakerAlias.objects.get_or_create(
            key=key, defaults={"speaker": self, "name": name.strip()}
        )
        return alias

    @property
    def alias_names(self) -> list[str]:
        return [a.name for a in self.aliases.all() if a.name != self.name]


class SpeakerAlias(models.Model):
    """Another spelling of a speaker's name; ``key`` makes lookups exact and fast."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(
        max_length=200,
        unique=True,
        editable=False,
        help_text="Case-, accent- and punctuation-folded name; one person per key.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class SpeakerRole(models.Model):
    """A title as an article reported it, dated by that article."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=300)
    reported_on = models.DateField(null=True, blank=True)
    article = models.ForeignKey(
        "statements.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(no_db_index=["speaker", "article"])

    class Meta:
        ordering = ["speaker", "reported_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "title", "reported_on"], name="unique_role_per_report_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.reported_on or 'undated'})"
