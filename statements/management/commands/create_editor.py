"""Create or update an editor account: ``manage.py create_editor USERNAME --email ...``."""

from __future__ import annotations

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from statements.accounts import create_editor


class Command(BaseCommand):
    help = "Create a staff user in the Editors group (or Administrators with --admin)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )
        parser.add_argument(
            "--admin", action="store_true", help="Put the user in Administrators instead."
        )
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="Never prompt; a new user without a password cannot log in until given one.",
        )

    def handle(
        self,
        *args,
        username: str,
        email: str,
        password_from_env: str | None,
        admin: bool,
        no_input: bool,
        **options,
    ) -> None:
        password = self._password(password_from_env, no_input)
        try:
            account = create_editor(username, email=email, password=password, admin=admin)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        verb = "Created" if account.created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {username} in {account.group}."))

    def _password(self, env_var: str | None, no_input: bool) -> str | None:
        if env_var:
            value = os.environ.get(env_var)
            if not value:
                raise CommandError(f"Environment variable {env_var} is not set or empty.")
            return value
        if no_input:
            return None
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
