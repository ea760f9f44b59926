"""One quote, many reports: grouping statements with the same words into utterances.

Agencies' quotes are reprinted by many outlets, often shortened. Two statements
of one speaker belong to the same utterance when their normalised words are
equal, or when one (long enough to be telling) lies inside the other on word
boundaries. Each utterance keeps the longest report's words as its ``key``,
so every shorter report is a substring of it and one indexed lookup per
statement finds its group.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Exists, F, Min, Model, OuterRef, Q, QuerySet

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


# A batch's keys, asked for twice (the lookup ahead, then the grouping): computed once.
_batch_key = functools.lru_cache(maxsize=4096)(utterance_key)


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

    Called by the ``group_utterances`` command and for a stored article; see
    ``assign_utterances_in_groups``. Statements too short to tell apart are
    left ungrouped.
    """
    return assign_utterances_in_groups([statement_ids])


def assign_utterances_in_groups(groups: Iterable[Iterable[int]]) -> Summary:
    """``assign_utterances`` for each group in turn (an import batch's articles), all at once.

    Set-based, so a batch of many articles costs a handful of queries, not
    several per statement: one to read the statements, one per few hundred
    statements for every stored utterance that holds or lies inside one of
    them, then one INSERT for the new utterances, one UPDATE for the changed
    keys, one for the statements whose utterance changed and one for the
    counts. Within a group statements go oldest first, as one by one would;
    the grouping itself runs in memory against what those queries returned
    (an utterance no statement of the batch matched cannot match later in it).
    """
    order = [list(dict.fromkeys(group)) for group in groups]
    rows = (
        Statement.objects.filter(pk__in=[pk for group in order for pk in group])
        .only(*GROUPING_FIELDS)
        .in_bulk()
    )
    return group_statements([[rows[pk] for pk in group if pk in rows] for group in order])


# What grouping reads of a statement.
GROUPING_FIELDS = ("id", "text", "speaker_id", "utterance_id", "dated_on")


def group_statements(
    groups: Iterable[list[Statement]],
    store: Callable[[], None] | None = None,
    candidates: Future[list[Utterance]] | None = None,
) -> Summary:
    """``assign_utterances_in_groups`` for statements in memory (an import batch's).

    With ``store`` the statements are not in the database yet: their utterances
    are set on them in memory, ``store()`` then writes them (each row written
    once, not inserted and then updated), and the new utterances' counts come
    from memory too, since all their reports are among these statements.
    ``candidates`` are the stored utterances these statements may belong to,
    already being looked up (``CandidatesAhead``).
    """
    statements: list[Statement] = []
    for group in groups:
        # Oldest first; unsaved statements (no id yet) in the order given.
        ordered = sorted(
            enumerate(group),
            key=lambda at: (at[1].dated_on is None, at[1].dated_on, at[1].pk or 0, at[0]),
        )
        statements.extend(st for _, st in ordered)
    with transaction.atomic():
        summary = _Grouping(statements, unsaved=store is not None, candidates=candidates).run()
        if store is not None:
            store()
        refresh_counts(summary.touched)
    return summary


