"""The engine never raises and its spans always point at the stored text."""

import ast
import pathlib
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from statements.extraction.attribution import _extract, extract_statements

PIECES = st.sampled_from(
    [
        '"',
        "'",
        "\u201c",
        "\u201d",
        "\u2018",
        "\u2019",
        "\u00ab",
        "\u00bb",
        "\n\n",
        "\n",
        ". ",
        ", ",
        " said ",
        " he ",
        " she ",
        "Arvid Holm",
        "Lena Varga",
        " the minister ",
        " According to him, ",
        "Monday",
        " on Jan. 10 ",
        "Mr. ",
        " told ",
        ":",
        " that ",
        "We will act",
        " x",
        "\x00",
        "\u00a0",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.one_of(st.none(), st.dates()))
def test_never_raises_and_spans_match(body, published_on):
    statements, people = _extract(body, published_on, None)  # the unguarded core
    names = {p.name for p in people}
    for s in statements:
        assert s.spans
        for start, end in s.spans:
            assert 0 <= start < end <= len(body)
        assert s.text == " ".join(body[a:b] for a, b in s.spans)
        assert 0.0 <= s.confidence <= 1.0
        assert s.speaker in names
    assert extract_statements(body, published_on) is not None


def test_no_django_in_extraction():
    root = pathlib.Path(__file__).resolve().parents[2] / "statements" / "extraction"
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""]
            else:
                continue
            assert not any(m.split(".")[0] == "django" for m in mods), path


def test_published_on_optional():
    statements, _ = extract_statements('"We stay," Arvid Holm said Monday.')
    assert statements[0].said_on is None
    statements, _ = extract_statements('"We stay," Arvid Holm said Monday.', date(2023, 3, 15))
    assert statements[0].said_on == date(2023, 3, 13)
