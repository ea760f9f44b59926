"""The public pages' cache: Redis with REDIS_URL, else files on this machine (not in DEBUG).

Django's cache middleware keeps whole public pages; the admin is
never cached (its views say so). Whatever changes what a page shows empties
the page cache: an editor's save or delete of any archive object (signals),
and the end of each imported file or job (imports defer the signals and clear
once, instead of once per article).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

PAGES = "pages"
_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("pages_deferred", default=False)


def enabled() -> bool:
    return PAGES in settings.CACHES and getattr(settings, "CACHE_MIDDLEWARE_ALIAS", "") == PAGES


def clear_pages() -> None:
    """Forget every cached page (only the pages: the cache's other keys stay)."""
    if not enabled():
        return
    cache = caches[PAGES]
    if hasattr(cache, "delete_pattern"):  # django-redis: only this cache's prefix
        cache.delete_pattern("*")
    else:
        cache.clear()


@contextlib.contextmanager
def deferred_clearing() -> Iterator[None]:
    """Inside: saves do not clear the cache one by one; it is cleared once at the end."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
        clear_pages()


def clears_pages(command_class):
    """For management commands that change what pages show, often in bulk (no signals):
    the page cache is emptied once when the command ends."""
    handle = command_class.handle

    @functools.wraps(handle)
    def handle_then_clear(self, *args, **options):
        with deferred_clearing():
            return handle(self, *args, **options)

    command_class.handle = handle_then_clear
    return command_class


def _changed(sender, **kwargs) -> None:
    if _deferred.get() or not enabled():
        return
    if sender._meta.app_label != "statements" or sender.__name__.startswith("ImportJob"):
        return
    transaction.on_commit(clear_pages)


def connect() -> None:
    """Called once at start-up, from the statements app's ready()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page_cache_{id(signal)}")
