"""Cues and roles of everyday news copy: round-ups, descriptions with abbreviations, offices.

Fictional people, places and outlets only.
"""

import pytest

from tests.extraction.engine_cases import cases, speakers

CUES = [
    # a round-up of voices: name, description, colon, quote
    (
        'Ida Marsh, Dorn Courier: "The vote was rigged from the start."\n\n'
        'Tom Holm, a teacher in Velsk: "The vote was fair."',
        [("The vote was rigged from the start.", "Ida Marsh"), ("The vote was fair.", "Tom Holm")],
    ),
    # an abbreviation inside the description between name and verb
    (
        'Ana Ruiz, chief strategist at Dunmore Ltd., said "the numbers do not add up at all."',
        [("the numbers do not add up at all.", "Ana Ruiz")],
    ),
    (
        'Tom Holm, an adviser to the U.S. delegation, said "nobody expected a deal this week."',
        [("nobody expected a deal this week.", "Tom Holm")],
    ),
    # a long description between name and verb
    (
        "Dana A. Lund, a former government cybersecurity expert who now studies the cyber "
        "activities of nations at the Center for Strategic Studies, said, "
        '"If she used it abroad, they picked it up."',
        [("If she used it abroad, they picked it up.", "Dana A. Lund")],
    ),
    # qualified titles after an inverted verb, also after someone's possessive
    (
        '"The distraction gets you off message a little," said party boss Tom Holm.',
        [("The distraction gets you off message a little", "Tom Holm")],
    ),
    (
        '"This has to be a first," said Frey\'s top foreign policy aide Tom Holm.',
        [("This has to be a first", "Tom Holm")],
    ),
    # a habit adverb between pronoun and verb
    (
        'Tom Holm spoke.\n\n"The issue is not experience," he often says.',
        [("The issue is not experience", "Tom Holm")],
    ),
    # a relative or a friend named after the inverted verb
    (
        '"She was kind to everyone she met," said her daughter, Ada Frey.',
        [("She was kind to everyone she met", "Ada Frey")],
    ),
    # a place and a role before the name after an inverted verb
    (
        '"This is just a scripted show and we are all props," said Velsk delegate Beau Correll.',
        [("This is just a scripted show and we are all props", "Beau Correll")],
    ),
    # a surname that is a country's name, after a given name
    (
        '"I would suggest they read the statistics," said Representative Steve Israel of Velsk.',
        [("I would suggest they read the statistics", "Steve Israel")],
    ),
    # 'But "..."' goes on with the speaker of the sentence before
    (
        '"It is not do or die," Tom Holm said outside. But "An endorsement helps a lot."',
        [("It is not do or die", "Tom Holm"), ("An endorsement helps a lot.", "Tom Holm")],
    ),
    # a bracketed editor's insertion opens a whole-sentence quote
    (
        'Ada Frey spoke.\n\n"We met on Monday," Frey said. "[Holm\'s] comments were outrageous."',
        [("We met on Monday", "Ada Frey"), ("[Holm's] comments were outrageous.", "Ada Frey")],
    ),
    # naming verbs
    (
        'Tom Holm referred to the plan as "a disaster for the whole valley."',
        [("a disaster for the whole valley.", "Tom Holm")],
    ),
    (
        'Tom Holm dubbed the plan "a disaster for the whole valley."',
        [("a disaster for the whole valley.", "Tom Holm")],
    ),
]


@cases(CUES)
def test_cues(body, expected):
    assert speakers(body) == expected


ROLES = [
    # a plural title before one name is the title, not the given name
    (
        "Representatives James E. Holm and Ada Frey met the governor.\n\n"
        '"We are done here," said Representatives James E. Holm.',
        [("We are done here", "James E. Holm")],
    ),
    # 'the head of state' written in lower case
    (
        "President Ada Frey spoke on Monday.\n\n"
        '"The border will stay open for trade," the head of state said.',
        [("The border will stay open for trade", "Ada Frey")],
    ),
    (
        "President Ada Frey spoke on Monday.\n\n"
        'According to the head of state, "the border will stay open for trade."',
        [("the border will stay open for trade.", "Ada Frey")],
    ),
    # an abbreviated title before the name, the office spelled out later
    (
        'Sen. Ada Frey met voters on Monday.\n\n"We will not give up on this bill," the senator said.',
        [("We will not give up on this bill", "Ada Frey")],
    ),
    (
        'Rep. Tom Holm spoke first.\n\n"We will not give up on this bill," the congressman said.',
        [("We will not give up on this bill", "Tom Holm")],
    ),
    # a party as the role a description gave
    (
        "Rep. Ada Frey, a Velsk Democrat, spoke on Monday.\n\n"
        '"We will not give up on this bill," the Velsk Democrat said.',
        [("We will not give up on this bill", "Ada Frey")],
    ),
    (
        "Ada Frey spoke on Monday. Tom Holm, a Republican, disagreed.\n\n"
        '"We will not give up on this bill," the Republican said.',
        [("We will not give up on this bill", "Tom Holm")],
    ),
    # a party and state in parentheses between name and verb
    (
        '"We will not give up on this bill," Frey (R-Velsk) said.',
        [("We will not give up on this bill", "Frey")],
    ),
    # 'Her response: "..."' without a verb
    (
        'Ada Frey spoke on Monday.\n\nFrey\'s response: "Never, not in a hundred years."',
        [("Never, not in a hundred years.", "Ada Frey")],
    ),
    # 'the governor' is the sitting one, not a former one named nearby
    (
        "Velsk Gov. Chris Kristof endorsed Holm on Monday. "
        "Former Gov. Christine Whitby backed the plan.\n\n"
        '"I have known him for 14 years," the governor said.',
        [("I have known him for 14 years", "Chris Kristof")],
    ),
]


