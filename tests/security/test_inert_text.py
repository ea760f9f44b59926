"""Imported markup is inert on every public page, feed, sitemap, export, API, and the admin."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.security.conftest import SCRIPT, body_of, fetch, public_route_names, public_urls
from tests.security.inspect import html_problems, response_problems


def test_every_public_route_is_covered(hostile):
    assert public_route_names() == set(public_urls(hostile))


def test_payloads_are_inert_on_every_public_url(client, hostile):
    seen_payload = 0
    for urls in public_urls(hostile).values():
        for url in urls:
            response, text = fetch(client, url)
            if text:
                assert response_problems(response, text) == [], url
            seen_payload += "alert(" in text
    # The payloads really were shown (escaped): the checks above had something to find.
    assert seen_payload >= 20


def test_checks_catch_a_live_payload():
    """The inspector itself: what an unescaped template would have produced is caught."""
    assert html_problems(f"<p>{SCRIPT}</p>")
    assert html_problems('<a href="javascript:alert(3)">x</a>')
    assert html_problems('<p title="a"><img src=x onerror=alert(1)>">')
    assert not html_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")


@pytest.fixture
def admin_client(client, hostile):
    user = get_user_model().objects.create_superuser("root-editor", "root@example.org", "x")
    client.force_login(user)
    return client


def admin_urls(hostile) -> list[str]:
    """Changelist, change form and history of every registered model that has a row."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        obj = model._default_manager.first()
        if obj is None:
            continue
        urls.append(reverse(f"{prefix}_change", args=[obj.pk]))
        urls.append(reverse(f"{prefix}_history", args=[obj.pk]))
    return urls


def test_payloads_are_inert_in_the_admin(admin_client, hostile):
    urls = admin_urls(hostile)
    assert len(urls) > 10
    for url in urls:
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, url
        assert html_problems(body_of(response)) == [], url
