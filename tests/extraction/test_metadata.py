"""Title, date, outlet and language, read only from what the article states."""

from datetime import date

import pytest

from statements.extraction import metadata
from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument


def from_text(text: str, **fields):
    return clean(RawDocument(source_file="t.txt", text=text, format="text", **fields))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("28 January 2025", date(2025, 1, 28)),
        ("January 28, 2025", date(2025, 1, 28)),
        ("Jan. 28, 2025", date(2025, 1, 28)),
        ("2025-01-28", date(2025, 1, 28)),
        ("Published: Tuesday, 28 January 2025, 14:05 GMT", date(2025, 1, 28)),
        ("28.01.2025", date(2025, 1, 28)),
        ("28 \u044f\u043d\u0432\u0430\u0440\u044f 2025 \u0433.", date(2025, 1, 28)),
        ("28. Januar 2025", date(2025, 1, 28)),
        ("March 5, 2025 3:41 PM GMT+4 Updated 2 hours ago", date(2025, 3, 5)),
        ("Kessel (NWS) \u2013 Nov 28, 2025", date(2025, 11, 28)),
        ("The talks began on 28 January 2025 in Kessel.", None),
        ("31 February 2025", None),
    ],
)
def test_date_line(line, expected):
    assert metadata.date_from_line(line) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/20250110/talks-123.html", date(2025, 1, 10)),
        ("https://news.example.org/2025/01/10/talks", date(2025, 1, 10)),
        ("https://news.example.org/2025-01-10/talks", date(2025, 1, 10)),
        ("https://news.example.org/politics/talks-4412", None),
        ("https://news.example.org/20251399/x", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert metadata.date_from_url(url) == expected


def test_date_line_beats_url():
    article = from_text(
        "Headline\n\n3 March 2025\n\nBody text here.",
        url="https://news.example.org/2025/03/04/x",
    )
    assert article.published_on == date(2025, 3, 3)


def test_reader_metadata_wins():
    article = from_text("Headline\n\n3 March 2025\n\nBody.", published_on=date(2025, 3, 1))
    assert article.published_on == date(2025, 3, 1)


def test_no_date_stays_none():
    assert from_text("Headline\n\nThe strike began on Monday.").published_on is None


def test_headline_wrapped_over_two_lines_is_joined():
    text = (
        " Ostmark and Veloria Agree to Resume\nBorder Talks in Kessel\n\n"
        "The foreign ministers agreed on Tuesday to meet again."
    )
    assert from_text(text).title == "Ostmark and Veloria Agree to Resume Border Talks in Kessel"


def test_title_is_never_a_credit_or_date_line():
    text = "Photo: Ada Quist\n\n3 March 2025\n\nDockers Walk Out\n\nThe strike began."
    assert from_text(text).title == "Dockers Walk Out"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Based on materials from Northern Wire Service", "Northern Wire Service"),
        ("Based on materials from NWS.", "NWS"),
        ("Source: Veloria Daily Courier", "Veloria Daily Courier"),
        ("\u00a9 2025 Veloria Daily Courier. All rights reserved.", "Veloria Daily Courier"),
    ],
)
def test_outlet_from_credit_lines(line, outlet):
    assert from_text(f"Headline\n\nBody text.\n\n{line}").outlet == outlet


def test_outlet_from_wire_dateline():
    text = "Headline\n\nMARENBURG, March 3 (Northern Wire Service) \u2014 Dockers walked out."
    assert from_text(text).outlet == "Northern Wire Service"


def test_outlet_from_known_domain_of_own_url():
    article = from_text("Headline\n\nBody.", url="https://www.reuters.com/world/x")
    assert article.outlet == "Reuters"


def test_cited_link_in_body_is_not_the_outlet():
    text = "Headline\n\nThe agency reported the figures.\n\nhttps://www.reuters.com/2025/03/03/x\n"
    article = from_text(text)
    assert article.outlet is None
    assert article.source_links == ("https://www.reuters.com/2025/03/03/x",)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said that the talks with Ostmark would continue in the spring.", "en"),
        ("Der Minister sagte, dass die Gespr\u00e4che mit Ostmark nicht abgebrochen werden.", "de"),
        ("Le ministre a dit que les n\u00e9gociations avec Ostmark sont dans une impasse.", "fr"),
        ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0441\u043a\u0430\u0437\u0430\u043b.", "ru"),
        ("1234 5678", None),
    ],
)
def test_detect_language(text, language):
    assert metadata.detect_language(text) == language
