"""Throughput of the whole import: files on disk to rows in a fresh database.

    python -m benchmarks.importing [--files 300] [--workers 1 2]
    DATABASE_URL=postgresql://... python -m benchmarks.importing \
        --corpus DIR [--limit N] [--workers 2]

Without ``--corpus``: writes a generated fictional corpus as .txt files to a
temporary folder and imports it into a throwaway SQLite database once per
worker count, so the figures show what ``import_articles --workers N`` buys.

With ``--corpus``: imports the JSON Lines corpus that
``../shared/bench/gen_corpus.py N --out DIR`` wrote (its events first) into
the database DATABASE_URL names, after emptying it, and prints articles/s,
statements/s, SQL statements per article and the peak memory of this process and
its workers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.extract import article


def write_corpus(folder: Path, files: int, seed: int) -> int:
    rng = random.Random(seed)
    size = 0
    for n in range(files):
        day = 1 + n % 28
        text = f"Talks resume in Norland ({n})\n\n{day} March 2025\n\n{article(rng)}\n"
        (folder / f"article-{n:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def run(folder: Path, workers: int) -> tuple[float, dict]:
    from django.core.management import call_command

    from statements.importing import import_paths

    call_command("flush", "--noinput", verbosity=0)
    t0 = time.perf_counter()
    report = import_paths([folder], workers=workers)
    return time.perf_counter() - t0, report.totals()


def load_events(corpus: Path) -> int:
    from django.utils.text import slugify

    from statements.models import Event

    events = [json.loads(line) for line in (corpus / "events.jsonl").open(encoding="utf-8")]
    Event.objects.bulk_create(
        Event(
            name=e["name"],
            slug=slugify(e["name"])[:80],
            keywords=e["keywords"],
            start_on=e.get("start"),
            end_on=e.get("end"),
        )
        for e in events
    )
    return len(events)


def import_corpus(corpus: Path, workers: int, limit: int | None, batch_size: int | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from archive.page_cache import deferred_clearing
    from statements.importing import import_paths
    from statements.importing.batch import default_batch_size

    batch_size = batch_size or default_batch_size()
    files = sorted((corpus / "articles").glob("*.jsonl"))
    if limit:  # the first N records, as a smaller corpus of their own
        folder = Path(tempfile.mkdtemp())
        target = folder / "articles.jsonl"
        with target.open("w", encoding="utf-8") as out, files[0].open(encoding="utf-8") as src:
            for _n, line in zip(range(limit), src, strict=False):
                out.write(line)
        files = [folder / "articles.jsonl"]
    call_command("migrate", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    print(f"{load_events(corpus)} events; importing {', '.join(f.name for f in files)}")
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    backend = _backend_pid(connection)
    cpu0 = _cpu(backend)
    servers = _ServerCpu() if backend is not None else None
    t0 = time.perf_counter()
    # As import_articles runs it: the page cache emptied once at the end, not per saved speaker.
    with connection.execute_wrapper(count), deferred_clearing():
        report = import_paths(files, workers=workers, batch_size=batch_size, keep_results=False)
    secs = time.perf_counter() - t0
    cpu = [b - a for a, b in zip(cpu0, _cpu(backend), strict=True)]
    if servers is not None:  # the writer's server process and those of its other connections
        cpu[2] = servers.stop()
    t = report.totals()
    articles = t["articles_created"] + t["articles_updated"] + t["articles_unchanged"]
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        f"workers={workers} batch={batch_size}: {articles} articles, {t['statements_created']} statements, "
        f"{t['failed']} failed in {secs:.0f} s: {articles / secs:.1f} articles/s, "
        f"{t['statements_created'] / secs:.0f} statements/s, "
        f"{queries / max(articles, 1):.1f} queries/article; peak memory {peak / 1024:.0f} MB; "
        f"CPU s: writer {cpu[0]:.0f}, extraction workers {cpu[1]:.0f}, database {cpu[2]:.0f}"
    )


def _backend_pid(connection) -> int | None:
    """The PostgreSQL server process serving this connection (on this machine), if any."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _proc_cpu(pid: int) -> float | None:
    """CPU seconds so far of a process on this machine (None once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _ServerCpu:
    """CPU seconds of every server process serving this database while the import runs.

    The importer opens a second connection (utterance lookups) besides the
    writer's: both server processes are counted (not autovacuum's), sampled twice
    a second from a connection of this thread's own (not counted), a process that
    ends counted up to its last sample. The database must be this benchmark's alone.
    """

    def __init__(self) -> None:
        self.base: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._done = threading.Event()
        self._sample(first=True)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self, first: bool = False) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            pids = [row[0] for row in cursor.fetchall()]
        for pid in pids:
            cpu = _proc_cpu(pid)
            if cpu is not None:
                self.base.setdefault(pid, cpu if first else 0.0)
                self.last[pid] = cpu

    def _run(self) -> None:
        from django.db import connection

        while not self._done.wait(0.5):
            self._sample()
        connection.close()

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        for pid in self.last:  # still running: their final figure
            cpu = _proc_cpu(pid)
            if cpu is not None:
                self.last[pid] = cpu
        return sum(self.last[pid] - self.base[pid] for pid in self.last)


def _cpu(backend: int | None) -> tuple[float, float, float]:
    """CPU seconds so far of this process, its ended children and the database server process.

    Where the time goes when the cores are the limit: the writer (this
    process), extraction (the worker processes, counted once they end), and
    the server work the writer's SQL causes.
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = 0.0
    if backend is not None:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
            server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime, server


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, help="A gen_corpus.py output folder.")
    ap.add_argument("--limit", type=int, help="With --corpus: only the first N articles.")
    ap.add_argument(
        "--batch-size",
        type=int,
        nargs="+",
        default=[None],
        help="With --corpus: articles per transaction (default: the importer's).",
    )
    args = ap.parse_args(argv)
    if args.corpus:
        for workers in args.workers:
            for batch_size in args.batch_size:
                import_corpus(args.corpus, workers, args.limit, batch_size)
        return

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        folder = Path(tmp, "articles")
        folder.mkdir()
        size = write_corpus(folder, args.files, args.seed)
        print(f"{args.files} files, {size / 1e6:.2f} MB of text, cores: {os.cpu_count()}")
        for workers in args.workers:
            secs, totals = run(folder, workers)
            print(
                f"workers={workers}: {secs:.2f} s, {args.files / secs:.0f} files/s, "
                f"{size / 1e6 / secs:.2f} MB/s, {totals['statements_created']} statements, "
                f"{totals['failed']} failed"
            )


if __name__ == "__main__":
    main()
