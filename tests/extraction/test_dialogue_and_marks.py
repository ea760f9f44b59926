"""Quotation conventions beyond English wire copy: German and French marks, dashed dialogue.

Fictional people and places only. Each case lists the (quoted text, speaker)
pairs expected from a body, in order.
"""

from statements.extraction.quotes import find_quotes
from tests.extraction.engine_cases import cases, speakers

GERMAN_AND_FRENCH_MARKS = [
    (
        "Lena Varga, the mayor of Dorn, met the protesters.\n\n"
        "\u201eWe will stay here,\u201c Varga said. \u201eNobody moves.\u201c",
        [("We will stay here", "Lena Varga"), ("Nobody moves.", "Lena Varga")],
    ),
    (
        "Pavel Holm, the union leader, spoke last.\n\n"
        "\u00bbThe bridge is ours\u00ab, Holm added. \u00bbAnd the square.\u00ab",
        [("The bridge is ours", "Pavel Holm"), ("And the square.", "Pavel Holm")],
    ),
    (
        "\u00ab We will not leave \u00bb, said Pavel Holm, the union leader.",
        [("We will not leave", "Pavel Holm")],
    ),
    (
        "\u201eIt is \u201aour\u2018 square\u201c, said Lena Varga.",
        [("It is \u201aour\u2018 square", "Lena Varga")],
    ),
]


@cases(GERMAN_AND_FRENCH_MARKS)
def test_german_and_french_quotation_marks(body, expected):
    assert speakers(body) == expected


def test_an_english_opening_mark_after_a_space_still_opens():
    body = "Lena Varga said \u201cwe stay\u201d and left. Then \u201cNo,\u201d said Holm Dahl."
    assert [q.text(body) for q in find_quotes(body)] == ["we stay", "No"]


DASHED_DIALOGUE = [
    (
        "The mayor of Dorn, Lena Varga, met the strikers on the square.\n\n"
        "\u2014 We will not move, said the mayor.\n\n"
        "\u2014 Then we stay too, answered Pavel Holm, the union leader.\n\n"
        "\u2014 Nobody leaves before the vote, Varga said.",
        [
            ("We will not move", "Lena Varga"),
            ("Then we stay too", "Pavel Holm"),
            ("Nobody leaves before the vote", "Lena Varga"),
        ],
    ),
    (
        "Lena Varga, the mayor, and Pavel Holm, the union leader, met at noon.\n\n"
        "\u2014 Are you leaving? asked Varga. \u2014 Never! Holm shouted.",
        [("Are you leaving?", "Lena Varga"), ("Never!", "Pavel Holm")],
    ),
]


@cases(DASHED_DIALOGUE)
def test_dashed_dialogue_lines_are_quotes_of_their_cue(body, expected):
    assert speakers(body) == expected


def test_dashed_lines_without_a_cue_stay_narration():
    body = (
        "Lena Varga, the mayor, listed the council's plans.\n\n"
        "\u2013 The budget for roads, which the council approved in May.\n\n"
        "\u2013 A new bridge, paid for by the region.\n\n"
        "\u2014 Lena Varga (@lenavarga), May 3"
    )
    assert find_quotes(body) == []


SIGNED_POSTS = [
    # a quoted post with its author after a dash, on the next line or on the same one
    (
        "Lena Varga, the mayor of Dorn, answered late on Friday.\n\n"
        '"The bridge stays closed until the engineers say otherwise."\n'
        "\u2014 Lena Varga (@lenavarga) March 3, 2024",
        [("The bridge stays closed until the engineers say otherwise.", "Lena Varga")],
    ),
    (
        "Tom Holm, the union leader, met the mayor.\n\n"
        '"Great news for Dorn. We keep working." \u2014 Tom Holm (@tomholm) March 4, 2024',
        [("Great news for Dorn. We keep working.", "Tom Holm")],
    ),
    # a post without quotation marks, its signature on the next line
    (
        "Lena Varga, the mayor of Dorn, answered late on Friday.\n\n"
        "The bridge stays closed until the engineers say otherwise. Safety first.\n"
        "\u2014 Lena Varga (@lenavarga) March 3, 2024",
        [
            (
                "The bridge stays closed until the engineers say otherwise. Safety first.",
                "Lena Varga",
            )
        ],
    ),
]


@cases(SIGNED_POSTS)
def test_posts_signed_after_a_dash(body, expected):
    assert speakers(body) == expected


def test_a_list_of_names_after_a_dash_signs_nothing():
    body = (
        "Ada Frey and Tom Holm are the candidates.\n\n"
        "The candidates are listed below in the order of the ballot.\n"
        "- Ada Frey\n"
        "- Tom Holm"
    )
    assert speakers(body) == []


def test_dashed_dialogue_in_a_text_file_with_one_line_a_turn(tmp_path):
    from statements.extraction.pipeline import process
    from statements.extraction.readers import read_path

    path = tmp_path / "strike.txt"
    path.write_text(
        "Strike in Dorn\n\n"
        "The mayor of Dorn, Lena Varga, met the strikers on the square.\n"
        "\u2014 We will not move, said the mayor.\n"
        "\u2014 Then we stay too, answered Pavel Holm, the union leader.\n"
        "\u2014 Nobody leaves before the vote, Varga said.\n",
        encoding="utf-8",
    )
    (doc,) = read_path(path)
    assert [(s.text, s.speaker) for s in process(doc).statements] == [
        ("We will not move", "Lena Varga"),
        ("Then we stay too", "Pavel Holm"),
        ("Nobody leaves before the vote", "Lena Varga"),
    ]
