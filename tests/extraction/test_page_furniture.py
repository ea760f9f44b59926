"""Page headers, footers and jump lines: never the headline, never part of a quote.

Every article here is made up: fictional places, outlets and people.
"""

from datetime import date

import pytest

from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument
from statements.extraction.pagination import is_page_header, strip_furniture
from statements.extraction.pipeline import process


def doc(text: str, fmt: str = "text") -> RawDocument:
    return RawDocument(source_file="page.txt", text=text, format=fmt)


E_EDITION = """THE MARENBURG HERALD | MONDAY, MARCH 3, 2025 | A7

Harbour Board Delays Vote on Fees

The harbour board postponed its vote on higher mooring fees on Friday after a
heated meeting in the old customs hall, where fishermen filled every seat and
many more stood along the walls to follow the debate.

"We are not against paying our share, but nobody has shown us where the money
goes, and until they do we will keep coming to these meetings and we will keep
See HARBOUR, Page A9

THE MARENBURG HERALD | MONDAY, MARCH 3, 2025 | A9

HARBOUR | From A7
asking the same questions," said Oskar Lindqvist, who speaks for the fishermen's
cooperative in the town.

The board will meet again in April.
"""


def test_e_edition_header_dates_the_article_and_is_never_the_headline():
    article = clean(doc(E_EDITION))
    assert article.title == "Harbour Board Delays Vote on Fees"
    assert article.published_on == date(2025, 3, 3)
    assert "HERALD" not in article.body
    assert "A9" not in article.body and "From A7" not in article.body


def test_a_quote_jumping_pages_is_one_statement_without_the_jump_lines():
    extracted = process(doc(E_EDITION))
    [statement] = extracted.statements
    assert statement.speaker == "Oskar Lindqvist"
    assert statement.text.startswith("We are not against paying our share")
    assert statement.text.endswith("we will keep asking the same questions")
    for furniture in ("See", "HARBOUR", "Page", "HERALD"):
        assert furniture not in statement.text


PDF_PAGES = """VELORIA POST · Politics
Council Backs New Tram Line
By Ada Quist · 14 May 2024

The city council approved the northern tram line on Monday by 31 votes to 12,
ending a dispute that had split the governing coalition for most of the year.

Councillor Henrike Faber, who led the opposition to the plan, said she had
accepted the result but warned that the budget was "far too optimistic about
what a tunnel under the old town will


                    velpost.example · Page 1 of 2
VELORIA POST · Politics

cost, and the people of this city will pay the difference," she said.

The first trams are due to run in 2029.


                    velpost.example · Page 2 of 2
"""


def test_pdf_running_header_and_footer_leave_the_split_paragraph_whole():
    article = clean(doc(PDF_PAGES, "pdf"))
    assert article.title == "Council Backs New Tram Line"
    assert article.published_on == date(2024, 5, 14)  # from the byline
    assert len(article.paragraphs) == 3
    assert "will cost, and the people of this city" in article.paragraphs[1]
    for furniture in ("VELORIA POST", "velpost.example", "Page 1", "Ada Quist"):
        assert furniture not in article.body


def test_pdf_quote_across_the_page_break_is_one_statement():
    [statement] = process(doc(PDF_PAGES, "pdf")).statements
    assert statement.speaker == "Henrike Faber"
    assert statement.text == (
        "far too optimistic about what a tunnel under the old town will cost, and the people"
        " of this city will pay the difference"
    )


PRINTED = """3/5/25, 9:15 AM Ostmark Signs Grain Deal – The Kessel Ledger
Ostmark Signs Grain Deal
With Three Neighbours

Ostmark signed a grain export agreement with three neighbouring countries on
Sunday, the agriculture ministry said, after talks that lasted into the night.

"This deal keeps our farmers in business for another decade," Agriculture
Minister Lotte Varga told reporters, adding that the first shipments would
https://kesselledger.example/news/2025/03/02/ostmark-grain-deal 1/2

3/5/25, 9:15 AM Ostmark Signs Grain Deal – The Kessel Ledger
leave the port of Dravik within a month.
https://kesselledger.example/news/2025/03/02/ostmark-grain-deal 2/2
"""


