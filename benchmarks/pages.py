"""Time the public pages as production serves them, on a loaded corpus.

    DATABASE_URL=... python -m benchmarks.pages CORPUS_DIR [--requests 30] [--tasks-out FILE]

Starts gunicorn (2 workers, DEBUG off, ``STATEMENTS_PER_PAGE=50`` like
Datasette's ``_size=50``; ``--threads N`` gives each worker N threads, as the
README's production command does) on a free loopback port, warms it, then requests each
task in turn (one client, a fresh connection per request, the whole body read)
and prints p50/p95 per task, then the SQL queries each page issues (counted
in-process). The database must hold the corpus (``benchmarks.load_corpus``).

The tasks are the six of ../shared/bench/README.md (one mid-frequency speaker's
newest 50; the same within one year; a common and a rare word; the list with
per-speaker counts; the CSV of the speaker) plus a ranked search, a statement
permalink, a speaker page and an event page. ``--tasks-out`` writes the
``tasks.json`` that ``ab_bench.py`` takes for the interleaved ratio against
Datasette (its ``speaker_id`` numbering is the sorted speaker names).

Production caches whole public pages (Redis with ``REDIS_URL``, else files in a
fresh folder per run), so repeated requests measure the cache; ``--no-page-cache``
measures every request through the database and the templates.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.load_corpus import read_jsonl

COMMON, RARE = "government", "thorium"
YEAR = 2020
SPEAKER_RANK = 100  # the 100th speaker by statement count: "mid-frequency"


def corpus_facts(corpus: Path) -> dict:
    """The mid-frequency speaker and a mid-size event, from the ground truth."""
    per_speaker: collections.Counter = collections.Counter()
    per_event: collections.Counter = collections.Counter()
    for st in read_jsonl(corpus / "statements.jsonl"):
        per_speaker[st["speaker"]] += 1
        if st.get("event"):
            per_event[st["event"]] += 1
    speaker = per_speaker.most_common(SPEAKER_RANK)[-1][0]
    event = per_event.most_common(20)[-1][0]
    datasette_ids = {n: i for i, n in enumerate(sorted(per_speaker), 1)}
    return {"speaker": speaker, "event": event, "datasette_speaker_id": datasette_ids[speaker]}


def archive_paths(facts: dict) -> dict[str, str]:
    from statements.models import Event, Speaker, Statement

    speaker = Speaker.objects.get(name=facts["speaker"])
    event = Event.objects.get(name=facts["event"])
    statement = Statement.objects.published().by_speaker(speaker).newest_first().first()
    year = {"said_from": f"{YEAR}-01-01", "said_to": f"{YEAR}-12-31"}
    return {
        "a_speaker": "/statements/?" + urlencode({"speaker": speaker.slug}),
        "b_speaker_year": "/statements/?" + urlencode({"speaker": speaker.slug, **year}),
        "c_fts_common": "/statements/?" + urlencode({"q": COMMON}),
        "c_fts_common_ranked": "/statements/?" + urlencode({"q": COMMON, "sort": "relevance"}),
        "c_fts_rare": "/statements/?" + urlencode({"q": RARE}),
        "d_facet_speaker": "/statements/",
        "e_csv_speaker": "/statements/export.csv?" + urlencode({"speaker": speaker.slug}),
        "permalink": statement.get_absolute_url(),
        "speaker_page": speaker.get_absolute_url(),
        "event_page": event.get_absolute_url(),
    }


def datasette_paths(facts: dict, db: str) -> dict[str, str]:
    sid = facts["datasette_speaker_id"]
    base = f"/{db}/statements"
    by_speaker = f"speaker_id={sid}&_sort_desc=said_on"
    return {
        "a_speaker": f"{base}?{by_speaker}&_size=50",
        "b_speaker_year": f"{base}?{by_speaker}&said_on__gte={YEAR}-01-01"
        f"&said_on__lte={YEAR}-12-31&_size=50",
        "c_fts_common": f"{base}?_search={COMMON}&_size=50",
        "c_fts_rare": f"{base}?_search={RARE}&_size=50",
        "d_facet_speaker": f"{base}?_facet=speaker_id&_size=50",
        "e_csv_speaker": f"{base}.csv?{by_speaker}&_labels=on&_stream=on&_size=max",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(per_page: int = 50) -> dict[str, str]:
    """Production settings, on loopback without TLS."""
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        DJANGO_ENV="production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        STATEMENTS_PER_PAGE=str(per_page),
        REQUEST_LOG_LEVEL="WARNING",
        STATIC_ROOT=env.get("STATIC_ROOT") or str(Path(tempfile.gettempdir()) / "archive-static"),
        PAGE_CACHE_DIR=env.get("PAGE_CACHE_DIR") or _PAGE_CACHE_DIR,
    )
    return env


# A new, empty folder per run for the page cache when there is no Redis.
_PAGE_CACHE_DIR = tempfile.mkdtemp(prefix="archive-bench-pages-")


def page_cache_kind() -> str:
    """What serves repeated pages in this run: "redis", "files" or "off"."""
    from django.conf import settings

    if not settings.PAGE_CACHE:
        return "off"
    return "redis" if settings.REDIS_URL else "files"


def collect_static() -> None:
    """Hashed static files, as production serves them (into STATIC_ROOT, not the tree)."""
    cmd = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(cmd, env=server_env(), check=True)


def start_gunicorn(port: int, workers: int, threads: int = 1) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "gunicorn", "archive.wsgi",
        "--workers", str(workers), "--threads", str(threads),
        "--bind", f"127.0.0.1:{port}", "--timeout", "120",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env=server_env(), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(port, "/")
            return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def fetch(port: int, path: str) -> tuple[int, float, int]:
    """One request on a fresh connection: status, seconds to the last byte, bytes."""
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    return resp.status, time.perf_counter() - t0, len(body)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def count_queries(paths: dict[str, str]) -> dict[str, int]:
    """SQL queries per page, counted in-process with the test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    out = {}
    for task, path in paths.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        if response.status_code != 200:
            raise SystemExit(f"{task}: HTTP {response.status_code} for {path}")
        out[task] = len(ctx.captured_queries)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per worker (1: gunicorn's sync worker; more: its threaded one)",
    )
    ap.add_argument("--tasks-out", type=Path, help="write tasks.json for ab_bench.py")
    ap.add_argument("--datasette-db", default="datasette-100k", help="database name in its URLs")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--datasette", help="a running Datasette (URL): also run ab_bench.py")
    ap.add_argument(
        "--ab-bench",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "bench" / "ab_bench.py",
        help="path of ab_bench.py (default ../shared/bench/ab_bench.py)",
    )
    ap.add_argument("--ab-requests", type=int, default=30)
    ap.add_argument("--ab-json", type=Path, help="ab_bench.py's --json output")
    ap.add_argument(
        "--no-page-cache",
        action="store_true",
        help="serve every request from the database (production caches whole pages)",
    )
    args = ap.parse_args(argv)
    if args.no_page_cache:
        os.environ["PAGE_CACHE"] = "0"
    if args.datasette and not args.tasks_out:
        args.tasks_out = Path(tempfile.gettempdir()) / "archive-ab-tasks.json"

    os.environ.update({k: v for k, v in server_env().items() if k not in os.environ})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection

    facts = corpus_facts(args.corpus)
    paths = archive_paths(facts)
    if args.tasks_out:
        ds = datasette_paths(facts, args.datasette_db)
        tasks = {t: {"datasette": ds[t], "archive": paths[t]} for t in ds}
        args.tasks_out.write_text(json.dumps(tasks, indent=2))
    queries = count_queries(paths)
    connection.close()

    collect_static()
    port = free_port()
    proc = start_gunicorn(port, args.workers, args.threads)
    try:
        for path in paths.values():  # warm both workers and the caches
            for _ in range(2):
                fetch(port, path)
        times: dict[str, list[float]] = {t: [] for t in paths}
        sizes: dict[str, int] = {}
        for _ in range(args.requests):
            for task, path in paths.items():
                status, seconds, size = fetch(port, path)
                if status != 200:
                    raise SystemExit(f"{task}: HTTP {status} for {path}")
                times[task].append(seconds)
                sizes[task] = size
        if args.datasette:
            print_own_figures(args, facts, connection.vendor, times, sizes, queries)
            ab = [
                sys.executable, str(args.ab_bench),
                "--target", f"datasette={args.datasette}",
                "--target", f"archive=http://127.0.0.1:{port}",
                "--tasks", str(args.tasks_out), "--requests", str(args.ab_requests),
                "--wrk-task", "a_speaker", "--wrk-seconds", "15",
            ]  # fmt: skip
            if args.ab_json:
                ab += ["--json", str(args.ab_json)]
            subprocess.run(ab, check=True)
            return 0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    print_own_figures(args, facts, connection.vendor, times, sizes, queries)
    return 0


def print_own_figures(args, facts, vendor, times, sizes, queries) -> None:
    results = {}
    print(
        f"{vendor}, speaker {facts['speaker']!r}, {args.requests} requests per task, "
        f"gunicorn {args.workers} workers × {args.threads} threads, page cache: {page_cache_kind()}"
    )
    print(f"{'task':<22}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'kB':>8}")
    for task, values in times.items():
        p50, p95 = statistics.median(values) * 1000, percentile(values, 95) * 1000
        results[task] = {
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
            "queries": queries[task],
            "bytes": sizes[task],
        }
        print(f"{task:<22}{p50:>9.1f}{p95:>9.1f}{queries[task]:>9}{sizes[task] / 1000:>8.0f}")
    if args.json:
        args.json.write_text(json.dumps({"facts": facts, "results": results}))


if __name__ == "__main__":
    raise SystemExit(main())
