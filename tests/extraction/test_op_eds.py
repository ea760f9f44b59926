"""An op-ed's or a column's author quoting their own words: 'I' is the byline. Fictional people."""

from pathlib import Path

import pytest

from statements.extraction.attribution import extract_statements
from statements.extraction.pipeline import process
from statements.extraction.readers import read_path

BODY = (
    "I have lived in Dorn for forty years. When the council met last spring, I told them: "
    '"Closing the bridge will kill the market."\n\n'
    'They did not listen. As I wrote in this paper in May, "a town without a bridge is an island."'
)


def _pairs(statements):
    return [(s.text, s.speaker) for s in statements]


def test_the_author_s_own_words_are_the_author_s_statements():
    statements, people = extract_statements(BODY, author="Tom Holm")
    assert _pairs(statements) == [
        ("Closing the bridge will kill the market.", "Tom Holm"),
        ("a town without a bridge is an island.", "Tom Holm"),
    ]
    assert statements[0].evidence.startswith("rule author-first-person: 'I told' -> 'Tom Holm'")
    assert [p.name for p in people] == ["Tom Holm"]


@pytest.mark.parametrize("author", [None, "Tom Holm and Ada Frey", "STAFF REPORT"])
def test_without_one_named_author_nobody_is_i(author):
    statements, _people = extract_statements(BODY, author=author)
    assert statements == []


def test_someone_else_s_cue_still_wins():
    body = 'I asked Ada Frey about the bridge. "It stays closed," she said.'
    statements, _people = extract_statements(body, author="Tom Holm")
    assert _pairs(statements) == [("It stays closed", "Ada Frey")]


def test_the_byline_reaches_the_engine_through_the_pipeline(tmp_path: Path):
    path = tmp_path / "op-ed.txt"
    path.write_text(
        "Why the bridge must stay open\n\nBy Tom Holm\n\n" + BODY + "\n", encoding="utf-8"
    )
    (doc,) = read_path(path)
    assert [s.speaker for s in process(doc).statements] == ["Tom Holm", "Tom Holm"]


def test_the_byline_asks_an_interview_s_questions():
    body = (
        "The mayor of Dorn, Lena Varga, on the bridge.\n\n"
        "Q: Why did you close the bridge?\n\n"
        "A: It was unsafe."
    )
    statements, _people = extract_statements(body, author="Tom Holm")
    assert _pairs(statements) == [
        ("Why did you close the bridge?", "Tom Holm"),
        ("It was unsafe.", "Lena Varga"),
    ]
