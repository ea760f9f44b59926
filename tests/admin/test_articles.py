"""Editors correct an article's metadata; deleting stays with Administrators."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.models import Article, Statement
from tests.admin.conftest import change_form_data
from tests.factories import make_article, make_statement


def change_url(article: Article) -> str:
    return reverse("admin:statements_article_change", args=[article.pk])


@pytest.fixture
def dated(db):
    """One article, a quote dated by it and a quote whose text gives its own day."""
    article = make_article(
        body='The port reopened. "Ships are moving again," the minister said on Monday. '
        '"We planned this for a year," she added.',
        published_on=date(2025, 3, 10),
        title="Port reponed",
        outlet="Veloria Daily Courrier",
    )
    undated = make_statement("We planned this for a year,", article=article, said_on=None)
    said_monday = make_statement(
        "Ships are moving again,", article=article, said_on=date(2025, 3, 9)
    )
    return {"article": article, "undated": undated, "said": said_monday}


def test_editor_corrects_title_outlet_date_and_url(editor_client, editor, dated):
    article = dated["article"]
    page = editor_client.get(change_url(article))
    assert page.status_code == 200
    data = change_form_data(
        page,
        title="Port reopened",
        outlet="Veloria Daily Courier",
        published_on="2025-04-02",
        url="https://courier.example/port-reopened",
    )
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.title, article.outlet, article.published_on, article.url) == (
        "Port reopened",
        "Veloria Daily Courier",
        date(2025, 4, 2),
        "https://courier.example/port-reopened",
    )
    # A quote dated by its article moves with the corrected date; one with its own day stays.
    undated = Statement.objects.get(pk=dated["undated"].pk)
    said = Statement.objects.get(pk=dated["said"].pk)
    assert undated.dated_on == date(2025, 4, 2)
    assert said.dated_on == date(2025, 3, 9)
    latest = article.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Corrected title, outlet, url, published on"


def test_editor_cannot_touch_the_body_the_spans_point_into(editor_client, dated):
    article = dated["article"]
    body = article.body
    page = editor_client.get(change_url(article))
    editor_client.post(change_url(article), change_form_data(page, body="Rewritten."))
    article.refresh_from_db()
    assert article.body == body


def test_editor_cannot_delete_an_article_even_after_correcting_it(editor_client, dated):
    article = dated["article"]
    url = reverse("admin:statements_article_delete", args=[article.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    page = editor_client.get(change_url(article))
    assert 'class="deletelink"' not in page.text
    assert Article.objects.filter(pk=article.pk).exists()


def test_article_page_queries_stay_bounded(editor_client, django_assert_max_num_queries, db):
    article = make_article(body="Opening line.")
    for n in range(15):
        make_statement(f"Quote number {n} on the harbour.", article=article)
    with django_assert_max_num_queries(12):  # not one per statement
        page = editor_client.get(change_url(article))
    assert page.status_code == 200
    assert page.text.count("Quote number") >= 15
