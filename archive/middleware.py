"""Site-wide request handling: a structured log line per request, and a 503 page
instead of a traceback when the database is unreachable."""

from __future__ import annotations

import logging
import sys
import time

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

request_log = logging.getLogger("archive.request")


class RequestLogMiddleware:
    """One log record per request: method, path, status and time taken (JSON with the default logging)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        request_log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


class DatabaseUnavailableMiddleware:
    """A lost or refused database connection answers 503 with a short page.

    Only connection-level errors count (OperationalError, InterfaceError): a
    query bug is still a 500 that someone must fix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception: Exception) -> HttpResponse | None:
        if not _unavailable(exception):
            return None
        request_log.error("database unavailable: %s", exception)
        return unavailable_response()


def unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response


def server_error(request, *args, **kwargs) -> HttpResponse:
    """The 500 handler: still a 503 when the database is out of reach.

    ``process_exception`` only sees the views' exceptions; a middleware that
    reads the database (sessions, the login throttle) fails before any view.
    """
    exception = sys.exc_info()[1]
    if exception is not None and _unavailable(exception):
        request_log.error("database unavailable: %s", exception)
        return unavailable_response()
    return defaults.server_error(request, *args, **kwargs)


# SQLite raises OperationalError for mistakes in a query too; only these mean
# the database itself is out of reach (or busy) for now.
_SQLITE_UNAVAILABLE = ("unable to open", "database is locked", "disk i/o error", "readonly")


def _unavailable(exc: Exception) -> bool:
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if connection.vendor != "sqlite":
        return True
    return any(part in str(exc).lower() for part in _SQLITE_UNAVAILABLE)
