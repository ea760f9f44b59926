"""How many public statements each speaker and each event has, for the indexes and the API.

Counting with a join (``Count("statements", filter=...)``) reads every statement
and every event link each time: about half a second at a million statements,
on every visit of the speaker or event index. Here the rows are counted from
the narrow indexes alone (statements by speaker, links by event) and the few
rejected ones are subtracted, which is several times cheaper; the result is
kept with the cached pages, so it is computed again only after a change (the
page cache is emptied by every change, see ``archive.page_cache``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.core.cache import caches
from django.db.models import Count, Q, QuerySet

from archive import page_cache
from statements.models import ReviewStatus, Statement, StatementEvent

# Kept at most this long even when nothing clears it (seconds).
KEEP_SECONDS = 3600


def _kept(key: str, compute: Callable[[], dict[int, int]]) -> dict[int, int]:
    if not page_cache.enabled():
        return compute()
    return caches[page_cache.PAGES].get_or_set(f"counts:{key}", compute, KEEP_SECONDS)


def _public_counts(rows: QuerySet, key: str, rejected: Q) -> dict[int, int]:
    """``rows`` counted per ``key``, less the rejected ones (rows matching ``rejected``)."""
    every = Counter(dict(rows.order_by().values_list(key).annotate(n=Count("*"))))
    every.subtract(dict(rows.filter(rejected).order_by().values_list(key).annotate(n=Count("*"))))
    return {pk: n for pk, n in every.items() if n > 0}


def _speaker_counts() -> dict[int, int]:
    rejected = Q(review_status=ReviewStatus.REJECTED)
    return _public_counts(Statement.objects.all(), "speaker_id", rejected)


def _event_counts() -> dict[int, int]:
    rejected = Q(statement__review_status=ReviewStatus.REJECTED)
    return _public_counts(StatementEvent.objects.all(), "event_id", rejected)


def statements_per_speaker() -> dict[int, int]:
    """Speaker id → statements editors have not rejected (speakers without any left out)."""
    return _kept("speakers", _speaker_counts)


def statements_per_event() -> dict[int, int]:
    """Event id → statements linked to it that editors have not rejected (its own links)."""
    return _kept("events", _event_counts)
