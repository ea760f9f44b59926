"""An editor logs in and verifies a statement from the review queue in a real browser."""

from __future__ import annotations

import re

import pytest

from statements.accounts import create_editor
from statements.models import ReviewStatus, Statement
from tests.factories import make_article, make_statement

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "harbour-lantern-92-quiet"


@pytest.fixture
def queue_item(db):
    create_editor("odile.brandt", password=PASSWORD)
    article = make_article(
        body="Port Veloria, 4 March.\n\n"
        'Ilse Marrow said: "The harbour stays <em>open</em>." Others disagreed.'
    )
    return make_statement("The harbour stays <em>open</em>.", article=article, confidence=0.35)


def test_editor_verifies_from_the_queue(page, live_server, queue_item, screenshot):
    page.goto(f"{live_server.url}/admin/statements/reviewqueuestatement/")
    assert "/admin/login/" in page.url  # anonymous: sent to log in first
    page.fill("#id_username", "odile.brandt")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.wait_for_url(re.compile(r"/admin/statements/reviewqueuestatement/"))
    row = page.locator("#result_list tbody tr").first
    # The quote is highlighted in its paragraph and shown as text, not markup.
    mark = row.locator("mark")
    assert mark.inner_text() == "The harbour stays <em>open</em>."
    assert row.locator("em").count() == 0
    assert "(low)" in row.inner_text()
    screenshot("admin-review-queue")

    row.get_by_role("button", name="Verify", exact=True).click()
    page.wait_for_selector(".messagelist .success")
    assert "Verified" in page.locator(".messagelist").inner_text()
    assert page.locator("#result_list").count() == 0  # the queue is empty now
    screenshot("admin-review-queue-done")

    queue_item.refresh_from_db()
    assert queue_item.review_status == ReviewStatus.VERIFIED
    assert Statement.history.filter(id=queue_item.pk).latest().history_user.username == (
        "odile.brandt"
    )


def test_editor_reassigns_the_speaker_with_autocomplete(page, live_server, queue_item):
    from tests.factories import make_speaker

    other = make_speaker("Jonas Kettleby")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/statements/reviewqueuestatement/")
    page.fill("#id_username", "odile.brandt")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/statements/reviewqueuestatement/"))

    row = page.locator("#result_list tbody tr").first
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Kettle")
    page.locator(".select2-results__option", has_text="Jonas Kettleby").click()
    row.get_by_role("button", name="Reassign").click()
    page.wait_for_selector(".messagelist .success")

    queue_item.refresh_from_db()
    assert queue_item.speaker == other
    assert queue_item.edited_by_editor
