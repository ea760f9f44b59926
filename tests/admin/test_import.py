"""Importing article files from the admin, and re-imports after editors' work."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.admin.imports import save_uploads
from statements.merging import merge_speakers
from statements.models import Article, Speaker, Statement

IMPORT = reverse("admin:statements_article_import")

ARTICLE = """Harbour talks stall in Port Veloria
Veloria Daily Courier, 4 March 2025

Talks over the harbour of Port Veloria stalled on Tuesday.

"We will not sell the harbour to anyone," said Ilse Marrow, the harbour minister.

"The port needs fresh money this year," Jonas Kettleby said.
"""


def upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_import_page_imports_and_shows_the_report(editor_client, db):
    response = editor_client.post(IMPORT, {"files": [upload("talks.txt", ARTICLE)]}, follow=True)
    assert response.status_code == 200
    assert "1 of 1 part finished" in response.text
    assert "1 file read" in response.text
    article = Article.objects.get()
    assert article.source_file == "talks.txt"  # the file's own name, not the temporary path
    assert article.statements.exists()


def test_dry_run_writes_nothing(editor_client, db):
    response = editor_client.post(
        IMPORT, {"files": [upload("talks.txt", ARTICLE)], "dry_run": "on"}
    )
    assert "Dry run" in response.text
    assert not Article.objects.exists()


def test_import_needs_a_file(editor_client, db):
    response = editor_client.post(IMPORT, {})
    assert "This field is required" in response.text


def test_import_refused_without_add_permission(client, db, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    assert client.get(IMPORT).status_code == 403


def test_save_uploads_keeps_names_inside_the_folder(tmp_path: Path):
    files = [upload("../../etc/evil.txt", "a"), upload("note.txt", "b"), upload("note.txt", "c")]
    saved = save_uploads(files, tmp_path)
    assert [p.name for p in saved] == ["evil.txt", "note.txt", "note.txt"]
    assert all(tmp_path in p.parents for p in saved)
    assert [p.read_text() for p in saved] == ["a", "b", "c"]


def test_merged_spelling_reimported_lands_on_kept_speaker(db, tmp_path: Path):
    """End to end: merge two spellings, then import an article using the merged-away one."""
    from statements.importing import import_paths

    first = tmp_path / "first.txt"
    first.write_text(ARTICLE)
    import_paths([first])
    merged_away = Speaker.objects.by_name("Ilse Marrow")
    if merged_away is None:
        pytest.skip("the extraction engine did not attribute the fictional quote")
    kept = Speaker.objects.create(name="Ilse Marrow-Teague")
    merge_speakers(kept, [merged_away])
    assert Speaker.objects.by_name("Ilse Marrow") == kept

    second = tmp_path / "second.txt"
    second.write_text(
        "Harbour minister speaks again\nVeloria Daily Courier, 9 March 2025\n\n"
        '"The harbour stays public," said Ilse Marrow on Sunday.\n'
    )
    import_paths([second])
    st = Statement.objects.get(text__contains="The harbour stays public")
    assert st.speaker == kept
    assert not Speaker.objects.filter(name="Ilse Marrow").exists()
