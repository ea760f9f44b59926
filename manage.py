#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    # The command line is where development happens; servers load archive.wsgi,
    # which stays in production mode. Set DJANGO_ENV=production to run commands
    # against a production setup (collectstatic, check --deploy).
    os.environ.setdefault("DJANGO_ENV", "development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