def test_browser_print_header_is_not_the_headline_nor_the_date():
    article = clean(doc(PRINTED))
    assert article.title == "Ostmark Signs Grain Deal With Three Neighbours"
    assert article.published_on == date(2025, 3, 2)  # the page's address, not the print day
    assert article.source_links == (
        "https://kesselledger.example/news/2025/03/02/ostmark-grain-deal",
    )
    assert "9:15 AM" not in article.body and "1/2" not in article.body
    assert article.paragraphs[-1].endswith("would leave the port of Dravik within a month.")


ONE_LINE_PARAGRAPHS = (
    "Transport Gains Little Ground\n\n"
    "The transport ministry has spent two years preparing a rail reform that still has no majority"
    " in parliament, and its chances look no better after this week's debate in the capital.\n\n"
    '"We have listened to every region and every union, and the plan we bring now is fairer than'
    " the last one, but it will not please everyone and it was never meant to Continued on Page 4\n\n"
    "Page 4\n\n"
    'Continued from Page 1 please everyone," Transport Minister Emil Sorensen said on Tuesday'
    " as the debate opened in the chamber.\n\n"
    "The vote is expected next month."
)


def test_jump_lines_inside_unwrapped_paragraphs_are_cut_and_the_halves_joined():
    article = clean(doc(ONE_LINE_PARAGRAPHS))
    assert "Continued" not in article.body and "Page" not in article.body
    quote = next(p for p in article.paragraphs if p.startswith('"We have listened'))
    assert 'it was never meant to please everyone," Transport Minister' in quote
    [statement] = process(doc(ONE_LINE_PARAGRAPHS)).statements
    assert statement.speaker == "Emil Sorensen"
    assert statement.text.endswith("it was never meant to please everyone")


@pytest.mark.parametrize(
    "line",
    [
        "THE MARENBURG HERALD | MONDAY, MARCH 3, 2025 | A7",
        "A12 | Veloria Daily Courier | Tuesday, 4 March 2025",
        "velpost.example · Page 3 of 5",
        "OSTMARK TIMES · Opinion",
        "By Ada Quist · 3 March 2025",
        "Page 2 - The Kessel Ledger - March 3, 2025",
        "THE MARENBURG HERALD          MONDAY, MARCH 3, 2025          A7",  # a PDF's layout
    ],
)
def test_page_headers(line: str) -> None:
    assert is_page_header(line)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Board Delays Vote on Fees",
        "Mayor Ilse Brandt - who chairs the council - said the vote was close.",
        "Budget vote: what it means for you",
        '"Not one more cut" | the protest in pictures',
        "Velmora - a country at a crossroads",
        "Ostmark and Veloria   agreed on 3 March 2025 to   resume talks",  # justified prose
    ],
)
def test_headlines_and_prose_are_not_page_headers(line: str) -> None:
    assert not is_page_header(line)


def test_a_finished_paragraph_before_a_page_break_stays_its_own_paragraph():
    text = (
        "The council met on Monday to discuss the harbour.\n\n"
        "Page 2\n\n"
        "The mayor opened the session with a minute of silence."
    )
    cleaned, _found = strip_furniture(text)
    assert cleaned.split("\n\n") == [
        "The council met on Monday to discuss the harbour.",
        "The mayor opened the session with a minute of silence.",
    ]


def test_a_repeated_subheading_away_from_page_furniture_stays():
    text = (
        "Harbour Fees Debate\n\n"
        "What the fishermen want\n\n"
        "Lower fees for small boats and a seat on the board.\n\n"
        "What the fishermen want\n\n"
        "A second meeting before the vote."
    )
    cleaned, found = strip_furniture(text)
    assert cleaned.count("What the fishermen want") == 2
    assert found.removed == []


