"""The Celery application: import jobs run as tasks on any number of workers.

    celery -A archive worker --concurrency 2

Configuration comes from the Django settings named CELERY_*.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

app = Celery("archive")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["statements.jobs"])
