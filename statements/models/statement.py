"""Statements: quoted words, who said them, where, and what editors decided."""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords

from statements.extraction.document import LOW_CONFIDENCE
from statements.paths import pk_path


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    PARTIAL = "partial", "Partial quote"
    INDIRECT = "indirect", "Indirect (paraphrase)"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    REJECTED = "rejected", "Rejected"


def statement_permalink(pk: int) -> str:
    """The path of a statement's page, without loading it."""
    return pk_path("statements:statement-detail", pk)


# Columns no list, feed or export reads.
LISTING_DEFERRED = (
    "editor_note",
    "search_vector",
    "article__body",
    "article__raw_text",
    "article__source_links",
)

# The public part of the table, for partial indexes that lists and searches use.
PUBLIC = ~models.Q(review_status="rejected")


class StatementQuerySet(models.QuerySet):
    def published(self) -> StatementQuerySet:
        """What the public may see: everything editors have not rejected."""
        return self.exclude(review_status=ReviewStatus.REJECTED)

    def verified(self) -> StatementQuerySet:
        return self.filter(review_status=ReviewStatus.VERIFIED)

    def by_speaker(self, speaker) -> StatementQuerySet:
        return self.filter(speaker=speaker)

    def about_event(self, event) -> StatementQuerySet:
        """Statements about ``event`` or any of its sub-events.

        A subquery of links rather than a join, so no DISTINCT is needed and the
        date index still serves the list's order.
        """
        from statements.models.event import Event

        ids = Event.objects.filter(pk=event.pk).with_descendants()
        linked = StatementEvent.objects.filter(event_id__in=ids).values("statement_id")
        return self.filter(id__in=linked)

    def said_between(self, start: date | None, end: date | None) -> StatementQuerySet:
        """Said within the range; undated words count on their article's date."""
        qs = self
        if start:
            qs = qs.filter(dated_on__gte=start)
        if end:
            qs = qs.filter(dated_on__lte=end)
        return qs

    def needing_review(self) -> StatementQuerySet:
        """The editors' queue: unreviewed, least certain attributions first."""
        return self.filter(review_status=ReviewStatus.UNREVIEWED).order_by("confidence", "id")

    def low_confidence(self) -> StatementQuerySet:
        return self.filter(confidence__lt=LOW_CONFIDENCE)

    def search(self, query: str) -> StatementQuerySet:
        from statements.search import search_statements

        return search_statements(self, query)

    def newest_first(self) -> StatementQuerySet:
        """The lists' default order, served by ``statement_public_dated_idx``."""
        return self.order_by(models.F("dated_on").desc(nulls_last=True), "-id")

    def for_listing(self) -> StatementQuerySet:
        """Everything a list, export or feed shows, fetched in a fixed number of queries.

        Article bodies and raw text are what make rows wide (kilobytes each): no
        list shows them, so they stay in the database.
        """
        from statements.models import Event, Tag

        # ``to_attr`` lists, not ``.events.all()``: Django builds a related manager per
        # row and relation for the latter, which cost more than the rows themselves.
        return (
            self.select_related("speaker", "reported_by", "article")
            .defer(*LISTING_DEFERRED)
            .prefetch_related(
                models.Prefetch("events", Event.objects.only("name", "slug"), "listed_events"),
                models.Prefetch("tags", Tag.objects.only("name", "slug"), "listed_tags"),
            )
        )

    def for_records(self) -> StatementQuerySet:
        """``for_listing`` plus the speakers' aliases, which records (API) carry and pages do not."""
        return self.for_listing().prefetch_related("speaker__aliases")


