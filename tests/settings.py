"""The test run's settings: the project's, in development mode (no production key needed)."""

import os

os.environ.setdefault("DJANGO_ENV", "development")

from archive.settings import *  # noqa: E402, F403
