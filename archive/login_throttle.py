"""Login throttling that nobody can turn against an editor.

django-axes counts failures per (account, address) and per address. Five wrong
passwords for one account from one address lock that pair for a short while;
only an address that keeps guessing across accounts is locked for the long
cool-off. Someone elsewhere can therefore not lock an editor out, and one
address cannot go on guessing through many accounts.
"""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Failures as axes sees them: the account's recent ones, or the limit once the address is over its own."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        per_account, per_address = self.get_user_attempts(request, credentials)
        address_failures = per_address.aggregate(n=Sum("failures_since_start"))["n"] or 0
        if address_failures >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return settings.AXES_FAILURE_LIMIT
        recent = timezone.now() - timedelta(minutes=settings.AXES_ACCOUNT_COOLOFF_MINUTES)
        account = per_account.aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
        if account["last"] is None or account["last"] < recent:
            return 0
        return account["n"] or 0