class _Grouping:
    """One pass over a batch's statements against the utterances that could hold them."""

    def __init__(
        self,
        statements: list[Statement],
        unsaved: bool = False,
        candidates: Future[list[Utterance]] | None = None,
    ):
        self.statements = statements
        self.unsaved = unsaved
        self.keys = [_batch_key(st.text) for st in statements]
        if candidates is None:
            found = _candidates(_wanted(statements, self.keys))
        else:
            found = candidates.result()
        # Per speaker, the candidate utterances in id order; new ones (no pk yet) at the end.
        self.pool: dict[int, list[Utterance]] = {}
        for u in found:
            self.pool.setdefault(u.speaker_id, []).append(u)
        self.summary = Summary()
        self.assigned: list[Utterance | None] = []  # each statement's utterance, in order
        self.rekeyed: dict[int, Utterance] = {}
        self.gone: set[int] = set()

    def run(self) -> Summary:
        summary = self.summary
        touched: list[Utterance] = []
        for st, key in zip(self.statements, self.keys, strict=True):
            summary.statements += 1
            new = self._utterance_for(st, key)
            self.assigned.append(new)
            if st.utterance_id and (new is None or new.pk != st.utterance_id):
                summary.touched.add(st.utterance_id)
            if new is not None:
                summary.grouped += 1
                touched.append(new)
        created = [u for us in self.pool.values() for u in us if u.pk is None]
        if self.unsaved:  # every report of a new utterance is here: count them now
            self._count(created)
            touched = [u for u in touched if u.pk is not None]
        Utterance.objects.bulk_create(created, batch_size=500)
        if any(u.pk is None for u in created):  # a database that returns no ids from INSERT
            for u in created:
                u.pk = Utterance.objects.get(speaker_id=u.speaker_id, key=u.key).pk
        rekeyed = [u for pk, u in self.rekeyed.items() if pk not in self.gone]
        update_columns(Utterance, ["key"], rekeyed)
        changed = []
        for st, u in zip(self.statements, self.assigned, strict=True):
            pk = u.pk if u is not None else None
            if pk != st.utterance_id:
                st.utterance_id = pk
                changed.append(st)
        if not self.unsaved:  # else they are written with their utterance
            update_columns(Statement, ["utterance_id"], changed)
        summary.touched |= {u.pk for u in touched}
        summary.touched -= self.gone
        return summary

    def _count(self, created: list[Utterance]) -> None:
        """Reports, outlets and first date of new utterances, from their reports in memory."""
        reports: dict[int, list[Statement]] = {id(u): [] for u in created}
        for st, u in zip(self.statements, self.assigned, strict=True):
            if u is not None and id(u) in reports and st.review_status != ReviewStatus.REJECTED:
                reports[id(u)].append(st)
        for u in created:
            published = reports[id(u)]
            dates = [st.dated_on for st in published if st.dated_on]
            u.report_count = len(published)
            u.outlet_count = len({st.article.outlet for st in published if st.article.outlet})
            u.first_reported_on = min(dates) if dates else None

    def _utterance_for(self, st: Statement, key: str) -> Utterance | None:
        if word_count(key) < MIN_WORDS:
            return None
        pool = self.pool.setdefault(st.speaker_id, [])
        near = [u for u in pool if key in u.key or u.key in key]
        holding = [u for u in near if key in u.key and same_words(key, u.key)]
        if holding:
            mine = [u for u in holding if u.pk is not None and u.pk == st.utterance_id]
            return (mine or holding)[0]
        # Utterances whose words lie inside this longer report: it becomes their key.
        inside = [u for u in near if u.key in key and same_words(u.key, key)]
        if not inside:
            self.summary.utterances_created += 1
            pool.append(Utterance(speaker_id=st.speaker_id, key=key))
            return pool[-1]
        kept, *others = inside
        if others:
            self._merge(kept, others, pool)
        kept.key = key
        if kept.pk is not None:
            self.rekeyed[kept.pk] = kept
        return kept

    def _merge(self, kept: Utterance, others: list[Utterance], pool: list[Utterance]) -> None:
        gone = {u.pk for u in others if u.pk is not None}
        if gone:
            if kept.pk is None:
                kept.save()
            Statement.objects.filter(utterance__in=gone).update(utterance=kept)
            Utterance.objects.filter(pk__in=gone).delete()
            self.gone |= gone
            self.summary.touched -= gone
        dropped = {id(u) for u in others}
        pool[:] = [u for u in pool if id(u) not in dropped]
        for at, u in enumerate(self.assigned):
            if u is not None and id(u) in dropped:
                self.assigned[at] = kept
        self.summary.utterances_merged += len(others)


def _wanted(statements: Iterable[Statement], keys: Iterable[str]) -> list[tuple[int, str]]:
    """The (speaker, key) reports long enough to belong to an utterance, sorted."""
    found = {
        (st.speaker_id, key)
        for st, key in zip(statements, keys, strict=True)
        if word_count(key) >= MIN_WORDS
    }
    return sorted(found)


class CandidatesAhead:
    """Stored utterances a batch's statements may belong to, looked up on a second connection.

    The lookup is the import's costliest query at a million statements, and the
    one writer would otherwise wait for it with the database's other core idle.
    Started as soon as a batch's speakers are known, it runs in a thread with a
    connection of its own while the writer stores the batch's articles. That
    connection sees only committed rows, so ``start`` is for a transaction that
    has not grouped anything yet (the utterance table as committed is the one the
    writer's own connection would read). PostgreSQL only; ``close`` at the end.
    """

    def __init__(self) -> None:
        self._thread: ThreadPoolExecutor | None = None

    @staticmethod
    def usable() -> bool:
        """Whether the writer's transaction is the outermost (nothing uncommitted around it)."""
        return connection.vendor == "postgresql" and not connection.savepoint_ids

    def start(self, statements: list[Statement]) -> Future[list[Utterance]]:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="utterance-candidates")
        wanted = _wanted(statements, (_batch_key(st.text) for st in statements))
        return self._thread.submit(_committed_candidates, wanted)

    def close(self) -> None:
        if self._thread is not None:
            self._thread.submit(_close_connection).result()
            self._thread.shutdown()
            self._thread = None


