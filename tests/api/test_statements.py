"""The statements API: the page's filters, cursor pages, permalinks, the pages' privacy."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.utterances import assign_utterances
from tests.factories import make_article, make_speaker, make_statement

LIST = "/api/v1/statements/"


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def test_list_shows_published_statements_newest_first(client, archive):
    response = client.get(LIST)
    assert response.status_code == 200
    a = archive
    assert ids(response) == [a.first.pk, a.verified.pk, a.second.pk, a.third.pk]
    assert response.json()["next"] is None


def test_item_is_the_export_record_with_an_absolute_permalink(client, archive):
    item = client.get(LIST, {"speaker": archive.tomas.slug, "status": "verified"}).json()["items"]
    assert len(item) == 1
    record = item[0]
    assert record["id"] == archive.verified.pk
    assert record["text"] == "Our ports stay open."
    assert record["speaker"]["slug"] == archive.tomas.slug
    assert record["review_status"] == "verified"
    assert record["permalink"] == "http://testserver" + archive.verified.get_absolute_url()
    assert "editor_note" not in record


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "I. Marrow"}, ["first", "third"]),
        ({"event": "harbour-strike"}, ["first", "second"]),
        ({"said_from": "2025-01-01"}, ["first", "verified"]),
        ({"kind": "indirect"}, ["third"]),
        ({"tag": "harbour"}, ["first"]),
        ({"outlet": "northbay gazette"}, ["second"]),
        ({"q": "dockworkers"}, ["second"]),
        ({"q": "harbour fees"}, []),  # only the rejected statement says it
        ({"sort": "said"}, ["third", "second", "verified", "first"]),
    ],
)
def test_filters_are_the_list_pages_filters(client, archive, params, expected):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert ids(response) == [getattr(archive, name).pk for name in expected]
    # The HTML list agrees, statement for statement.
    page = client.get(reverse("statements:statement-list"), params)
    assert sorted(ids(response)) == sorted(st.pk for st in page.context["statements"])


def test_rejected_statement_is_404_and_never_listed(client, archive):
    assert client.get(f"{LIST}{archive.rejected.pk}/").status_code == 404
    body = client.get(LIST, {"status": "rejected"}).json()
    assert body["items"] == []


def test_detail_by_stable_id(client, archive):
    response = client.get(f"{LIST}{archive.first.pk}/")
    assert response.status_code == 200
    assert response.json()["text"] == "The strikes must end now,"
    assert [e["slug"] for e in response.json()["events"]] == ["strike-day-one"]


def test_bad_filter_value_is_a_clear_400(client, archive):
    response = client.get(LIST, {"speaker": "Nobody Atall", "said_from": "yesterday"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"speaker", "said_from"}


def test_bad_cursor_and_limit_are_client_errors(client, archive):
    assert client.get(LIST, {"cursor": "not-a-cursor"}).status_code == 400
    assert client.get(LIST, {"limit": 0}).status_code == 422
    assert client.get(LIST, {"limit": 101}).status_code == 422
    assert client.get(LIST, {"sort": "relevance"}).status_code == 422


@pytest.mark.parametrize("sort", ["-said", "said"])
def test_cursor_pages_cover_everything_once_even_with_undated_rows(client, archive, sort):
    # Ties on the date and statements with no date at all (undated article too).
    for n in range(5):
        make_statement(f"Tied words {n}.", said_on=archive.first.said_on)
    undated = [make_statement(f"Undated words {n}.", said_on=None) for n in range(3)]
    for st in undated:
        st.article.published_on = None
        st.article.save()
    expected = ids(client.get(LIST, {"sort": sort, "limit": 100}))
    seen, url, params = [], LIST, {"sort": sort, "limit": 2}
    while url:
        body = client.get(url, params).json()
        seen += [item["id"] for item in body["items"]]
        url, params = body["next"], None
    assert seen == expected
    assert len(seen) == 4 + 5 + 3
    assert seen[-3:] == sorted((st.pk for st in undated), reverse=sort == "-said")


def test_pages_do_not_shift_when_new_statements_arrive(client, archive):
    first_page = client.get(LIST, {"limit": 2}).json()
    make_statement("Brand new words.", said_on=archive.first.said_on)  # would sort first
    second = client.get(LIST, {"limit": 2, "cursor": first_page["next_cursor"]}).json()
    assert [i["id"] for i in second["items"]] == [archive.second.pk, archive.third.pk]


def test_each_utterance_once(client, db):
    ilse = make_speaker("Ilse Marrow")
    words = "The harbour will reopen on Monday and every crane will be working again."
    reports = [
        make_statement(words, speaker=ilse, article=make_article(outlet=outlet))
        for outlet in ("Northbay Gazette", "Veloria Daily Courier", "Harbour Post")
    ]
    assign_utterances([r.pk for r in reports])
    lone = make_statement("Something else entirely was said here.", speaker=ilse)
    every = client.get(LIST).json()["items"]
    assert len({i["utterance_id"] for i in every if i["id"] != lone.pk}) == 1
    grouped = ids(client.get(LIST, {"group": "utterance"}))
    assert sorted(grouped) == sorted([lone.pk, min(r.pk for r in reports)])
