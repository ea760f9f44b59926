"""No private field reaches the public: one scan of every page, feed, export, API and search."""

from __future__ import annotations

import json

from django.urls import reverse

from tests.factories import make_speaker, make_statement
from tests.security.conftest import REJECTED_TEXT, SECRET, fetch, public_urls


def test_no_editor_note_or_rejected_statement_anywhere(client, hostile):
    ghost = make_speaker("Ghost Misattribution")
    make_statement("Never said this at all.", speaker=ghost, review_status="rejected")
    rejected = hostile.rejected
    # Only these show the article's text itself, where the words stand unmarked.
    article_text_urls = {
        hostile.article.get_absolute_url(),
        f"/api/v1/articles/{hostile.article.pk}/",
    }
    checked = 0
    for urls in public_urls(hostile).values():
        for url in urls:
            response, text = fetch(client, url)
            assert SECRET not in text, url
            assert "editor_note" not in text, url
            assert rejected.get_absolute_url() not in text, url
            assert "Never said this at all" not in text, url
            assert "ghost-misattribution" not in text, url
            if url not in article_text_urls:
                assert REJECTED_TEXT not in text, url
            if url.startswith("/api/v1/statements/"):
                items = json.loads(text).get("items", [])
                assert rejected.pk not in {i.get("id") for i in items}, url
            checked += 1
    assert checked >= 35


def test_facets_and_counts_leave_rejected_out(client, hostile):
    # The rejected statement shares the speaker, event, tag and article of a public one.
    response = client.get(reverse("statements:statement-list"), {"q": "harbour"})
    facets = response.context["facets"]
    speaker_counts = {f["slug"]: f["count"] for f in facets["speakers"]}
    event_counts = {f["slug"]: f["count"] for f in facets["events"]}
    assert speaker_counts[hostile.speaker.slug] == 1
    assert event_counts[hostile.event.slug] == 1
    api = client.get(f"/api/v1/speakers/{hostile.speaker.slug}/").json()
    assert api["statement_count"] == 1
    assert client.get(f"/api/v1/events/{hostile.event.slug}/").json()["statement_count"] == 1
    article = client.get(f"/api/v1/articles/{hostile.article.pk}/").json()
    assert article["statement_count"] == 1
    assert [s["id"] for s in article["statements"]] == [hostile.statement.pk]
