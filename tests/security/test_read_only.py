"""Public URLs only read: any method but GET and HEAD is refused with 405, before any view runs."""

from __future__ import annotations

import pytest

from statements.models import Statement
from tests.security.conftest import public_urls

WRITES = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


def all_urls(hostile) -> list[str]:
    return [url for urls in public_urls(hostile).values() for url in urls]


@pytest.mark.parametrize("method", WRITES)
def test_public_urls_refuse_everything_but_get_and_head(client, hostile, method):
    """Pages, feeds, downloads, the sitemap and the API alike."""
    before = Statement.objects.count()
    for url in all_urls(hostile):
        response = client.generic(method, url, data="review_status=rejected")
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD", url
    assert Statement.objects.count() == before


def test_pages_answer_head(client, hostile):
    """HEAD is a read: pages, feeds, downloads and the API answer it, without a body."""
    for url in all_urls(hostile):
        head, get = client.head(url), client.get(url)
        assert head.status_code == get.status_code and head.status_code in (200, 301), url
        assert head["Content-Type"] == get["Content-Type"], url
        assert head.content == b"", url


def test_admin_keeps_its_forms(client, db):
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200  # the login form again, with its error
    assert b"Please enter the correct username and password" in response.content
