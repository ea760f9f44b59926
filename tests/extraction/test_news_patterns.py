"""Attribution patterns of everyday news copy beyond wire style (fictional people only).

Each case lists (quoted text, speaker) pairs expected from a body, in order.
"""

from datetime import date

import pytest

from statements.extraction.attribution import extract_statements

PUB = date(2023, 3, 16)  # a Thursday


def _speakers(body: str) -> list[tuple[str, str]]:
    statements, _people = extract_statements(body, PUB)
    return [(s.text, s.speaker) for s in statements]


def _check(cases):
    return pytest.mark.parametrize(("body", "expected"), cases)


QUESTION_AND_EXCLAMATION = [
    (
        '"Why was the money still in the bank?" Mr. Kolb said.',
        [("Why was the money still in the bank?", "Kolb")],
    ),
    ('"It worked!" said Dana Frey.', [("It worked!", "Dana Frey")]),
    (
        'Ada Lind met the press. "Who pays for it?" asked Ada Lind.',
        [("Who pays for it?", "Ada Lind")],
    ),
    (
        '"We act now." Holm Varga said. "And we finish."',
        [("We act now.", "Holm Varga"), ("And we finish.", "Holm Varga")],
    ),
]


@_check(QUESTION_AND_EXCLAMATION)
def test_quote_ending_in_its_own_punctuation_before_the_cue(body, expected):
    assert _speakers(body) == expected


def test_a_new_sentence_after_a_question_is_not_its_cue():
    body = '"Can it be done?" The question hung over the talks for a week.'
    assert _speakers(body) == []


TITLES_GLUED_TO_NAMES = [
    (
        '"The border is closed," said retired Gen. Barry R. Holm, who led the command.',
        [("The border is closed", "Barry R. Holm")],
    ),
    (
        '"We are a swing state," said Democratic Rep. Dina Varga of Norland.',
        [("We are a swing state", "Dina Varga")],
    ),
    ('"I will run," Republican Tomas Brenner told reporters.', [("I will run", "Tomas Brenner")]),
    ('"It is hard," Actress Mira Solberg wrote.', [("It is hard", "Mira Solberg")]),
    ('"Stay inside," said Constable Ida Marsh.', [("Stay inside", "Ida Marsh")]),
]


@_check(TITLES_GLUED_TO_NAMES)
def test_titles_and_descriptors_go_to_the_role_not_the_name(body, expected):
    assert _speakers(body) == expected


MORE_CUE_VERBS = [
    ('"Enough of this," Varga fumed.', [("Enough of this", "Varga")]),
    (
        'Lena Dahl spoke first. "We are not leaving," she blurted out.',
        [("We are not leaving", "Lena Dahl")],
    ),
    ('"Come back!" shouted Piet Okafor.', [("Come back!", "Piet Okafor")]),
    ('"Please listen to them," Karin Stoll implored.', [("Please listen to them", "Karin Stoll")]),
]


@_check(MORE_CUE_VERBS)
def test_more_speech_verbs(body, expected):
    assert _speakers(body) == expected


GIVEN_NAMES_AND_CLAUSES = [
    (
        'It is the first novel by Maureen Quillan, a former banker. "I made light of nothing," '
        "Ms. Quillan said.",
        [("I made light of nothing", "Maureen Quillan")],
    ),
    (
        'Lars Holm spoke first. A spokeswoman for the minister, Liv Marander, said he "does not '
        'negotiate through the newspapers" and would meet Holm.',
        [("does not negotiate through the newspapers", "Liv Marander")],
    ),
]


@_check(GIVEN_NAMES_AND_CLAUSES)
def test_given_names_and_reported_clauses(body, expected):
    assert _speakers(body) == expected


