"""Headlines of two short sentences, and corrections appended to a story (fictional texts)."""

from datetime import date

import pytest

from statements.extraction.cleaning import clean
from statements.extraction.document import CleanArticle, RawDocument
from statements.extraction.metadata import looks_like_headline
from statements.extraction.pipeline import process

BODY = (
    "The senator from Marenburg lost the primary on Tuesday by a wide margin, and her"
    " campaign said on Wednesday that she would not contest the result in court.\n\n"
    '"The voters have spoken and I accept what they said," Senator Ilse Brandt said on Wednesday.'
)


def cleaned(text: str) -> CleanArticle:
    return clean(RawDocument(source_file="a.txt", text=text, format="text"))


@pytest.mark.parametrize(
    "headline",
    [
        "Game over. Will the senator concede?",
        "Brandt Lost The Primary. Here Is Her Plan.",
        "Ost. win could help Brandt make case vs. Faber; rival sees a chance",
    ],
)
def test_a_headline_of_two_short_sentences_is_the_whole_headline(headline: str) -> None:
    article = cleaned(f"{headline}\n\n{BODY}")
    assert article.title == headline
    assert not article.body.startswith(headline.split()[0])


@pytest.mark.parametrize(
    "lede",
    [
        '"We accept it." Senator Brandt said so on Wednesday.',
        "The senator lost on Tuesday. She conceded on Wednesday. Her rival thanked the voters.",
        "The senator from Marenburg lost the primary on Tuesday by a wide margin. Her campaign"
        " said on Wednesday that she would not contest it.",
    ],
)
def test_a_lede_is_not_a_headline(lede: str) -> None:
    assert not looks_like_headline(lede)


CORRECTED = (
    "Brandt Concedes Primary\n\n"
    "Wednesday, May 15, 2024\n\n"
    + BODY
    + "\n\nThe senator will return to her law practice in Kessel.\n\n"
    "CORRECTION:\n\n"
    "An article on Wednesday about the Marenburg primary misstated the senator's margin."
    ' A reader wrote that it was "far closer than reported".\n\n'
    "Saturday, May 18, 2024."
)


def test_a_correction_appended_to_the_story_is_not_the_story_nor_its_date():
    article = cleaned(CORRECTED)
    assert article.published_on == date(2024, 5, 15)
    assert article.paragraphs[-1] == "The senator will return to her law practice in Kessel."
    assert "misstated" not in article.body
    statements = process(RawDocument(source_file="a.txt", text=CORRECTED, format="text")).statements
    assert [s.speaker for s in statements] == ["Ilse Brandt"]


def test_the_date_after_a_correction_is_not_the_publication_date():
    text = CORRECTED.replace("Wednesday, May 15, 2024\n\n", "")
    assert cleaned(text).published_on is None


def test_a_paragraph_about_corrections_in_the_story_stays():
    text = (
        "Ministry Issues Corrections\n\n"
        + BODY
        + "\n\nCorrections to the voter rolls were made by the ministry before the vote.\n\n"
        "The senator thanked her volunteers."
    )
    article = cleaned(text)
    assert article.paragraphs[-1] == "The senator thanked her volunteers."


def test_the_authors_social_accounts_are_not_the_story():
    text = (
        "Harbour Fees Stay\n\n" + BODY + "\n\nFollow Ada Quist on Twitter @adaquist.\n\n"
        "Twitter: @adaquist.\n\n"
        "Twitter users posted their thoughts on the ruling within minutes."
    )
    article = cleaned(text)
    assert "@adaquist" not in article.body
    assert article.paragraphs[-1].startswith("Twitter users posted their thoughts")


def test_a_margin_hyphen_flattened_to_a_space_is_mended_only_on_evidence():
    text = (
        "Harbour Fees Stay\n\n"
        "The case against the harbour board was, in the mayor's words, a prosecu- tion without"
        " evidence, and the pre- and post-war records of the board were never read by any"
        " court; the in- quiry was closed.\n\n" + BODY
    )
    body = cleaned(text).body
    assert "a prosecution without evidence" in body
    assert "the pre- and post-war records" in body
    assert "in- quiry" in body  # no evidence either way: left as printed


LIVE_BLOG = (
    "Harbour Strike: Live\n\n"
    "Listen to this article\n\n"
    "10:42 a.m. ET\n\n"
    '"We stay out until the board talks to us," union leader Ruta Kalnavis said on Monday.\n\n'
    "Story continues below advertisement\n\n"
    "Updated 11.05 GMT\n\n"
    "The board said it would answer by noon.\n\n"
    "At 11:30 the first boats left the harbour."
)
TRANSCRIPT = (
    "Harbour Rally\n\n"
    '"We will not give up the harbour. (APPLAUSE) Not this year, not ever [CROSSTALK] and'
    ' not for any board," union leader Ruta Kalnavis said on Monday.\n\n'
    "(LAUGHTER)\n\n"
    "The board did not comment.\n\n"
    "The views expressed in this column are the author's own.\n\n"
    "This article originally appeared in the Kessel Ledger."
)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        # a live blog's time stamps and a page's reading aids
        (
            LIVE_BLOG,
            [
                '"We stay out until the board talks to us," union leader Ruta Kalnavis said on'
                " Monday.",
                "The board said it would answer by noon.",
                "At 11:30 the first boats left the harbour.",
            ],
        ),
        # a transcript's stage directions, an op-ed's notes
        (
            TRANSCRIPT,
            [
                '"We will not give up the harbour. Not this year, not ever and not for any board,"'
                " union leader Ruta Kalnavis said on Monday.",
                "The board did not comment.",
            ],
        ),
    ],
    ids=["live-blog", "transcript"],
)
def test_what_is_not_the_story_leaves_it(text: str, story: list[str]) -> None:
    assert cleaned(text).paragraphs == story


@pytest.mark.parametrize("kicker", ["ANALYSIS", "WORLD NEWS", "Exclusive:"])
def test_a_section_label_over_the_headline_is_not_the_headline(kicker: str) -> None:
    article = cleaned(f"{kicker}\n\nBrandt Concedes the Primary\n\n{BODY}")
    assert article.title == "Brandt Concedes the Primary"
    assert kicker not in article.body


def test_a_short_capitals_headline_over_its_lede_stays_the_headline():
    article = cleaned(f"STRIKE ENDS\n\nThe harbour strike ended on Monday.\n\n{BODY}")
    assert article.title == "STRIKE ENDS"
    assert article.paragraphs[0] == "The harbour strike ended on Monday."
