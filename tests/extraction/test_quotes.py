"""Quotation scanning: every mark convention the archive meets."""

import pytest

from statements.extraction.quotes import find_quotes


def _texts(body: str) -> list[str]:
    return [q.text(body) for q in find_quotes(body)]


CASES = [
    ("curly", "\u201cWe will act,\u201d she said.", ["We will act"]),
    ("straight", '"We will act," she said.', ["We will act"]),
    ("guillemets", "\u00abWe will act\u00bb, she said.", ["We will act"]),
    ("british single", "\u2018We will act,\u2019 she said.", ["We will act"]),
    ("straight single", "'We will act,' she said.", ["We will act"]),
    (
        "apostrophes are not quotes",
        "Norland\u2019s leader said it\u2019s a coup d\u2019etat, don't you think? "
        "\u201cIt\u2019s over,\u201d he said.",
        ["It\u2019s over"],
    ),
    (
        "plural possessive inside single quotes",
        "\u2018The ministers\u2019 plan is dead,\u2019 she said.",
        ["The ministers\u2019 plan is dead"],
    ),
    (
        "straight inside straight",
        '"It was a standard "velvet coup" plan, nothing more," Holm said.',
        ['It was a standard "velvet coup" plan, nothing more'],
    ),
    (
        "straight inside curly",
        'Holm said the troops would stay for a "limited" time, calling it \u201ca duty.\u201d',
        ["limited", "a duty."],
    ),
    (
        "split around attribution",
        "\u201cWe will act,\u201d she said, \u201cand fast.\u201d",
        ["We will act", "and fast."],
    ),
    (
        "trailing period kept, comma dropped",
        'He called it "a farce." Then "we go," he said.',
        ["a farce.", "we go"],
    ),
    (
        "unclosed quote ends before attribution sentence",
        'There are reasons, said the minister, "because the economy is weak. '
        'Holm explained that "prices are too high."',
        ["because the economy is weak.", "prices are too high."],
    ),
    (
        "unclosed quote ends before pronoun cue",
        'The events were "unexpected, given the tension. He agreed that "it was a coup."',
        ["unexpected, given the tension.", "it was a coup."],
    ),
    (
        "unclosed quote runs to end of paragraph",
        'Varga said: "We are ready to talk to anyone.\n\nThe talks begin Monday.',
        ["We are ready to talk to anyone."],
    ),
    (
        "multi-paragraph quote",
        '"First part of it.\n\n"Second part.\n\n"Last part," she said.',
        ["First part of it. Second part. Last part"],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_quote_texts(name: str, body: str, expected: list[str]) -> None:
    assert _texts(body) == expected


def test_nested_span_recorded() -> None:
    body = '"It was a standard "velvet coup" plan," Holm said.'
    (q,) = find_quotes(body)
    assert [body[s:e] for s, e in q.nested] == ["velvet coup"]


def test_multi_paragraph_quote_has_one_span_per_paragraph() -> None:
    body = '"One.\n\n"Two," she said.'
    (q,) = find_quotes(body)
    assert [body[s:e] for s, e in q.spans] == ["One.", "Two"]
    assert q.closed


def test_spans_exclude_marks() -> None:
    body = "Holm called it \u201can attempted coup.\u201d"
    (q,) = find_quotes(body)
    s, e = q.spans[0]
    assert body[s - 1] == "\u201c" and body[e] == "\u201d"
