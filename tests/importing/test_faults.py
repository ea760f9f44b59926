"""Real import processes run side by side, get killed and run again: the archive ends up
exactly as one clean import leaves it, with no duplicate article, speaker or statement.

Each test runs on the database of the test run (SQLite, or PostgreSQL when
DATABASE_URL says so), in throwaway databases of its own (see scratch.py).
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import pytest
from django.db import connection

from benchmarks.importing import write_corpus
from tests.importing.scratch import ScratchDatabase, copy_of, migrated_template

EVENTS = [
    {
        "name": "Valley border talks",
        "slug": "valley-talks",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "keywords": ["talks", "border posts"],
    },
    {"name": "Velvet coup", "slug": "velvet-coup", "keywords": ["velvet coup"]},
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    (folder / "events.json").write_text(json.dumps(EVENTS))
    db = migrated_template(connection.vendor, folder)
    done = db.run("import_events", str(folder / "events.json"))
    assert done.returncode == 0, done.stderr
    yield db
    db.drop()


@pytest.fixture
def fresh(template):
    made: list[ScratchDatabase] = []

    def _fresh() -> ScratchDatabase:
        made.append(copy_of(template))
        return made[-1]

    yield _fresh
    for db in made:
        db.drop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 generated fictional articles in two folders, the same speakers recurring."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, 60, seed=7)
    for n, path in enumerate(sorted(root.glob("*.txt"))):
        sub = root / ("a" if n < 40 else "b")
        sub.mkdir(exist_ok=True)
        path.rename(sub / path.name)
    return root


@pytest.fixture(scope="module")
def clean_state(template, corpus):
    db = copy_of(template)
    done = db.run("import_articles", str(corpus), "-v0")
    assert done.returncode == 0, done.stderr
    state = db.state()
    db.drop()
    assert state["statements"] and state["links"]
    return state


def assert_no_duplicates(state) -> None:
    for table in ("articles", "speakers", "statements", "aliases"):
        repeated = [row for row, n in state[table].items() if n > 1]
        assert not repeated, (table, repeated[:3])
    names = [name for name, _slug in state["speakers"]]
    assert len(names) == len(set(names)), "one person stored twice under two slugs"


def test_two_overlapping_imports_at_once_end_as_one_clean_import(fresh, corpus, clean_state):
    db = fresh()
    first = db.manage("import_articles", str(corpus), "-v0")
    second = db.manage("import_articles", str(corpus / "a"), str(corpus / "b"), "-v0")
    third = db.manage("import_articles", str(corpus / "a"), "-v0", "--workers", "2")
    for proc in (first, second, third):
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "FAILED" not in err
    state = db.state()
    assert_no_duplicates(state)
    assert state == clean_state


def _feed(corpus: Path, name: str, records: list[dict]) -> Path:
    feed = corpus.parent / f"{corpus.name}-{name}.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return feed


def _minister(n: int) -> dict:
    """One of several reports of the same fictional minister, with her title, on one day."""
    text = (
        f"KESSBURG, March 2 (Valley Courier) - Report {n} of the budget debate.\n\n"
        "Eastvale's Finance Minister Lena Okafor said on Tuesday: "
        '"The budget will be balanced by the end of next year, whatever the opposition says."\n\n'
        f'"We will not raise taxes on bread," Okafor told reporters in hall {n}.'
    )
    return {"title": f"Budget debate, report {n}", "text": text, "published": "2025-03-02"}


def _records(corpus: Path) -> list[dict]:
    """The corpus as JSON Lines: dated over three days, three outlets, half with a URL;
    and three reports of one minister's words and title."""
    records = []
    for n, path in enumerate(sorted(corpus.rglob("*.txt"))):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        record = {"title": title, "text": text, "published": f"2025-03-{1 + n % 3:02d}"}
        record["outlet"] = ["Valley Courier", "Norland Post", "Eastvale Wire"][n % 3]
        if n % 2 == 0:
            record["url"] = f"https://courier.example/2025/03/story-{n}"
        records.append(record)
        if n in (2, 5, 9):
            records.append(_minister(n))
    return records


