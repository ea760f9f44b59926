"""Correcting and annotating a statement on its own page; history with who and what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.models import ReviewStatus, StatementEvent
from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

BODY = (
    "Port Veloria, 3 March.\n\n"
    '"We will keep the harbour open all winter," said Ilse Marrow. '
    'Jonas Kettleby replied: "Only with new money."'
)


@pytest.fixture
def statement(db):
    article = make_article(body=BODY)
    return make_statement("We will keep the harbour open all winter,", article=article)


def change_url(st) -> str:
    return reverse("admin:statements_statement_change", args=[st.pk])


def form_data(st, **changes) -> dict:
    """What the change form posts back, unchanged except for ``changes``."""
    data = {
        "text": st.text,
        "start": st.start,
        "end": st.end,
        "spans": f"{st.spans}".replace("'", '"'),
        "kind": st.kind,
        "speaker": st.speaker_id,
        "reported_by": st.reported_by_id or "",
        "said_on": st.said_on.isoformat() if st.said_on else "",
        "review_status": st.review_status,
        "tags": [t.pk for t in st.tags.all()],
        "editor_note": st.editor_note,
        "statementevent_set-TOTAL_FORMS": "0",
        "statementevent_set-INITIAL_FORMS": "0",
        "statementevent_set-MIN_NUM_FORMS": "0",
        "statementevent_set-MAX_NUM_FORMS": "1000",
    }
    # JSON fields with a callable default post their initial value too (show_hidden_initial).
    data["initial-spans"] = data["spans"]
    data.update(changes)
    return data


def test_change_page_shows_context_highlighted(editor_client, statement):
    html = editor_client.get(change_url(statement)).text
    assert "<mark>We will keep the harbour open all winter,</mark>" in html


def test_correct_speaker_marks_edited(editor_client, editor, statement):
    other = make_speaker("Jonas Kettleby")
    response = editor_client.post(change_url(statement), form_data(statement, speaker=other.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.speaker == other
    assert statement.edited_by_editor
    record = statement.history.latest()
    assert record.history_user == editor
    assert record.prev_record.speaker_id != other.pk


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "indirect"},
        {"said_on": "2025-03-02"},
        {"reported_by": "new"},
    ],
)
def test_other_corrections_mark_edited(editor_client, statement, change):
    if change.get("reported_by") == "new":
        change = {"reported_by": make_speaker("Petra Lowe").pk}
    editor_client.post(change_url(statement), form_data(statement, **change))
    statement.refresh_from_db()
    assert statement.edited_by_editor


def test_correct_text_moves_the_span(editor_client, statement):
    text = "We will keep the harbour open all winter"  # without the stray comma
    response = editor_client.post(change_url(statement), form_data(statement, text=text))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.article.body[statement.start : statement.end] == text
    assert statement.spans == [[statement.start, statement.end]]
    assert statement.edited_by_editor


def test_correct_span_offsets(editor_client, statement):
    body = statement.article.body
    start = body.index("Only with")
    end = start + len("Only with new money.")
    data = form_data(statement, text="Only with new money.", start=start, end=end)
    assert editor_client.post(change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    assert (statement.start, statement.end, statement.spans) == (start, end, [[start, end]])


def test_span_outside_the_article_is_refused(editor_client, statement):
    response = editor_client.post(change_url(statement), form_data(statement, end=99999))
    assert response.status_code == 200
    assert "only" in str(response.context["adminform"].form.errors["end"])
    statement.refresh_from_db()
    assert not statement.edited_by_editor


def test_annotate_tag_and_note_with_history(editor_client, editor, statement):
    tag = make_tag("harbour funding", description="Who pays for the port.")
    data = form_data(statement, tags=[tag.pk], editor_note="Check the date with the outlet.")
    data["review_status"] = ReviewStatus.VERIFIED
    assert editor_client.post(change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    assert list(statement.tags.all()) == [tag]
    assert statement.editor_note == "Check the date with the outlet."
    assert statement.review_status == ReviewStatus.VERIFIED
    assert not statement.edited_by_editor  # annotations are not corrections
    assert statement.history.latest().history_user == editor

    history = editor_client.get(reverse("admin:statements_statement_history", args=[statement.pk]))
    assert history.status_code == 200
    assert editor.username in history.text
    assert "Check the date with the outlet." in history.text


def test_link_event_inline_is_an_editor_link(editor_client, statement):
    event = make_event("Winter Harbour Talks")
    data = form_data(statement)
    data.update(
        {
            "statementevent_set-TOTAL_FORMS": "1",
            "statementevent_set-0-event": event.pk,
            "statementevent_set-0-statement": statement.pk,
        }
    )
    assert editor_client.post(change_url(statement), data).status_code == 302
    link = StatementEvent.objects.get(statement=statement)
    assert (link.event, link.linked_by) == (event, "editor")


def test_revert_from_history(admin_client_, administrator, statement):
    original = statement.text
    statement.text = "Something else entirely"
    statement.save()
    first = statement.history.earliest()
    url = reverse(
        "admin:statements_statement_simple_history", args=[statement.pk, first.history_id]
    )
    data = form_data(statement, text=original, start=first.start, end=first.end)
    data["spans"] = str(first.spans).replace("'", '"')
    assert admin_client_.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert statement.text == original
    assert statement.history.latest().history_user == administrator


def test_editors_cannot_delete_statements(editor_client, statement):
    url = reverse("admin:statements_statement_delete", args=[statement.pk])
    assert editor_client.get(url).status_code == 403


def test_search_and_filters(editor_client, statement):
    make_statement("Another line entirely.", confidence=0.2)
    url = reverse("admin:statements_statement_changelist")
    cl = editor_client.get(url, {"q": "harbour open"}).context["cl"]
    assert list(cl.result_list) == [statement]
    cl = editor_client.get(url, {"confidence": "low"}).context["cl"]
    assert [s.text for s in cl.result_list] == ["Another line entirely."]
