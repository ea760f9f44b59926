"""Time the editors' desk (the admin's front page) on a large archive.

    DATABASE_URL=postgresql://.../desk_bench DJANGO_ENV=development \
        python -m benchmarks.desk --flush [--statements 1000000] [--speakers 20000]

EMPTIES the database DATABASE_URL names (hence ``--flush``), fills it with
fictional speakers (with near-duplicate spellings), articles and statements by
bulk inserts, then renders the desk as an editor: cold (duplicate proposals
computed) and warm (cached), printing the time and SQL queries of each, and
the time of the review counts alone. Without ``--flush`` it times the data
already there.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date, timedelta

BATCH = 20_000
FIRST = ["Ilse", "Tomas", "Anna", "Marc", "Petra", "Jonas", "Odile", "Piet", "Lena", "Ivo"]
SYLLABLES = ["ka", "ro", "vin", "mel", "dar", "su", "ten", "bri", "los", "ha", "quil", "mor", "e"]


def invented_surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def fill(statements: int, speakers: int, seed: int = 7) -> None:
    from django.core.management import call_command

    from statements.models import Article, ReviewStatus, Speaker, SpeakerAlias, Statement

    rng = random.Random(seed)
    call_command("flush", "--noinput", verbosity=0)
    names: list[str] = []
    for n in range(speakers):
        if n % 50 == 1:  # a misspelt twin of the previous speaker, as imports make them
            first, last = names[-1].split(" ", 1)
            names.append(f"{first} {last[0]}{last}")
        else:
            names.append(f"{rng.choice(FIRST)} {invented_surname(rng)}")
    twins = speakers // 50
    Speaker.objects.bulk_create(
        [Speaker(name=name, slug=f"speaker-{n}") for n, name in enumerate(names)], batch_size=BATCH
    )
    print(f"{speakers:,} speakers, {twins:,} of them misspelt twins")
    from statements.extraction.names import name_key

    people = list(Speaker.objects.values_list("pk", "name"))
    SpeakerAlias.objects.bulk_create(
        [SpeakerAlias(speaker_id=pk, name=name, key=name_key(name)) for pk, name in people],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    ids = [pk for pk, _ in people]
    n_articles = max(1, statements // 20)
    body = 'Officials met. "The harbour stays open," the minister said.'
    day0 = date(2020, 1, 1)
    for start in range(0, n_articles, BATCH):
        Article.objects.bulk_create(
            [
                Article(
                    title=f"Harbour report {i}",
                    outlet="Veloria Daily Courier",
                    published_on=day0 + timedelta(days=i % 1500),
                    body=body,
                    source_file=f"bench/{i}.txt",
                    fingerprint=f"bench-{i}",
                )
                for i in range(start, min(start + BATCH, n_articles))
            ]
        )
    article_ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    statuses = [ReviewStatus.UNREVIEWED] * 6 + [ReviewStatus.VERIFIED] * 3
    statuses.append(ReviewStatus.DISPUTED)
    begin = body.index("The harbour")
    from django.db import connection

    # On PostgreSQL one batch is made by the ORM and copied in SQL: a million ORM rows
    # would take most of an hour on a busy machine.
    by_orm = BATCH if connection.vendor == "postgresql" else statements
    for start in range(0, min(by_orm, statements), BATCH):
        Statement.objects.bulk_create(
            [
                Statement(
                    article_id=article_ids[i // 20],
                    speaker_id=rng.choice(ids),
                    text="The harbour stays open,",
                    start=begin,
                    end=begin + 23,
                    spans=[[begin, begin + 23]],
                    confidence=round(rng.random(), 3),
                    review_status=rng.choice(statuses),
                    extraction_key=f"q{i}",
                    dated_on=day0 + timedelta(days=(i // 20) % 1500),
                )
                for i in range(start, min(start + BATCH, statements))
            ]
        )
    if statements > by_orm:
        copy_statements(statements // BATCH - 1, min(ids), len(ids))
    print(f"  {Statement.objects.count():,} statements")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def copy_statements(copies: int, first_speaker: int, n_speakers: int) -> None:
    """Copy the first batch ``copies`` times in SQL, each copy with new keys and random values."""
    from django.db import connection

    from statements.models import Statement

    table = Statement._meta.db_table
    varied = {
        "extraction_key": "s.extraction_key || '-' || g",
        "confidence": "round(random()::numeric, 3)::float",
        "review_status": "(ARRAY['unreviewed','unreviewed','unreviewed','unreviewed',"
        "'unreviewed','unreviewed','verified','verified','verified','disputed'])"
        "[1 + floor(random() * 10)::int]",
        "speaker_id": f"{first_speaker} + floor(random() * {n_speakers})::int",
    }
    columns = [f.column for f in Statement._meta.concrete_fields if not f.primary_key]
    values = ", ".join(varied.get(c, f's."{c}"') for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        for g in range(1, copies + 1):
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {values} "  # noqa: S608 (names from the model)
                f"FROM {table} s, (SELECT %s AS g) n WHERE s.extraction_key NOT LIKE '%%-%%'",
                [g],
            )
            print(f"  copy {g} of {copies}", end="\r", flush=True)
    print()


def timed(fn, repeat: int = 5) -> tuple[float, float, int]:
    """Median and worst seconds, and the SQL queries of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    with CaptureQueriesContext(connection) as queries:
        fn()
    n_queries = len(queries)
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times), n_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flush", action="store_true", help="empty the database and fill it")
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=20_000)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import RequestFactory

    from statements.accounts import create_editor
    from statements.admin.desk import desk_context, review_counts
    from statements.merging import likely_duplicates
    from statements.models import Statement

    if args.flush:
        t0 = time.perf_counter()
        fill(args.statements, args.speakers)
        print(f"filled in {time.perf_counter() - t0:.0f} s")
    editor = create_editor("bench.editor").user
    request = RequestFactory().get("/admin/")
    request.user = editor

    print(f"{connection.vendor}: {Statement.objects.count():,} statements")

    def cold():
        cache.clear()
        desk_context(request)

    def duplicates_only():
        cache.clear()
        likely_duplicates()

    from django.test import Client

    browser = Client(HTTP_HOST="localhost")
    browser.force_login(editor)

    def page(path: str):
        def get():
            response = browser.get(path)
            assert response.status_code == 200, response.status_code

        return get

    for label, fn in [
        ("desk page (cached proposals)", page("/admin/")),
        ("review queue page", page("/admin/statements/reviewqueuestatement/")),
        (
            "review queue, low confidence",
            page("/admin/statements/reviewqueuestatement/?confidence=low"),
        ),
        ("review counts", review_counts),
        ("duplicate proposals (uncached)", duplicates_only),
        ("desk, duplicates uncached", cold),
        ("desk, duplicates cached", lambda: desk_context(request)),
    ]:
        median, worst, n_queries = timed(fn)
        print(
            f"{label:34} median {median * 1000:7.1f} ms  max {worst * 1000:7.1f} ms  "
            f"{n_queries} queries"
        )
    print(f"proposals found: {len(likely_duplicates(limit=1000))}")


if __name__ == "__main__":
    main()