def test_running_title_repeated_at_each_page_break_goes_but_the_headline_stays():
    text = (
        "Kessel Opens Its New Library\n\n"
        "The city library reopened on Saturday after four years of building work and the\n"
        "mayor cut the ribbon in front of a crowd of\n"
        "- 1 -\n"
        "Kessel Opens Its New Library\n"
        "several hundred readers who had waited since dawn.\n"
    )
    cleaned, _found = strip_furniture(text)
    assert cleaned.startswith("Kessel Opens Its New Library\n\n")
    assert cleaned.count("Kessel Opens Its New Library") == 1
    assert "crowd of\nseveral hundred readers" in cleaned


def test_byline_with_date_and_outlet_dates_the_article():
    text = (
        "Ostmark Raises Pensions\n\n"
        "By Ada Quist, Veloria Daily Courier, March 3, 2025\n\n"
        "The government raised pensions by four percent on Monday, the finance ministry said.\n\n"
        "The opposition called the rise too small."
    )
    article = clean(doc(text))
    assert article.published_on == date(2025, 3, 3)
    assert "Ada Quist" not in article.body


def test_a_sentence_starting_with_by_and_a_date_is_not_a_byline():
    text = (
        "Ostmark Raises Pensions\n\n"
        "By March 3, 2025 the ministry had paid out the first rise, the finance ministry said.\n\n"
        "The opposition called the rise too small."
    )
    assert clean(doc(text)).published_on is None


@pytest.mark.parametrize(
    "line",
    [
        "the mayor, Ada Quist - 64 - said the",  # a wrapped line of prose
        "Harbour pilots - 12 of them - walked out",
        "KESSEL HARBOUR - THE LONG STRIKE",
    ],
)
def test_dashes_in_prose_are_not_page_headers(line: str) -> None:
    assert not is_page_header(line)


def test_a_dated_entry_inside_the_text_is_not_a_print_header():
    text = (
        "Harbour Strike: Live\n\n"
        "The strike entered its third day.\n\n"
        "3/5/25, 9:15 AM The union said it would meet the board at noon.\n\n"
        "The board has not answered."
    )
    cleaned, found = strip_furniture(text)
    assert "9:15 AM The union said" in cleaned
    assert found.removed == []


def test_a_continuation_headed_by_its_slug_on_a_line_of_its_own():
    text = E_EDITION.replace("HARBOUR | From A7\n", "HARBOUR\nFrom Page A7\n")
    [statement] = process(doc(text)).statements
    assert statement.speaker == "Oskar Lindqvist"
    assert "we will keep asking the same questions" in statement.text
    assert "HARBOUR" not in clean(doc(text)).body


def test_a_capitalised_line_without_a_jump_below_it_stays():
    text = "Harbour Fees\n\nNATO\n\nThe alliance met on Monday in Kessel, its spokesman said."
    cleaned, found = strip_furniture(text)
    assert "NATO" in cleaned and found.removed == []


@pytest.mark.parametrize(
    ("text", "fmt", "outlet"),
    [
        (E_EDITION, "text", "The Marenburg Herald"),  # masthead beside the date
        (PDF_PAGES, "pdf", "Veloria Post"),  # masthead on every page
        (PRINTED, "text", "The Kessel Ledger"),  # the site name a browser printed
        ("WORLD NEWS · Politics\n\nHarbour Fees Stay\n\n" + ONE_LINE_PARAGRAPHS, "text", None),
        ("BY ADA QUIST · 3 MARCH 2025\n\n" + ONE_LINE_PARAGRAPHS, "text", None),
        (
            "Ostmark Signs Deal\n\n© Kessel Ledger 2025. All rights reserved.\n\nIt did.",
            "text",
            "Kessel Ledger",
        ),
    ],
)
def test_the_outlet_from_what_its_pages_print(text: str, fmt: str, outlet: str | None) -> None:
    assert clean(doc(text, fmt)).outlet == outlet