def test_batched_parallel_import_gives_what_one_by_one_gives(fresh, corpus):
    """The bulk path (batches, worker processes, JSON Lines in chunks) against one by one.

    The same rows come out, history and utterances included, for a first import
    whose feed repeats records (the same words twice, a corrected version under
    the same URL in the same batch and in a later one), for a second import
    of corrections, repeats and new records, and for a folder of text files.
    """
    records = _records(corpus)
    corrected = [dict(r, text=r["text"].replace(" will ", " shall ", 1)) for r in records]
    first = [*records[:12], corrected[10], *records[12:50], records[20], corrected[8], records[3]]
    first = _feed(corpus, "first", first)
    assert corrected[10] != records[10] and corrected[10]["url"] == records[10]["url"]
    second = [dict(r, text=r["text"] + "\n\nTalks resume on Friday.") for r in records[:4]]
    second = _feed(corpus, "second", [*second, *records[:10], *records[50:], records[51]])
    one_by_one, bulk = fresh(), fresh()
    texts = corpus.parent / f"{corpus.name}-texts"  # text files, known by path and headline
    texts.mkdir(exist_ok=True)
    for path in sorted((corpus / "a").glob("*.txt"))[:25]:
        (texts / path.name).write_text(path.read_text() + "\nTalks went on late.\n")
    for step, feed in enumerate((first, second, texts, texts)):
        if step == 3:  # the same files, a few of them edited: updated in place
            for path in sorted(texts.glob("*.txt"))[::5]:
                path.write_text(path.read_text().replace(" will ", " shall ", 1))
        done = one_by_one.run("import_articles", str(feed), "-v0", "--batch-size", "1")
        assert done.returncode == 0, done.stderr
        done = bulk.run("import_articles", str(feed), "-v0", "--batch-size", "20", "--workers", "2")
        assert done.returncode == 0, done.stderr
        assert "one by one" not in done.stderr  # the bulk path itself, not its fallback
        assert bulk.state(history=True) == one_by_one.state(history=True)
    state = bulk.state(history=True)
    assert len(state["articles"]) == 90  # 65 records (two changed without a URL), 25 files
    assert sum(str(texts) in path for _fp, _title, path in state["articles"]) == 25
    assert state["roles"] and state["links"] and state["utterances"] and state["link history"]
    assert any(n > 1 for (_name, _key, n, _outlets, _on) in state["utterances"])
    assert "~" in {row[2] for row in state["article history"]}
    assert {"+", "-"} <= {row[-2] for row in state["statement history"]}


def test_killed_imports_rerun_end_as_one_clean_import(fresh, corpus, clean_state):
    """SIGKILL at random moments, several times, then run again to the end."""
    db = fresh()
    rng = random.Random(11)
    for _ in range(4):
        proc = db.manage("import_articles", str(corpus), "-v0")
        time.sleep(rng.uniform(1.0, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        # Whatever was stored is whole: no article without the statements a clean run gives it.
        partial = db.state()
        assert_no_duplicates(partial)
        kept = {fp for fp, _title, _path in partial["articles"]}
        want = [row for row in clean_state["statements"].elements() if row[0] in kept]
        have = [row for row in partial["statements"].elements() if row[0] in kept]
        assert sorted(have) == sorted(want)
    done = db.run("import_articles", str(corpus), "-v0")
    assert done.returncode == 0, done.stderr
    assert db.state() == clean_state


def test_workers_do_not_outlive_a_killed_import(fresh, corpus):
    db = fresh()
    proc = db.manage("import_articles", str(corpus), "-v0", "--workers", "2")
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert workers, "the import started no worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(p) for p in text.split()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    if state == "Z":  # a zombie has ended; it only waits for its (gone) parent to reap it
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
