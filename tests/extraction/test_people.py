"""People of an article: names with titles, surnames, roles, pronouns, gender."""

import pytest

from statements.extraction.document import paragraph_bounds
from statements.extraction.people import build_cast
from statements.extraction.quotes import find_quotes
from statements.extraction.sentences import mask_quotes, split_sentences


def _cast(body: str):
    quotes = find_quotes(body)
    sentences = split_sentences(body, paragraph_bounds(body), quotes)
    return build_cast(mask_quotes(body, quotes), [s.start for s in sentences])


INTRODUCTIONS = [
    ("Norland spokesman Arvid Holm said the talks were over.", "Arvid Holm", "Norland spokesman"),
    (
        "Deputy Chairman of the Norland Security Council Arvid Holm said so.",
        "Arvid Holm",
        "Deputy Chairman of the Norland Security Council",
    ),
    (
        "Westmark\u2019s President Lena Varga-Ost said so.",
        "Lena Varga-Ost",
        "Westmark\u2019s President",
    ),
    ("Lena Varga, the interior minister, said so.", "Lena Varga", "interior minister"),
    ("The ministry's spokeswoman, Irina Bolt, said so.", "Irina Bolt", "ministry's spokeswoman"),
    ("President Ivan Petrovich Sidorov said so.", "Ivan Sidorov", "President"),
    (  # a portfolio of several capitalized words is the title, not the name
        "Minister of Energy and Water Resources Tomas Rek said so.",
        "Tomas Rek",
        "Minister of Energy and Water Resources",
    ),
    (
        "Minister of Ecology and Natural Resources Dana Ost said so.",
        "Dana Ost",
        "Minister of Ecology and Natural Resources",
    ),
    (  # a surname ending like a nationality, after a given name
        "Norland Foreign Ministry spokeswoman Ani Vardarian said so.",
        "Ani Vardarian",
        "Norland Foreign Ministry spokeswoman",
    ),
]


@pytest.mark.parametrize(("body", "name", "role"), INTRODUCTIONS)
def test_first_mention_name_and_role(body: str, name: str, role: str) -> None:
    cast = _cast(body)
    assert [e.name for e in cast.entities] == [name]
    assert cast.entities[0].role == role


NOT_PEOPLE = [
    "According to the state-run Norland News Agency, the plan failed.",
    "The Kremlin said the plan failed.",
    "Residents interviewed by the Dorn Courier were angry.",
    "The opposition Civic List walked out of the session.",
    "TASS and RIA Novosti reported the decision.",
]


@pytest.mark.parametrize("body", NOT_PEOPLE)
def test_organisations_are_not_people(body: str) -> None:
    assert _cast(body).entities == []


def _resolved(body: str, word: str, nth: int = 0) -> str | None:
    cast = _cast(body)
    hits = [m for m in cast.mentions if m.text == word]
    m = hits[nth]
    return cast.entities[m.entity].name if m.entity is not None else None


LATER_MENTIONS = [
    ("surname", "Minister Arvid Holm arrived. Holm said little.", "Holm", "Arvid Holm"),
    (
        "role",
        "Deputy Chairman of the Security Council Arvid Holm spoke. "
        "The deputy head of the Security Council left early.",
        "The deputy head of the Security Council",
        "Arvid Holm",
    ),
    (
        "pronoun of different gender",
        "Arvid Holm met Lena Varga on Tuesday. She said little.",
        "She",
        "Lena Varga",
    ),
    (
        "pronoun of different gender, reversed",
        "Lena Varga met Arvid Holm on Tuesday. He said little.",
        "He",
        "Arvid Holm",
    ),
    (
        "honorific gives gender",
        "Ms Dana Holm met Mr Ivo Berg. He spoke first.",
        "He",
        "Ivo Berg",
    ),
    (
        "person named inside a quote is no antecedent",
        'Arvid Holm said: "Lena Varga called me." He hung up.',
        "He",
        "Arvid Holm",
    ),
]


@pytest.mark.parametrize(
    ("name", "body", "word", "expected"), LATER_MENTIONS, ids=[c[0] for c in LATER_MENTIONS]
)
def test_later_mentions_resolve(name: str, body: str, word: str, expected: str) -> None:
    assert _resolved(body, word) == expected


def test_fullest_name_is_kept() -> None:
    cast = _cast("President Holm spoke. Later President Arvid Holm left.")
    assert [e.name for e in cast.entities] == ["Arvid Holm"]


def test_gender_from_title() -> None:
    cast = _cast("Norland spokeswoman Dana Ost said so.")
    assert cast.entities[0].gender == "f"
