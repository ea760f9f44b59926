"""One quote, many reports: the words a speaker said once, as every outlet printed them."""

from __future__ import annotations

from django.db import models


class Utterance(models.Model):
    """Statements of one speaker whose words are the same (or one inside another).

    News agencies' quotes are reprinted by many outlets; grouping the reports
    tells a reader where the words first appeared and how far they travelled.
    The counts are kept up to date by ``statements.utterances.assign_utterances``.
    """

    speaker = models.ForeignKey(
        "statements.Speaker", on_delete=models.CASCADE, related_name="utterances"
    )
    key = models.TextField(
        editable=False,
        help_text="The longest report's words, normalised: shorter reports lie inside it.",
    )
    first_reported_on = models.DateField(null=True, blank=True)
    report_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["speaker", "id"], name="utterance_speaker_idx")]

    def __str__(self) -> str:
        return f"{self.speaker_id}: {self.key[:60]}"