class Statement(models.Model):
    article = models.ForeignKey(
        "statements.Article", on_delete=models.CASCADE, related_name="statements"
    )
    # No index of its own: every index starting with the speaker serves it
    # (statement_speaker_date_idx, statement_speaker_dated_idx), and each index
    # is one more write for every imported statement.
    speaker = models.ForeignKey(
        "statements.Speaker", on_delete=models.PROTECT, related_name="statements", db_index=False
    )
    reported_by = models.ForeignKey(
        "statements.Speaker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_statements",
        help_text="Who relayed these words, when the article quotes them second-hand.",
    )
    text = models.TextField(help_text="The quoted words, without the enclosing quotation marks.")
    start = models.PositiveIntegerField(help_text="Offset of the quote in the article's body.")
    end = models.PositiveIntegerField()
    spans = models.JSONField(
        default=list,
        blank=True,
        help_text="[start, end] pairs when the quote is split around its attribution.",
    )
    kind = models.CharField(
        max_length=10, choices=StatementKind.choices, default=StatementKind.DIRECT
    )
    said_on = models.DateField(null=True, blank=True, help_text="Empty when the text does not say.")
    dated_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The day it was said, else its article's date: what lists sort and filter by.",
    )
    cue = models.CharField(max_length=100, blank=True, help_text="Attribution cue: said, stressed…")
    evidence = models.CharField(max_length=500, blank=True, help_text="Why the machine chose it.")
    confidence = models.FloatField(default=1.0)
    extraction_key = models.CharField(
        max_length=64,
        editable=False,
        help_text="Identity of the extracted quote within its article, for re-imports.",
    )
    events = models.ManyToManyField(
        "statements.Event", blank=True, related_name="statements", through="StatementEvent"
    )
    tags = models.ManyToManyField("statements.Tag", blank=True, related_name="statements")
    utterance = models.ForeignKey(
        "statements.Utterance",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="reports",
        help_text="The same words as other outlets reported them (see statements/utterances.py).",
    )
    editor_note = models.TextField(blank=True, help_text="Private: never shown on public pages.")
    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )
    edited_by_editor = models.BooleanField(
        default=False, help_text="Set when an editor corrects it; re-imports leave it alone."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # PostgreSQL: the words of ``text`` as a tsvector, set by a trigger (migration 0014)
    # whatever writes the row; SQLite searches its FTS5 table and leaves this empty.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = StatementQuerySet.as_manager()
    # The history is read by statement, editor and date (statements/admin/history.py);
    # its copies of the foreign keys need no index, and each was one more write per
    # imported statement (migration 0021).
    history = HistoricalRecords(
        m2m_fields=[tags],
        excluded_fields=["search_vector"],
        no_db_index=["article", "speaker", "reported_by", "utterance"],
    )

    class Meta:
        ordering = ["-said_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "extraction_key"], name="unique_statement_per_article"
            ),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="span_ok"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="confidence_between_0_and_1",
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "said_on"], name="statement_speaker_date_idx"),
            models.Index(fields=["review_status", "confidence"], name="statement_review_idx"),
            models.Index(fields=["created_at", "id"], name="statement_created_idx"),
            # The lists' orders, newest first with undated rows last, per speaker too:
            # created by migration 0012 in SQL, because PostgreSQL needs NULLS LAST
            # there and SQLite refuses it (its DESC already puts NULLs last); the
            # per-speaker one also holds review_status since migration 0020.
            # An event page reads the speaker and date of each of the event's public
            # statements by id (thousands of them): from this index alone, not from
            # the table's pages (4x faster at 4,000 statements). PostgreSQL only: SQLite
            # has no INCLUDE, and its table is already ordered by id.
            models.Index(
                fields=["id"],
                include=["speaker", "dated_on"],
                condition=PUBLIC,
                name="statement_public_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        self.dated_on = self.said_on or self.article.published_on
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return statement_permalink(self.pk)

    @property
    def is_low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    @property
    def span_list(self) -> list[tuple[int, int]]:
        return [tuple(s) for s in self.spans] if self.spans else [(self.start, self.end)]

    def context_paragraph(self) -> tuple[str, int]:
        """The paragraph of the article holding the quote, and its offset in the body."""
        body = self.article.body
        para_start = body.rfind("\n\n", 0, self.start)
        para_start = 0 if para_start == -1 else para_start + 2
        para_end = body.find("\n\n", self.end)
        para_end = len(body) if para_end == -1 else para_end
        return body[para_start:para_end], para_start


class EventLink(models.TextChoices):
    KEYWORD = "keyword", "Keyword match"
    BATCH = "batch", "Import batch"
    EDITOR = "editor", "Editor"


class StatementEvent(models.Model):
    """A statement's link to an event, and who made it.

    Keyword links are recomputed by ``link_events``; links made by editors or
    by an import batch are never removed by it.
    """

    # Indexed by the two composite indexes below (statement first, event first),
    # not by one index each as well.
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, db_index=False)
    event = models.ForeignKey("statements.Event", on_delete=models.CASCADE, db_index=False)
    linked_by = models.CharField(max_length=10, choices=EventLink.choices, default=EventLink.EDITOR)

    history = HistoricalRecords(no_db_index=["statement", "event"])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "event"], name="unique_statement_event")
        ]
        indexes = [models.Index(fields=["event", "statement"], name="event_statement_idx")]

    def __str__(self) -> str:
        return f"{self.event} ← {self.statement_id}"
