"""Paths of pages addressed by a row's id or slug, written without ``reverse()`` each time.

Lists, exports and the sitemap write thousands of them, and ``reverse()`` costs
more than the rest of a CSV row: the path is reversed once with a placeholder,
and the id or slug is put in its place after that.
"""

from __future__ import annotations

import functools

from django.urls import get_script_prefix, reverse

_PLACEHOLDERS = {"pk": 987654321, "slug": "slug-placeholder-4f1c"}


@functools.lru_cache(maxsize=32)
def _pattern(viewname: str, kwarg: str, script_prefix: str) -> str:
    placeholder = str(_PLACEHOLDERS[kwarg])
    url = reverse(viewname, kwargs={kwarg: placeholder})
    return url.replace("{", "{{").replace("}", "}}").replace(placeholder, "{}")


def path_pattern(viewname: str, kwarg: str = "pk") -> str:
    """``viewname``'s path (a URL pattern taking ``<int:pk>`` or ``<slug:slug>``) with ``{}``
    where the id or slug goes."""
    return _pattern(viewname, kwarg, get_script_prefix())


def pk_path(viewname: str, pk: int) -> str:
    """The path of ``viewname``'s page for ``pk``."""
    return path_pattern(viewname).format(pk)
