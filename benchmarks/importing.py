"""Throughput of the whole import: files on disk to rows in a fresh database.

    python -m benchmarks.importing [--files 300] [--workers 1 2]

Writes a generated fictional corpus as .txt files to a temporary folder and
imports it into a throwaway SQLite database once per worker count, so the
figures show what ``import_articles --workers N`` buys on this machine.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

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
