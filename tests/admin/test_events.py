"""Events: keywords edited one per line, nesting without cycles, re-linking by keyword."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.models import Event, EventLink, StatementEvent
from tests.factories import make_article, make_event, make_statement

CHANGELIST = reverse("admin:statements_event_changelist")


def event_data(**changes) -> dict:
    data = {
        "name": "Harbour Strike",
        "slug": "harbour-strike",
        "description": "",
        "start_on": "2025-03-01",
        "end_on": "2025-03-31",
        "parent": "",
        "keywords": "harbour strike\n  dock walkout \n\nHarbour Strike",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_create_event_with_keywords_one_per_line(editor_client, editor, db):
    response = editor_client.post(reverse("admin:statements_event_add"), event_data())
    assert response.status_code == 302
    event = Event.objects.get(slug="harbour-strike")
    assert event.keywords == ["harbour strike", "dock walkout"]  # trimmed, case-folded duplicates
    assert event.history.latest().history_user == editor
    page = editor_client.get(reverse("admin:statements_event_change", args=[event.pk]))
    assert "harbour strike\ndock walkout</textarea>" in page.text


def test_event_dates_and_parent_are_checked(editor_client, db):
    parent = make_event("Port Crisis", slug="port-crisis")
    child = make_event("Harbour Strike", slug="harbour-strike", parent=parent)
    url = reverse("admin:statements_event_change", args=[parent.pk])
    response = editor_client.post(
        url, event_data(name="Port Crisis", slug="port-crisis", parent=child.pk)
    )
    assert response.status_code == 200
    assert "cannot be part of itself" in response.text
    response = editor_client.post(
        url, event_data(name="Port Crisis", slug="port-crisis", end_on="2025-02-01")
    )
    assert "cannot end before it starts" in response.text


def test_relink_action_links_by_keyword(editor_client, editor, db):
    event = make_event(
        "Harbour Strike", keywords=["harbour strike"], start_on=date(2025, 3, 1), end_on=None
    )
    article = make_article(
        body='The harbour strike entered its second week. "We hold the line," Ilse Marrow said.'
    )
    st = make_statement("We hold the line,", article=article)
    response = editor_client.post(
        CHANGELIST, {"action": "relink", "_selected_action": [event.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "1 statement links added" in response.text
    link = StatementEvent.objects.get(statement=st, event=event)
    assert link.linked_by == EventLink.KEYWORD


@pytest.mark.parametrize("model", ["event", "statementevent"])
def test_event_lists_load(editor_client, db, model):
    make_statement(events=[make_event()])
    assert editor_client.get(reverse(f"admin:statements_{model}_changelist")).status_code == 200
