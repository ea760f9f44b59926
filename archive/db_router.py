"""Public pages read from PostgreSQL replicas; everything else uses the primary.

DATABASE_REPLICA_URLS (comma-separated) adds the aliases ``replica1``,
``replica2``… and lists them in DATABASE_REPLICAS. A read goes to a replica only
inside a request for a public page (ReplicaReadsMiddleware marks those: GET or
HEAD outside /admin/); the admin, imports and workers read and write the
primary, so an editor always sees what was just saved.
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings

_public_request: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "public_request", default=False
)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if _public_request.get() and settings.DATABASE_REPLICAS:
            return random.choice(settings.DATABASE_REPLICAS)
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"  # replicas follow the primary's schema by replication


class ReplicaReadsMiddleware:
    """Marks public GET/HEAD requests so their reads may go to a replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")
        token = _public_request.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_request.reset(token)