def _close_connection() -> None:
    connection.close()  # the calling thread's own


def _committed_candidates(wanted: list[tuple[int, str]]) -> list[Utterance]:
    with transaction.atomic():  # this thread's connection; ``SET LOCAL`` lasts the lookup
        return _candidates(wanted)


_CHUNK = 300  # statements per candidate query (two parameters each)


def _candidates(wanted: list[tuple[int, str]]) -> list[Utterance]:
    """Stored utterances holding, or lying inside, any of these (speaker, key) reports.

    A superset is fine: the grouping compares the words in memory. On
    PostgreSQL through two indexes (``_sharing_words``); on SQLite each report
    against its speaker's utterances, in process.
    """
    if not wanted:
        return []
    if connection.vendor == "postgresql":
        return _sharing_words(wanted)
    table = connection.ops.quote_name(Utterance._meta.db_table)
    found: dict[int, Utterance] = {}
    for i in range(0, len(wanted), _CHUNK):
        part = wanted[i : i + _CHUNK]
        values = ", ".join(["(CAST(%s AS INTEGER), CAST(%s AS TEXT))"] * len(part))
        sql = (
            f"WITH wanted(speaker_id, report) AS (VALUES {values}) "
            f"SELECT DISTINCT u.id, u.speaker_id, u.key FROM {table} u "
            "JOIN wanted w ON u.speaker_id = w.speaker_id "
            "WHERE INSTR(u.key, w.report) > 0 OR INSTR(w.report, u.key) > 0"
        )
        params = [p for pair in part for p in pair]
        for u in Utterance.objects.raw(sql, params):
            found[u.pk] = u
    return [found[pk] for pk in sorted(found)]


# The indexed expressions of migrations 0018 and 0019: an utterance's speaker and first six
# words (all of them if fewer), and its words of ``LONG_WORD`` letters or more, each prefixed
# with its speaker's id.
_HEAD = "substring(u.key, '^ ((?:[^ ]+ ){1,6})')"
_LONG_WORDS = (
    "string_to_array(u.speaker_id::text || ':' || replace(btrim(regexp_replace("
    "u.key, ' [^ ]{1,4}(?= )', '', 'g')), ' ', ' ' || u.speaker_id::text || ':'), ' ')"
)
LONG_WORD = 5
_LIST = "string_to_array(%s, '|')"


