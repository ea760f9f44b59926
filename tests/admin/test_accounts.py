"""Who may do what: groups, the create_editor command, login protection."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from statements.accounts import ADMINISTRATORS, EDITORS, create_editor
from tests.admin.conftest import PASSWORD
from tests.factories import make_article

LOGIN = reverse("admin:login")


def test_migration_created_both_groups(db):
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_statement", "change_reviewqueuestatement", "delete_speaker", "add_tag"} <= (
        codenames
    )
    assert {"view_article", "add_article", "change_article"} <= codenames
    assert not {"delete_article", "add_user", "change_group"} & codenames
    assert Group.objects.get(name=ADMINISTRATORS).permissions.filter(codename="add_user").exists()


def test_editor_may_not_delete_articles(editor_client, db):
    article = make_article()
    url = reverse("admin:statements_article_delete", args=[article.pk])
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    article.refresh_from_db()


def test_editor_may_not_delete_articles_from_the_list(editor_client, db):
    article = make_article()
    changelist = editor_client.get(reverse("admin:statements_article_changelist"))
    assert changelist.status_code == 200
    assert 'value="delete_selected"' not in changelist.text
    response = editor_client.post(
        reverse("admin:statements_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code in {200, 302}
    assert type(article).objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
    ],
)
def test_editor_cannot_manage_users(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_administrators_manage_users_and_delete_articles(admin_client_, db):
    assert admin_client_.get(reverse("admin:auth_user_changelist")).status_code == 200
    article = make_article()
    url = reverse("admin:statements_article_delete", args=[article.pk])
    assert admin_client_.post(url, {"post": "yes"}).status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:index"),
        reverse("admin:statements_reviewqueuestatement_changelist"),
        reverse("admin:statements_statement_changelist"),
        reverse("admin:statements_article_import"),
    ],
)
def test_anonymous_is_sent_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_non_staff_user_cannot_enter(client, db):
    get_user_model().objects.create_user("reader", password=PASSWORD)
    client.login(username="reader", password=PASSWORD)
    assert client.get(reverse("admin:index")).url.startswith(LOGIN)


def test_editor_logs_in_with_password(client, editor):
    response = client.post(
        LOGIN, {"username": editor.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_lockout_after_repeated_failures(client, editor, settings):
    settings.AXES_ENABLED = True
    codes = [
        client.post(LOGIN, {"username": editor.username, "password": "wrong-guess"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # The form again with an error, until the limit-th failure locks the account out.
    assert codes == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    # Locked: even the right password is refused now.
    response = client.post(LOGIN, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 429
    assert not client.session.get("_auth_user_id")


# --- create_editor ---------------------------------------------------------------------------


def test_create_editor_command_from_env(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PW", PASSWORD)
    call_command(
        "create_editor",
        "mara.quill",
        "--email",
        "mara@example.org",
        "--password-from-env",
        "EDITOR_PW",
    )
    user = get_user_model().objects.get(username="mara.quill")
    assert user.is_staff and not user.is_superuser
    assert user.email == "mara@example.org"
    assert user.check_password(PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS]
    assert user.has_perm("statements.change_statement")
    assert not user.has_perm("statements.delete_article")


def test_create_editor_prompts(db, monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "mara.quill", "--admin")
    user = get_user_model().objects.get(username="mara.quill")
    assert user.check_password(PASSWORD)
    assert user.groups.filter(name=ADMINISTRATORS).exists()
    assert user.has_perm("statements.delete_article") and user.has_perm("auth.add_user")


def test_create_editor_refuses_mismatch_and_weak_passwords(db, monkeypatch):
    answers = iter(["one-password-77", "another-password-77"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="do not match"):
        call_command("create_editor", "mara.quill")
    monkeypatch.setenv("WEAK", "1234")
    with pytest.raises(CommandError):
        call_command("create_editor", "mara.quill", "--password-from-env", "WEAK")
    with pytest.raises(CommandError, match="not set"):
        call_command("create_editor", "mara.quill", "--password-from-env", "UNSET_VAR_XYZ")
    assert not get_user_model().objects.filter(username="mara.quill").exists()


def test_create_editor_updates_an_existing_user(db):
    first = create_editor("mara.quill", password=PASSWORD, admin=True)
    again = create_editor("mara.quill", email="new@example.org")
    assert first.created and not again.created
    user = again.user
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # unchanged without a new one
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS]


def test_groups_are_refreshed_with_new_permissions(db):
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.clear()
    create_editor("mara.quill", password=PASSWORD)
    assert editors.permissions.filter(codename="change_statement").exists()
