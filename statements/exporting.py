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
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from statements.models import Statement

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


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def statement_record(st: Statement, base_url: str = "") -> dict:
    """One statement as the export contract describes it."""
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
        "events": [{"name": e.name, "slug": e.slug} for e in st.events.all()],
        "tags": [t.name for t in st.tags.all()],
        "review_status": st.review_status,
        "permalink": base_url + st.get_absolute_url(),
        "utterance_id": st.utterance_id,
    }


def export_queryset(qs: QuerySet) -> Iterator[Statement]:
    """Statements with what the record needs, in chunks: constant memory on any size.

    ``iterator(chunk_size=...)`` keeps prefetch_related working per chunk. The
    filtered query is used as a subquery so that search annotations (rank,
    highlighted text) are not computed for every exported row.
    """
    ids = qs.order_by().values("pk")
    return (
        Statement.objects.filter(pk__in=ids)
        .for_listing()
        .order_by("id")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def started(statements: Iterator[Statement]) -> Iterator[Statement]:
    """The same statements, with the first query already run.

    A download streams after its headers are sent; a query that fails there
    would end the file early under a "200 OK". Running it first turns such a
    failure into an error response instead of a silently cut file.
    """
    try:
        first = next(statements)
    except StopIteration:
        return iter(())
    return itertools.chain([first], statements)


def iter_jsonl(statements: Iterable[Statement], base_url: str = "") -> Iterator[str]:
    for st in statements:
        yield json.dumps(statement_record(st, base_url), ensure_ascii=False) + "\n"


def iter_json_array(statements: Iterable[Statement], base_url: str = "") -> Iterator[str]:
    """A JSON array streamed piece by piece, for the download link."""
    yield "["
    first = True
    for st in statements:
        yield ("\n" if first else ",\n") + json.dumps(
            statement_record(st, base_url), ensure_ascii=False
        )
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet shows as text: a leading formula character gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def iter_csv(statements: Iterable[Statement], base_url: str = "") -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(CSV_FIELDS)
    yield flush()
    for st in statements:
        writer.writerow([spreadsheet_safe(v) for v in csv_row(statement_record(st, base_url))])
        yield flush()
