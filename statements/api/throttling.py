"""A per-client request budget for the API, counted in Django's cache.

The rate is read from ``settings.API_RATE_LIMIT`` ("120/min" by default) on
every request, so deployments and tests can change it without a restart of the
URL configuration. Clients are told by address (``NINJA_NUM_PROXIES`` says how
many proxies' X-Forwarded-For entries to trust).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import AnonRateThrottle

DEFAULT_RATE = "120/min"


def api_rate() -> str:
    return getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE)


class ClientRateThrottle(AnonRateThrottle):
    scope = "api-client"

    def __init__(self) -> None:
        super().__init__(rate=api_rate())

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = api_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
