"""Paragraph rebuilding and boilerplate removal, on fictional articles."""

from datetime import date
from pathlib import Path

import pytest

from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument
from statements.extraction.readers import read_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def cleaned(name: str):
    [doc] = [item for item in read_path(FIXTURES / name) if isinstance(item, RawDocument)][:1]
    return clean(doc)


def from_text(text: str, fmt: str = "text"):
    return clean(RawDocument(source_file="t.txt", text=text, format=fmt))


def test_plain_text_keeps_paragraphs_and_drops_footer():
    article = cleaned("plain_courier_strike.txt")
    assert article.title.startswith("Ferrant: harbour strike will go on")
    assert article.paragraphs[0].startswith("The Harbour Workers\u2019 Union of Veloria")
    assert "Strike committee" in article.paragraphs  # a subheading stays its own paragraph
    assert article.paragraphs[-1].startswith("Interior Minister Viktor Halloran said")
    for junk in ("3 March 2025", "Photo:", "Based on materials", "digest", "\u00a0"):
        assert junk not in article.body


def test_pdf_style_text_is_unwrapped():
    article = cleaned("pdf_text_border_talks.txt")
    assert article.title == "Ostmark and Veloria Agree to Resume Border Talks in Kessel"
    first = article.paragraphs[0]
    assert first.startswith("Veloria's Foreign Minister Karl-Otto Brenner said on Tuesday")
    assert "the anti-government protests in the border districts" in first
    assert "\n" not in first
    assert "The government in Marenburg" in article.body  # a syllable break is mended


def test_pdf_style_text_loses_caption_credit_links_and_teasers():
    article = cleaned("pdf_text_border_talks.txt")
    for junk in (
        "arrives at the Kessel",
        "Ada Quist",
        "https://",
        "Related article",
        "Mira Castell",
    ):
        assert junk not in article.body
    assert article.source_links == ("https://nws.example.org/2025/04/15/border-talks-resume",)
    assert article.published_on == date(2025, 4, 15)  # from the dated link
    assert len(article.paragraphs) == 4


def test_body_is_paragraphs_joined_by_blank_lines():
    article = cleaned("pdf_text_border_talks.txt")
    assert article.body == "\n\n".join(article.paragraphs)
    assert all(p == " ".join(p.split()) for p in article.paragraphs)


def test_real_pdf_paragraphs():
    article = cleaned("real_article.pdf")
    assert article.title == "Halloran Defends Police at Port Aldin"
    assert article.published_on == date(2025, 3, 11)
    assert len(article.paragraphs) == 2


def test_html_title_not_repeated_in_body():
    article = cleaned("html_courier_blockade.html")
    assert article.title == "Dockers block Port Aldin gates as strike enters second week"
    assert article.paragraphs[0].startswith("Striking harbour workers closed")
    assert article.outlet == "Veloria Daily Courier"


def test_one_paragraph_per_line_without_blank_lines():
    long_line = "The delegation said the talks were useful and would continue next month. " * 3
    text = f"Headline of the day\n{long_line.strip()}\n{long_line.strip()}\n"
    article = from_text(text)
    assert article.title == "Headline of the day"
    assert len(article.paragraphs) == 2


def test_wrapped_lines_split_where_a_sentence_ends_with_room_to_spare():
    text = (
        "Keller arrived in Marenburg on Sunday evening and went straight into a meeting\n"
        "with the foreign minister and his advisers.\n"
        "The talks lasted four hours, officials said, and will continue on Monday at\n"
        "the foreign ministry.\n"
    )
    article = clean(RawDocument("x.pdf", "Keller in Marenburg\n\n" + text, "pdf"))
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        ("worst anti-\ngovernment unrest", "worst anti-government unrest"),
        ("the post-\nSoviet region", "the post-Soviet region"),
        ("the govern-\nment said", "the government said"),
        ("a state-\nrun agency", "a state-run agency"),
        ("when unsure keep the hy-\nphen", "when unsure keep the hy-phen"),
        ("a dash -\nlike this", "a dash - like this"),
    ],
)
def test_line_end_hyphens(lines, joined):
    text = f"Headline\n\nThe lead paragraph begins in a wrapped block and {lines} today."
    assert joined in from_text(text).body


