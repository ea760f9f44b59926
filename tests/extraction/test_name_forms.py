"""How news copy writes one person's name, and later mentions that must land on that person.

Fictional people and places only. Each case lists the (quoted text, speaker)
pairs expected from a body, in order.
"""

import pytest

from tests.extraction.engine_cases import cases, speakers

LATER_MENTIONS = [
    # a middle initial that reads like the article 'A'
    (
        "William A. Ostrand of Pelham Capital has stayed in the stock.\n\n"
        '"It will take some time," Mr. Ostrand said.',
        [("It will take some time", "William A. Ostrand")],
    ),
    # initials for a given name
    (
        '"Nobody saw it coming," says J.J. Corrigan, an expert on militias.\n\n'
        '"They were ready for a hard stand," Corrigan said.',
        [
            ("Nobody saw it coming", "J.J. Corrigan"),
            ("They were ready for a hard stand", "J.J. Corrigan"),
        ],
    ),
    # a surname that starts with a particle, later without the given name
    (
        "The party's leader, Marine Le Garrec, backed the plan.\n\n"
        '"It is clear what I would choose," said Le Garrec.',
        [("It is clear what I would choose", "Marine Le Garrec")],
    ),
    (
        'Dana van der Molen spoke first.\n\n"Not this year, and not the next," Van der Molen said.',
        [("Not this year, and not the next", "Dana van der Molen")],
    ),
    # an honorific inside the description belongs to someone else
    (
        "Kellyanne Dorsey, a senior adviser and pollster for Mr. Pruitt, joined the call.\n\n"
        '"It is an expansion at a busy time," Ms. Dorsey said.',
        [("It is an expansion at a busy time", "Kellyanne Dorsey")],
    ),
    # the family name first, later alone
    (
        "Gao Junlan, a lawyer from the province of Xelan, was at the meeting.\n\n"
        '"I think the government should act," Gao said.',
        [("I think the government should act", "Gao Junlan")],
    ),
    (
        "Gao Junlan, a lawyer from the province of Xelan, was at the meeting.\n\n"
        '"I think the government should act," Ms. Gao said.',
        [("I think the government should act", "Gao Junlan")],
    ),
    # a given name alone first, the full name later
    (
        "Dana Marsh seldom speaks of her brother Freddy, who died in 1981.\n\n"
        "But the case of Freddy Marsh shaped the family.\n\n"
        '"He was too kind for the business," Freddy\'s friend Ola Brand said.\n\n'
        '"I was too young to see it," Freddy said once.',
        [
            ("He was too kind for the business", "Ola Brand"),
            ("I was too young to see it", "Freddy Marsh"),
        ],
    ),
    # a unit and a rank before the name
    (
        '"I was hoping for something else," said Air Force 1st Lt. Tyler Brandt.',
        [("I was hoping for something else", "Tyler Brandt")],
    ),
    # 'Like' opening a sentence is no given name
    (
        "Mike Allen writes the newsletter. Like Allen, his staff starts at dawn.\n\n"
        '"We like to work early," Allen said.',
        [("We like to work early", "Mike Allen")],
    ),
    # relatives sharing a surname: a bare surname is the one the passage is about
    (
        "Eric Vance says he cannot name a single gift from Donald Vance, his father.\n\n"
        "Since 2001, Donald Vance has promised millions to charity.\n\n"
        "Then, last week, Eric Vance called.\n\n"
        '"My father has given my foundation a great deal," Vance said.',
        [("My father has given my foundation a great deal", "Eric Vance")],
    ),
    (
        "Since 2001, Donald Vance has promised millions to charity.\n\n"
        "His son Eric Vance runs a foundation of his own.\n\n"
        "On Monday Donald Vance spoke in Dorn.\n\n"
        '"I give more than anyone," Vance said.',
        [("I give more than anyone", "Donald Vance")],
    ),
    # a name on a line of its own, its title on the next (a profile's or a letter's header)
    (
        'Ada Frey\nMayor of Dorn\n\n"We will win this fight," Frey said.',
        [("We will win this fight", "Ada Frey")],
    ),
    # relatives told apart by their given names
    (
        "Freddy Marsh and his brother Donald Marsh grew up in Elm Park.\n\n"
        '"He would have been a peacemaker," Donald said. '
        '"He is the opposite of me," Freddy said.',
        [
            ("He would have been a peacemaker", "Donald Marsh"),
            ("He is the opposite of me", "Freddy Marsh"),
        ],
    ),
]


