"""One quote, many reports: grouping statements with the same words into utterances.

Agencies' quotes are reprinted by many outlets, often shortened. Two statements
of one speaker belong to the same utterance when their normalised words are
equal, or when one (long enough to be telling) lies inside the other on word
boundaries. Each utterance keeps the longest report's words as its ``key``,
so every shorter report is a substring of it and one indexed lookup per
statement finds its group.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, F, Min, Q, QuerySet, TextField, Value

from statements.models import ReviewStatus, Statement, Utterance

# Fewer words than this are too common to tell one utterance from another ("No.").
MIN_WORDS = 3
# A quote inside a longer one counts as the same words only from this length on.
MIN_PARTIAL_WORDS = 6

_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """The words of a quote, folded: no case, accents, punctuation or spacing differences."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", plain).replace("_", " ").split())


def utterance_key(text: str) -> str:
    """The stored form: normalised words padded with spaces, so containment is per word."""
    words = normalise(text)
    return f" {words} " if words else ""


def word_count(key: str) -> int:
    return len(key.split())


def same_words(shorter: str, longer: str) -> bool:
    """Whether two keys report the same utterance (``shorter`` no longer than ``longer``)."""
    if shorter == longer:
        return word_count(shorter) >= MIN_WORDS
    return word_count(shorter) >= MIN_PARTIAL_WORDS and shorter in longer


@dataclass
class Summary:
    statements: int = 0
    grouped: int = 0
    utterances_created: int = 0
    utterances_merged: int = 0
    touched: set[int] = field(default_factory=set)


def assign_utterances(statement_ids: Iterable[int]) -> Summary:
    """Put each of these statements into its utterance, creating or merging as needed.

    Called once per stored article, and by the ``group_utterances`` command:
    one lookup (and at most one insert) per statement, then one UPDATE for all
    the statements whose utterance changed and one for the counts. Statements
    too short to tell apart are left ungrouped.
    """
    summary = Summary()
    statements = list(
        Statement.objects.filter(pk__in=list(statement_ids))
        .only("id", "text", "speaker_id", "utterance_id")
        .order_by(F("dated_on").asc(nulls_last=True), "id")
    )
    changed: dict[int, Statement] = {}
    with transaction.atomic():
        for st in statements:
            summary.statements += 1
            old = st.utterance_id
            new = _utterance_for(st, summary, changed)
            if old and old != new:
                summary.touched.add(old)
            if new:
                summary.grouped += 1
                summary.touched.add(new)
            if new != old:
                st.utterance_id = new
                changed[st.pk] = st
        if changed:
            Statement.objects.bulk_update(list(changed.values()), ["utterance"])
        refresh_counts(summary.touched)
    return summary


def _utterance_for(st: Statement, summary: Summary, changed: dict[int, Statement]) -> int | None:
    key = utterance_key(st.text)
    if word_count(key) < MIN_WORDS:
        return None
    # One lookup: utterances whose words hold this report's, or lie inside them.
    near = list(
        Utterance.objects.filter(speaker_id=st.speaker_id)
        .annotate(report=Value(key, output_field=TextField()))
        .filter(Q(key__contains=key) | Q(report__contains=F("key")))
        .only("id", "key")
        .order_by("id")
    )
    holding = [u.id for u in near if key in u.key and same_words(key, u.key)]
    if holding:
        return st.utterance_id if st.utterance_id in holding else holding[0]
    # Utterances whose words lie inside this longer report: it becomes their key.
    inside = [u for u in near if u.key in key and same_words(u.key, key)]
    if not inside:
        summary.utterances_created += 1
        return Utterance.objects.create(speaker_id=st.speaker_id, key=key).pk
    kept, *others = inside
    if others:
        gone = {u.pk for u in others}
        Statement.objects.filter(utterance__in=gone).update(utterance=kept)
        for pending in changed.values():
            if pending.utterance_id in gone:
                pending.utterance_id = kept.pk
        Utterance.objects.filter(pk__in=gone).delete()
        summary.touched -= gone
        summary.utterances_merged += len(others)
    Utterance.objects.filter(pk=kept.pk).update(key=key)
    return kept.pk


