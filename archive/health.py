"""``/healthz``: is this web server able to serve? For load balancers and monitoring.

Checks the database (a trivial query) and, when configured, the Celery broker
and the page cache. 200 with each check's result when all pass, 503 otherwise.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

TIMEOUT = 2  # seconds per check: a health check must answer quickly


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _broker() -> str:
    from archive.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=TIMEOUT)
    return "ok"


def _cache() -> str:
    cache = caches["default"]
    cache.set("healthz", "ok", 10)
    return "ok" if cache.get("healthz") == "ok" else "cannot read back"


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _broker
    if settings.REDIS_URL:
        checks["cache"] = _cache
    results = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as exc:  # noqa: BLE001 - any failure makes the server unhealthy
            results[name] = f"error: {type(exc).__name__}"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **results}, status=200 if healthy else 503
    )