@cases(LATER_MENTIONS)
def test_later_mentions_land_on_the_person_introduced(body, expected):
    assert speakers(body) == expected


def test_country_initials_are_no_given_name():
    body = '"We will not pay," the U.S. Treasury said on Monday. Ada Quill agreed.'
    assert all("Treasury" not in speaker for _text, speaker in speakers(body))


def test_an_honorific_keeps_a_surname_apart_from_a_given_name():
    body = 'Jordan Vale chaired the meeting.\n\n"The money is gone, all of it," Mr. Jordan said.'
    assert speakers(body) != [("The money is gone, all of it", "Jordan Vale")]


def test_a_given_name_two_people_share_stays_unresolved():
    body = 'Dana Holm and Dana Frey met the mayor.\n\n"We will come back next week," Dana said.'
    assert [speaker for _text, speaker in speakers(body)] not in (["Dana Holm"], ["Dana Frey"])


SURNAMES_LIKE_WORDS = [
    # surnames that end like countries or companies, never introduced
    ('"We will not pay," said Copeland.', [("We will not pay", "Copeland")]),
    ('"We will not pay," Vargas said.', [("We will not pay", "Vargas")]),
    # a surname that is also an organisation word
    (
        'Finance Minister Lars Bank said the budget was "not negotiable at all, ever."',
        [("not negotiable at all, ever.", "Lars Bank")],
    ),
    (
        'Ola Bank, the finance minister, spoke first. "We will not pay this," Bank said.',
        [("We will not pay this", "Ola Bank")],
    ),
    (
        'Maria Church chairs the board. "Nobody asked us first," Church said.',
        [("Nobody asked us first", "Maria Church")],
    ),
    # a surname that is also a title
    (
        '"It will not be easy for Ada Frey," said Representative Peter T. King of Velsk.',
        [("It will not be easy for Ada Frey", "Peter T. King")],
    ),
    (
        'Ada Bishop spoke first. "We are not done here," Bishop said.',
        [("We are not done here", "Ada Bishop")],
    ),
]


@cases(SURNAMES_LIKE_WORDS)
def test_surnames_that_look_like_places_or_firms(body, expected):
    assert speakers(body) == expected


ORGANISATIONS_AND_PLACES = [
    '"We will not pay this," Deutsche Bank said.',
    'Ola Bank spoke. "We will not pay this," the Bank said.',
    '"We will not pay this," Royal Bank said.',
    'Ada Holm spoke at Grace Church. "We will not pay this," said Grace Church.',
    '"We will not pay this," Norland said.',
    '"We will not pay this," Iceland said.',
    '"It is not for sale at any price," said Naftogas.',
    '"We will not pay," Israel said.',
    'Ada Bishop spoke first. "We are not done here," the Bishop said.',
]


@pytest.mark.parametrize("body", ORGANISATIONS_AND_PLACES)
def test_organisations_and_countries_stay_no_speakers(body):
    assert speakers(body) == []


def test_given_names_of_either_sex_leave_the_sex_to_the_article():
    from statements.extraction.names import given_name_gender

    assert [given_name_gender(w) for w in ("Bernie", "Rand", "Lindsey", "Kelly")] == ["?"] * 4
    assert [given_name_gender(w) for w in ("Hillary", "Ted", "Dana", "Holmvik")] == [
        "f",
        "m",
        "f",
        None,
    ]


PRONOUNS_AND_DESCRIPTIONS = [
    # 'he' is the man the article is about, whatever a name list guesses for 'Bernie'
    (
        "Dorn Courier reporter Nicole Vance asked Bernie Halloway about the primary.\n\n"
        "Halloway laughed, heartily.\n\n"
        '"Politics is a tough game," he said.',
        [("Politics is a tough game", "Bernie Halloway")],
    ),
    # an honorific inside a description is someone else's
    (
        "Gene Sorling, a longtime policy maker who is now advising Mrs. Frey's campaign, "
        "hired her in 1997.\n\n"
        '"She is supersmart and well prepared," Mr. Sorling said.',
        [("She is supersmart and well prepared", "Gene Sorling")],
    ),
]


@cases(PRONOUNS_AND_DESCRIPTIONS)
def test_pronouns_and_descriptions(body, expected):
    assert speakers(body) == expected
