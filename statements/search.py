"""Full-text search over statements: one query language, compiled for each database.

The syntax, parsed once by ``parse_query``::

    harbour strike          both words (stemmed: "strikes" matches "strike")
    "ports stay open"       a phrase
    -budget                 without the word (or -"a phrase")
    border or port          either word
    speaker:Marrow          a speaker by slug, name, alias or surname
    event:harbour-strike    an event (with its sub-events) by slug or name
    said:2023-01..2023-06   said (else published) within these months; also
                            said:2023, said:2023-05-01.., said:..2023-06

PostgreSQL matches a stored ``tsvector`` column (kept up to date by a trigger,
GIN-indexed; migration 0014) with the English configuration. SQLite matches an
FTS5 table (external content, Porter stemmer, kept in sync by triggers). Both
ignore the same English stop words, so a query finds the same statements on
either database (tests/public/test_search_parity.py). Ranking is on request
(``sort=relevance``) and bounded to the newest ``RANK_CANDIDATES`` matches.
"""

from __future__ import annotations

import calendar
import functools
import operator
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import CharField, F, Func, IntegerField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat

from statements.highlighting import Mark

SEARCH_CONFIG = "english"
MAX_TERMS = 32  # a pasted paragraph still searches, as its first 32 terms
MAX_QUERY_CHARS = 2000
RANK_CANDIDATES = 1000
FTS_TABLE = "statement_fts"

