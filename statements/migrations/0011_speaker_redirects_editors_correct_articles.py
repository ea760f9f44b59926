"""Old speaker slugs redirect; Editors may now correct articles (refreshes the groups)."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

# The same refresh as the groups' first migration: permissions made now, then the groups set.
refresh_groups = import_module("statements.migrations.0004_editor_groups").create_groups


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0010_utterances"),
    ]

    operations = [
        migrations.CreateModel(
            name="SpeakerRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("old_slug", models.SlugField(max_length=80, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "speaker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_slugs",
                        to="statements.speaker",
                    ),
                ),
            ],
            options={
                "ordering": ["old_slug"],
            },
        ),
        migrations.RunPython(refresh_groups, migrations.RunPython.noop),
    ]
