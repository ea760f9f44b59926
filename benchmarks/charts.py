"""Charts, the speaker directory and ?group=utterance on a large archive.

    DATABASE_URL=postgresql://USER@127.0.0.1/EMPTY_DB DEBUG=1 \\
        python -m benchmarks.charts [--statements 1000000] [--speakers 2000]

Migrates the (throwaway) database, fills it with generated fictional speakers,
articles and statements unless it already holds that many, vacuums, and prints
the best of three timings for each page part. Nothing here runs in the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from datetime import date, timedelta

import django

STATEMENTS_PER_ARTICLE = 10
BATCH = 20000


def fill(statements: int, speakers: int) -> None:
    from django.db import connection

    from statements.models import Article, Speaker, SpeakerAlias, SpeakerRole, Statement

    rng = random.Random(1)
    if Speaker.objects.count() < speakers:
        made = Speaker.objects.bulk_create(
            Speaker(name=f"Person{i} Surname{i:05d}", slug=f"person-{i}", country="Veloria")
            for i in range(speakers)
        )
        SpeakerAlias.objects.bulk_create(
            SpeakerAlias(speaker=s, name=s.name, key=s.name.lower()) for s in made
        )
        SpeakerRole.objects.bulk_create(
            SpeakerRole(speaker=s, title="Harbour mayor", reported_on=date(2024, 1, 1))
            for s in made
        )
    articles = statements // STATEMENTS_PER_ARTICLE
    have = Article.objects.count()
    Article.objects.bulk_create(
        (
            Article(
                title=f"Harbour report {i}",
                outlet=f"Outlet {i % 50}",
                published_on=date(2015, 1, 1) + timedelta(days=i % 3650),
                body="x",
                source_file=f"bench-{i}.txt",
                fingerprint=f"bench-{i}",
            )
            for i in range(have, articles)
        ),
        batch_size=5000,
    )
    speaker_ids = list(Speaker.objects.values_list("id", flat=True))
    dated = list(Article.objects.values_list("id", "published_on"))
    batch = []
    for n in range(Statement.objects.count(), statements):
        article_id, day = dated[n % len(dated)]
        batch.append(
            Statement(
                article_id=article_id,
                speaker_id=rng.choice(speaker_ids),
                text=f"Words number {n} about the harbour",
                start=0,
                end=1,
                dated_on=day,
                extraction_key=f"bench-{n}",
            )
        )
        if len(batch) == BATCH:
            Statement.objects.bulk_create(batch)
            batch = []
    if batch:
        Statement.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def best_of(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--speakers", type=int, default=2000)
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    fill(args.statements, args.speakers)
    print(f"archive ready in {time.perf_counter() - start:.0f} s")

    from statements.charts import time_chart, top_speakers
    from statements.models import Speaker, Statement
    from statements.utterances import one_per_utterance
    from statements.views.speakers import speaker_directory

    published = Statement.objects.published()
    speaker = Speaker.objects.order_by("id").first()
    print(f"{published.count()} published statements, {Speaker.objects.count()} speakers")
    parts = {
        "time chart, every statement": lambda: time_chart(published, "All"),
        "time chart, one speaker": lambda: time_chart(published.filter(speaker=speaker), "One"),
        "time chart, one year": lambda: time_chart(published.filter(dated_on__year=2020), "Y"),
        "top speakers, every statement": lambda: top_speakers(published),
        "speaker directory": lambda: speaker_directory(""),
        "speaker directory, searched": lambda: speaker_directory("surname00042"),
        "?group=utterance, first page": lambda: list(
            one_per_utterance(published).order_by("-dated_on", "-id")[:25]
        ),
    }
    for label, fn in parts.items():
        print(f"{label:32} {best_of(fn):8.0f} ms")


if __name__ == "__main__":
    main()