# PostgreSQL's English stop words: dropped on both databases alike.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will just
    don should now""".split()  # noqa: SIM905 - the list as PostgreSQL ships it
)

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(
    r'(?P<neg>-?)(?:(?P<op>speaker|event|said):(?P<val>"[^"]*"?|\S*)'
    r'|"(?P<phrase>[^"]*)"?|(?P<word>\S+))',
    re.IGNORECASE,
)
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True)
class Term:
    """A word or a phrase, as lower-case words."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class ParsedQuery:
    """A search as the databases need it: every clause must match, none of ``exclude``.

    Each clause is one term or several joined by ``or``.
    """

    clauses: tuple[tuple[Term, ...], ...] = ()
    exclude: tuple[Term, ...] = ()
    speaker: str = ""
    event: str = ""
    said_from: date | None = None
    said_to: date | None = None
    free_text: str = field(default="", compare=False)

    @property
    def include(self) -> tuple[str, ...]:
        """The words and phrases to find, for highlighting."""
        return tuple(t.text for clause in self.clauses for t in clause)

    @property
    def has_text(self) -> bool:
        return bool(self.clauses or self.exclude)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def _period(value: str, *, end: bool) -> date | None:
    """The first (or last) day of ``2023``, ``2023-05`` or ``2023-05-01``; None if not one."""
    m = _PERIOD.match(value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            month = int(month)
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        return None


def _said_range(value: str) -> tuple[date | None, date | None]:
    start, sep, stop = value.partition("..")
    if not sep:
        return _period(value, end=False), _period(value, end=True)
    return (_period(start, end=False) if start else None), (
        _period(stop, end=True) if stop else None
    )


@functools.lru_cache(maxsize=256)
def parse_query(query: str) -> ParsedQuery:
    """Read the query language (see the module docstring); never raises.

    Unknown syntax counts as words; stop words and single characters of
    punctuation are dropped; only the first ``MAX_TERMS`` terms count.
    """
    query = (query or "")[:MAX_QUERY_CHARS].replace("\x00", "")
    clauses: list[list[Term]] = []
    exclude: list[Term] = []
    ops: dict[str, str] = {}
    free: list[str] = []
    join_next = False
    terms = 0
    for m in _TOKEN.finditer(query):
        if m["op"]:
            ops[m["op"].lower()] = m["val"].strip('"').strip()
            continue
        raw = m["phrase"] if m["phrase"] is not None else m["word"]
        if m["phrase"] is None and raw.lower() == "or" and not m["neg"]:
            join_next = bool(clauses)
            continue
        words = _words(raw)
        if len(words) == 1 and words[0] in STOP_WORDS:
            words = ()
        if not words or terms >= MAX_TERMS:
            join_next = False
            continue
        terms += 1
        term = Term(words)
        if m["neg"]:
            exclude.append(term)
        elif join_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
            free.append(raw)
        join_next = False
    said_from, said_to = _said_range(ops.get("said", ""))
    return ParsedQuery(
        clauses=tuple(tuple(c) for c in clauses),
        exclude=tuple(exclude),
        speaker=ops.get("speaker", ""),
        event=ops.get("event", ""),
        said_from=said_from,
        said_to=said_to,
        free_text=" ".join(free),
    )


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_statements(
    qs: QuerySet, query: str | ParsedQuery, *, in_articles: bool = False
) -> QuerySet:
    """``qs`` narrowed to the statements whose words match the query's text part.

    The operators (speaker:, event:, said:) are applied by the FilterSet, which
    knows how to find speakers and events; here only words count.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if not parsed.has_text:
        return qs
    if is_postgres():
        return _match_postgres(qs, parsed, in_articles=in_articles)
    return _match_sqlite(qs, parsed, in_articles=in_articles)


# -- PostgreSQL ----------------------------------------------------------------------


def _pg_term(term: Term):
    from django.contrib.postgres.search import SearchQuery

    kind = "phrase" if len(term.words) > 1 else "plain"
    return SearchQuery(term.text, search_type=kind, config=SEARCH_CONFIG)


def _pg_any(terms):
    return functools.reduce(operator.or_, (_pg_term(t) for t in terms))


def _pg_positive(parsed: ParsedQuery):
    if not parsed.clauses:
        return None
    return functools.reduce(operator.and_, (_pg_any(c) for c in parsed.clauses))


def _match_postgres(qs: QuerySet, parsed: ParsedQuery, *, in_articles: bool) -> QuerySet:
    from django.contrib.postgres.search import SearchVector

    positive = _pg_positive(parsed)
    if positive is not None:
        match = Q(search_vector=positive)
        if in_articles:
            from statements.models import Article

            bodies = Article.objects.annotate(
                body_vector=SearchVector("body", config=SEARCH_CONFIG)
            ).filter(body_vector=positive)
            match |= Q(article__in=bodies.values("pk"))
        qs = qs.filter(match)
    if parsed.exclude:
        qs = qs.exclude(search_vector=_pg_any(parsed.exclude))
    return qs


# -- SQLite (FTS5) -------------------------------------------------------------------

_FTS_MATCH = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"


def _fts_term(term: Term) -> str:
    return '"' + term.text + '"'  # words hold letters and digits only: nothing to escape


def _fts_any(terms) -> str:
    return "(" + " OR ".join(_fts_term(t) for t in terms) + ")"


def _fts_positive(parsed: ParsedQuery) -> str:
    return " AND ".join(_fts_any(c) for c in parsed.clauses)


# Beyond this many matches a search walks the lists' date index and checks each
# row against the matches; below it, the matches are read and sorted (see _walks_dates).
COMMON_MATCHES = 30_000


def _walks_dates(expression: str) -> bool:
    """Whether a search for ``expression`` should walk the date index (a common word).

    SQLite plans ``id IN (matches)`` one way only: each match looked up by id,
    then all of them sorted. For a word in a fifth of a million statements that
    is most of a second per query. Walking the date index newest first and
    checking each row against the matches (built once, in memory) finds the
    first page after a few hundred rows, but would read the whole index for a
    rare word. The matches are counted (no further than the threshold) to choose.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM ({_FTS_MATCH} LIMIT %s)", [expression, COMMON_MATCHES + 1]
        )
        return cursor.fetchone()[0] > COMMON_MATCHES


def _match_sqlite(qs: QuerySet, parsed: ParsedQuery, *, in_articles: bool) -> QuerySet:
    if parsed.clauses:
        expression = _fts_positive(parsed)
        matches = RawSQL(_FTS_MATCH, [expression])
        if _walks_dates(expression):
            # "+id" keeps the planner off the primary key, so it walks the date index.
            qs = qs.alias(
                id_by_date=Func(F("id"), template="+%(expressions)s", output_field=IntegerField())
            )
            match = Q(id_by_date__in=matches)
        else:
            match = Q(id__in=matches)
        if in_articles:
            # Article text has no FTS table on SQLite: every clause as plain containment.
            in_body = Q()
            for clause in parsed.clauses:
                either = Q()
                for term in clause:
                    either |= Q(article__body__icontains=term.text)
                in_body &= either
            match |= in_body
        qs = qs.filter(match)
    if parsed.exclude:
        qs = qs.exclude(id__in=RawSQL(_FTS_MATCH, [_fts_any(parsed.exclude)]))
    return qs


