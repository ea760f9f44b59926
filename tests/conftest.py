import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# calls made from live-server tests are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _no_login_lockouts(settings):
    """Login throttling is tested on purpose where it matters, not tripped by accident."""
    settings.AXES_ENABLED = False


@pytest.fixture
def postgres_only():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
