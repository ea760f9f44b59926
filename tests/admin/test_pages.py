"""Every admin page loads for the people who use it."""

from __future__ import annotations

import pytest
from django.urls import reverse

MODELS = [
    "article",
    "speaker",
    "speakeralias",
    "speakerrole",
    "statement",
    "statementevent",
    "event",
    "tag",
]


def url(model: str, view: str, *args) -> str:
    return reverse(f"admin:statements_{model}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS)
def test_pages_load_for_administrators(admin_client_, sample, model):
    obj = sample[model]
    for page in [
        url(model, "changelist"),
        url(model, "add"),
        url(model, "change", obj.pk),
        url(model, "history", obj.pk),
        url(model, "changelist") + "?q=harbour",
    ]:
        response = admin_client_.get(page)
        assert response.status_code == 200, page


@pytest.mark.parametrize("model", MODELS)
def test_pages_load_for_editors(editor_client, sample, model):
    obj = sample[model]
    for page in [
        url(model, "changelist"),
        url(model, "change", obj.pk),
        url(model, "history", obj.pk),
    ]:
        assert editor_client.get(page).status_code == 200, page
    can_add = model not in {"statement"}
    assert editor_client.get(url(model, "add")).status_code == (200 if can_add else 403)


def test_history_revert_page_loads(admin_client_, sample):
    st = sample["statement"]
    record = st.history.earliest()
    response = admin_client_.get(
        reverse("admin:statements_statement_simple_history", args=[st.pk, record.history_id])
    )
    assert response.status_code == 200


def test_review_queue_pages(editor_client, sample):
    st = sample["statement"]
    assert editor_client.get(url("reviewqueuestatement", "changelist")).status_code == 200
    response = editor_client.get(url("reviewqueuestatement", "change", st.pk))
    assert response.url == url("statement", "change", st.pk)
    response = editor_client.get(url("reviewqueuestatement", "history", st.pk))
    assert response.url == url("statement", "history", st.pk)
    assert editor_client.get(url("reviewqueuestatement", "add")).status_code == 403


def test_index_lists_the_models(editor_client, sample):
    response = editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    for name in ["Review queue", "Speakers", "Events", "Tags", "Articles"]:
        assert name in response.text
    assert "Users" not in response.text


def test_import_page_linked_from_article_list(editor_client, sample):
    response = editor_client.get(url("article", "changelist"))
    assert reverse("admin:statements_article_import") in response.text
    assert editor_client.get(reverse("admin:statements_article_import")).status_code == 200


def test_split_page_loads(editor_client, sample):
    speaker = sample["speaker"]
    speaker.add_alias("I. Marrow-Teague")
    response = editor_client.get(reverse("admin:statements_speaker_split", args=[speaker.pk]))
    assert response.status_code == 200
    assert "I. Marrow-Teague" in response.text
