"""The admin upload as import jobs: direct for small batches, queued with a broker, watchable."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.accounts import create_editor
from statements.models import Article, ImportJob
from statements.models.jobs import JobState, PartState
from tests.jobs.conftest import article_text

IMPORT = reverse("admin:statements_article_import")
JOBS = reverse("admin:statements_importjob_changelist")


@pytest.fixture
def editor_client(client, db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.IMPORT_JOB_ROOT = tmp_path / "jobs"
    client.force_login(create_editor("odile.brandt", password="harbour-lantern-92").user)
    return client


def upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_small_upload_without_a_broker_imports_here_and_shows_the_job(editor_client):
    response = editor_client.post(
        IMPORT,
        {"files": [upload("talks.txt", article_text(1)), upload("more.txt", article_text(2))]},
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert Article.objects.count() == 2
    page = editor_client.get(job.get_absolute_url()).text
    assert "2 of 2 parts finished" in page
    assert 'http-equiv="refresh"' not in page  # finished: no more reloading
    assert "talks.txt" in page and "more.txt" in page
    assert "Harbour talks in Orsk Hollow, round 1" in page  # each article, linked
    assert reverse("admin:statements_article_change", args=[Article.objects.first().pk]) in page


def test_names_the_importer_once_refused_are_imported(editor_client):
    """A glob character in the name, a dotfile: both are articles now."""
    editor_client.post(
        IMPORT,
        {"files": [upload("talks[1].txt", article_text(1)), upload(".draft.txt", article_text(2))]},
    )
    assert sorted(Article.objects.values_list("source_file", flat=True)) == [
        "draft.txt",
        "talks_1_.txt",
    ]


@pytest.mark.parametrize("name", ["minutes.docx", "minutes", "notes.rtf"])
def test_unreadable_formats_are_refused_by_name(editor_client, name):
    response = editor_client.post(IMPORT, {"files": [upload(name, "text")]})
    assert response.status_code == 200
    assert f"{name}:" in response.text and "not a format the importer reads" in response.text
    assert not ImportJob.objects.exists()


def test_the_form_names_exactly_the_formats_read(editor_client):
    from statements.extraction.readers import SUPPORTED_SUFFIXES

    page = editor_client.get(IMPORT).text
    assert "Word" not in page and ".docx" not in page
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in page


def test_files_over_the_size_limit_are_refused_by_name(editor_client, settings):
    settings.ARCHIVE_UPLOAD_MAX_BYTES = 100
    response = editor_client.post(
        IMPORT, {"files": [upload("long.txt", article_text(1)), upload("short.txt", "Quay")]}
    )
    assert "long.txt: over the limit of 100" in response.text
    assert "This field is required" not in response.text
    assert not Article.objects.exists() and not ImportJob.objects.exists()


def test_reading_an_oversized_upload_stops_at_the_limit(rf, settings):
    """The rest of a too-large file is skipped while the request is read, not stored first."""
    from django.core.files.uploadhandler import SkipFile

    from archive.uploads import SizeLimitUploadHandler

    settings.ARCHIVE_UPLOAD_MAX_BYTES = 10
    handler = SizeLimitUploadHandler(rf.post("/"))
    handler.new_file("files", "big.txt", "text/plain", 10_000)
    assert handler.receive_data_chunk(b"x" * 8, 0) == b"x" * 8
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"x" * 8, 8)
    assert handler.request.oversized_uploads == ["big.txt"]


def test_large_upload_without_a_broker_says_how_to_start_a_worker(editor_client, settings):
    settings.IMPORT_DIRECT_MAX_FILES = 1
    response = editor_client.post(
        IMPORT, {"files": [upload("a.txt", article_text(1)), upload("b.txt", article_text(2))]}
    )
    assert "celery -A archive worker" in response.text
    assert not ImportJob.objects.exists() and not Article.objects.exists()


def test_dry_run_lists_each_article(editor_client):
    response = editor_client.post(
        IMPORT, {"files": [upload("talks.txt", article_text(3))], "dry_run": "on"}
    )
    assert "Dry run report" in response.text
    assert "Harbour talks in Tallow Cross, round 3" in response.text  # the article's title
    # ... and each statement it would create, with its speaker
    assert "created" in response.text and "Aldo Ferrin" in response.text
    assert "Round 3 will not be the last one for Tallow Cross" in response.text
    assert not Article.objects.exists() and not ImportJob.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_with_a_broker_the_upload_is_queued_and_the_page_follows_it(
    client, settings, tmp_path, eager_queue
):
    settings.IMPORT_JOB_ROOT = tmp_path / "jobs"
    settings.IMPORT_DIRECT_MAX_FILES = 1  # would be refused without a broker
    client.force_login(create_editor("odile.brandt", password="harbour-lantern-92").user)
    client.post(
        IMPORT, {"files": [upload("a.txt", article_text(1)), upload("b.txt", article_text(2))]}
    )
    job = ImportJob.objects.get()
    assert job.state() == JobState.DONE  # the (eager) workers ran it
    assert Article.objects.count() == 2
    assert all(p.worker for p in job.parts.all())


@pytest.mark.django_db(transaction=True)  # commits happen: nothing may reach for a broker
def test_unfinished_job_page_refreshes_itself_and_failed_parts_rerun(editor_client):
    editor_client.post(
        IMPORT, {"files": [upload("talks.txt", article_text(1)), upload("empty.txt", "")]}
    )
    job = ImportJob.objects.get()
    page = editor_client.get(job.get_absolute_url()).text
    assert "done with failures" in page.lower() and "Re-run failed parts" in page
    part = job.parts.get(state=PartState.FAILED)
    # An editor cannot fix the uploaded file; a re-run still reports the same error.
    editor_client.post(job.get_absolute_url(), {"rerun": "1"})
    part.refresh_from_db()
    assert part.attempts == 2 and part.state == PartState.FAILED
    job.parts.update(state=PartState.PENDING)
    assert 'http-equiv="refresh"' in editor_client.get(job.get_absolute_url()).text
    listing = editor_client.get(JOBS).text
    assert "<progress" in listing and 'http-equiv="refresh"' in listing


def test_jobs_are_closed_to_staff_who_cannot_import(client, db, django_user_model, tmp_path):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    assert client.get(JOBS).status_code == 403


def test_deleting_a_job_removes_its_uploaded_files(editor_client, django_user_model, client):
    from pathlib import Path

    editor_client.post(IMPORT, {"files": [upload("talks.txt", article_text(1))]})
    job = ImportJob.objects.get()
    assert (Path(job.folder) / "talks.txt").exists()
    client.force_login(django_user_model.objects.create_superuser("chief", password="x"))
    client.post(reverse("admin:statements_importjob_delete", args=[job.pk]), {"post": "yes"})
    assert not ImportJob.objects.exists()
    assert not Path(job.folder).exists()
    assert Article.objects.count() == 1  # the imported article stays
