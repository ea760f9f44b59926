"""The editors' desk in a real browser: the keyboard queue, reassigning, correcting, merging."""

from __future__ import annotations

import re
from datetime import date

import pytest

from statements.accounts import create_editor
from statements.models import Article, ReviewStatus, Speaker, Statement
from tests.factories import make_article, make_speaker, make_statement

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "harbour-lantern-92-quiet"


@pytest.fixture
def editor(db):
    return create_editor("odile.brandt", password=PASSWORD).user


def log_in(page, live_server, path: str) -> None:
    page.goto(f"{live_server.url}/admin/login/?next={path}")
    page.fill("#id_username", "odile.brandt")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(path) + r"$"))


def test_verify_three_statements_with_the_keyboard(page, live_server, editor, screenshot):
    quotes = [
        make_statement(f"The harbour plan number {n} will hold.", confidence=0.2 + n / 10)
        for n in range(4)
    ]
    page.set_viewport_size({"width": 1400, "height": 900})
    log_in(page, live_server, "/admin/statements/reviewqueuestatement/")
    assert "verify" in page.locator("#queue-shortcuts").inner_text()
    current = page.locator("#result_list tr.queue-current")
    assert "number 0" in current.inner_text()  # the first item is ready without a click
    screenshot("admin-review-queue-keyboard")

    page.keyboard.press("j")  # skip one: the second is now current
    assert "number 1" in current.inner_text()
    page.keyboard.press("k")
    assert "number 0" in current.inner_text()
    for expected_next in ["number 1", "number 2", "number 3"]:
        page.keyboard.press("v")
        page.wait_for_selector(".messagelist .success")
        # After a decision, the next statement comes up where the last one was.
        assert expected_next in page.locator("#result_list tr.queue-current").inner_text()
    statuses = [Statement.objects.get(pk=q.pk).review_status for q in quotes]
    assert statuses == [ReviewStatus.VERIFIED] * 3 + [ReviewStatus.UNREVIEWED]

    page.keyboard.press("u")  # undo the last decision: number 2 is back
    page.wait_for_selector(".messagelist .success")
    assert Statement.objects.get(pk=quotes[2].pk).review_status == ReviewStatus.UNREVIEWED


def test_reassign_and_verify_in_one_action(page, live_server, editor):
    st = make_statement("Fees at the port will not rise.", confidence=0.3)
    first = st.speaker
    make_speaker("Jonas Kettleby")
    log_in(page, live_server, "/admin/statements/reviewqueuestatement/")

    page.keyboard.press("s")  # focus the speaker choice of the current item
    page.locator(".select2-search__field").fill("Kettle")
    page.locator(".select2-results__option", has_text="Jonas Kettleby").click()
    page.keyboard.press("Enter")  # the reassign-and-verify button has the focus
    page.wait_for_selector(".messagelist .success")
    assert "Reassigned from" in page.locator(".messagelist").inner_text()

    st.refresh_from_db()
    assert st.speaker.name == "Jonas Kettleby"
    assert st.review_status == ReviewStatus.VERIFIED
    assert page.locator("#result_list").count() == 0  # nothing left to review

    page.get_by_role("button", name="Undo").click()
    page.wait_for_selector(".messagelist .success")
    st.refresh_from_db()
    assert (st.speaker, st.review_status) == (first, ReviewStatus.UNREVIEWED)


def test_editor_corrects_an_article_date(page, live_server, editor):
    article = make_article(
        body='The port reopened. "We planned this for a year," she said.',
        published_on=date(2025, 3, 10),
    )
    st = make_statement("We planned this for a year,", article=article, said_on=None)
    assert st.dated_on == date(2025, 3, 10)
    log_in(page, live_server, f"/admin/statements/article/{article.pk}/change/")
    page.fill("#id_published_on", "2025-04-02")
    page.fill("#id_title", "Port reopens after a year of planning")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get(pk=article.pk)
    assert article.published_on == date(2025, 4, 2)
    assert Statement.objects.get(pk=st.pk).dated_on == date(2025, 4, 2)
    page.goto(f"{live_server.url}/admin/statements/article/{article.pk}/history/")
    assert "Corrected title, published on" in page.locator(".history-reason").first.inner_text()


def test_merge_from_the_desk_with_a_new_canonical_name(page, live_server, editor, screenshot):
    misspelt = make_speaker("Ilse Marow", country="Veloria")
    other = make_speaker("Ilze Marow", country="Veloria")
    make_statement("The harbour stays open.", speaker=misspelt)
    make_statement("Fees will not rise.", speaker=other, confidence=0.3)
    old_slugs = [misspelt.slug, other.slug]
    page.set_viewport_size({"width": 1400, "height": 900})
    log_in(page, live_server, "/admin/")
    assert "1 of them at low confidence" in page.locator("#desk-review").inner_text()
    proposal = page.locator("#desk-duplicates li", has_text="Ilze Marow")
    assert "Ilse Marow" in proposal.inner_text()
    screenshot("admin-desk")

    proposal.get_by_role("button", name="Merge…").click()  # one click to the merge form
    page.wait_for_selector("#merge-form")
    page.fill("#id_new_name", "Ilse Marrow")
    page.get_by_role("button", name="Merge", exact=True).click()
    page.wait_for_selector(".messagelist .success")

    (survivor,) = Speaker.objects.filter(pk__in=[misspelt.pk, other.pk])
    assert survivor.name == "Ilse Marrow"
    assert {"Ilse Marow", "Ilze Marow"} <= set(survivor.alias_names)
    for slug in old_slugs:
        page.goto(f"{live_server.url}/speakers/{slug}/")
        assert page.url == f"{live_server.url}/speakers/{survivor.slug}/"
        assert "Ilse Marrow" in page.locator("h1").inner_text()
