"""The API's promises around the data: schema, docs, CORS, rate limit, query budget."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from statements.api.throttling import ClientRateThrottle
from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

LISTS = ["/api/v1/statements/", "/api/v1/speakers/", "/api/v1/events/", "/api/v1/articles/"]


def test_openapi_schema_describes_every_list_and_its_filters(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Statement archive API"
    for url in LISTS:
        assert url in schema["paths"], url
    params = {p["name"] for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    assert {"q", "in", "speaker", "event", "said_from", "tag", "cursor", "limit"} <= params


def test_docs_page_uses_local_assets_and_no_inline_script(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    # The only inline <script> is a JSON data block, which no policy executes.
    for chunk in html.split("<script")[1:]:
        opening = chunk.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_reads_are_open_to_other_origins_and_the_rest_of_the_site_is_not(client, db):
    response = client.get("/api/v1/statements/", HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/statements/",
        HTTP_ORIGIN="https://newsroom.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/statements/", HTTP_ORIGIN="https://newsroom.example")
    assert "Access-Control-Allow-Origin" not in page


def test_api_is_read_only(client, db):
    for url in LISTS:
        assert client.post(url, {}).status_code == 405, url


def forget_client(address: str) -> None:
    """Start the client's count afresh (only its own key: the cache may be shared)."""
    request = RequestFactory().get("/api/v1/events/", REMOTE_ADDR=address)
    cache.delete(ClientRateThrottle().get_cache_key(request))


def test_rate_limit_per_client(client, settings, db):
    settings.API_RATE_LIMIT = "3/min"
    forget_client("127.0.0.1")
    forget_client("192.0.2.7")
    for _ in range(3):
        assert client.get("/api/v1/events/").status_code == 200
    limited = client.get("/api/v1/events/")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    # Another client is counted on its own.
    other = client.get("/api/v1/events/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


@pytest.fixture
def busy(db):
    speakers = [make_speaker() for _ in range(4)]
    events = [make_event() for _ in range(3)]
    tags = [make_tag() for _ in range(3)]
    articles = [make_article() for _ in range(6)]
    speakers[0].add_alias("Another Spelling")
    for i in range(36):
        make_statement(
            f"Statement number {i} about the harbour.",
            speaker=speakers[i % 4],
            reported_by=speakers[(i + 1) % 4] if i % 5 == 0 else None,
            article=articles[i % 6],
            events=[events[i % 3]],
            tags=[tags[i % 3]],
        )
    return {"speaker": speakers[0].slug, "event": events[0].slug, "tag": tags[0].slug}


# Statements: the filterset's lookups (speaker, event + sub-events, tag), the page and
# three prefetches (on SQLite a search first counts its matches up to a threshold).
# Speakers and events: the page, the aliases' prefetch for speakers, and the two
# queries of the statement counts per speaker or event (kept with the cached pages,
# so one computation serves every page until the next change).
@pytest.mark.parametrize("limit", [1, 100])
@pytest.mark.parametrize(
    ("url", "budget", "matching"),
    [
        ("/api/v1/statements/", 4, 36),
        ("/api/v1/statements/?q=harbour&tag={tag}&kind=direct", 6, 12),
        ("/api/v1/statements/?speaker={speaker}&event={event}", 8, 3),
        ("/api/v1/speakers/", 4, 4),
        ("/api/v1/events/", 3, 3),
        ("/api/v1/articles/", 1, 6),
    ],
)
def test_list_query_budget(
    client, busy, django_assert_max_num_queries, url, budget, matching, limit
):
    with django_assert_max_num_queries(budget):
        joiner = "&" if "?" in url else "?"
        response = client.get(f"{url.format(**busy)}{joiner}limit={limit}")
    assert response.status_code == 200
    assert len(response.json()["items"]) == min(limit, matching)