def test_hyphen_follows_the_article_own_spelling():
    text = "Headline\n\nThe ceasefire held. Everyone hoped the cease-\nfire would last."
    assert "the ceasefire would last" in from_text(text).body


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Veloria Daily Courier",
        "Photo by Ada Quist/NWS",
        "Related article: Dockers end strike",
        "Read more: Border talks resume",
        "Ada Quist and Mira Castell contributed reporting.",
        "Additional reporting by Mira Castell; editing by Ada Quist",
        "Based on materials from Northern Wire Service",
        "\u00a9 2025 Veloria Daily Courier. All rights reserved.",
        "By Ada Quist",
        "https://nws.example.org/some/story",
        "\u00a0\u00a0",
        "Ada Quist / Veloria Daily Courier / NWS",
    ],
)
def test_boilerplate_lines_are_removed(line):
    text = f"Headline\n\nFirst paragraph of the story.\n\n{line}\n\nSecond paragraph of the story."
    article = from_text(text)
    assert article.paragraphs == ["First paragraph of the story.", "Second paragraph of the story."]


def test_caption_with_credit_under_headline_is_removed():
    text = (
        "Varga Opens Port Aldin Terminal\n"
        "President Anton Varga cuts the ribbon at the new terminal.\n"
        "Ada Quist / Veloria Daily Courier\n\n"
        "President Anton Varga opened the new terminal on Friday."
    )
    article = from_text(text)
    assert article.title == "Varga Opens Port Aldin Terminal"
    assert article.paragraphs == ["President Anton Varga opened the new terminal on Friday."]


@pytest.mark.parametrize(
    "text",
    [
        # headline and caption share one block: the caption must not take the headline along
        " Norland and Ostmark Pledge Closer Ties on Border Security\n"
        " Officials of both countries at a meeting in Marenburg. Ada Quist / Northern Wire\n\n"
        "Norland and Ostmark agreed on Friday to run joint patrols.",
        # a credit wrapped before its last "/ AGENCY" segment
        " Norland and Ostmark Pledge Closer\nTies on Border Security\n"
        " Officials of both countries at a meeting in Marenburg. Ada Quist / Northern Wire\n"
        " / NWS\n\n"
        "Norland and Ostmark agreed on Friday to run joint patrols.",
        # a caption credited to a press office, not a photographer
        " Norland and Ostmark Pledge Closer\nTies on Border Security\n"
        " Officials of both countries at a meeting in Marenburg. Press Service of the\n"
        "President of Norland\n\n"
        "Norland and Ostmark agreed on Friday to run joint patrols.",
    ],
)
def test_headline_and_caption_from_pdf_text(text):
    article = from_text(text)
    assert article.title == "Norland and Ostmark Pledge Closer Ties on Border Security"
    assert article.paragraphs == ["Norland and Ostmark agreed on Friday to run joint patrols."]


def test_nbsp_becomes_space_and_invisible_characters_go():
    article = from_text("Headline\n\nThe\u00a0minister\u200b said\u00ad so.\r\n")
    assert article.paragraphs == ["The minister said so."]


def test_no_headline_falls_back_to_first_sentence():
    text = (
        "The minister said on Monday that the talks would resume, and that both sides had agreed "
        "on an agenda for the next round. Officials confirmed the schedule."
    )
    article = from_text(text)
    assert article.title.startswith("The minister said on Monday")
    assert article.body == text


def test_fingerprint_ignores_line_endings():
    text = "Headline\n\nFirst paragraph.\n\nSecond paragraph."
    assert from_text(text).fingerprint == from_text(text.replace("\n", "\r\n")).fingerprint


def test_meta_title_with_site_suffix_still_drops_the_repeated_headline():
    doc = RawDocument(
        source_file="p.html",
        text="Dockers block the gates again\nThe strike goes on.",
        format="html",
        title="Dockers block the gates again | Veloria Daily Courier",
    )
    assert clean(doc).paragraphs == ["The strike goes on."]
