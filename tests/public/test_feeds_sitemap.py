"""Atom feeds (with the list's filters) and sitemap.xml."""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