def regroup_speaker(speaker_id: int) -> Summary:
    """Group all of one speaker's statements afresh, in memory: three queries, any size.

    For ``group_utterances --reset``, where looking each statement up one by
    one would take hours on a large archive. Longest reports go first, so each
    utterance's key is its longest report and shorter ones fall inside it.
    The speaker's statements must be ungrouped (their utterances deleted).
    """
    summary = Summary()
    rows = list(
        Statement.objects.filter(speaker_id=speaker_id).values_list(
            "id", "text", "dated_on", "review_status", "article__outlet"
        )
    )
    keyed = [(utterance_key(text), row) for row in rows for text in [row[1]]]
    keyed.sort(key=lambda kr: (-word_count(kr[0]), kr[1][2] is None, kr[1][2], kr[1][0]))
    keys: list[str] = []
    members: list[list[tuple]] = []
    exact: dict[str, int] = {}
    for key, row in keyed:
        summary.statements += 1
        words = word_count(key)
        if words < MIN_WORDS:
            continue
        found = exact.get(key)
        if found is None and words >= MIN_PARTIAL_WORDS:
            found = next((i for i, longer in enumerate(keys) if key in longer), None)
        if found is None:
            found = len(keys)
            keys.append(key)
            members.append([])
        exact.setdefault(key, found)
        members[found].append(row)
        summary.grouped += 1
    utterances = [
        Utterance(speaker_id=speaker_id, key=key, **_counts(group))
        for key, group in zip(keys, members, strict=True)
    ]
    Utterance.objects.bulk_create(utterances, batch_size=1000)
    summary.utterances_created = len(utterances)
    links = [
        Statement(pk=row[0], utterance_id=u.pk)
        for u, group in zip(utterances, members, strict=True)
        for row in group
    ]
    Statement.objects.bulk_update(links, ["utterance"], batch_size=1000)
    return summary


def _counts(reports: list[tuple]) -> dict:
    published = [r for r in reports if r[3] != ReviewStatus.REJECTED]
    dates = [r[2] for r in published if r[2]]
    return {
        "report_count": len(published),
        "outlet_count": len({r[4] for r in published if r[4]}),
        "first_reported_on": min(dates) if dates else None,
    }


def refresh_counts(utterance_ids: Iterable[int]) -> None:
    """Reports, outlets and first date of these utterances, from their published reports.

    An utterance left without reports is deleted.
    """
    ids = list(utterance_ids)
    if not ids:
        return
    published = ~Q(reports__review_status=ReviewStatus.REJECTED)
    rows = Utterance.objects.filter(pk__in=ids).annotate(
        n=Count("reports", filter=published),
        outlets=Count(
            "reports__article__outlet",
            filter=published & ~Q(reports__article__outlet=""),
            distinct=True,
        ),
        first=Min("reports__dated_on", filter=published),
        any_report=Count("reports"),
    )
    empty, stale = [], []
    for u in rows:
        if not u.any_report:
            empty.append(u.pk)
        elif (u.report_count, u.outlet_count, u.first_reported_on) != (u.n, u.outlets, u.first):
            u.report_count, u.outlet_count, u.first_reported_on = u.n, u.outlets, u.first
            stale.append(u)
    if stale:
        Utterance.objects.bulk_update(stale, ["report_count", "outlet_count", "first_reported_on"])
    if empty:
        Utterance.objects.filter(pk__in=empty).delete()


def one_per_utterance(qs: QuerySet) -> QuerySet:
    """Each utterance once (its first report within ``qs``), ungrouped statements as they are."""
    within = Statement.objects.filter(pk__in=qs.order_by().values("pk"), utterance__isnull=False)
    firsts = within.order_by().values("utterance").annotate(first=Min("pk")).values("first")
    return qs.filter(Q(utterance__isnull=True) | Q(pk__in=firsts)).select_related("utterance")


def reports_of(statement: Statement) -> list[Statement]:
    """Every published report of the statement's utterance, first report first (one query)."""
    if not statement.utterance_id:
        return []
    return list(
        Statement.objects.published()
        .filter(utterance_id=statement.utterance_id)
        .select_related("article")
        .order_by(F("dated_on").asc(nulls_last=True), "id")
    )
