"""Lines that only date the article, in the shapes news sites print them (fictional outlets)."""

from datetime import date

import pytest

from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument
from statements.extraction.metadata import date_from_byline, date_from_line, parse_date

MARCH_3 = date(2025, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Published: March 3, 2025 | Updated: March 4, 2025",
        "Posted 3 March 2025 06:00 GMT, updated 4 March 2025",
        "March 3, 2025, 6:00 a.m. ET",
        "Mon 3 Mar 2025 06.00 GMT",
        "3 March 2025 · 4 min read",
        "Monday 3 March 2025 11:49, UK",
        "Last Modified: Mar 3, 2025 at 6:00AM",
        "First published on Mon 3 Mar 2025 06.00 GMT",
        "KESSEL, March 3, 2025",  # the place it was filed from
        "Ada Quist, 3 March 2025",
        "Published 2025/03/03",
        "Published 03/03/2025",  # either reading is the same day
    ],
)
def test_date_lines(line: str) -> None:
    assert date_from_line(line) == MARCH_3


@pytest.mark.parametrize(
    "line",
    [
        "The vote on March 3, 2025",
        "Ostmark, 3 March 2025 to 5 March 2025 talks",
        "Holm said, 3 March 2025",
        "Published 03/04/2025",  # March 4 or April 3: cannot be told apart
    ],
)
def test_lines_with_more_than_a_date(line: str) -> None:
    assert date_from_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "By Ada Quist, Veloria Courier, March 3, 2025",
        "By Ada Quist · 3 March 2025",
        "By ADA QUIST | Staff writer | Published 3 March 2025, 6:00 a.m.",
        "By Ada Quist and Piet Orlanski — March 3, 2025",
        "Posted by Ada Quist on March 3, 2025",
        "Written by Ada Quist, Monday 3 March 2025",
    ],
)
def test_byline_dates(line: str) -> None:
    assert date_from_byline(line) == MARCH_3


@pytest.mark.parametrize(
    "line",
    [
        "By Monday March 3, 2025 the council had voted.",
        "by the end of March 3, 2025, the ministry said",
        "By Ada Quist",
        "By Christmas Eve, December 24, 2024, the strike had ended.",
    ],
)
def test_not_byline_dates(line: str) -> None:
    assert date_from_byline(line) is None


def test_a_posted_by_line_dates_the_article_and_leaves_the_body():
    text = (
        "Harbour Fees Stay\n\n"
        "Posted by Ada Quist on March 3, 2025\n\n"
        "The harbour board kept its fees unchanged on Monday, the board said in a statement.\n\n"
        "Fishermen welcomed the decision."
    )
    article = clean(RawDocument(source_file="a.txt", text=text, format="text"))
    assert article.published_on == MARCH_3
    assert article.paragraphs[0].startswith("The harbour board kept its fees")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By ADA QUIST and Piet Orlanski, Veloria Courier", "Ada Quist"),
        ("By Ana de la Vega · 3 March 2025", "Ana de la Vega"),
        ("Posted by Ada Quist on March 3, 2025", "Ada Quist"),
        ("By Election Day, the ministry had paid", None),
        ("By the time they voted", None),
    ],
)
def test_the_bylines_author(line: str, author: str | None) -> None:
    article = clean(
        RawDocument(
            source_file="a.txt",
            text=f"Harbour Fees Stay\n\n{line}\n\nThe board kept its fees, it said on Monday.",
            format="text",
        )
    )
    assert article.author == author


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15/03/2025", date(2025, 3, 15)),  # day first: no month 15
        ("03/15/2025", date(2025, 3, 15)),  # month first: no month 15
        ("03/04/2025", None),
        ("4/19/23", None),  # a two-digit year: a print date, not a publication date
    ],
)
def test_slashed_dates_only_when_unambiguous(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_a_sentence_that_starts_like_a_byline_stays_in_the_story():
    text = (
        "Harbour Strike Ends\n\n"
        "By Christmas Eve, the strike had ended.\n\n"
        "The board said the first ships would be unloaded on Tuesday."
    )
    article = clean(RawDocument(source_file="a.txt", text=text, format="text"))
    assert article.paragraphs[0] == "By Christmas Eve, the strike had ended."
    assert article.author is None
