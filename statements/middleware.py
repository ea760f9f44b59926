"""Public pages are read-only: anything but GET or HEAD is answered 405.

The admin keeps its forms and the API its own rules (CORS preflight), so
their URL prefixes pass through; everything else on the site only reads.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import get_script_prefix, reverse

SAFE_METHODS = ("GET", "HEAD")


def writable_prefixes() -> tuple[str, ...]:
    return (reverse("admin:index"), f"{get_script_prefix()}api/")


class ReadOnlyPublicMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS and not request.path.startswith(writable_prefixes()):
            return HttpResponseNotAllowed(SAFE_METHODS)
        return self.get_response(request)
