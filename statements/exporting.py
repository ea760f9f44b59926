"""The export contract: one statement as a flat record, streamed as JSONL or CSV.

Other tools read these files, so the field names and shapes here are a
promise (see "Export format" in the README). The command line export and the
public download links both go through this module.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from statements.models import SpeakerAlias, Statement, StatementEvent
from statements.models.statement import statement_permalink

CSV_FIELDS = [
    "id",
    "text",
    "kind",
    "speaker",
    "speaker_aliases",
    "reported_by",
    "said_on",
    "article_title",
    "article_outlet",
    "article_url",
    "article_published_on",
    "article_source_file",
    "events",
    "tags",
    "review_status",
    "cue",
    "confidence",
    "permalink",
    "utterance_id",
]

CHUNK_SIZE = 2000
CSV_BATCH = 200  # rows per piece of a streamed download


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def statement_record(st: Statement, base_url: str = "") -> dict:
    """One statement as the export contract describes it (from ``for_records()`` rows)."""
    article = st.article
    return {
        "id": st.pk,
        "text": st.text,
        "kind": st.kind,
        "speaker": {
            "name": st.speaker.name,
            "slug": st.speaker.slug,
            "aliases": [a.name for a in st.speaker.aliases.all() if a.name != st.speaker.name],
        },
        "reported_by": {"name": st.reported_by.name, "slug": st.reported_by.slug}
        if st.reported_by_id
        else None,
        "said_on": _iso(st.said_on),
        "cue": st.cue,
        "confidence": round(st.confidence, 3),
        "article": {
            "id": article.pk,
            "title": article.title,
            "outlet": article.outlet or None,
            "url": article.url or None,
            "published_on": _iso(article.published_on),
            "source_file": article.source_file,
        },
        "events": [{"name": e.name, "slug": e.slug} for e in st.listed_events],
        "tags": [t.name for t in st.listed_tags],
        "review_status": st.review_status,
        "permalink": base_url + st.get_absolute_url(),
        "utterance_id": st.utterance_id,
    }


# One query per chunk for the rows, three for their events, tags and aliases.
_ROW_FIELDS = (
    "id", "text", "kind", "said_on", "cue", "confidence", "review_status", "utterance_id",
    "speaker_id", "speaker__name", "speaker__slug",
    "reported_by_id", "reported_by__name", "reported_by__slug",
    "article_id", "article__title", "article__outlet", "article__url",
    "article__published_on", "article__source_file",
)  # fmt: skip


def export_records(qs: QuerySet, base_url: str = "") -> Iterator[dict]:
    """The records of ``qs`` (as ``statement_record`` makes them), in id order, by chunks.

    Memory stays constant on any size. Rows are read as plain values, not model
    instances with prefetched relations: that is most of an export's time. The
    filtered query is used as a subquery so search annotations are not computed
    per row, and each chunk is an ordinary query with a LIMIT, planned for the
    rows the filter keeps (a server-side cursor is planned for its first rows).
    """
    rows = Statement.objects.filter(pk__in=qs.order_by().values("pk")).values(*_ROW_FIELDS)
    last = 0
    while True:
        chunk = list(rows.filter(pk__gt=last).order_by("id")[:CHUNK_SIZE])
        if not chunk:
            return
        ids = [r["id"] for r in chunk]
        events, tags, aliases = defaultdict(list), defaultdict(list), defaultdict(list)
        for sid, name, slug in (
            StatementEvent.objects.filter(statement_id__any_of=ids)
            .order_by("event__start_on", "event__name")
            .values_list("statement_id", "event__name", "event__slug")
        ):
            events[sid].append({"name": name, "slug": slug})
        for sid, name in (
            Statement.tags.through.objects.filter(statement_id__any_of=ids)
            .order_by("tag__name")
            .values_list("statement_id", "tag__name")
        ):
            tags[sid].append(name)
        for speaker_id, name in (
            SpeakerAlias.objects.filter(speaker_id__in={r["speaker_id"] for r in chunk})
            .order_by("name")
            .values_list("speaker_id", "name")
        ):
            aliases[speaker_id].append(name)
        for r in chunk:
            yield _record(r, events[r["id"]], tags[r["id"]], aliases[r["speaker_id"]], base_url)
        if len(chunk) < CHUNK_SIZE:
            return
        last = ids[-1]


def _record(r: dict, events: list, tags: list, aliases: list, base_url: str) -> dict:
    """``statement_record`` of one row of values (same keys, same order)."""
    return {
        "id": r["id"],
        "text": r["text"],
        "kind": r["kind"],
        "speaker": {
            "name": r["speaker__name"],
            "slug": r["speaker__slug"],
            "aliases": [a for a in aliases if a != r["speaker__name"]],
        },
        "reported_by": {"name": r["reported_by__name"], "slug": r["reported_by__slug"]}
        if r["reported_by_id"]
        else None,
        "said_on": _iso(r["said_on"]),
        "cue": r["cue"],
        "confidence": round(r["confidence"], 3),
        "article": {
            "id": r["article_id"],
            "title": r["article__title"],
            "outlet": r["article__outlet"] or None,
            "url": r["article__url"] or None,
            "published_on": _iso(r["article__published_on"]),
            "source_file": r["article__source_file"],
        },
        "events": events,
        "tags": tags,
        "review_status": r["review_status"],
        "permalink": base_url + statement_permalink(r["id"]),
        "utterance_id": r["utterance_id"],
    }


def started(records: Iterator[dict]) -> Iterator[dict]:
    """The same statements, with the first query already run.

    A download streams after its headers are sent; a query that fails there
    would end the file early under a "200 OK". Running it first turns such a
    failure into an error response instead of a silently cut file.
    """
    try:
        first = next(records)
    except StopIteration:
        return iter(())
    return itertools.chain([first], records)


def iter_jsonl(records: Iterable[dict]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def iter_json_array(records: Iterable[dict]) -> Iterator[str]:
    """A JSON array streamed piece by piece, for the download link."""
    yield "["
    first = True
    for record in records:
        yield ("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]\n"


def csv_row(record: dict) -> list:
    art = record["article"]
    return [
        record["id"],
        record["text"],
        record["kind"],
        record["speaker"]["name"],
        "; ".join(record["speaker"]["aliases"]),
        record["reported_by"]["name"] if record["reported_by"] else "",
        record["said_on"] or "",
        art["title"],
        art["outlet"] or "",
        art["url"] or "",
        art["published_on"] or "",
        art["source_file"],
        "; ".join(e["name"] for e in record["events"]),
        "; ".join(record["tags"]),
        record["review_status"],
        record["cue"],
        record["confidence"],
        record["permalink"],
        record["utterance_id"] or "",
    ]


# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = frozenset("=+-@\t\r")


def spreadsheet_safe_row(row: list) -> list:
    """The row's text cells as a spreadsheet shows text: a leading formula character gets
    a ``'``. Inline, not a call per cell: a CSV of a few thousand rows made tens of
    thousands of them, a fifth of the download's Python."""
    return ["'" + v if isinstance(v, str) and v[:1] in FORMULA_STARTS else v for v in row]


def iter_csv(records: Iterable[dict]) -> Iterator[str]:
    """CSV text, a header then the records, in pieces of ``CSV_BATCH`` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(CSV_FIELDS)
    for n, record in enumerate(records, 1):
        writer.writerow(spreadsheet_safe_row(csv_row(record)))
        if n % CSV_BATCH == 0:
            yield flush()
    yield flush()