@cases(ROLES)
def test_roles(body, expected):
    assert speakers(body) == expected


def test_a_colon_after_a_description_needs_a_name_at_the_paragraph_start():
    body = 'The report, from the Dorn Courier: "The vote was rigged from the start."'
    assert speakers(body) == []


SHORT_PHRASES = [
    # a short phrase that repeats a whole sentence the speaker said is speech, not a term
    (
        '"Her mind is gone, she should resign!" Tom Holm wrote on Tuesday.\n\n'
        'Lashing out, Holm said the 83-year-old judge\'s "mind is gone."',
        [("Her mind is gone, she should resign!", "Tom Holm"), ("mind is gone.", "Tom Holm")],
    ),
    # what a named speaker calls someone, also when the headline quotes it too
    (
        'Ada Frey said rival Tom Holm was a "proven failure" in business.',
        [("proven failure", "Ada Frey")],
    ),
]


@cases(SHORT_PHRASES)
def test_short_phrases_that_are_speech(body, expected):
    assert speakers(body) == expected


def test_a_phrase_quoted_as_a_term_inside_a_longer_quote_stays_a_term():
    body = (
        'Tom Holm said the council would never accept "green quotas" at all.\n\n'
        '"We will not allow these so-called green quotas to ruin farmers," Holm said.'
    )
    assert ("green quotas", "Tom Holm") not in speakers(body)


WORK_TITLES = [
    (
        '"I expect to be vetted," Tom Holm said on "Meet the Voters." "But not like this."',
        "Meet the Voters.",
    ),
    (
        '"She just made it up," Holm said during a call to the Courier\'s "This Week in Dorn."',
        "This Week in Dorn.",
    ),
    (
        '"Always err on the side of caution," said Ada Frey, a co-author of '
        '"Grey Harbour: The Fall of a Port."',
        "Grey Harbour: The Fall of a Port.",
    ),
    (
        '"It is too early to tell," said Holm, who hosts the TV show "Dragon Market."',
        "Dragon Market.",
    ),
]


@pytest.mark.parametrize(("body", "title"), WORK_TITLES)
def test_titles_of_shows_and_books_are_no_statements(body, title):
    assert title not in [text for text, _speaker in speakers(body)]


def test_a_sentence_after_on_monday_is_still_speech():
    body = 'Tom Holm said on Monday: "We will win the vote."'
    assert speakers(body) == [("We will win the vote.", "Tom Holm")]


NOT_THE_NAMED_PERSON = [
    '"We are done," said a friend of Tom Holm.',
    '"We are done," said the driver who hit Tom Holm.',
    '"We are done," said the lawyer for Tom Holm.',
]


@pytest.mark.parametrize("body", NOT_THE_NAMED_PERSON)
def test_a_name_after_someone_else_s_description_does_not_speak(body):
    assert speakers(body) == []


def test_every_statement_names_the_rule_that_attributed_it():
    from statements.extraction.attribution import RULES, extract_statements

    body = (
        "Tom Holm, the mayor, spoke on Monday.\n\n"
        '"We will win," Holm said. "And soon."\n\n'
        '"Nobody in this town doubts it."\n\n'
        'Ada Frey, the union leader, called it "a fantasy."'
    )
    statements, _people = extract_statements(body)
    names = {name for name, _rule in RULES}
    used = [s.evidence.split(":")[0].removeprefix("rule ") for s in statements]
    assert used == ["cue-after", "continues-quote", "last-speaker", "cue-before"]
    assert set(used) <= names and len(names) == len(RULES)


def test_a_cue_in_the_next_paragraph_names_the_speaker():
    body = (
        "Tom Holm, the head of the union, met the workers.\n\n"
        '"We will not allow the plant to close, not this year and not the next."\n\n'
        "This was stated by the head of the union on Monday."
    )
    assert speakers(body) == [
        ("We will not allow the plant to close, not this year and not the next.", "Tom Holm")
    ]


def test_a_source_in_the_next_paragraph_that_is_no_person_is_nobody_s_quote():
    body = (
        '"We will strike tomorrow," Tom Holm, the head of the union, said.\n\n'
        '"We will not allow the plant to close, not this year and not the next."\n\n'
        "This was stated by the ministry on Monday."
    )
    assert [speaker for _text, speaker in speakers(body)] == ["Tom Holm"]


INSTITUTIONS = [
    'Ada Frey teaches at the University of Korvel. "The data is clear enough," Korvel said.',
    '"The data is clear enough for everyone," the Institute for Applied Economics said.',
]


@pytest.mark.parametrize("body", INSTITUTIONS)
def test_institutions_and_their_places_are_no_speakers(body):
    assert all(speaker == "Ada Frey" for _text, speaker in speakers(body))


def test_a_surname_after_of_in_a_family_phrase_still_speaks():
    body = 'The daughter of Tom Korvel spoke. "The data is clear enough," Korvel said.'
    assert speakers(body) == [("The data is clear enough", "Tom Korvel")]


SUBJECT_COLON = [
    (
        'Tom Holm was blunt: "We lost the vote and we lost the argument."',
        [("We lost the vote and we lost the argument.", "Tom Holm")],
    ),
    (
        "Tom Holm spoke.\n\nHe has adopted the stance common among officials: "
        '"I am against it in public, for it in private."',
        [("I am against it in public, for it in private.", "Tom Holm")],
    ),
    # another person in the lead, or no person at all: nobody's words
    ('Tom Holm read out the charges against Ada Frey: "Fraud, theft and perjury."', []),
    ('The ministry\'s statement read: "We regret the decision."', []),
]


@cases(SUBJECT_COLON)
def test_a_whole_sentence_quote_after_its_subject_s_colon(body, expected):
    assert speakers(body) == expected
