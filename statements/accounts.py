"""Editor accounts and the two groups that give them their permissions.

Editors review, correct and annotate statements, merge speakers, manage
events and tags, import articles and correct their metadata; they cannot delete
articles or manage users. Administrators hold every permission.
The groups are created by a data migration and refreshed by ``create_editor``
so permissions added by later migrations reach them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

EDITORS = "Editors"
ADMINISTRATORS = "Administrators"

ALL = ("view", "add", "change", "delete")
# model name -> actions, all in the statements app.
EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "statement": ("view", "change"),
    "reviewqueuestatement": ("view", "change"),
    "statementevent": ALL,
    "speaker": ALL,  # merging deletes the merged-away speakers
    "speakeralias": ALL,
    "speakerrole": ALL,
    "event": ALL,
    "tag": ALL,
    # add = import articles, change = correct title, outlet, dates, URL; never delete
    "article": ("view", "add", "change"),
}


def ensure_groups(apps=global_apps) -> dict[str, object]:
    """Create or refresh both groups; ``apps`` is the migration state when run from one."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor_codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    editor_perms = list(
        Permission.objects.filter(
            content_type__app_label="statements", codename__in=editor_codenames
        )
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(editor_perms)

    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(list(Permission.objects.all()))
    return {EDITORS: editors, ADMINISTRATORS: administrators}


@dataclass
class EditorAccount:
    user: object
    created: bool
    group: str


@transaction.atomic
def create_editor(
    username: str, *, email: str = "", password: str | None = None, admin: bool = False
) -> EditorAccount:
    """Create (or update) a staff user in Editors, or in Administrators with ``admin``.

    An existing user keeps their password unless a new one is given; the groups
    are refreshed first so the account gets today's permissions.
    """
    groups = ensure_groups()
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    created = user is None
    if created:
        user = User(**{User.USERNAME_FIELD: username})
    if email:
        user.email = email
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.is_staff = True
    user.is_active = True
    user.save()
    name = ADMINISTRATORS if admin else EDITORS
    user.groups.add(groups[name])
    if not admin:
        # Demoting an administrator to editor takes the wider group away.
        user.groups.remove(groups[ADMINISTRATORS])
    return EditorAccount(user=user, created=created, group=name)
