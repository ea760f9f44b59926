"""Interviews printed as transcripts: answers are the interviewee's, questions the interviewer's.

Fictional people and places only.
"""

from statements.extraction.attribution import extract_statements
from tests.extraction.engine_cases import PUB, cases, speakers

QA_LINES = (
    "Interview with Lena Varga, mayor of Dorn. By Pavel Holm.\n\n"
    "Q: Why did you close the bridge?\n\n"
    "A: The bridge was unsafe. We had no choice.\n\n"
    "Q: Will it reopen this year?\n\n"
    'A: Not before the spring. As the engineer told us, "it needs a new deck."'
)

NAMED_TURNS = (
    "Pavel Holm of the Dorn Courier spoke with Lena Varga, the mayor of Dorn, about the bridge.\n\n"
    "Holm: Why did you close the bridge?\n\n"
    "Varga: It was unsafe. We had no choice.\n\n"
    "The engineers warned us in March, and we listened.\n\n"
    "Holm: Will it reopen this year?\n\n"
    "Varga: Not before the spring."
)

ONLY_QUESTIONS_NAMED = (
    "Pavel Holm sat down with Lena Varga, the mayor of Dorn.\n\n"
    "Holm: Why did you close the bridge?\n\n"
    "It was unsafe. We had no choice.\n\n"
    "Holm: Will it reopen this year?\n\n"
    "Not before the spring.\n\n"
    "Holm: And the ferry?\n\n"
    "The ferry runs every hour."
)

BROADCAST = (
    "Tom Holm of the Dorn Courier spoke with Lena Varga, the mayor of Dorn.\n\n"
    "HOLM: Why did you close the bridge?\n\n"
    "VARGA: It was unsafe. We had no choice.\n\n"
    "HOLM: Will it reopen this year?\n\n"
    "LENA VARGA: Not before the spring."
)

INTERVIEWS = [
    (
        QA_LINES,
        [
            ("Why did you close the bridge?", "Pavel Holm"),
            ("The bridge was unsafe. We had no choice.", "Lena Varga"),
            ("Will it reopen this year?", "Pavel Holm"),
            (
                'Not before the spring. As the engineer told us, "it needs a new deck."',
                "Lena Varga",
            ),
        ],
    ),
    (
        NAMED_TURNS,
        [
            ("Why did you close the bridge?", "Pavel Holm"),
            ("It was unsafe. We had no choice.", "Lena Varga"),
            ("The engineers warned us in March, and we listened.", "Lena Varga"),
            ("Will it reopen this year?", "Pavel Holm"),
            ("Not before the spring.", "Lena Varga"),
        ],
    ),
    (
        ONLY_QUESTIONS_NAMED,
        [
            ("Why did you close the bridge?", "Pavel Holm"),
            ("It was unsafe. We had no choice.", "Lena Varga"),
            ("Will it reopen this year?", "Pavel Holm"),
            ("Not before the spring.", "Lena Varga"),
            ("And the ferry?", "Pavel Holm"),
            ("The ferry runs every hour.", "Lena Varga"),
        ],
    ),
    (
        BROADCAST,
        [
            ("Why did you close the bridge?", "Tom Holm"),
            ("It was unsafe. We had no choice.", "Lena Varga"),
            ("Will it reopen this year?", "Tom Holm"),
            ("Not before the spring.", "Lena Varga"),
        ],
    ),
]


@cases(INTERVIEWS)
def test_each_turn_of_an_interview_is_a_statement_of_its_speaker(body, expected):
    assert speakers(body) == expected


def test_the_evidence_names_the_rule():
    statements, _ = extract_statements(QA_LINES, PUB)
    assert statements[1].evidence == (
        "rule interview-turn: 'A:' -> 'Lena Varga', the person interviewed"
    )


def test_questions_of_an_unnamed_interviewer_are_nobodys():
    body = QA_LINES.replace(" By Pavel Holm.", "")
    assert [speaker for _text, speaker in speakers(body)] == ["Lena Varga", "Lena Varga"]


def test_labelled_notes_are_no_interview():
    body = (
        "Lena Varga, the mayor, closed the bridge on Monday.\n\n"
        "Update: The council meets again on Friday.\n\n"
        "Note: Varga is a member of the Dorn Civic List.\n\n"
        "Correction: An earlier version misspelled the bridge's name.\n\n"
        "Update: The ferry runs every hour."
    )
    assert speakers(body) == []


def test_a_quote_after_a_name_and_colon_stays_a_quote():
    body = (
        "Lena Varga and Pavel Holm met on Monday.\n\n"
        'Varga: "The bridge stays closed."\n\n'
        'Holm: "Then we take the ferry."'
    )
    assert speakers(body) == [
        ("The bridge stays closed.", "Lena Varga"),
        ("Then we take the ferry.", "Pavel Holm"),
    ]


def test_turns_whose_line_breaks_were_lost_are_split_at_their_labels():
    body = (
        "Interview with Lena Varga, mayor of Dorn. By Pavel Holm.\n\n"
        "Q: Why did you close the bridge? A: The bridge was unsafe. "
        "Q: Will it reopen? A: Not before the spring."
    )
    assert speakers(body) == [
        ("Why did you close the bridge?", "Pavel Holm"),
        ("The bridge was unsafe.", "Lena Varga"),
        ("Will it reopen?", "Pavel Holm"),
        ("Not before the spring.", "Lena Varga"),
    ]


def test_a_transcript_file_with_one_turn_a_line(tmp_path):
    from statements.extraction.pipeline import process
    from statements.extraction.readers import read_path

    path = tmp_path / "interview.txt"
    path.write_text(
        "Mayor Varga: the bridge stays shut\n\n"
        "Interview with Lena Varga, mayor of Dorn. By Pavel Holm.\n\n"
        "Q: Why did you close the bridge?\nA: The bridge was unsafe. We had no choice.\n"
        "Q: Will it reopen this year?\nA: Not before the spring.\n",
        encoding="utf-8",
    )
    (doc,) = read_path(path)
    assert [(s.text, s.speaker) for s in process(doc).statements] == [
        ("Why did you close the bridge?", "Pavel Holm"),
        ("The bridge was unsafe. We had no choice.", "Lena Varga"),
        ("Will it reopen this year?", "Pavel Holm"),
        ("Not before the spring.", "Lena Varga"),
    ]
