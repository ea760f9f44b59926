"""Speakers, events and articles in the API: the pages' counts and privacy."""

from __future__ import annotations

from tests.factories import make_speaker, make_statement


def test_speakers_counted_without_rejected_and_hidden_when_only_rejected(client, archive):
    ghost = make_speaker("Ghost Misattribution")
    make_statement("Never said this.", speaker=ghost, review_status="rejected")
    items = client.get("/api/v1/speakers/").json()["items"]
    counts = {s["slug"]: s["statement_count"] for s in items}
    assert counts == {archive.ilse.slug: 2, archive.tomas.slug: 2}
    assert client.get(f"/api/v1/speakers/{ghost.slug}/").status_code == 404


def test_speaker_detail_has_aliases_roles_and_links(client, archive):
    body = client.get(f"/api/v1/speakers/{archive.ilse.slug}/").json()
    assert body["aliases"] == ["I. Marrow"]
    assert body["roles"] == [{"title": "Harbour minister", "reported_on": "2024-05-01"}]
    assert body["permalink"] == "http://testserver" + archive.ilse.get_absolute_url()
    listed = client.get(body["statements"]).json()["items"]
    assert {i["id"] for i in listed} == {archive.first.pk, archive.third.pk}


def test_events_with_public_counts_and_parent(client, archive):
    items = {e["slug"]: e for e in client.get("/api/v1/events/").json()["items"]}
    assert items["harbour-strike"]["statement_count"] == 1  # the rejected one is not counted
    assert items["strike-day-one"]["parent"] == "harbour-strike"
    detail = client.get("/api/v1/events/harbour-strike/").json()
    # The event's statements include its sub-event's, as on the event page.
    listed = client.get(detail["statements"]).json()["items"]
    assert {i["id"] for i in listed} == {archive.first.pk, archive.second.pk}


def test_article_detail_lists_only_public_statements(client, archive):
    article = archive.rejected.article
    body = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert body["statement_count"] == 0
    assert body["statements"] == []
    courier = client.get(f"/api/v1/articles/{archive.courier.pk}/").json()
    assert [s["id"] for s in courier["statements"]] == [archive.first.pk]
    start, end = courier["statements"][0]["start"], courier["statements"][0]["end"]
    assert courier["body"][start:end] == "The strikes must end now,"


def test_article_list_filters_by_outlet_and_pages_by_id(client, archive):
    items = client.get("/api/v1/articles/", {"outlet": "NORTHBAY GAZETTE"}).json()["items"]
    assert [a["id"] for a in items] == [archive.gazette.pk]
    first = client.get("/api/v1/articles/", {"limit": 1}).json()
    second = client.get(first["next"]).json()
    assert second["items"][0]["id"] > first["items"][0]["id"]


def test_unknown_ids_are_404(client, archive):
    for url in ("/api/v1/statements/999999/", "/api/v1/articles/999999/", "/api/v1/events/x/"):
        assert client.get(url).status_code == 404, url


def test_article_outlet_with_a_nul_byte_is_a_clear_400(client, archive):
    """PostgreSQL refuses NUL in text: the filter says so instead of failing (as the pages do)."""
    response = client.get("/api/v1/articles/", {"outlet": "North\x00bay"})
    assert response.status_code == 400
    assert "outlet" in response.json()["errors"]
