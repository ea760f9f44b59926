"""Real Celery workers (separate processes) on real Redis and PostgreSQL.

Each test is bounded: workers start once for the module, every wait has a
deadline, and the workers are stopped at the end whatever happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from statements.importing import import_paths
from statements.models import Article, ImportJob, Speaker, Statement
from statements.models.jobs import PartState
from tests.jobs.conftest import write_batch

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
DEADLINE = 120  # seconds for any one job


def _redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001 - any failure means "no Redis here"
        return False


@pytest.fixture(scope="module")
def worker_env(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    if not _redis_available():
        pytest.skip(f"needs Redis at {REDIS_URL}")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_ENV": "development",
        "DATABASE_URL": f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_QUEUE": f"imports-test-{uuid.uuid4().hex[:8]}",  # never another run's tasks
        "IMPORT_JOB_JSONL_CHUNK": "15",
        "LOG_LEVEL": "WARNING",
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def start_worker(env: dict) -> subprocess.Popen:
    """One worker process (in a process group of its own), one task at a time."""
    return subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "archive", "worker",
            "--concurrency", "1", "-Q", env["CELERY_QUEUE"],
            "-n", f"w-{uuid.uuid4().hex[:6]}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            "--loglevel", "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def stop_workers(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def workers(worker_env):
    """Two worker processes for the module."""
    procs = [start_worker(worker_env) for _ in range(2)]
    yield procs
    stop_workers(procs)


_commands: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_command_left_running():
    """A failed test must not leave an ``import_articles --wait`` behind."""
    yield
    while _commands:
        proc = _commands.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def queue(worker_env, *paths: Path) -> subprocess.Popen:
    """``import_articles --queue --wait`` in its own process, as an operator would run it."""
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", "--queue", "--wait", "-v0", *map(str, paths)],
        cwd=ROOT,
        env=worker_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    _commands.append(proc)
    return proc


def finish(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    try:
        out, err = proc.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def fingerprint() -> dict:
    """What a reader sees: articles, speakers and statements, with no ids."""
    return {
        "articles": sorted(Article.objects.values_list("title", "url")),
        "speakers": sorted(Speaker.objects.values_list("name", flat=True)),
        "statements": sorted(
            Statement.objects.values_list("article__title", "speaker__name", "text", "kind")
        ),
    }


def assert_no_duplicates() -> None:
    assert Article.objects.count() == len(set(Article.objects.values_list("title", "url")))
    assert Speaker.objects.count() == len(set(Speaker.objects.values_list("name", flat=True)))
    keys = list(Statement.objects.values_list("article_id", "text", "speaker_id"))
    assert len(keys) == len(set(keys))


def clean_import(folders: list[Path]) -> dict:
    """The same files imported in this process, then wiped: the reference database."""
    import_paths(folders)
    reference = fingerprint()
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    return reference


def test_a_job_of_mixed_files_imports_completely(workers, worker_env, tmp_path):
    folder = write_batch(tmp_path / "mixed", texts=6, jsonl_lines=40, broken=True)
    reference = clean_import([folder])
    result = finish(queue(worker_env, folder))
    assert result.returncode != 0 and "empty.txt" in result.stderr  # the broken file, named
    job = ImportJob.objects.get()
    assert job.parts.count() == 7 + 3  # 6 texts, the empty file, 40 lines in chunks of 15
    assert not job.parts.unfinished().exists()
    assert len({p.worker for p in job.parts.all()}) == 2  # both workers took a share
    assert fingerprint() == reference


def test_two_workers_on_overlapping_files_make_no_duplicates(workers, worker_env, tmp_path):
    shared = write_batch(tmp_path / "shared", texts=6, jsonl_lines=30)
    first = write_batch(tmp_path / "first", texts=2)
    (first / "extra.txt").write_text(
        (shared / "talks-0.txt").read_text().replace("round 0", "round 90")
    )
    reference = clean_import([shared, first])
    # The same files twice, in two jobs sent at the same time: both workers race on them.
    jobs = [queue(worker_env, shared, first), queue(worker_env, first, shared)]
    results = [finish(job) for job in jobs]
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert_no_duplicates()
    assert fingerprint() == reference


def test_a_worker_killed_mid_job_ends_like_a_clean_run(workers, worker_env, tmp_path):
    folder = write_batch(tmp_path / "killed", texts=4, jsonl_lines=90)
    reference = clean_import([folder])
    command = queue(worker_env, folder)
    victim = _running_process(deadline=60)
    os.kill(victim, signal.SIGKILL)
    result = finish(command)
    assert result.returncode == 0, result.stderr
    retried = ImportJob.objects.get().parts.filter(attempts__gte=2)
    assert retried.exists()  # the killed part was handed out again
    assert not ImportJob.objects.get().parts.exclude(state=PartState.DONE).exists()
    assert_no_duplicates()
    assert fingerprint() == reference


def _running_process(deadline: float) -> int:
    """The process id of a worker child in the middle of a JSON Lines chunk."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        part = (
            ImportJob.objects.get().parts.filter(state=PartState.RUNNING, first_line__gt=0).first()
            if ImportJob.objects.exists()
            else None
        )
        if part is not None:
            time.sleep(0.3)  # well inside the chunk, some articles already stored
            return int(part.worker.rsplit(":", 1)[1])
        time.sleep(0.05)
    raise AssertionError("no part started in time")


def test_a_whole_worker_machine_lost_mid_job_is_made_good_by_another(worker_env, tmp_path):
    """Parent and child killed at once (a lost machine): the unacknowledged task goes to
    the next worker once the visibility timeout has passed."""
    env = {
        **worker_env,
        "CELERY_QUEUE": f"lost-{uuid.uuid4().hex[:8]}",
        "CELERY_VISIBILITY_TIMEOUT": "5",
    }
    folder = write_batch(tmp_path / "lost", texts=2, jsonl_lines=45)
    reference = clean_import([folder])
    first = start_worker(env)
    later: list[subprocess.Popen] = []
    try:
        command = queue(env, folder)
        _running_process(deadline=60)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        time.sleep(5)  # the visibility timeout
        later.append(start_worker(env))
        result = finish(command)
    finally:
        stop_workers([first, *later])
    assert result.returncode == 0, result.stderr
    assert ImportJob.objects.get().parts.filter(attempts__gte=2).exists()
    assert_no_duplicates()
    assert fingerprint() == reference
