"""History explains every change, filters by editor and date, and reverting is changing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from statements.accounts import create_editor
from statements.merging import merge_speakers
from statements.models import Article, ReviewStatus, Statement
from tests.admin.conftest import PASSWORD, change_form_data
from tests.factories import make_article, make_speaker, make_statement


def history_url(model: str, pk: int) -> str:
    return reverse(f"admin:statements_{model}_history", args=[pk])


def revert_url(model: str, pk: int, version: int) -> str:
    return reverse(f"admin:statements_{model}_simple_history", args=[pk, version])


def reasons(response) -> list[str]:
    return [record.reason for record in response.context["page_obj"]]


def test_every_change_has_one_reason(editor_client, editor, db):
    first, second = make_speaker("Ilse Marrow"), make_speaker("Tomas Quillfeather")
    st = make_statement("The harbour stays open.", speaker=first, confidence=0.3)  # imported
    review = reverse("admin:statements_reviewqueuestatement_review", args=[st.pk])
    editor_client.post(review, {"decision": "verify"})
    editor_client.post(review, {"decision": "reassign", f"speaker-{st.pk}": second.pk})
    change = reverse("admin:statements_statement_change", args=[st.pk])
    editor_client.post(change, change_form_data(editor_client.get(change), editor_note="Check"))
    twin = make_speaker("Tomas Quilfeather")
    second_pk = second.pk
    merge_speakers(twin, [second])

    page = editor_client.get(history_url("statement", st.pk))
    assert page.status_code == 200
    assert reasons(page) == [
        f"Merged speaker Tomas Quillfeather (#{second_pk}) into Tomas Quilfeather (#{twin.pk})",
        "Corrected editor note",
        "Reassigned from Ilse Marrow to Tomas Quillfeather and verified",
        "Verified",
        "Imported",
    ]
    # One reason column; no "None" anywhere in the table.
    table = page.text[page.text.index('id="change-history"') :]
    assert table.count('<th scope="col">Reason</th>') == 1
    assert "Change reason" not in table and ">None<" not in table


def test_reasons_are_read_off_changes_saved_without_one(editor_client, db):
    st = make_statement("Fees will not rise.")
    st.text = "Fees will not rise at all."
    st.end = st.start + len(st.text)
    st.save()  # as a re-import would: no user, no reason
    page = editor_client.get(history_url("statement", st.pk))
    assert reasons(page)[0] == "Re-imported: corrected text, end"


def test_history_filters_by_editor_and_date(editor_client, editor, client, db):
    other = create_editor("piet.vanderlo", password=PASSWORD).user
    st = make_statement("The tide is turning.", confidence=0.2)
    review = reverse("admin:statements_reviewqueuestatement_review", args=[st.pk])
    editor_client.post(review, {"decision": "dispute"})
    client.force_login(other)
    client.post(review, {"decision": "verify"})
    client.force_login(editor)

    url = history_url("statement", st.pk)
    page = editor_client.get(url, {"user": other.pk})
    assert reasons(page) == ["Verified"]
    # The filtered row still shows its real change (against the version before it).
    changes = page.context["page_obj"][0].history_delta_changes
    assert [(c["old"], c["new"]) for c in changes if c["field"].lower() == "review status"] == [
        ("disputed", "verified")
    ]
    page = editor_client.get(url, {"user": editor.pk})
    assert reasons(page) == ["Disputed"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert reasons(editor_client.get(url, {"since": tomorrow})) == []
    today = timezone.localdate().isoformat()
    assert len(reasons(editor_client.get(url, {"since": today, "until": today}))) == 3
    assert "piet.vanderlo" in editor_client.get(url).text  # the editor choices


def test_history_page_queries_stay_bounded(editor_client, db, django_assert_max_num_queries):
    speakers = [make_speaker(f"Speaker {n}") for n in range(12)]
    st = make_statement("The harbour stays open.", speaker=speakers[0])
    for speaker in speakers[1:]:
        st.speaker = speaker
        st.review_status = ReviewStatus.DISPUTED if speaker.pk % 2 else ReviewStatus.VERIFIED
        st.save()
    with django_assert_max_num_queries(20):
        page = editor_client.get(history_url("statement", st.pk), {"user": ""})
    assert len(reasons(page)) == 12


# --- reverting is changing --------------------------------------------------------------------


@pytest.fixture
def corrected_article(db):
    article = make_article(title="Harbour reopens")
    article.title = "Harbour reopens (corrected)"
    article.save()
    return article


def test_view_only_user_cannot_revert(client, corrected_article, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    version = corrected_article.history.earliest()
    url = revert_url("article", corrected_article.pk, version.history_id)
    page = client.get(url)
    assert page.status_code == 200  # may look
    assert page.context["revert_disabled"]
    response = client.post(url, {"title": "Harbour reopens", "outlet": "", "language": "en"})
    assert response.status_code == 403
    corrected_article.refresh_from_db()
    assert corrected_article.title == "Harbour reopens (corrected)"


def test_editor_reverts_what_the_change_form_allows_and_nothing_more(
    editor_client, editor, corrected_article
):
    body = corrected_article.body
    version = corrected_article.history.earliest()
    url = revert_url("article", corrected_article.pk, version.history_id)
    page = editor_client.get(url)
    assert not page.context["revert_disabled"]
    # The revert form has the change form's read-only fields: the body stays.
    data = change_form_data(page, body="Injected.", source_file="elsewhere.txt")
    response = editor_client.post(url, data)
    assert response.status_code == 302
    corrected_article.refresh_from_db()
    assert corrected_article.title == "Harbour reopens"
    assert corrected_article.body == body
    assert corrected_article.source_file != "elsewhere.txt"
    latest = corrected_article.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        editor,
        "Reverted to an earlier version",
    )


def test_editor_cannot_bring_back_a_deleted_article_by_revert(editor_client, db):
    article = make_article(title="Deleted by an administrator")
    pk, version = article.pk, article.history.earliest().history_id
    article.delete()
    response = editor_client.post(revert_url("article", pk, version), {"title": "Back"})
    assert response.status_code == 403
    assert not Article.objects.filter(pk=pk).exists()


def test_statement_revert_keeps_the_article_read_only(editor_client, db):
    st = make_statement("Ships are moving again.")
    other = make_article(title="Unrelated article")
    version = st.history.earliest().history_id
    url = revert_url("statement", st.pk, version)
    page = editor_client.get(url)
    editor_client.post(url, change_form_data(page, article=other.pk))
    assert Statement.objects.get(pk=st.pk).article_id == st.article_id


def test_tag_changes_show_in_history(editor_client, db):
    from tests.factories import make_tag

    st = make_statement("The tide is turning.")
    tag = make_tag("port sale")
    queue = reverse("admin:statements_reviewqueuestatement_changelist")
    editor_client.post(
        queue,
        {"action": "add_tag_action", "_selected_action": [st.pk], "tag": tag.pk, "_apply": "1"},
    )
    record = editor_client.get(history_url("statement", st.pk)).context["page_obj"][0]
    assert record.reason == "Tagged port sale"
    assert {"field": "tags", "old": "", "new": "port sale"} in record.history_delta_changes


def test_long_reasons_fit_the_history_table(editor_client, db):
    first = make_speaker("Ilse Annemarie Marrow-Teague-Quillfeather of Port Veloria")
    second = make_speaker("Tomas Bartholomew Quillfeather-Halloran of Ostmark Bay")
    st = make_statement("The harbour stays open. " * 5, speaker=first, confidence=0.3)
    review = reverse("admin:statements_reviewqueuestatement_review", args=[st.pk])
    editor_client.post(review, {"decision": "reassign", f"speaker-{st.pk}": second.pk})
    reason = st.history.latest().history_change_reason
    assert reason.startswith("Reassigned from Ilse Annemarie") and reason.endswith("…")
    assert len(reason) == 100
    assert Statement.objects.get(pk=st.pk).speaker == second


def test_statements_the_importer_created_read_imported(editor_client, db):
    import tempfile
    from pathlib import Path

    from statements.importing import import_paths

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "harbour.txt"
        path.write_text(
            "Harbour talks resume\n\n4 March 2025\n\n"
            'Ilse Marrow, the harbour minister, said: "The harbour stays open for every ship."\n',
            encoding="utf-8",
        )
        import_paths([path])
    st = Statement.objects.get()
    assert reasons(editor_client.get(history_url("statement", st.pk))) == ["Imported"]
