"""An engine bug is never silent: it reaches the import report and the exit code.

A catch-all anywhere in the steps would turn a bug into an article stored with
no statements and no error. These tests break each step in turn, deep inside
the engine, and look for the error where a user sees it.
"""

import json

import pytest
from django.core.management import CommandError, call_command

from statements.extraction import attribution, cleaning, metadata
from statements.extraction.document import RawDocument
from statements.extraction.people import Cast
from statements.extraction.pipeline import process

ARTICLE = """Harbour Board Delays Vote on Fees

12 March 2025

The harbour board of Marenburg postponed its vote on mooring fees on Tuesday.

"Nobody has shown us where the money goes," said Oskar Lindqvist, who speaks for the
fishermen's cooperative, on Tuesday.
"""

# (owner, attribute): one function of each step, where the step calls it.
STEPS = [
    (cleaning, "strip_furniture"),  # page furniture
    (cleaning, "_join_lines"),  # paragraphs
    (metadata, "detect_language"),  # metadata
    (attribution, "find_quotes"),  # quotes
    (attribution, "mask_quotes"),  # sentences
    (attribution, "build_cast"),  # people
    (Cast, "mention_at"),  # the attribution rules
    (attribution, "date_near"),  # dates
]


class EngineBug(Exception):
    pass


def _broken(*_args, **_kwargs):
    raise EngineBug("a bug in the engine")


@pytest.mark.parametrize(("module", "name"), STEPS, ids=[name for _m, name in STEPS])
def test_an_exception_in_any_step_leaves_the_pipeline(monkeypatch, module, name):
    assert process(RawDocument(source_file="a.txt", text=ARTICLE, format="text")).statements
    monkeypatch.setattr(module, name, _broken)
    with pytest.raises(EngineBug):
        process(RawDocument(source_file="a.txt", text=ARTICLE, format="text"))


@pytest.mark.django_db
def test_an_engine_bug_fails_the_import_with_the_file_named(monkeypatch, tmp_path, capsys):
    from statements.models import Article

    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.json"
    monkeypatch.setattr(attribution, "date_near", _broken)

    with pytest.raises(CommandError, match="1 file"):
        call_command("import_articles", str(tmp_path / "harbour.txt"), "--report", str(report))

    assert f"FAILED {tmp_path / 'harbour.txt'}:" in capsys.readouterr().err
    assert "EngineBug: a bug in the engine" in report.read_text(encoding="utf-8")
    assert json.loads(report.read_text(encoding="utf-8"))
    assert not Article.objects.exists()  # no article without its statements
