"""Atom feeds (with the list's filters) and sitemap.xml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.public.conftest import whole_sitemap

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[str]:
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]


def test_statements_feed_lists_published(client, archive):
    links = entries(client.get(reverse("statements:feed-statements")))
    assert len(links) == 4
    assert f"http://testserver{archive.first.get_absolute_url()}" in links


def test_statements_feed_takes_list_filters(client, archive):
    response = client.get(reverse("statements:feed-statements"), {"speaker": archive.tomas.slug})
    links = entries(response)
    assert sorted(links) == sorted(
        f"http://testserver{st.get_absolute_url()}" for st in (archive.second, archive.verified)
    )
    root = ET.fromstring(response.content)
    assert "Tomas Quillfeather" in root.find(f"{ATOM}title").text


def test_statements_feed_search(client, archive):
    links = entries(client.get(reverse("statements:feed-statements"), {"q": "dockworkers"}))
    assert links == [f"http://testserver{archive.second.get_absolute_url()}"]


def test_statements_feed_ignores_bad_params(client, archive):
    response = client.get(reverse("statements:feed-statements"), {"said_from": "nope"})
    assert response.status_code == 200
    assert len(entries(response)) == 4


def test_speaker_feed(client, archive):
    links = entries(client.get(reverse("statements:feed-speaker", args=[archive.ilse.slug])))
    assert len(links) == 2


def test_event_feed_includes_sub_events(client, archive):
    links = entries(client.get(reverse("statements:feed-event", args=[archive.strike.slug])))
    assert sorted(links) == sorted(
        f"http://testserver{st.get_absolute_url()}" for st in (archive.first, archive.second)
    )


def test_unknown_feed_objects_404(client, db):
    assert client.get(reverse("statements:feed-speaker", args=["nobody"])).status_code == 404
    assert client.get(reverse("statements:feed-event", args=["nothing"])).status_code == 404


def test_feed_marks_unreviewed_and_low_confidence(client, archive):
    xml = client.get(reverse("statements:feed-speaker", args=[archive.tomas.slug])).content
    assert b"Machine-extracted, not yet reviewed. Low-confidence attribution." in xml
    assert b"Verified by an editor." in xml


def test_sitemap(client, archive):
    xml = whole_sitemap(client)
    for obj in (archive.first, archive.verified, archive.ilse, archive.strike, archive.courier):
        assert f"http://testserver{obj.get_absolute_url()}</loc>" in xml
    assert f"http://testserver{archive.rejected.get_absolute_url()}</loc>" not in xml
    assert "http://testserver/about/</loc>" in xml


def test_sitemap_sections_are_paged_so_every_statement_is_listed(client, archive, monkeypatch):
    """A million statements do not fit one file: the index lists every page of a section."""
    from statements.models import Statement
    from statements.sitemaps import StatementSitemap

    monkeypatch.setattr(StatementSitemap, "limit", 2)
    published = Statement.objects.published().order_by("id")
    assert published.count() > 2
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-statements.xml?p=2" in index
    xml = whole_sitemap(client)
    for st in published:
        assert f"http://testserver{st.get_absolute_url()}</loc>" in xml


@pytest.mark.parametrize("section", ["pages", "statements", "speakers", "events", "articles"])
def test_sitemap_section_is_what_djangos_template_writes(client, archive, section):
    """The section pages are written in Python for speed; the XML is Django's, byte for byte."""
    from django.contrib.sites.requests import RequestSite
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from statements.sitemaps import SITEMAPS

    site = RequestSite(RequestFactory().get("/"))
    urls = SITEMAPS[section]().get_urls(page=1, site=site, protocol="http")
    assert urls
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content.decode() == render_to_string("sitemap.xml", {"urlset": urls})


def test_sitemap_pages_list_each_statement_once_and_end(client, archive, monkeypatch):
    """Pages are id ranges: each published statement on exactly one; past the last, 404."""
    from statements.models import Statement
    from statements.sitemaps import StatementSitemap

    monkeypatch.setattr(StatementSitemap, "limit", 2)
    pages = StatementSitemap().paginator.num_pages
    listed = []
    for number in range(1, pages + 1):
        xml = client.get(f"/sitemap-statements.xml?p={number}").content.decode()
        listed += re.findall(r"/statements/(\d+)/</loc>", xml)
    published = Statement.objects.published().values_list("pk", flat=True)
    assert sorted(map(int, listed)) == sorted(published)
    assert client.get(f"/sitemap-statements.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-statements.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_index_dates_statements_by_their_newest_change(client, archive):
    """A deletion changes the section as much as an edit does: the history dates it."""
    from datetime import timedelta

    from django.utils import timezone

    from statements.models import Statement

    long_ago = timezone.now() - timedelta(days=400)
    Statement.objects.update(updated_at=long_ago)
    Statement.history.update(history_date=long_ago)
    archive.first.delete()
    index = client.get("/sitemap.xml").content.decode().replace("\n", "")
    today = timezone.localdate().isoformat()
    assert f"sitemap-statements.xml</loc><lastmod>{today}T" in index


def test_a_sitemap_page_is_three_queries_wherever_it_is(
    client, archive, monkeypatch, django_assert_max_num_queries
):
    from statements.sitemaps import StatementSitemap

    monkeypatch.setattr(StatementSitemap, "limit", 1)
    last = StatementSitemap().paginator.num_pages
    with django_assert_max_num_queries(3):
        assert client.get(f"/sitemap-statements.xml?p={last}").status_code == 200
