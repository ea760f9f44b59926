"""Import jobs: parts per file and JSON Lines chunk, idempotent parts, re-runs, the command."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from statements.jobs.creating import create_job, enqueue, reset_for_rerun
from statements.jobs.running import run_job_here, run_part
from statements.models import Article, ImportJob, Statement
from statements.models.jobs import JobState, PartState
from tests.jobs.conftest import write_batch


def test_a_job_of_mixed_files_imports_everything(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=3, jsonl_lines=4)
    job = create_job([folder])
    run_job_here(job)
    assert job.state() == JobState.DONE
    assert Article.objects.count() == 7
    assert job.report().totals()["articles_created"] == 7
    assert job.finished_at is None and ImportJob.objects.get().finished_at is not None


def test_big_json_lines_files_are_split_into_parts(db, tmp_path, settings):
    settings.IMPORT_JOB_JSONL_CHUNK = 3
    folder = write_batch(tmp_path / "in", texts=0, jsonl_lines=7)
    job = create_job([folder])
    assert [p.lines for p in job.parts.all()] == [(1, 3), (4, 6), (7, 7)]
    run_job_here(job)
    assert Article.objects.count() == 7
    assert sorted(Article.objects.values_list("url", flat=True)) == sorted(
        f"https://courier.example/ferry/{n}" for n in range(7)
    )


def test_a_part_delivered_twice_imports_once(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=2)
    job = create_job([folder])
    part = job.parts.first()
    assert run_part(part.pk) is not None
    statements = Statement.objects.count()
    assert run_part(part.pk) is None  # already finished: nothing repeated
    assert Statement.objects.count() == statements
    part.refresh_from_db()
    assert part.attempts == 1


def test_a_part_whose_worker_died_is_imported_again_without_duplicates(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=2)
    job = create_job([folder])
    run_job_here(job)
    before = (Article.objects.count(), Statement.objects.count())
    # As if a worker had died in the middle of this part, long ago.
    part = job.parts.first()
    job.parts.filter(pk=part.pk).update(
        state=PartState.RUNNING, started_at=timezone.now() - timedelta(hours=2)
    )
    assert job.state() == JobState.STALLED
    assert len(reset_for_rerun(job)) == 1
    run_job_here(job)
    assert job.state() == JobState.DONE
    assert (Article.objects.count(), Statement.objects.count()) == before


def test_failed_parts_can_be_rerun_after_fixing_the_file(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=1, broken=True)
    job = create_job([folder])
    run_job_here(job)
    assert job.state() == JobState.FAILED
    (failed,) = job.parts.filter(state=PartState.FAILED)
    assert "empty.txt" in failed.errors[0]
    (folder / "empty.txt").write_text(
        'Quay repairs\n2 April 2025\n\n"The quay opens in May," said Petra Vollen.\n'
    )
    assert len(reset_for_rerun(job)) == 1
    run_job_here(job)
    assert job.state() == JobState.DONE
    assert Article.objects.count() == 2


def test_command_queue_needs_a_broker(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=1)
    with pytest.raises(CommandError, match="CELERY_BROKER_URL"):
        call_command("import_articles", str(folder), "--queue")
    assert not ImportJob.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_command_queue_wait_reports_like_the_plain_command(tmp_path, eager_queue, capsys):
    folder = write_batch(tmp_path / "in", texts=2, broken=True)
    with pytest.raises(CommandError) as exc:
        call_command("import_articles", str(folder), "--queue", "--wait")
    assert "1 file(s) failed" in str(exc.value) and "empty.txt" in str(exc.value)
    out = capsys.readouterr().out
    assert "Queued import job" in out
    assert "3 files read; articles: 2 created" in out
    assert ImportJob.objects.get().state() == JobState.FAILED


def test_enqueue_sends_one_task_per_waiting_part(
    db, tmp_path, eager_queue, django_capture_on_commit_callbacks
):
    folder = write_batch(tmp_path / "in", texts=3)
    job = create_job([folder])
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue(job) == 3
    assert job.state() == JobState.DONE
    assert Article.objects.count() == 3


def test_unreadable_paths_are_failed_parts_and_the_rest_imports(db, tmp_path):
    folder = write_batch(tmp_path / "in", texts=1)
    (tmp_path / "minutes.docx").write_text("x")
    job = create_job([folder, tmp_path / "missing", tmp_path / "minutes.docx"])
    run_job_here(job)
    assert Article.objects.count() == 1
    assert job.state() == JobState.FAILED
    errors = " ".join(e for p in job.parts.filter(state=PartState.FAILED) for e in p.errors)
    assert "missing: no such file or folder" in errors
    assert "minutes.docx: unsupported format '.docx'" in errors
