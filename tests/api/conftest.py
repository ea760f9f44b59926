"""The public archive fixture, and a rate limit no ordinary test runs into."""

from __future__ import annotations

import pytest

from tests.public.conftest import archive  # noqa: F401  (a fixture, used by name)


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    settings.API_RATE_LIMIT = "100000/min"