def _sharing_words(wanted: list[tuple[int, str]]) -> list[Utterance]:
    """Stored utterances inside or equal to these reports, and those holding them: indexed
    lookups (migrations 0018, 0019), one query, whatever the size of the archive.

    Inside: the utterance starts with one of the report's runs of
    ``MIN_PARTIAL_WORDS`` words (the whole report if shorter). Holding (reports
    long enough to count as part of a longer one): it has all of the report's
    long words (a report without any is compared with its speaker's utterances).
    Each report's lookups are ``LATERAL`` (and ``OFFSET 0``, so the planner
    keeps them so), so they stay index probes: a merge join reads the whole index.
    The lists go as joined strings (keys hold only words and spaces): psycopg
    would adapt thousands of array items one by one in Python.
    """
    heads: list[tuple[int, str, str]] = []  # (speaker, a run of words, report)
    longer: list[tuple[int, str, str]] = []  # (speaker, the report's salted long words, report)
    plain: list[tuple[int, str]] = []  # (speaker, report) of reports without a long word
    for speaker, key in wanted:
        words = key.split()
        n = min(len(words), MIN_PARTIAL_WORDS)
        for i in range(max(len(words) - n + 1, 1)):
            heads.append((speaker, " ".join(words[i : i + n]) + " ", key))
        if len(words) < MIN_PARTIAL_WORDS:
            continue
        if long := [f"{speaker}:{word}" for word in words if len(word) >= LONG_WORD]:
            longer.append((speaker, " ".join(long), key))
        else:
            plain.append((speaker, key))
    table = connection.ops.quote_name(Utterance._meta.db_table)
    sql = (
        "SELECT u.id, u.speaker_id, u.key "
        f"FROM unnest({_LIST}::bigint[], {_LIST}, {_LIST}) AS w(speaker_id, head, report) "
        f"CROSS JOIN LATERAL (SELECT u.id, u.speaker_id, u.key FROM {table} u "
        f"WHERE u.speaker_id = w.speaker_id AND {_HEAD} = w.head "
        "AND strpos(w.report, u.key) > 0 OFFSET 0) u "
        "UNION SELECT u.id, u.speaker_id, u.key "
        f"FROM unnest({_LIST}::bigint[], {_LIST}, {_LIST}) AS w(speaker_id, words, report) "
        f"CROSS JOIN LATERAL (SELECT u.id, u.speaker_id, u.key FROM {table} u "
        f"WHERE {_LONG_WORDS} @> string_to_array(w.words, ' ') "
        "AND strpos(u.key, w.report) > 0 OFFSET 0) u "
        "UNION SELECT u.id, u.speaker_id, u.key "
        f"FROM unnest({_LIST}::bigint[], {_LIST}) AS w(speaker_id, report) "
        f"CROSS JOIN LATERAL (SELECT u.id, u.speaker_id, u.key FROM {table} u "
        "WHERE u.speaker_id = w.speaker_id AND strpos(u.key, w.report) > 0 OFFSET 0) u "
        "ORDER BY 1"
    )
    with connection.cursor() as cursor:
        # Its estimate grows with the archive until PostgreSQL compiles it to machine code
        # each time (20 ms a batch at half a million utterances, for a query that runs once).
        cursor.execute("SET LOCAL jit = off")
    columns = [*zip(*heads, strict=True)] or [(), (), ()]
    columns += [*zip(*longer, strict=True)] or [(), (), ()]
    columns += [*zip(*plain, strict=True)] or [(), ()]
    return list(Utterance.objects.raw(sql, ["|".join(map(str, c)) for c in columns]))


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
    update_columns(Statement, ["utterance_id"], links)
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
        update_columns(Utterance, ["report_count", "outlet_count", "first_reported_on"], stale)
    if empty:
        Utterance.objects.filter(pk__in=empty).delete()


_UPDATE_CHUNK = 1000  # rows per UPDATE statement


def update_columns(model: type[Model], columns: list[str], objs: list[Model]) -> None:
    """Write these columns of these rows, their values taken from the objects.

    What ``bulk_update`` does without its ``CASE WHEN`` per row, whose
    expressions cost more Python than the rest of an import batch: on
    PostgreSQL one ``UPDATE ... FROM (VALUES ...)`` per thousand rows, on
    SQLite (in process, no round trips) one prepared UPDATE run per row.
    """
    if not objs:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    fields = [model._meta.get_field(c) for c in columns]
    names = [connection.ops.quote_name(f.column) for f in fields]
    rows = [
        [*(f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields), o.pk]
        for o in objs
    ]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            sets = ", ".join(f"{n} = %s" for n in names)
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE id = %s", rows)
            return
        casts = [f"CAST(%s AS {f.cast_db_type(connection)})" for f in fields]
        one = "(" + ", ".join([*casts, "CAST(%s AS bigint)"]) + ")"
        sets = ", ".join(f"{n} = v.c{i}" for i, n in enumerate(names))
        aliases = ", ".join([*(f"c{i}" for i in range(len(names))), "pk"])
        for i in range(0, len(rows), _UPDATE_CHUNK):
            part = rows[i : i + _UPDATE_CHUNK]
            cursor.execute(
                f"UPDATE {table} SET {sets} FROM (VALUES {', '.join([one] * len(part))}) "
                f"AS v({aliases}) WHERE {table}.id = v.pk",
                [value for row in part for value in row],
            )


def one_per_utterance(qs: QuerySet) -> QuerySet:
    """Each utterance once (its first report within ``qs``), ungrouped statements as they are.

    An anti-join on the indexed ``utterance_id``: a row stays unless an earlier
    report of its utterance is in ``qs`` too. Grouping by utterance instead
    would aggregate the whole archive before the first page could be shown.
    """
    within = qs.order_by()
    if qs.query.annotations:
        within = Statement.objects.filter(pk__in=qs.order_by().values("pk"))
    earlier = within.filter(utterance_id=OuterRef("utterance_id"), pk__lt=OuterRef("pk"))
    return qs.filter(~Exists(earlier)).select_related("utterance")


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
