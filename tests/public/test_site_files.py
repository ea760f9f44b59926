"""The site's own files: error pages in its layout, robots.txt, the favicon."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_404_is_in_the_site_layout(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and 'class="site-header"' in html
    assert 'href="/statements/"' in html


def test_500_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'class="site-header"' in html


def test_robots_keeps_crawlers_out_of_admin_and_downloads(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /statements/export.csv" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
