"""A press release: its release lines, contacts and end marks are not the statement's text."""

from datetime import date

from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument
from statements.extraction.pipeline import process

RELEASE = """FOR IMMEDIATE RELEASE

Kessel Port Authority Opens Northern Terminal

KESSEL, Ostmark, March 3, 2025 /Harbour Wire/ -- The Kessel Port Authority opened its
northern container terminal on Monday, two months ahead of schedule.

"This terminal doubles what Kessel can handle, and it was built without a single day of
strike," said Authority Chair Margit Olander.

Media contact: Piet Varga, press office, +00 555 0100

###
"""


def test_press_release_lines_leave_the_body_and_the_dateline_dates_it():
    article = clean(RawDocument(source_file="release.txt", text=RELEASE, format="text"))
    assert article.title == "Kessel Port Authority Opens Northern Terminal"
    assert article.published_on == date(2025, 3, 3)
    for junk in ("IMMEDIATE", "Media contact", "###", "+00 555"):
        assert junk not in article.body
    assert article.paragraphs[-1].endswith("said Authority Chair Margit Olander.")


def test_press_release_statement():
    [statement] = process(
        RawDocument(source_file="release.txt", text=RELEASE, format="text")
    ).statements
    assert statement.speaker == "Margit Olander"
    assert statement.text.startswith("This terminal doubles what Kessel can handle")


def test_a_dateline_without_the_full_date_does_not_date_the_article():
    text = RELEASE.replace("March 3, 2025 /Harbour Wire/ --", "March 3 --")
    assert (
        clean(RawDocument(source_file="release.txt", text=text, format="text")).published_on is None
    )
