"""The API object and its URLs (mounted at /api/ by archive/urls.py)."""

from __future__ import annotations

from functools import wraps

from django.http import HttpRequest
from django.urls import path
from ninja import NinjaAPI, Swagger

from statements.api import articles, events, speakers, statements
from statements.api.common import api_url
from statements.api.throttling import ClientRateThrottle

# The docs page loads Swagger UI from this site's static files (ninja ships them)
# and has no inline script, so it runs under this policy and any stricter page policy.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def docs_policy(view):
    """Give the docs page a Content-Security-Policy when the site has not set one."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers.setdefault("Content-Security-Policy", DOCS_POLICY)
        return response

    return wrapped


api = NinjaAPI(
    title="Statement archive API",
    version="1",
    description=(
        "Read-only access to the archive's public statements, speakers, events and "
        "articles. Lists take the statements page's filters and use cursor pagination: "
        "follow `next` until it is null. Requests are rate-limited per client (HTTP 429 "
        "with Retry-After)."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    docs_decorator=docs_policy,
    throttle=[ClientRateThrottle()],
)
for module in (statements, speakers, events, articles):
    api.add_router("", module.router)


@api.get("/", url_name="index", summary="Where everything is", tags=["index"])
def index(request: HttpRequest) -> dict[str, str]:
    lists = ("statement", "speaker", "event", "article")
    links = {f"{name}s": api_url(request, f"{name}-list") for name in lists}
    links["docs"] = api_url(request, "openapi-view")
    links["schema"] = api_url(request, "openapi-json")
    return links


urlpatterns = [path("v1/", api.urls)]
