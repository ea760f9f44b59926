"""Old speaker URLs: a merged-away or renamed speaker's slug keeps working."""

from __future__ import annotations

from django.db import models


class SpeakerRedirect(models.Model):
    """A slug a speaker page was once published under, and the speaker it now belongs to.

    Speaker pages are cited and bookmarked; a merge deletes a speaker and a
    rename changes its slug, so the old address answers with a permanent redirect.
    """

    old_slug = models.SlugField(max_length=80, unique=True)
    speaker = models.ForeignKey(
        "statements.Speaker", on_delete=models.CASCADE, related_name="old_slugs"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.speaker_id}"

    @classmethod
    def record(cls, old_slug: str, speaker) -> None:
        """Point ``old_slug`` at ``speaker`` (and keep every older slug pointing there too)."""
        if not old_slug or old_slug == speaker.slug:
            return
        cls.objects.update_or_create(old_slug=old_slug, defaults={"speaker": speaker})
