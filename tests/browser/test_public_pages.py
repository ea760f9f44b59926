"""The public pages in a real browser: filtering, search, permalinks, downloads."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data():
    ilse = make_speaker("Ilse Marrow", description="Harbour minister of Veloria.")
    tomas = make_speaker("Tomas Quillfeather")
    strike = make_event(
        "Harbour Strike", slug="harbour-strike", description="Dockworkers stop work."
    )
    tag = make_tag("harbour")
    article = make_article(
        body='Officials met on Monday.\n\n"The strikes must end now," Ilse Marrow said.'
        "\n\nThe talks resume on Friday.",
        outlet="Veloria Daily Courier",
        published_on=date(2025, 3, 4),
    )
    first = make_statement(
        "The strikes must end now,",
        speaker=ilse,
        article=article,
        said_on=date(2025, 3, 3),
        events=[strike],
        tags=[tag],
    )
    make_statement(
        "We stand with the dockworkers.",
        speaker=tomas,
        said_on=date(2024, 11, 1),
        events=[strike],
        confidence=0.4,
    )
    make_statement("The budget is balanced.", speaker=ilse, said_on=date(2023, 6, 1))
    make_statement("Our ports stay open.", speaker=tomas, review_status="verified")
    return {"ilse": ilse, "tomas": tomas, "strike": strike, "first": first, "article": article}


def quotes(page: Page) -> list[str]:
    return page.locator("ol.statements blockquote").all_inner_texts()


def test_filter_by_speaker_and_date(page: Page, live_server, data, screenshot):
    page.goto(f"{live_server.url}/statements/")
    expect(page.locator("ol.statements > li")).to_have_count(4)
    screenshot("statements-list")
    page.get_by_label("Speaker (name or slug)").fill("Ilse Marrow")
    page.get_by_label("Said from").fill("2024-01-01")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("ol.statements > li")).to_have_count(1)
    assert "speaker=Ilse+Marrow" in page.url and "said_from=2024-01-01" in page.url
    assert "strikes must end" in quotes(page)[0]
    # Removing the date chip keeps the speaker filter.
    page.get_by_role("link", name="Remove filter Said from: 2024-01-01").click()
    expect(page.locator("ol.statements > li")).to_have_count(2)
    assert "said_from" not in page.url


def test_search_and_open_permalink(page: Page, live_server, data, screenshot):
    page.goto(f"{live_server.url}/")
    screenshot("home")
    page.get_by_label("Search the statements").fill("dockworkers")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.statements > li")).to_have_count(1)
    expect(page.locator("ol.statements mark").first).to_have_text("dockworkers")
    page.get_by_role("link", name="Permalink").first.click()
    expect(page.locator("h1, blockquote.quote-large").first).to_be_visible()
    expect(page.get_by_text("Low-confidence attribution").first).to_be_visible()
    expect(page.get_by_role("heading", name="Cite this statement")).to_be_visible()
    screenshot("statement-detail")


def test_download_csv(page: Page, live_server, data):
    page.goto(f"{live_server.url}/statements/?speaker={data['tomas'].slug}")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "statements.csv"
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
    assert {r["speaker"] for r in rows} == {"Tomas Quillfeather"}
    assert len(rows) == 2


def test_speaker_event_article_pages(page: Page, live_server, data, screenshot):
    page.goto(f"{live_server.url}{data['ilse'].get_absolute_url()}")
    expect(page.get_by_role("heading", name="Ilse Marrow", level=1)).to_be_visible()
    expect(page.locator("figure.chart svg")).to_be_visible()
    screenshot("speaker-detail")
    page.goto(f"{live_server.url}{data['strike'].get_absolute_url()}")
    expect(page.locator("ol.timeline > li.statement")).to_have_count(2)
    screenshot("event-detail")
    page.goto(f"{live_server.url}{data['article'].get_absolute_url()}")
    page.locator(".article-body mark a").first.click()
    assert page.url.endswith(data["first"].get_absolute_url())
    page.goto(f"{live_server.url}{data['article'].get_absolute_url()}")
    screenshot("article-detail")
    for path, name in (
        ("/speakers/", "speaker-index"),
        ("/events/", "event-index"),
        ("/about/", "about"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        screenshot(name)


def test_phone_layout_and_focus(page: Page, live_server, data, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/statements/")
    # The skip link is the first stop for keyboard users, and visible when focused.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    expect(page.get_by_role("link", name="Skip to content")).to_be_in_viewport()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone"
    screenshot("statements-list-phone")


def test_works_without_javascript(browser, live_server, data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/statements/?kind=direct")
    page.get_by_label("Words in the quote").fill("ports")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("ol.statements > li")).to_have_count(1)
    context.close()


def test_surname_in_the_speaker_filter(page: Page, live_server, data):
    page.goto(f"{live_server.url}/statements/")
    page.get_by_label("Speaker (name or slug)").fill("marrow")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("ol.statements > li")).to_have_count(2)
    expect(page.locator("ol.statements .speaker").first).to_have_text("Ilse Marrow")


def test_several_speakers_by_one_surname_ask_which(page: Page, live_server, data):
    other = make_speaker("Piet Marrow")
    make_statement("The ferry runs again.", speaker=other)
    page.goto(f"{live_server.url}/statements/?speaker=Marrow")
    choices = page.locator(".speaker-choices")
    expect(choices).to_contain_text("Which one do you mean?")
    choices.get_by_role("link", name="Piet Marrow").click()
    expect(page.locator("ol.statements > li")).to_have_count(1)
    expect(page.locator("ol.statements blockquote")).to_have_text("The ferry runs again.")


def test_in_context_lands_on_the_quote(page: Page, live_server, data):
    page.set_viewport_size({"width": 1280, "height": 500})
    first = data["first"]
    article = data["article"]
    article.body = "Filler paragraph.\n\n" * 60 + article.body
    article.save()
    first.start += len("Filler paragraph.\n\n") * 60
    first.end = first.start + len(first.text)
    first.spans = [[first.start, first.end]]
    first.save()
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    page.get_by_role("link", name="Read it in the whole article").click()
    assert page.url.endswith(f"#statement-{first.pk}")
    quote = page.locator(f"#statement-{first.pk}")
    expect(quote).to_have_text(first.text)
    expect(quote).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0


def test_search_result_has_a_chart_with_axes(page: Page, live_server, data, screenshot):
    page.goto(f"{live_server.url}/statements/?q=strikes")
    chart = page.locator("#chart-heading + p + figure svg")
    expect(chart).to_be_visible()
    expect(chart.locator("line.axis")).to_have_count(2)
    expect(chart.locator("text.axis-title")).to_have_text(["Day", "Statements"])
    assert chart.locator("rect").count() >= 1
    page.get_by_text("The numbers as a table").first.click()
    expect(page.locator(".chart-data table").first).to_be_visible()
    screenshot("search-chart")


def test_phone_filters_behind_a_button_and_facets_above_results(page: Page, live_server, data):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/statements/")
    button = page.get_by_role("button", name="Search and filters")
    form_field = page.get_by_label("Said from")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(form_field).to_be_hidden()
    drawer = page.locator("details.facets-drawer")
    results = page.locator("ol.statements")
    assert drawer.bounding_box()["y"] < results.bounding_box()["y"]
    assert drawer.get_attribute("open") is None  # closed on a phone
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(form_field).to_be_visible()
    # On a wide screen there is no button: the form is simply there.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/statements/")
    expect(page.get_by_role("button", name="Search and filters")).to_be_hidden()
    expect(page.get_by_label("Said from")).to_be_visible()


def test_search_stems_and_takes_or(page: Page, live_server, data):
    """'strike or port' finds 'strikes' and 'ports' on either database (stemming and 'or')."""
    page.goto(f"{live_server.url}/")
    page.get_by_label("Search the statements").fill("strike or port")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.statements > li")).to_have_count(2)
    found = " ".join(quotes(page))
    assert "strikes must end" in found and "ports stay open" in found
    assert "budget" not in found
    # A plural query finds the singular, and an excluded word removes its statement.
    page.goto(f"{live_server.url}/statements/?q=budgets")
    expect(page.locator("ol.statements > li")).to_have_count(1)
    page.goto(f"{live_server.url}/statements/?q=strike+or+port+-ports")
    expect(page.locator("ol.statements > li")).to_have_count(1)


def test_speaker_suggestions_arrive_when_the_box_gets_the_focus(page: Page, live_server, data):
    page.goto(f"{live_server.url}/statements/")
    options = page.locator("#speaker-options option")
    expect(options).to_have_count(0)
    page.get_by_label("Speaker (name or slug)").focus()
    expect(options).to_have_count(2)
    assert data["ilse"].slug in [o.get_attribute("value") for o in options.all()]