PRONOUNS_AND_PARTICIPLES = [
    (
        "Ostmark's Jonas Rusk, asked about his rival, was brief. Piet Salo was, he said, "
        '"a serious man, which makes him a difficult one."',
        [("a serious man, which makes him a difficult one.", "Jonas Rusk")],
    ),
    (
        "Talks collapsed on Friday after union chair Nadia Feld walked out of a meeting with "
        'Finance Minister Oskar Lund, saying he had offered "nothing but a lecture."',
        [("nothing but a lecture.", "Nadia Feld")],
    ),
]


@_check(PRONOUNS_AND_PARTICIPLES)
def test_pronoun_and_participle_subjects(body, expected):
    assert _speakers(body) == expected


US_NEWS_STYLE = [
    (
        'Asked whether Mr. Brenner would join the cabinet, Mrs. Brenner shook her head and said, "No."',
        [("No.", "Brenner")],
    ),
    (
        'At a rally, Sen. Dana Frey (R-Nor.) said the plan is "dead on arrival."',
        [("dead on arrival.", "Dana Frey")],
    ),
    (
        '"It is the best film," said conservative activist Bob Klaus, who backs no one.',
        [("It is the best film", "Bob Klaus")],
    ),
    (
        'The press is "shaping this race," Gilmore said. Ada Fiorin, speaking to voters, said, '
        '"Last time I looked, you had not voted yet."',
        [
            ("shaping this race", "Gilmore"),
            ("Last time I looked, you had not voted yet.", "Ada Fiorin"),
        ],
    ),
    (
        'Varga said, "This case is unusual." He added, "Things happened that are not ordinary."',
        [("This case is unusual.", "Varga"), ("Things happened that are not ordinary.", "Varga")],
    ),
    (
        'In the recession, Paul Rask worried that aid was becoming "a hammock for the able-bodied."',
        [("a hammock for the able-bodied.", "Paul Rask")],
    ),
]


@_check(US_NEWS_STYLE)
def test_us_news_style(body, expected):
    assert _speakers(body) == expected


PRESENT_TENSE_AND_PROFESSIONS = [
    (
        '"The underclass is in thrall to a selfish culture," writes Kevin Dorn, a columnist.',
        [("The underclass is in thrall to a selfish culture", "Kevin Dorn")],
    ),
    (
        'Anton Lund, the party chief, spoke. As he puts it, "the best thing we have is time."',
        [("the best thing we have is time.", "Anton Lund")],
    ),
    (
        'Schoolteacher Daina Rusk, 41, spoke last. "He told me to wait," she said.',
        [("He told me to wait", "Daina Rusk")],
    ),
    (
        '"Sit down," Oliver Marr barked. "Honestly," he continued, "we are on the brink."',
        [("Sit down", "Oliver Marr"), ("Honestly we are on the brink.", "Oliver Marr")],
    ),
]


@_check(PRESENT_TENSE_AND_PROFESSIONS)
def test_present_tense_cues_and_professions(body, expected):
    assert _speakers(body) == expected


def test_narration_introduces_the_quote_paragraph_after_it():
    body = (
        "Ruta Kalnis, who has led the union since 2019, described the night the talks nearly "
        'collapsed.\n\n"At two in the morning the minister put on his coat. I thought that was '
        'the end."'
    )
    assert _speakers(body) == [
        (
            "At two in the morning the minister put on his coat. I thought that was the end.",
            "Ruta Kalnis",
        )
    ]


def test_a_nationality_named_after_a_place_of_the_article_is_no_speaker():
    statements, _people = extract_statements(
        "Defence Minister Ingrid Vask on Monday rejected Velmoran demands to pull troops back, "
        'saying her country "will not be bullied by anyone."',
        PUB,
        title="Kestria tells Velmora it will not be bullied",
    )
    assert [(s.text, s.speaker) for s in statements] == [
        ("will not be bullied by anyone.", "Ingrid Vask")
    ]


def test_a_promise_reported_by_someone_else():
    statements, _people = extract_statements(
        "Defence Minister Ingrid Vask spoke on Monday. Opposition leader Jaan Mork said the "
        'minister had once promised voters "a smaller army and a bigger school budget".',
        PUB,
    )
    assert [(s.text, s.speaker, s.reported_by) for s in statements] == [
        ("a smaller army and a bigger school budget", "Ingrid Vask", "Jaan Mork")
    ]


