"""Fill an empty, migrated archive database with a generated corpus's ground truth, fast.

    DATABASE_URL=postgresql://USER@HOST/DB python -m benchmarks.load_corpus CORPUS_DIR
    DATABASE_URL=sqlite:////tmp/bench/db.sqlite3 python -m benchmarks.load_corpus CORPUS_DIR

CORPUS_DIR is what ``gen_corpus.py N --out CORPUS_DIR`` (../shared/bench) writes:
articles/*.jsonl, statements.jsonl (speaker, text, said_on, event per quote),
speakers.jsonl, events.jsonl. The page benchmark needs exactly those rows,
not what the extraction engine makes of the articles, so this bypasses the
importer: speakers, events, articles, statements and their event links are
written in bulk (``COPY`` on PostgreSQL, ``executemany`` on SQLite). The
database's own triggers fill the search indexes, then it is ANALYZEd.
Columns this script does not set get their model defaults, so new fields do
not break it. No history rows are written: nothing here was edited.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

import django

BATCH = 20_000


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Table:
    """Rows for one model's table: the given columns, model defaults for the rest."""

    def __init__(self, model, now: datetime):
        from django.db import models

        self.model = model
        self.table = model._meta.db_table
        self.columns: list[str] = []
        self.defaults: dict[str, object] = {}
        for field in model._meta.concrete_fields:
            self.columns.append(field.column)
            if isinstance(field, models.DateTimeField):
                value = now
            elif field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            else:
                value = ""
            if isinstance(field, models.JSONField):
                value = json.dumps(value)
            self.defaults[field.column] = value

    def row(self, **values) -> tuple:
        return tuple(values[c] if c in values else self.defaults[c] for c in self.columns)


