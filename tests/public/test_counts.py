"""Statement counts per speaker and per event, as the indexes and the API show them."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q

from statements.counts import statements_per_event, statements_per_speaker
from statements.models import Event, ReviewStatus, Speaker
from tests.factories import make_event, make_speaker, make_statement


@pytest.fixture
def linked(db):
    ada, ben, cy = (make_speaker(n) for n in ("Ada Lorn", "Ben Tasker", "Cy Rowe"))
    harbour, budget = make_event("Harbour Strike"), make_event("Budget Week")
    make_statement("One.", speaker=ada, events=[harbour, budget])
    make_statement("Two.", speaker=ada, events=[harbour])
    make_statement("Three.", speaker=ben, events=[harbour], review_status=ReviewStatus.REJECTED)
    make_statement("Four.", speaker=ben, review_status=ReviewStatus.VERIFIED)
    make_statement("Five.", speaker=cy, events=[budget], review_status=ReviewStatus.REJECTED)
    return ada, ben, cy, harbour, budget


def _joined(model) -> dict[int, int]:
    """The same counts the slow way: a join filtered on the review status."""
    public = Count("statements", filter=~Q(statements__review_status=ReviewStatus.REJECTED))
    return {pk: n for pk, n in model.objects.annotate(n=public).values_list("pk", "n") if n}


def test_counts_leave_out_rejected_statements_as_the_join_does(linked):
    ada, ben, cy, harbour, budget = linked
    assert statements_per_speaker() == _joined(Speaker) == {ada.pk: 2, ben.pk: 1}
    assert statements_per_event() == _joined(Event) == {harbour.pk: 2, budget.pk: 1}


def test_counts_are_kept_with_the_pages_and_renewed_after_a_change(
    linked, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ada = linked[0]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "c",
            "KEY_FUNCTION": "archive.page_cache.make_key",
        },
    }
    settings.CACHE_MIDDLEWARE_ALIAS = "pages"
    from archive.page_cache import clear_pages

    clear_pages()
    assert statements_per_speaker()[ada.pk] == 2
    with django_assert_num_queries(0):
        assert statements_per_speaker()[ada.pk] == 2
    with django_capture_on_commit_callbacks(execute=True):
        make_statement("Six.", speaker=ada)
    assert statements_per_speaker()[ada.pk] == 3