# -- ranking and highlighting ----------------------------------------------------------


def rank_matches(qs: QuerySet, query: str | ParsedQuery) -> QuerySet:
    """The newest ``RANK_CANDIDATES`` of ``qs``, annotated with ``search_rank`` (higher first).

    Ranking every match of a common word would read all of them; ranking the
    newest candidates keeps a ranked page as cheap as a dated one.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    candidates = qs.newest_first().values("pk")[:RANK_CANDIDATES]
    if not parsed.clauses:
        return qs.filter(pk__in=candidates).annotate(search_rank=Value(0))
    if is_postgres():
        from django.contrib.postgres.search import SearchRank

        return qs.filter(pk__in=candidates).annotate(
            search_rank=SearchRank("search_vector", _pg_positive(parsed))
        )
    # The candidates as literal ids, and "+rowid" so FTS5 filters its matches by
    # them instead of re-running the whole query once per id. bm25() as a column is
    # computed for the candidates only; "ORDER BY rank" would score every match
    # first (a common word: 220,000 of them, half a second) and then filter.
    ids = list(candidates.values_list("pk", flat=True))
    if not ids:
        return qs.none().annotate(search_rank=Value(0))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            f" AND +rowid IN ({', '.join(['%s'] * len(ids))})",
            [_fts_positive(parsed), *ids],
        )
        # bm25: lower is better; FTS5 hands the rows back by rowid, as its rank ties.
        ranked = [rowid for rowid, _ in sorted(cursor.fetchall(), key=lambda row: row[1])]
    if not ranked:
        return qs.none().annotate(search_rank=Value(0))
    # The rank as the (negated) position of ",id," in the ranked ids written out:
    # one parameter and one instr() per row, where a CASE of 1,000 WHENs cost more
    # to compile in Python and to evaluate than the rest of the page.
    ranked_ids = Value("," + ",".join(map(str, ranked)) + ",")
    needle = Concat(Value(","), Cast("id", CharField()), Value(","))
    position = Func(ranked_ids, needle, function="instr", output_field=IntegerField())
    return qs.filter(pk__in=ranked).annotate(search_rank=Value(0) - position)


def search_marks(statements, query: str | ParsedQuery) -> dict[int, list[Mark]]:
    """Where each statement's text matches the query, by statement id: one query.

    The database's own stemmer decides (ts_headline, FTS5 highlight), so
    "strikes" is marked for a search of "strike".
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    ids = [st.pk for st in statements]
    terms = [t for clause in parsed.clauses for t in clause]
    if not ids or not terms:
        return {}
    if is_postgres():
        return _marks_postgres(ids, terms)
    return _marks_sqlite(ids, terms)


def _marks_postgres(ids: list[int], terms: list[Term]) -> dict[int, list[Mark]]:
    from django.contrib.postgres.search import SearchHeadline

    from statements.highlighting import headline_marks
    from statements.models import Statement

    rows = (
        Statement.objects.filter(pk__in=ids)
        .annotate(
            headline=SearchHeadline(
                "text",
                _pg_any(terms),
                config=SEARCH_CONFIG,
                start_sel="<mark>",
                stop_sel="</mark>",
                highlight_all=True,
            )
        )
        .values_list("pk", "text", "headline")
    )
    out = {}
    for pk, text, headline in rows:
        marks = headline_marks(text, headline or text)
        if marks is not None:
            out[pk] = marks
    return out


_OPEN, _CLOSE = "\x01", "\x02"


def _marks_sqlite(ids: list[int], terms: list[Term]) -> dict[int, list[Mark]]:
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT rowid, highlight({FTS_TABLE}, 0, char(1), char(2)) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_fts_any(terms), *ids])
        rows = cursor.fetchall()
    out = {}
    for pk, marked in rows:
        marks, pos, opened = [], 0, None
        for ch in marked:
            if ch == _OPEN:
                opened = pos
            elif ch == _CLOSE and opened is not None:
                marks.append(Mark(opened, pos))
                opened = None
            else:
                pos += 1
        out[pk] = marks
    return out
