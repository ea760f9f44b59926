"""News articles as imported: cleaned body, raw text, provenance."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from simple_history.models import HistoricalRecords


class UrlPrefix(models.Func):
    """A URL's first 500 characters, written out (not bound) so SQLite's index matches too."""

    template = "SUBSTR(%(expressions)s, 1, 500)"
    output_field = models.CharField()


class Article(models.Model):
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True, help_text="Empty when unknown.")
    language = models.CharField(max_length=12, blank=True)
    body = models.TextField(help_text="Cleaned text; statement spans point into it.")
    raw_text = models.TextField(blank=True, help_text="The text as imported, before cleaning.")
    source_file = models.CharField(
        max_length=500,
        db_index=True,
        help_text="File the article came from; for JSON Lines, 'name.jsonl#line'.",
    )
    source_path = models.CharField(
        max_length=1000,
        blank=True,
        db_index=True,
        help_text="Full path of the imported file: with the headline, names a file's article.",
    )
    source_format = models.CharField(max_length=20, blank=True)
    source_links = models.JSONField(default=list, blank=True)
    fingerprint = models.CharField(
        max_length=64, unique=True, help_text="Hash of the cleaned content: re-imports match it."
    )
    events = models.ManyToManyField("statements.Event", blank=True, related_name="articles")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["body", "raw_text"],
        no_db_index=["fingerprint", "source_path", "source_file"],
    )

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["published_on"], name="article_published_idx"),
            # The outlet filter matches case-insensitively (iexact compares UPPER()).
            models.Index(Upper("outlet"), name="article_outlet_upper_idx"),
            # The form's outlet suggestions walk this index, one probe per outlet.
            models.Index(fields=["outlet"], name="article_outlet_idx"),
            # The importer finds an article's earlier version by its URL (see
            # statements/importing/persist.py); a prefix stays within btree's key size.
            models.Index(UrlPrefix("url"), name="article_url_prefix_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # a new article has no statements to re-date yet
            # Statements whose text gives no day are dated by their article.
            self.statements.filter(said_on__isnull=True).update(dated_on=self.published_on)

    def get_absolute_url(self) -> str:
        return reverse("statements:article-detail", kwargs={"pk": self.pk})
