"""Extraction work grows linearly with an article's length.

No timing: the interpreter counts the lines of Python it executes while the
engine reads a text of n and of 2n characters. A step that scans the whole
article (or a whole sentence or paragraph) once per quote, cue or mention
makes the count grow about four times; a linear engine about twice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

import pytest

from benchmarks.extract import one_line, printable_junk, repetitive_page
from statements.extraction.attribution import extract_statements
from statements.extraction.cleaning import clean
from statements.extraction.document import RawDocument


def _lines_executed(fn: Callable[[], object]) -> int:
    count = 0

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202 - the sys.settrace protocol
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def _engine(text: str) -> Callable[[], object]:
    def run() -> object:
        article = clean(
            RawDocument(source_file="big.txt", text="Headline\n\n" + text, format="text")
        )
        return extract_statements(article.body, date(2024, 5, 2), title=article.title)

    return run


def _single_sentence(size: int) -> str:
    """Quotes and cues with no sentence end: one sentence as long as the text."""
    unit = 'the minister said "we act now" and Holm said "not yet" while Varga noted '
    return (unit * (size // len(unit) + 1))[:size]


def _unclosed_quotes(size: int) -> str:
    """Quotes that never close, each followed by narration that ends them."""
    unit = '"We will act now and we will not wait. Holm said so on Monday. '
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize(
    "make",
    [repetitive_page, one_line, printable_junk, _single_sentence, _unclosed_quotes],
    ids=["repetitive-page", "one-line", "printable-junk", "single-sentence", "unclosed-quotes"],
)
def test_work_doubles_when_the_text_doubles(make: Callable[[int], str]) -> None:
    n = 24_000
    small = _lines_executed(_engine(make(n)))
    large = _lines_executed(_engine(make(2 * n)))
    assert small > 1000  # the engine really read the text
    assert large / small < 2.6, f"work grew {large / small:.1f}x when the text doubled"


def test_an_engine_error_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a rule must reach the import's report, not become an empty article."""
    import statements.extraction.attribution as attribution

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("rule failed")

    monkeypatch.setattr(attribution, "build_cast", broken)
    with pytest.raises(ValueError, match="rule failed"):
        extract_statements('"We will act," Holm said.', date(2024, 5, 2))
