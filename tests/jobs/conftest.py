"""Fictional articles to import as jobs, and Celery running tasks in the test process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.celery import app as celery_app

TOWNS = ["Port Veloria", "Orsk Hollow", "Maren Bay", "Tallow Cross", "Quillmoor", "Brede"]
SPEAKERS = ["Ilse Marrow", "Jonas Kettleby", "Petra Vollen", "Aldo Ferrin", "Mira Oskane"]


def article_text(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    speaker = SPEAKERS[n % len(SPEAKERS)]
    return (
        f"Harbour talks in {town}, round {n}\n"
        f"Veloria Daily Courier, {1 + n % 27} March 2025\n\n"
        f"Talks over the harbour of {town} went into round {n} on Tuesday.\n\n"
        f'"Round {n} will not be the last one for {town}," said {speaker}, the harbour minister.\n'
    )


def jsonl_record(n: int) -> str:
    return json.dumps(
        {
            "title": f"Ferry timetable for {TOWNS[n % len(TOWNS)]}, notice {n}",
            "url": f"https://courier.example/ferry/{n}",
            "outlet": "Veloria Daily Courier",
            "published": "2025-03-04",
            "text": f'"Ferry notice {n} stands as written," said {SPEAKERS[n % len(SPEAKERS)]}.',
        }
    )


def write_batch(folder: Path, texts: int = 3, jsonl_lines: int = 0, broken: bool = False) -> Path:
    """A folder of mixed files: plain text articles, a JSON Lines file, optionally a broken file."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(texts):
        (folder / f"talks-{n}.txt").write_text(article_text(n), encoding="utf-8")
    if jsonl_lines:
        (folder / "ferries.jsonl").write_text(
            "\n".join(jsonl_record(n) for n in range(jsonl_lines)) + "\n", encoding="utf-8"
        )
    if broken:
        (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def eager_queue(settings):
    """A configured queue whose tasks run at once in this process (the worker's code path)."""
    settings.CELERY_BROKER_URL = "memory://"
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_eager_propagates = False
