"""List pages run a bounded number of queries, whatever the page size."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

# count, page ids, page rows, 3 prefetches, 3 facets and 2 for the facets' names,
# 4 for the form's choices and suggestions, 1 chart
MAX_QUERIES = 16
# plus the speaker or event itself, its details (aliases, roles, stats, chart, events)
DETAIL_MAX_QUERIES = 16


@pytest.fixture
def many(db):
    speakers = [make_speaker() for _ in range(6)]
    events = [make_event() for _ in range(3)]
    tags = [make_tag() for _ in range(3)]
    speakers[0].add_alias("Another Spelling")
    article = make_article(body="x")
    for i in range(40):
        make_statement(
            f"Statement number {i} about the harbour.",
            speaker=speakers[i % 6],
            reported_by=speakers[(i + 1) % 6] if i % 5 == 0 else None,
            article=article if i % 2 else None,
            events=[events[i % 3]],
            tags=[tags[i % 3]],
            review_status="verified" if i % 4 == 0 else "unreviewed",
        )
    return speakers[0], events[0]


@pytest.mark.parametrize("per_page", [5, 35])
@pytest.mark.parametrize(
    "url",
    [
        "statements:statement-list",
        "statements:home",
        "statements:speaker-list",
        "statements:event-list",
    ],
)
def test_fixed_pages_bounded(client, many, settings, django_assert_max_num_queries, per_page, url):
    settings.STATEMENTS_PER_PAGE = per_page
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(reverse(url)).status_code == 200


@pytest.mark.parametrize("per_page", [5, 35])
def test_filtered_list_bounded(client, many, settings, django_assert_max_num_queries, per_page):
    settings.STATEMENTS_PER_PAGE = per_page
    speaker, event = many
    # plus the event lookup and its sub-event tree (one query per level), the page's
    # search highlights, and the speaker the search words may name (by name, by surname)
    with django_assert_max_num_queries(MAX_QUERIES + 6):
        response = client.get(
            reverse("statements:statement-list"),
            {"q": "harbour", "event": event.slug, "said_from": "2020-01-01", "sort": "speaker"},
        )
    assert len(response.context["statements"]) > 0


@pytest.mark.parametrize("per_page", [5, 35])
def test_speaker_and_event_pages_bounded(
    client, many, settings, django_assert_max_num_queries, per_page
):
    settings.STATEMENTS_PER_PAGE = per_page
    speaker, event = many
    for obj in (speaker, event):
        with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
            assert client.get(obj.get_absolute_url()).status_code == 200


def test_article_page_bounded(client, many, django_assert_max_num_queries):
    from statements.models import Article

    article = Article.objects.order_by("-id").first()
    with django_assert_max_num_queries(6):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_feeds_bounded(client, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(reverse("statements:feed-statements")).status_code == 200
