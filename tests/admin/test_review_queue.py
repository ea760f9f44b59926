"""The review queue: unreviewed statements, least certain first, decided in one click."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from statements.models import EventLink, ReviewStatus, Statement, StatementEvent
from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

QUEUE = reverse("admin:statements_reviewqueuestatement_changelist")


def review_url(st: Statement) -> str:
    return reverse("admin:statements_reviewqueuestatement_review", args=[st.pk])


@pytest.fixture
def queue(db):
    article = make_article(
        body="The council met in Port Veloria.\n\n"
        'Ilse Marrow said: "The harbour stays open." Others disagreed.\n\n'
        "Closing remarks followed."
    )
    sure = make_statement("The harbour stays open.", article=article, confidence=0.95)
    unsure = make_statement("We will <b>never</b> sell the port.", confidence=0.3)
    done = make_statement("Done deal.", confidence=0.1, review_status=ReviewStatus.VERIFIED)
    return {"sure": sure, "unsure": unsure, "done": done}


def test_queue_lists_unreviewed_least_certain_first(editor_client, queue):
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert rows == [queue["unsure"], queue["sure"]]  # verified one is not in the queue
    html = response.text
    assert html.index("never") < html.index("The harbour stays open.")
    assert "(low)" in html
    assert "cue &#x27;said&#x27; with subject" in html  # the evidence, escaped


def test_queue_shows_context_highlighted_and_escaped(editor_client, queue):
    html = editor_client.get(QUEUE).text
    # The paragraph holding the quote, with the quote marked; not the other paragraphs.
    assert "Ilse Marrow said: &quot;<mark>The harbour stays open.</mark>&quot; Others" in html
    assert "Closing remarks" not in html
    # Imported text is escaped, never rendered as markup.
    assert "&lt;b&gt;never&lt;/b&gt;" in html
    assert "<b>never</b>" not in html


@pytest.mark.parametrize(
    ("decision", "status"),
    [("verify", "verified"), ("dispute", "disputed"), ("reject", "rejected")],
)
def test_one_click_decisions(editor_client, editor, queue, decision, status):
    st = queue["unsure"]
    response = editor_client.post(review_url(st), {"decision": decision})
    assert response.status_code == 302
    st.refresh_from_db()
    assert st.review_status == status
    assert not st.edited_by_editor  # a decision is not a correction
    assert st.history.latest().history_user == editor
    assert LogEntry.objects.filter(object_id=str(st.pk), user=editor).exists()
    assert st not in editor_client.get(QUEUE).context["cl"].result_list


def test_decisions_need_post_and_csrf(client, editor, queue):
    st = queue["unsure"]
    client.force_login(editor)
    assert client.get(review_url(st)).status_code == 405
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(review_url(st), {"decision": "verify"}).status_code == 403
    st.refresh_from_db()
    assert st.review_status == ReviewStatus.UNREVIEWED


def test_buttons_post_with_the_changelist_forms_csrf_token(editor_client, queue):
    html = editor_client.get(QUEUE).text
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'formaction="{review_url(queue["unsure"])}" formmethod="post"' in html
    assert 'value="verify"' in html and 'value="reassign"' in html


def test_reassign_speaker_also_verifies(editor_client, editor, queue):
    st = queue["unsure"]
    first = st.speaker.name
    other = make_speaker("Jonas Kettleby")
    response = editor_client.post(
        review_url(st), {"decision": "reassign", f"speaker-{st.pk}": other.pk}
    )
    assert response.status_code == 302
    st.refresh_from_db()
    assert st.speaker == other
    assert st.edited_by_editor  # a correction: re-imports keep it
    assert st.review_status == ReviewStatus.VERIFIED  # one action, not two
    latest = st.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == f"Reassigned from {first} to Jonas Kettleby and verified"
    assert st not in editor_client.get(QUEUE).context["cl"].result_list


@pytest.mark.parametrize("bad", ["abc", "1; drop table", "-3", " ", "99999999"])
def test_reassign_with_a_bad_speaker_id_is_refused_not_a_crash(editor_client, queue, bad):
    st = queue["unsure"]
    before = st.speaker_id
    response = editor_client.post(review_url(st), {"decision": "reassign", f"speaker-{st.pk}": bad})
    assert response.status_code == 302
    page = editor_client.get(response.url)
    assert "Choose the speaker to reassign to." in page.text
    st.refresh_from_db()
    assert st.speaker_id == before and st.review_status == ReviewStatus.UNREVIEWED


def test_undo_takes_back_a_reassign_and_verify(editor_client, queue):
    st = queue["unsure"]
    first = st.speaker
    other = make_speaker("Jonas Kettleby")
    editor_client.post(review_url(st), {"decision": "reassign", f"speaker-{st.pk}": other.pk})
    page = editor_client.get(QUEUE)
    assert 'id="queue-undo"' in page.text and "Jonas Kettleby" in page.text
    response = editor_client.post(reverse("admin:statements_reviewqueuestatement_undo"))
    assert response.status_code == 302
    st.refresh_from_db()
    assert (st.speaker, st.review_status, st.edited_by_editor) == (
        first,
        ReviewStatus.UNREVIEWED,
        False,
    )
    assert st.history.latest().history_change_reason.startswith("Undid: Reassigned from")
    assert st in editor_client.get(QUEUE).context["cl"].result_list
    # Only once: the undo is spent.
    editor_client.post(reverse("admin:statements_reviewqueuestatement_undo"))
    assert "Nothing to undo." in editor_client.get(QUEUE).text


def test_queue_shows_its_keyboard_shortcuts(editor_client, queue):
    html = editor_client.get(QUEUE).text
    assert 'id="queue-shortcuts"' in html
    for key, label in [("J", "next"), ("K", "previous"), ("V", "verify"), ("D", "dispute")]:
        assert f"<kbd>{key}</kbd> {label}" in html
    assert "desk/review_queue.js" in html


def test_queue_queries_stay_bounded(editor_client, queue, django_assert_max_num_queries):
    for n in range(25):
        make_statement(f"Quote number {n} about the harbour.", confidence=0.5)
    with django_assert_max_num_queries(15):
        response = editor_client.get(QUEUE)
    assert len(response.context["cl"].result_list) == 20


def test_reassign_without_speaker_changes_nothing(editor_client, queue):
    st = queue["unsure"]
    before = st.speaker_id
    editor_client.post(review_url(st), {"decision": "reassign"})
    st.refresh_from_db()
    assert st.speaker_id == before and not st.edited_by_editor


def test_speaker_autocomplete_works_for_the_queue(editor_client, queue):
    make_speaker("Jonas Kettleby")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "kettle",
            "app_label": "statements",
            "model_name": "statement",
            "field_name": "speaker",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Jonas Kettleby"]


def test_redirect_back_stays_on_this_site(editor_client, queue):
    st = queue["unsure"]
    response = editor_client.post(
        review_url(st), {"decision": "verify", "next": "https://elsewhere.example/"}
    )
    assert response.url == QUEUE


def test_view_only_user_cannot_decide(client, queue, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_reviewqueuestatement"))
    client.force_login(viewer)
    assert client.get(QUEUE).status_code == 200
    assert client.post(review_url(queue["unsure"]), {"decision": "verify"}).status_code == 403


# --- bulk actions with intermediate pages -------------------------------------------------


def run_action(client, url, action, objs, **data):
    payload = {"action": action, "_selected_action": [o.pk for o in objs], **data}
    return client.post(url, payload)


@pytest.mark.parametrize("url", [QUEUE, reverse("admin:statements_statement_changelist")])
def test_bulk_set_status(editor_client, editor, queue, url):
    objs = [queue["sure"], queue["unsure"]]
    page = run_action(editor_client, url, "set_status_action", objs)
    assert page.status_code == 200  # the intermediate form
    assert "Set review status" in page.text
    done = run_action(editor_client, url, "set_status_action", objs, status="disputed", _apply="1")
    assert done.status_code == 302
    for st in objs:
        st.refresh_from_db()
        assert st.review_status == ReviewStatus.DISPUTED
        assert st.history.latest().history_user == editor


def test_bulk_add_tag(editor_client, editor, queue):
    tag = make_tag("port sale")
    objs = [queue["sure"], queue["unsure"]]
    assert run_action(editor_client, QUEUE, "add_tag_action", objs).status_code == 200
    run_action(editor_client, QUEUE, "add_tag_action", objs, tag=tag.pk, _apply="1")
    for st in objs:
        assert list(st.tags.all()) == [tag]
        assert st.history.latest().history_user == editor


def test_bulk_link_event_makes_editor_links(editor_client, queue):
    event = make_event("Port Sale Debate")
    st = queue["sure"]
    StatementEvent.objects.create(statement=st, event=event, linked_by=EventLink.KEYWORD)
    objs = [st, queue["unsure"]]
    assert run_action(editor_client, QUEUE, "link_event_action", objs).status_code == 200
    run_action(editor_client, QUEUE, "link_event_action", objs, event=event.pk, _apply="1")
    links = StatementEvent.objects.filter(event=event)
    assert {link.statement_id for link in links} == {o.pk for o in objs}
    assert {link.linked_by for link in links} == {EventLink.EDITOR}


def test_bulk_form_errors_show_the_form_again(editor_client, queue):
    objs = [queue["sure"]]
    page = run_action(editor_client, QUEUE, "add_tag_action", objs, tag="", _apply="1")
    assert page.status_code == 200
    assert "This field is required" in page.text


def test_queue_counts_up_to_a_cap(editor_client, queue, monkeypatch):
    from statements.admin.base import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 1)
    cl = editor_client.get(QUEUE).context["cl"]
    assert cl.result_count == 1  # two wait; counting stops at the cap
    assert len(cl.result_list) == 2  # the page itself still shows what waits
