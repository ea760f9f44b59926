"""Import throughput with one and with two Celery workers: articles/s and the scaling factor.

    DATABASE_URL=postgresql://USER@HOST/DB python -m benchmarks.workers [--files 200]

Needs PostgreSQL (the database is emptied first: use a scratch one) and Redis
(CELERY_BROKER_URL, default redis://127.0.0.1:6379/12). Writes a generated
fictional corpus of .txt files, starts N worker processes (one task at a time
each) on a queue of its own, queues the corpus as one import job and times it
from queueing to the last part finished. Worker start-up is not timed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.importing import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def start_workers(count: int, env: dict) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "archive", "worker",
                "--concurrency", "1", "-Q", env["CELERY_QUEUE"], "-n", f"bench{n}-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "ERROR",
            ],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for n in range(count)
    ]  # fmt: skip


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def timed_job(folder: Path, workers: int, env: dict, timeout: float) -> tuple[float, int]:
    from django.core.management import call_command

    from statements.jobs.creating import create_job, enqueue
    from statements.models import Article

    call_command("flush", "--noinput", verbosity=0)
    procs = start_workers(workers, env)
    try:
        time.sleep(6)  # worker start-up (Django, the engine's lexicons) is not what we measure
        job = create_job([folder])
        t0 = time.perf_counter()
        enqueue(job)
        while job.parts.unfinished().exists():
            if time.perf_counter() - t0 > timeout:
                raise SystemExit(f"job not finished after {timeout:.0f} s")
            time.sleep(0.2)
        return time.perf_counter() - t0, Article.objects.count()
    finally:
        stop(procs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a scratch PostgreSQL database (it is emptied)")
    os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/12")
    os.environ["CELERY_QUEUE"] = f"bench-{uuid.uuid4().hex[:8]}"
    os.environ.setdefault("DJANGO_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ.setdefault("REQUEST_LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    env = dict(os.environ)
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        size = write_corpus(Path(tmp), args.files, seed=7)
        print(f"{args.files} files, {size / 1e6:.1f} MB of generated fictional text")
        for workers in (1, 2):
            seconds, articles = timed_job(Path(tmp), workers, env, args.timeout)
            rates[workers] = articles / seconds
            print(f"{workers} worker{'s' if workers > 1 else ''}: {articles} articles in "
                  f"{seconds:.1f} s = {rates[workers]:.1f} articles/s")  # fmt: skip
    print(f"scaling factor (2 workers / 1): {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
