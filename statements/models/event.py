"""Events statements are about: dated, nested, found by keywords."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class EventQuerySet(models.QuerySet):
    def with_descendants(self) -> list[int]:
        """Ids of these events and every event below them (sub-events of sub-events too)."""
        ids = set(self.values_list("id", flat=True))
        frontier = set(ids)
        while frontier:
            children = set(
                Event.objects.filter(parent_id__in=frontier).values_list("id", flat=True)
            )
            frontier = children - ids
            ids |= frontier
        return sorted(ids)

    def active_on(self, day: date | None) -> EventQuerySet:
        """Events whose dates include ``day``; with no day, the undated-friendly set (all)."""
        if day is None:
            return self
        return self.filter(models.Q(start_on__isnull=True) | models.Q(start_on__lte=day)).filter(
            models.Q(end_on__isnull=True) | models.Q(end_on__gte=day)
        )


class Event(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True, help_text="Empty while the event goes on.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The larger event this one is part of.",
    )
    keywords = models.JSONField(
        default=list,
        blank=True,
        help_text="Words or phrases that link an article or statement to this event "
        "(case-insensitive; matched within the event's dates).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(start_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="event_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:event-detail", kwargs={"slug": self.slug})
