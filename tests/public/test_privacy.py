"""Rejected statements and editor notes never reach a public page; imported text is escaped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_speaker, make_statement
from tests.public.conftest import whole_sitemap

REJECTED_TEXT = "Harbour fees will triple."


def public_urls(a) -> list[str]:
    return [
        "/",
        reverse("statements:statement-list"),
        reverse("statements:statement-list") + "?q=triple",
        reverse("statements:statement-list") + f"?speaker={a.ilse.slug}",
        reverse("statements:statement-export-csv"),
        reverse("statements:statement-export-json"),
        reverse("statements:feed-statements"),
        reverse("statements:feed-speaker", args=[a.ilse.slug]),
        reverse("statements:feed-event", args=[a.strike.slug]),
        a.ilse.get_absolute_url(),
        a.strike.get_absolute_url(),
        a.rejected.article.get_absolute_url(),
        reverse("statements:speaker-list"),
        reverse("statements:event-list"),
        "/sitemap.xml",
        *(f"/sitemap-{s}.xml" for s in ("pages", "statements", "speakers", "events", "articles")),
    ]


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_rejected_statement_and_notes_absent_everywhere(client, archive):
    rejected_url = archive.rejected.get_absolute_url()
    for url in public_urls(archive):
        response = client.get(url)
        assert response.status_code == 200, url
        html = body(response)
        assert "SECRET-NOTE" not in html, url
        assert rejected_url not in html, url
        # The article page shows the article text, but never highlights or links it.
        if url != archive.rejected.article.get_absolute_url():
            assert REJECTED_TEXT not in html, url


def test_rejected_permalink_and_citations_are_404(client, archive):
    pk = archive.rejected.pk
    for name in ("statement-detail", "statement-cite-bib", "statement-cite-ris"):
        assert client.get(reverse(f"statements:{name}", args=[pk])).status_code == 404


def test_rejected_not_highlighted_in_article(client, archive):
    html = client.get(archive.rejected.article.get_absolute_url()).content.decode()
    assert f"<mark>{REJECTED_TEXT}" not in html
    assert "0 highlighted below" in html


def test_rejected_not_counted(client, archive):
    speakers = client.get(reverse("statements:speaker-list")).context["groups"]
    counts = {s.slug: s.statement_count for _, items in speakers for s in items}
    assert counts[archive.ilse.slug] == 2  # three made, one rejected
    response = client.get(archive.ilse.get_absolute_url())
    assert response.context["stats"]["total"] == 2
    events = client.get(reverse("statements:event-list")).context["groups"]
    ev_counts = {e.slug: e.statement_count for _, items in events for e in items}
    assert ev_counts[archive.strike.slug] == 1  # second; the rejected one is not counted
    assert client.get(archive.strike.get_absolute_url()).context["page_obj"].paginator.count == 2


def test_speaker_with_only_rejected_statements_not_listed(client, db):
    ghost = make_speaker("Ghost Misattribution")
    make_statement("Never said this.", speaker=ghost, review_status="rejected")
    html = client.get(reverse("statements:speaker-list")).content.decode()
    assert "Ghost Misattribution" not in html
    assert ghost.get_absolute_url() not in whole_sitemap(client)
    suggested = client.get(reverse("statements:statement-suggestions")).json()["speaker-options"]
    assert [ghost.slug, ghost.name] not in suggested


def test_editor_note_not_on_statement_page(client, archive):
    html = client.get(archive.verified.get_absolute_url()).content.decode()
    assert "SECRET-NOTE" not in html


EVIL = '<script>alert("x")</script>'


@pytest.fixture
def evil(db):
    speaker = make_speaker(f"Evil {EVIL} Name")
    event = make_event(f"Event {EVIL}", description=f"About {EVIL}")
    article = make_article(
        body=f'Intro {EVIL}.\n\n"Quote with {EVIL} inside," she said.',
        title=f"Title {EVIL}",
        outlet=f"Outlet {EVIL}",
    )
    return make_statement(
        f"Quote with {EVIL} inside,", speaker=speaker, article=article, events=[event]
    )


def test_imported_text_is_escaped_on_every_page(client, evil):
    urls = [
        "/",
        reverse("statements:statement-list"),
        reverse("statements:statement-list") + "?q=inside",
        evil.get_absolute_url(),
        evil.speaker.get_absolute_url(),
        evil.article.get_absolute_url(),
        evil.events.get().get_absolute_url(),
        reverse("statements:speaker-list"),
        reverse("statements:event-list"),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert "<script>" not in html, url
        assert "&lt;script&gt;" in html, url


def test_feed_summaries_escape_html(client, evil):
    xml = client.get(reverse("statements:feed-statements")).content.decode()
    assert "<script>" not in xml
    # The summary is HTML for feed readers: the quote's markup is escaped twice
    # (once as HTML, once as XML), so a reader shows it as text.
    assert "&amp;lt;script&amp;gt;" in xml
