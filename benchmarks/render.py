"""Where a public page's time goes in-process: SQL against Python, per page.

    DATABASE_URL=postgresql://USER@127.0.0.1/bench100k \\
        python -m benchmarks.render --speaker SLUG --event SLUG --statement PK [--repeat 15]

Renders each page through Django's test client with the production settings
of ``benchmarks.pages`` (DEBUG off, 50 rows, cached templates), no server and
no network, and prints the median time, the median time spent in SQL, the rest
(Python: filters, rows, charts, templates) and the page's size. Read-only.
Nothing here runs in the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


class _SqlTimer:
    """Sums the time the database calls take (an execute wrapper)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def pages(speaker: str, event: str, statement: int) -> dict[str, str]:
    return {
        "speaker, newest 50": f"/statements/?speaker={speaker}",
        "common word": "/statements/?q=government",
        "every statement": "/statements/",
        "speaker page": f"/speakers/{speaker}/",
        "event page": f"/events/{event}/",
        "permalink": f"/statements/{statement}/",
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speaker", required=True, help="a speaker's slug")
    ap.add_argument("--event", required=True, help="an event's slug")
    ap.add_argument("--statement", type=int, required=True, help="a statement's id")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)

    from benchmarks.pages import server_env

    os.environ.update({k: v for k, v in server_env().items() if k != "DATABASE_URL"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':20} {'p50':>9} {'SQL':>9} {'Python':>9} {'size':>7}")
    for name, url in pages(args.speaker, args.event, args.statement).items():
        response = client.get(url)  # warm: templates, URL patterns, connection
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        total, sql = [], []
        for _ in range(args.repeat):
            timer = _SqlTimer()
            with connection.execute_wrapper(timer):
                start = time.perf_counter()
                response = client.get(url)
                total.append(time.perf_counter() - start)
            sql.append(timer.seconds)
        p50, sql50 = statistics.median(total) * 1000, statistics.median(sql) * 1000
        print(
            f"{name:20} {p50:7.1f}ms {sql50:7.1f}ms {p50 - sql50:7.1f}ms "
            f"{len(response.content) // 1024:5d}kB"
        )


if __name__ == "__main__":
    main()
