"""The public site is read-only: anything but GET or HEAD is answered 405.

Only the admin, with its forms, is writable. The API's CORS preflight
(OPTIONS) is answered before this by django-cors-headers.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse

SAFE_METHODS = ("GET", "HEAD")


def writable_prefix() -> str:
    return reverse("admin:index")


class ReadOnlyPublicMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS and not request.path.startswith(writable_prefix()):
            return HttpResponseNotAllowed(SAFE_METHODS)
        return self.get_response(request)


def api_prefix() -> str:
    return reverse("api-v1:api-root")


class ApiHeadMiddleware:
    """HEAD on the API answers as GET does, without the body.

    The API's routes are GET only (django-ninja), but link checkers, caches and
    ``curl -I`` ask with HEAD, as they do of every page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "HEAD" or not request.path.startswith(api_prefix()):
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
