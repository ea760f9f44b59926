"""Load: 20 clients on the public tasks against gunicorn, alone and while an import writes.

    DATABASE_URL=postgresql://USER@127.0.0.1/DB python -m benchmarks.load \\
        [--clients 20] [--seconds 60] [--import-path CORPUS/articles]

The database must already hold the archive (``python -m benchmarks.load_corpus``
fills one from a generated corpus). The script collects static files into a
temporary folder, starts gunicorn with production settings on a free loopback
port, and runs each phase for a fixed time: every client loops over the four
public tasks (a speaker's list, a search, a statement page, a speaker's CSV
export), one fresh connection per request, the whole body read. With
``--import-path`` a second phase runs while ``import_articles`` writes those
files. It prints requests per second and p50/p95/p99 per task, and exits 1 if
any request failed (a status of 400 or more, or a broken connection).

Only loopback addresses are used, and every phase ends after ``--seconds``
(plus the requests in flight); the import is stopped at the end of its phase.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SEARCH_WORDS = ["government", "budget", "strike", "reform", "elections", "harbour", "thorium"]
REQUEST_TIMEOUT = 60.0


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, task: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(task, []).append(seconds)
            if error:
                self.errors.setdefault(task, []).append(error)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> tuple[int, bytes]:
    """GET on a new loopback connection, whole body read."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "identity", "Host": HOST})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def server_env(static_root: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_ENV": "production",
            "DEBUG": "0",
            "SECRET_KEY": env.get("SECRET_KEY") or secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": static_root,
            "API_RATE_LIMIT": "1000000/min",
            "LOG_LEVEL": "ERROR",
        }
    )
    return env


def start_server(
    env: dict[str, str], port: int, workers: int, threads: int, log: Path
) -> subprocess.Popen:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "archive.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--timeout=120",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/about/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def targets(port: int) -> dict[str, list[str]]:
    """Speakers, statements and words to ask for, found through the public API."""
    speakers = json.loads(get(port, "/api/v1/speakers/?limit=100")[1])["items"]
    statements = json.loads(get(port, "/api/v1/statements/?limit=100")[1])["items"]
    if not speakers or not statements:
        raise SystemExit("the database holds no public statements: fill it first")
    slugs = [s["slug"] for s in speakers]
    ids = [s["id"] for s in statements]
    return {
        "list by speaker": [f"/statements/?speaker={slug}" for slug in slugs],
        "search": [f"/statements/?q={quote(word)}" for word in SEARCH_WORDS],
        "statement page": [f"/statements/{pk}/" for pk in ids],
        "CSV export": [f"/statements/export.csv?speaker={slug}" for slug in slugs],
    }


def client(port: int, paths: dict[str, list[str]], until: float, stats: Stats, seed: int) -> None:
    rng = random.Random(seed)
    tasks = itertools.cycle(rng.sample(sorted(paths), len(paths)))
    while time.monotonic() < until:
        task = next(tasks)
        path = rng.choice(paths[task])
        t0 = time.perf_counter()
        error = None
        try:
            status, _ = get(port, path)
            if status >= 400:
                error = f"{status} {path}"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__} {path}"
        stats.add(task, time.perf_counter() - t0, error)


def run_phase(port: int, paths: dict[str, list[str]], clients: int, seconds: float) -> Stats:
    stats = Stats()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, paths, until, stats, n), daemon=True)
        for n in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + REQUEST_TIMEOUT + 5)
    return stats


def percentile(sorted_values: list[float], p: float) -> float:
    k = (len(sorted_values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def report(title: str, stats: Stats, seconds: float) -> int:
    print(f"\n{title}")
    print(
        f"{'task':<16}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    )
    everything: list[float] = []
    errors = 0
    for task in sorted(stats.latencies):
        values = sorted(stats.latencies[task])
        everything += values
        n_err = len(stats.errors.get(task, []))
        errors += n_err
        print(
            f"{task:<16}{len(values):>9}{n_err:>8}{len(values) / seconds:>8.1f}"
            + "".join(f"{percentile(values, p) * 1000:>9.0f}" for p in (0.5, 0.95, 0.99))
        )
    everything.sort()
    print(
        f"{'all':<16}{len(everything):>9}{errors:>8}{len(everything) / seconds:>8.1f}"
        + "".join(f"{percentile(everything, p) * 1000:>9.0f}" for p in (0.5, 0.95, 0.99))
    )
    for task, messages in stats.errors.items():
        for message in messages[:5]:
            print(f"  error in {task}: {message}")
    return errors


def count_articles(env: dict[str, str]) -> int:
    code = (
        "import django; django.setup(); from statements.models import Article; "
        "print(Article.objects.count())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "archive.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    ap.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    ap.add_argument("--import-path", type=Path, help="files to import during a second phase")
    ap.add_argument(
        "--server-log", type=Path, default=Path(os.devnull), help="gunicorn's log and tracebacks"
    )
    args = ap.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("note: DATABASE_URL is not PostgreSQL; the reference figures are PostgreSQL's")

    with tempfile.TemporaryDirectory() as static_root:
        env = server_env(static_root)
        port = free_port()
        server = start_server(env, port, args.workers, args.threads, args.server_log)
        try:
            paths = targets(port)
            print(
                f"gunicorn {args.workers}x{args.threads} on {HOST}:{port}, "
                f"{args.clients} clients, {args.seconds:.0f} s per phase"
            )
            errors = report(
                "reads only",
                run_phase(port, paths, args.clients, args.seconds),
                args.seconds,
            )
            if args.import_path:
                before = count_articles(env)
                importer = subprocess.Popen(
                    [sys.executable, "manage.py", "import_articles", str(args.import_path), "-v0"],
                    cwd=ROOT,
                    env=env,
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                    stderr=args.server_log.open("ab"),
                )
                try:
                    stats = run_phase(port, paths, args.clients, args.seconds)
                finally:
                    stop(importer)
                written = count_articles(env) - before
                errors += report(
                    f"while an import writes ({written} articles stored during the phase)",
                    stats,
                    args.seconds,
                )
        finally:
            stop(server)
    print(f"\n{'no errors' if not errors else f'{errors} errors'}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
