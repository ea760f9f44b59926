"""The public pages' cache: Redis with REDIS_URL, else files on this machine (not in DEBUG).

Django's cache middleware keeps whole public pages; the admin is
never cached (its views say so). Whatever changes what a page shows empties
the page cache: an editor's save or delete of any archive object (signals),
and the end of each imported file or job (imports defer the signals and clear
once, instead of once per article).

Emptying is one write, whatever the cache holds: every key carries the cache's
*generation* (``make_key``), and emptying starts a new one, so the old pages are
never read again and expire on their own. Deleting them one by one cost an
editor's save a third of a second at 20,000 cached pages, and a page rendered
from the old data while the cache was being emptied could be stored again after
it. A request reads the generation once, when it starts, and stores its page
under that one: a page that was being rendered when an editor saved lands in
the old generation, where nobody looks.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import secrets
import time
from collections.abc import Iterator

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware import cache as cache_middleware
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import http_date

PAGES = "pages"
GENERATION_KEY = "generation"
_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("pages_deferred", default=False)
# The generation a request read when it started (None outside requests: read each time).
_request_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "pages_generation", default=None
)


def enabled() -> bool:
    return PAGES in settings.CACHES and getattr(settings, "CACHE_MIDDLEWARE_ALIAS", "") == PAGES


def _new_generation() -> str:
    # Random, not a counter: a generation lost from the cache (evicted, culled)
    # is replaced by one that no stored page can carry.
    return secrets.token_hex(6)


def current_generation() -> str:
    cache = caches[PAGES]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def make_key(key: str, key_prefix: str, version: int) -> str:
    """The pages cache's KEY_FUNCTION: Django's key with the generation in it."""
    if key == GENERATION_KEY:
        return f"{key_prefix}:{version}:{key}"
    generation = _request_generation.get() or current_generation()
    return f"{key_prefix}:{version}:{generation}:{key}"


def clear_pages() -> None:
    """Forget every cached page: start a new generation (one write)."""
    if not enabled():
        return
    cache = caches[PAGES]
    if cache.key_func is make_key:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    else:  # a cache configured without the generation in its keys
        cache.clear()


class UpdateCacheMiddleware(cache_middleware.UpdateCacheMiddleware):
    """Django's, with the generation read once per request (it is the outermost middleware),
    and browsers told to keep a page only briefly.

    The server's copy is dropped the moment an editor saves; a browser's copy is
    not. Browsers may keep a page ``PAGE_CACHE_BROWSER_SECONDS`` (60), so a
    correction reaches a reader within a minute, not after the server's ten.
    """

    def process_request(self, request) -> None:
        _request_generation.set(current_generation())

    def process_response(self, request, response):
        try:
            response = super().process_response(request, response)
        finally:
            _request_generation.set(None)
        browser = getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)
        max_age = get_max_age(response)
        if max_age is not None and max_age > browser:
            response.headers["Expires"] = http_date(time.time() + browser)
            patch_cache_control(response, max_age=browser)
        return response


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