NESTED_QUOTES = [
    (
        "Mayor Ivo Sand did not respond. Schoolteacher Daina Rusk, 41, said she had asked the "
        "mayor for sandbags.\n\n"
        "\"He told me, 'The river has never reached this street and it never will.' Two days "
        'later my kitchen was a pond," she said.',
        [
            (
                "He told me, 'The river has never reached this street and it never will.' Two "
                "days later my kitchen was a pond",
                "Daina Rusk",
                None,
            ),
            (
                "The river has never reached this street and it never will.",
                "Ivo Sand",
                "Daina Rusk",
            ),
        ],
    ),
]


@_check(NESTED_QUOTES)
def test_a_quote_inside_a_quote_is_its_own_speakers_reported_by_the_outer(body, expected):
    statements, _people = extract_statements(body, PUB)
    assert [(s.text, s.speaker, s.reported_by) for s in statements] == expected


def test_a_term_inside_a_quote_is_no_statement():
    body = "\"They call it a 'green deal' and it is nothing of the kind,\" Lena Dahl said."
    assert [s.speaker for s in extract_statements(body, PUB)[0]] == ["Lena Dahl"]


MORE_NEWS_FORMS = [
    (
        '"Great speech. She is tested. She is ready."\n\n-President Anton Varga, writing after '
        "the speech.",
        [("Great speech. She is tested. She is ready.", "Anton Varga")],
    ),
    (
        '"We are anxious," said another user, Johanna Beyer. "The attacks come closer."',
        [("We are anxious", "Johanna Beyer"), ("The attacks come closer.", "Johanna Beyer")],
    ),
    (
        '"The party is changing," Simon Rozen, a supporter, told the Northern Review.\n\n'
        '"He has made it a contest of the system against the rest."',
        [
            ("The party is changing", "Simon Rozen"),
            ("He has made it a contest of the system against the rest.", "Simon Rozen"),
        ],
    ),
    (
        "Chancellor Ada Merk heralded the deal as a \u201cbreakthrough.\u201d",
        [("breakthrough.", "Ada Merk")],
    ),
]


@_check(MORE_NEWS_FORMS)
def test_signatures_appositions_and_continuations(body, expected):
    assert _speakers(body) == expected


def test_a_quote_after_its_subjects_narration_sentence():
    body = 'Ada Lind touted her record on pay. "We need fair elections at work."'
    assert _speakers(body) == [("We need fair elections at work.", "Ada Lind")]


def test_an_unresolved_cue_after_the_quote_is_not_overruled_by_the_sentence_before():
    body = (
        "General Piet Okafor offered to resign, but the leader refused. "
        '"Resigning is the easy way out," the head of the council said.'
    )
    assert ("Resigning is the easy way out", "Piet Okafor") not in _speakers(body)


BLOCKLIST_COUNTER_CASES = [
    ('"We will win," said Al Brennan.', [("We will win", "Al Brennan")]),
    ('"We will win," said Ada Copeland.', [("We will win", "Ada Copeland")]),
    ('"We will win," said Maria Vargas.', [("We will win", "Maria Vargas")]),
    ('"We are here," said Virginia Dahl.', [("We are here", "Virginia Dahl")]),
    ('Interestingly Holm said "we must be careful now".', [("we must be careful now", "Holm")]),
]


@_check(BLOCKLIST_COUNTER_CASES)
def test_ordinary_names_pass_the_blocklists(body, expected):
    """Particles, country endings, place names and adverbs block words, not people."""
    assert _speakers(body) == expected


def test_places_and_institutions_are_no_speakers():
    body = (
        'Talks in New York stalled. "We will not pay," York said. The Oversight committee met. '
        '"It is over," Oversight said.'
    )
    assert _speakers(body) == []
