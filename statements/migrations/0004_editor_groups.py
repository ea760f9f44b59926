"""Create the Editors and Administrators groups (see statements.accounts)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from statements.accounts import ensure_groups

    # Permissions are normally made after all migrations (post_migrate); the
    # groups need them now, on a fresh database too.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)
    ensure_groups(apps)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Administrators"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0003_review_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
