"""Time and peak memory of importing very large single files, each in a fresh process.

    python -m benchmarks.large_files [--keep DIR]

Builds fictional files (a 30 MB text file, a 5 MB line without newline, a
20 MB HTML page, a 10 MB JSON line, and the largest of each the importer
accepts) and runs ``manage.py import_articles`` on each against a throwaway
SQLite database, printing wall time, peak resident memory and the outcome.
The figures go into the README's Reliability section.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.extract import article

ROOT = Path(__file__).resolve().parent.parent


def prose(size: int, seed: int, joiner: str = "\n\n") -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        part = article(rng)
        parts.append(part if joiner == "\n\n" else part.replace("\n", " "))
        total += len(part) + len(joiner)
    return joiner.join(parts)[:size]


def make_files(folder: Path) -> list[Path]:
    made = []

    def put(name: str, text: str) -> None:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        made.append(path)

    put("text-30mb.txt", "Talks resume in Norland\n\n3 March 2025\n\n" + prose(30_000_000, 1))
    put("line-5mb.txt", "Talks resume in Norland 3 March 2025 " + prose(5_000_000, 2, " "))
    put("text-1.9mb.txt", "Talks resume in Norland\n\n3 March 2025\n\n" + prose(1_900_000, 3))
    put("line-1.9mb.txt", "Talks resume in Norland 3 March 2025 " + prose(1_900_000, 4, " "))
    # A page: article paragraphs between navigation and adverts, the markup padding it to size.
    for name, size, text in (
        ("page-20mb.html", 20_000_000, 10_000_000),
        ("page-4.9mb.html", 4_900_000, 1_000_000),
    ):
        paragraphs = prose(text, 5).split("\n\n")
        pad = "<div class='ad'><a href='/offers'>Advert</a></div>" * max(
            1, (size - text) // len(paragraphs) // 50
        )
        body = "\n".join(f"<p>{p}</p>{pad}" for p in paragraphs)
        put(
            name,
            "<html><head><title>Talks resume in Norland</title>"
            '<meta name="date" content="2025-03-03"></head><body><article>'
            f"<h1>Talks resume in Norland</h1>{body}</article></body></html>",
        )
    for name, size in (("record-10mb.jsonl", 10_000_000), ("record-1.9mb.jsonl", 1_900_000)):
        record = {"title": "Talks resume in Norland", "published": "2025-03-03"}
        put(name, json.dumps({**record, "text": prose(size, 6)}) + "\n")
    return made


# Runs the command in a fresh interpreter and reports that process's own peak memory.
_CHILD = """
import os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from django.core.management import CommandError, call_command
try:
    call_command("import_articles", sys.argv[1])
except CommandError as exc:
    print(exc, file=sys.stderr)
print("peak_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def run(path: Path, env: dict[str, str]) -> tuple[float, float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    secs = time.perf_counter() - t0
    lines = (done.stdout + done.stderr).strip().splitlines()
    peak = next(int(line.split()[1]) for line in lines if line.startswith("peak_kb"))
    failed = [line for line in lines if line.startswith("FAILED")]
    summary = failed[0].split(": ", 1)[1] if failed else next(iter(lines), "")
    return secs, peak / 1024, summary


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", help="Write the files here and keep them.")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = make_files(folder)
        print(f"{'file':<20} {'MB':>6} {'seconds':>8} {'peak MB':>8}  outcome")
        for path in files:
            env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/{path.stem}.sqlite3"}
            env.setdefault("DJANGO_ENV", "development")
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
            )
            secs, peak, summary = run(path, env)
            size = path.stat().st_size / 1e6
            print(f"{path.name:<20} {size:>6.1f} {secs:>8.1f} {peak:>8.0f}  {summary[:90]}")


if __name__ == "__main__":
    main()