class Writer:
    """Bulk writes, COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, connection):
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"

    def write(self, table: Table, rows: Iterable[tuple]) -> int:
        cols = ", ".join(self.connection.ops.quote_name(c) for c in table.columns)
        n = 0
        if self.postgres:
            raw = self.connection.connection
            with raw.cursor() as cur, cur.copy(f"COPY {table.table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
            return n
        marks = ", ".join(["?"] * len(table.columns))
        sql = f"INSERT INTO {table.table} ({cols}) VALUES ({marks})"
        raw = self.connection.connection
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                raw.executemany(sql, batch)
                n += len(batch)
                batch = []
        raw.executemany(sql, batch)
        return n + len(batch)

    def finish(self, tables: list[Table]) -> None:
        with self.connection.cursor() as cur:
            if self.postgres:
                for t in tables:
                    cur.execute(
                        f"SELECT setval(pg_get_serial_sequence('{t.table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {t.table}), 1))"
                    )
            cur.execute("ANALYZE")


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    from django.utils.text import slugify

    seen: set[str] = set()
    out = {}
    for name in names:
        base = slugify(name)[:45] or "x"
        slug, i = base, 2
        while slug in seen:
            slug, i = f"{base}-{i}", i + 1
        seen.add(slug)
        out[name] = slug
    return out


def load(corpus: Path, *, progress: bool = True) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from statements.extraction.names import name_key
    from statements.models import Article, Event, Speaker, SpeakerAlias, Statement, StatementEvent

    if Statement.objects.exists():
        raise SystemExit("The database already holds statements: load into an empty one.")
    now = timezone.now()
    tables = {m: Table(m, now) for m in (Speaker, SpeakerAlias, Event, Article, Statement)}
    links = Table(StatementEvent, now)
    writer = Writer(connection)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    speaker_meta = list(read_jsonl(corpus / "speakers.jsonl"))
    speakers = [s["name"] for s in speaker_meta]
    country = {s["name"]: s.get("country") or "" for s in speaker_meta}
    events = list(read_jsonl(corpus / "events.jsonl"))
    speaker_id = {name: i for i, name in enumerate(speakers, 1)}
    event_id = {e["name"]: i for i, e in enumerate(events, 1)}
    counts = {"articles": 0, "statements": 0, "event_links": 0}
    event_links: list[tuple[int, int]] = []

    def article_and_statement_rows():
        truth = read_jsonl(corpus / "statements.jsonl")
        pending = next(truth, None)
        statement_rows = []
        files = sorted((corpus / "articles").glob("articles-*.jsonl"))
        for path in files:
            for line_no, art in enumerate(read_jsonl(path), 1):
                aid = counts["articles"] = counts["articles"] + 1
                published = _day(art.get("published"))
                body = art["text"]
                yield (
                    "article",
                    tables[Article].row(
                        id=aid,
                        title=art["title"][:500],
                        outlet=art.get("outlet") or "",
                        url=art["url"],
                        published_on=published,
                        language="en",
                        body=body,
                        source_file=f"{path.name}#{line_no}",
                        source_path=f"{path}#{line_no}",
                        source_format="jsonl",
                        fingerprint=hashlib.sha256(art["url"].encode()).hexdigest(),
                    ),
                )
                n = 0
                while pending is not None and pending["article_url"] == art["url"]:
                    sid = counts["statements"] = counts["statements"] + 1
                    text = pending["text"]
                    start = max(body.find(text), 0)
                    said = _day(pending.get("said_on"))
                    statement_rows.append(
                        tables[Statement].row(
                            id=sid,
                            article_id=aid,
                            speaker_id=speaker_id[pending["speaker"]],
                            text=text,
                            start=start,
                            end=start + len(text),
                            said_on=said,
                            dated_on=said or published,
                            cue="said",
                            confidence=0.9,
                            extraction_key=f"bench-{n}",
                        )
                    )
                    if pending.get("event"):
                        event_links.append((sid, event_id[pending["event"]]))
                    n += 1
                    pending = next(truth, None)
                if len(statement_rows) >= BATCH:
                    yield from (("statement", r) for r in statement_rows)
                    statement_rows = []
        yield from (("statement", r) for r in statement_rows)
        if pending is not None:
            raise SystemExit(
                f"statements.jsonl is not in article order at {pending['article_url']}"
            )

    with transaction.atomic():
        writer.write(
            tables[Speaker],
            (
                tables[Speaker].row(id=i, name=n, slug=s, country=country[n])
                for n, s, i in _named(speakers, speaker_id)
            ),
        )
        writer.write(
            tables[SpeakerAlias],
            (
                tables[SpeakerAlias].row(id=i, speaker_id=i, name=n, key=name_key(n))
                for n, i in speaker_id.items()
            ),
        )
        slugs = unique_slugs(e["name"] for e in events)
        writer.write(
            tables[Event],
            (
                tables[Event].row(
                    id=event_id[e["name"]],
                    name=e["name"],
                    slug=slugs[e["name"]],
                    start_on=_day(e.get("start")),
                    end_on=_day(e.get("end")),
                    keywords=json.dumps(e.get("keywords", [])),
                )
                for e in events
            ),
        )
        timings["speakers_events_s"] = round(time.perf_counter() - t0, 1)
        # Articles and statements come from one pass; each goes to its own table.
        t1 = time.perf_counter()
        articles, statements = [], []
        for kind, row in article_and_statement_rows():
            (articles if kind == "article" else statements).append(row)
            if len(articles) >= BATCH:
                writer.write(tables[Article], articles)
                articles = []
            if len(statements) >= BATCH:
                writer.write(tables[Article], articles)
                articles = []
                writer.write(tables[Statement], statements)
                statements = []
                if progress:
                    print(f"  {counts['statements']:,} statements", file=sys.stderr)
        writer.write(tables[Article], articles)
        writer.write(tables[Statement], statements)
        timings["articles_statements_s"] = round(time.perf_counter() - t1, 1)
        t1 = time.perf_counter()
        counts["event_links"] = writer.write(
            links,
            (
                links.row(id=i, statement_id=s, event_id=e, linked_by="keyword")
                for i, (s, e) in enumerate(event_links, 1)
            ),
        )
        timings["event_links_s"] = round(time.perf_counter() - t1, 1)
    t1 = time.perf_counter()
    writer.finish([*tables.values(), links])
    timings["analyze_s"] = round(time.perf_counter() - t1, 1)
    timings["total_s"] = round(time.perf_counter() - t0, 1)
    return {
        "database": connection.vendor,
        "speakers": len(speakers),
        "events": len(events),
        **counts,
        **timings,
    }


def _named(names: list[str], ids: dict[str, int]):
    slugs = unique_slugs(names)
    return ((n, slugs[n], ids[n]) for n in names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="directory written by gen_corpus.py")
    ap.add_argument("--migrate", action="store_true", help="run migrate first")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DJANGO_ENV", "development")
    django.setup()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    print(json.dumps(load(args.corpus, progress=not args.quiet), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
