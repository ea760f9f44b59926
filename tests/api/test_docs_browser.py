"""The API's docs page in a real browser, under the site's Content-Security-Policy."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import browser_type_launch_args  # noqa: F401  (system Chromium)
from tests.factories import make_speaker, make_statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def statements():
    ilse = make_speaker("Ilse Marrow")
    make_statement("The strikes must end now,", speaker=ilse)
    make_statement("Our ports stay open.", speaker=make_speaker("Tomas Quillfeather"))
    return ilse


def test_docs_page_runs_an_api_call(page: Page, live_server, statements, settings):
    settings.API_RATE_LIMIT = "1000/min"
    violations: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and violations.append(msg.text))
    response = page.goto(f"{live_server.url}/api/v1/docs")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]

    operation = page.locator("#operations-statements-statements_api_statements_list_statements")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("input[placeholder='speaker']").fill(statements.slug)
    operation.get_by_role("button", name="Execute").click()

    result = operation.locator(".live-responses-table .response .response-col_status").first
    expect(result).to_have_text("200", timeout=15_000)
    body = operation.locator(".live-responses-table .microlight").first.inner_text()
    items = json.loads(body)["items"]
    assert [i["text"] for i in items] == ["The strikes must end now,"]
    assert violations == []
