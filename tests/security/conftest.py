"""A hostile archive: every field a page, feed, export or the API shows carries a payload.

Article text, titles, outlets and URLs go through the real importer (a JSON
Lines file); speaker, event and tag names through the same models editors and
event files fill. Everything is fictional.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from statements.models import Article, Event, Speaker, Statement, Tag
from tests.factories import make_article, make_statement

SCRIPT = '<script>alert("xss")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
SINGLE_BREAKOUT = "' onmouseover='alert(2)' x='"
JS_URL = "javascript:alert(3)"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{SINGLE_BREAKOUT}"

SECRET = "SECRET-NOTE"
REJECTED_TEXT = "Harbour fees will triple for every ferry."


@dataclass
class Hostile:
    speaker: Speaker
    event: Event
    tag: Tag
    article: Article
    statement: Statement
    rejected: Statement


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    settings.API_RATE_LIMIT = "1000000/min"


@pytest.fixture
def hostile(db, tmp_path) -> Hostile:
    body = (
        "Veloria's harbour board met on Monday in Port Ennis.\n\n"
        f'"The harbour stays open {PAYLOAD} for everyone," Ilse Marrow, the harbour '
        "minister, said on Monday.\n\n"
        f'"{REJECTED_TEXT}" Marrow added.'
    )
    record = {
        "title": f"Harbour board {PAYLOAD}",
        "url": JS_URL,
        "outlet": f"Courier {PAYLOAD}",
        "published": "2025-03-04",
        "text": body,
    }
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("import_articles", str(source), verbosity=0)
    article = Article.objects.get()
    assert article.url == "", "a javascript: address is never stored as the article's link"
    statements = list(article.statements.order_by("start"))
    assert len(statements) == 2, "the importer should find both quotes"
    statement, rejected = statements
    assert SCRIPT in statement.text

    speaker = statement.speaker
    speaker.description = f"Minister {PAYLOAD}"
    speaker.country = f"Veloria {PAYLOAD}"
    speaker.save()
    speaker.add_alias(f"Ilse {BREAKOUT} Marrow")
    event = Event.objects.create(
        name=f"Strike {PAYLOAD}",
        slug="hostile-strike",
        description=f"Dockworkers {PAYLOAD}",
        start_on=date(2025, 3, 1),
        keywords=["harbour"],
    )
    tag = Tag.objects.create(name=f"tag {PAYLOAD}", slug="hostile-tag")
    statement.events.add(event)
    statement.tags.add(tag)
    statement.editor_note = f"{SECRET} {PAYLOAD}"
    statement.save()
    rejected.review_status = "rejected"
    rejected.editor_note = f"{SECRET} wrong speaker"
    rejected.events.add(event)
    rejected.tags.add(tag)
    rejected.save()
    # A second, harmless article keeps the lists from being a single row.
    make_statement(
        "We will keep the harbour open.", article=make_article(outlet="Northbay Gazette")
    )
    return Hostile(speaker, event, tag, article, statement, rejected)


def public_urls(h: Hostile) -> dict[str, list[str]]:
    """Every public URL, by route name: a new route without an entry here fails a test."""
    st, sp, ev, ar = h.statement, h.speaker, h.event, h.article
    search = f"?q=harbour&speaker={sp.slug}&event={ev.slug}&tag={h.tag.slug}"
    api = "/api/v1"
    return {
        "statements:home": ["/"],
        "statements:about": [reverse("statements:about")],
        "statements:robots-txt": [reverse("statements:robots-txt")],
        "statements:favicon": [reverse("statements:favicon")],
        "statements:statement-list": [
            reverse("statements:statement-list"),
            reverse("statements:statement-list") + search,
            reverse("statements:statement-list") + "?q=triple",
            reverse("statements:statement-list") + f"?outlet={ar.outlet}",
        ],
        "statements:statement-export-csv": [
            reverse("statements:statement-export-csv") + search,
            reverse("statements:statement-export-csv") + "?q=triple",
        ],
        "statements:statement-export-json": [
            reverse("statements:statement-export-json"),
            reverse("statements:statement-export-json") + "?q=triple",
        ],
        "statements:statement-suggestions": [reverse("statements:statement-suggestions")],
        "statements:statement-detail": [st.get_absolute_url()],
        "statements:statement-cite-bib": [reverse("statements:statement-cite-bib", args=[st.pk])],
        "statements:statement-cite-ris": [reverse("statements:statement-cite-ris", args=[st.pk])],
        "statements:speaker-list": [reverse("statements:speaker-list")],
        "statements:speaker-detail": [sp.get_absolute_url()],
        "statements:event-list": [reverse("statements:event-list")],
        "statements:event-detail": [ev.get_absolute_url()],
        "statements:article-detail": [ar.get_absolute_url()],
        "statements:feed-statements": [
            reverse("statements:feed-statements") + search,
            reverse("statements:feed-statements") + "?q=triple",
        ],
        "statements:feed-speaker": [reverse("statements:feed-speaker", args=[sp.slug])],
        "statements:feed-event": [reverse("statements:feed-event", args=[ev.slug])],
        "sitemap-index": ["/sitemap.xml"],
        "django.contrib.sitemaps.views.sitemap": [
            f"/sitemap-{section}.xml"
            for section in ("statements", "speakers", "events", "articles")
        ],
        "healthz": [reverse("healthz")],
        "api-v1:index": [f"{api}/"],
        "api-v1:api-root": [f"{api}/"],
        "api-v1:statement-list": [
            f"{api}/statements/",
            f"{api}/statements/{search}",
            f"{api}/statements/?q=triple",
        ],
        "api-v1:statement-detail": [f"{api}/statements/{st.pk}/"],
        "api-v1:speaker-list": [f"{api}/speakers/"],
        "api-v1:speaker-detail": [f"{api}/speakers/{sp.slug}/"],
        "api-v1:event-list": [f"{api}/events/"],
        "api-v1:event-detail": [f"{api}/events/{ev.slug}/"],
        "api-v1:article-list": [f"{api}/articles/"],
        "api-v1:article-detail": [f"{api}/articles/{ar.pk}/"],
        "api-v1:openapi-json": [f"{api}/openapi.json"],
        "api-v1:openapi-view": [f"{api}/docs"],
    }


def fetch(client, url: str):
    """GET ``url``: the response and its whole text; a redirect must stay on this site."""
    response = client.get(url)
    if response.status_code in (301, 302):
        assert response["Location"].startswith("/"), url
        return response, ""
    assert response.status_code == 200, url
    return response, body_of(response)


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def public_route_names() -> set[str]:
    """Named routes outside the admin and static files: what the site shows the public."""
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()

    def walk(patterns, namespace: str = "") -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin" or p.app_name == "admin":
                    continue
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name:
                names.add(f"{namespace}{p.name}")

    walk(get_resolver().url_patterns)
    return names
