"""The test run's settings: the project's, in development mode (no production key needed)."""

import os
import tempfile

os.environ.setdefault("DJANGO_ENV", "development")

from archive.settings import *  # noqa: E402, F403

# Uploaded files of import jobs go to a throwaway folder, never into the checkout.
IMPORT_JOB_ROOT = tempfile.mkdtemp(prefix="archive-test-jobs-")

# A second alias reading the same test database, as a replica would
# (tests/test_scaling.py turns routing to it on; elsewhere it is unused).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405

# One log line per request is for servers; tests that check it raise the level themselves.
LOGGING["loggers"]["archive.request"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["statements.jobs"]["level"] = "WARNING"  # noqa: F405
