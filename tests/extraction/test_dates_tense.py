"""Which day a time expression names, and when it is not the day words were said."""

from datetime import date

import pytest

from statements.extraction.dates import date_near

THURSDAY = date(2024, 5, 16)


def said_on(text: str, published_on: date | None = THURSDAY) -> date | None:
    anchor = text.index("said") if "said" in text else 0
    return date_near(text, 0, len(text), anchor, published_on)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "last Thursday" in Thursday's paper is a week ago; a bare "Thursday" is today
        ("Mayor Ilse Brandt said last Thursday that the bridge was safe.", date(2024, 5, 9)),
        ("Mayor Ilse Brandt said last Tuesday that the bridge was safe.", date(2024, 5, 14)),
        ("Mayor Ilse Brandt said this past Thursday that it was safe.", date(2024, 5, 9)),
        ("Mayor Ilse Brandt said Thursday that the bridge was safe.", THURSDAY),
        ("Mayor Ilse Brandt said on Wednesday that the bridge was safe.", date(2024, 5, 15)),
        # "Thursday last week": the week before the paper's, whatever day the paper is
        ("Mayor Ilse Brandt said Thursday last week that it was safe.", date(2024, 5, 9)),
        ("Mayor Ilse Brandt said on Monday of last week that it was safe.", date(2024, 5, 6)),
        ("Mayor Ilse Brandt said on Friday last week that it was safe.", date(2024, 5, 10)),
    ],
)
def test_last_weekday(text: str, expected: date) -> None:
    assert said_on(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brandt, who will travel to Kessel on Friday, said the bridge was safe.",
        "The minister will sign the decree on Monday, Brandt said.",
        "Brandt said the council is expected to vote on Tuesday.",
        "Brandt said she plans to meet the union next Monday.",
        "Brandt said the talks are scheduled for Saturday.",
        "Brandt said she'll decide on Sunday.",
        "Brandt said the ban, starting Monday, was overdue.",
        "Brandt said the vote would take place on Tuesday.",
        "Brandt said she is going to resign tonight.",
        "Brandt said ahead of Tuesday's vote that she was confident.",
        "Brandt said the council meets on Friday next week.",
    ],
)
def test_a_day_in_the_future_or_in_a_plan_is_not_when_words_were_said(text: str) -> None:
    assert said_on(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the plan's day is skipped; the day of the speaking is still found
        (
            "Brandt, who will travel to Kessel on Friday, said Tuesday the bridge was safe.",
            date(2024, 5, 14),
        ),
        ("Brandt said on Monday that she would resign on Friday.", date(2024, 5, 13)),
        # a past-tense speech verb starts the clause of its own day
        (
            "Brandt, who would not comment earlier, told reporters on Monday she had said enough.",
            date(2024, 5, 13),
        ),
        # past events with ordinary words stay dated
        ("Brandt said on Wednesday the vote had gone badly.", date(2024, 5, 15)),
        ("Brandt said yesterday the council set the budget.", date(2024, 5, 15)),
        ("Brandt spoke before the committee on Tuesday and said it was safe.", date(2024, 5, 14)),
    ],
)
def test_the_day_of_speaking_is_kept_beside_a_plan(text: str, expected: date) -> None:
    assert said_on(text) == expected
