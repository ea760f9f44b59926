"""Time expressions resolved against the publication date."""

from datetime import date

import pytest

from statements.extraction.dates import date_near

PUB = date(2023, 3, 15)  # a Wednesday

CASES = [
    ("Holm said Monday.", date(2023, 3, 13)),
    ("Holm said on Monday.", date(2023, 3, 13)),
    ("Holm said earlier Wednesday.", date(2023, 3, 15)),
    ("Holm said during Tuesday's meeting.", date(2023, 3, 14)),
    ("Holm said yesterday.", date(2023, 3, 14)),
    ("Holm said on Jan. 10.", date(2023, 1, 10)),
    ("Holm said on 10 January.", date(2023, 1, 10)),
    ("Holm said on Dec. 30.", date(2022, 12, 30)),
    ("Holm said on March 3, 2021.", date(2021, 3, 3)),
    ("Holm said in an interview.", None),
    ("Holm recalled the crisis of 2010.", None),
    # deadlines are not the day of speech
    ("Holm said the work would be done by March 19.", None),
    ("Holm said the ban stays until Friday.", None),
    ("Holm said on Monday the work would be done by March 19.", date(2023, 3, 13)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date_near(text: str, expected: date | None) -> None:
    found, _words = date_near(text, 0, len(text), text.index("said") if "said" in text else 0, PUB)
    assert found == expected


def test_relative_day_needs_publication_date() -> None:
    text = "Holm said Monday."
    assert date_near(text, 0, len(text), 5, None)[0] is None
