"""Re-importing every article after editors changed statements, speakers and events
loses none of their changes: not on an identical re-import, not on a corrected one."""

import pytest

from statements.importing import import_paths
from statements.linking import link_events
from statements.merging import merge_speakers, split_speaker
from statements.models import (
    EventLink,
    ReviewStatus,
    Speaker,
    Statement,
    StatementEvent,
    Tag,
)
from tests.factories import make_event

pytestmark = pytest.mark.django_db

TALKS = """Quay talks resume in Port Ansel

11 March 2025

Talks on the harbour resumed on Tuesday. "We are close to a deal," Marta Quist said after the meeting.

Arvid Holm was more careful. "Nothing is signed until everything is signed," Holm said.
"""


def editor_view() -> dict:
    """Everything editors decide, per statement (by id), and the speakers they shaped."""
    return {
        "statements": {
            st.pk: (
                st.text,
                st.speaker.name,
                st.review_status,
                st.editor_note,
                st.edited_by_editor,
                sorted(t.name for t in st.tags.all()),
                sorted(
                    (link.event.slug, link.linked_by)
                    for link in StatementEvent.objects.filter(statement=st)
                    if link.linked_by != EventLink.KEYWORD
                ),
            )
            for st in Statement.objects.all()
        },
        "speakers": sorted(
            (s.name, s.slug, sorted(a.name for a in s.aliases.all())) for s in Speaker.objects.all()
        ),
    }


def test_reimport_after_editors_worked_keeps_all_their_changes(write, article_text, tmp_path):
    harbour = write("desk/harbour.txt", article_text)
    talks = write("desk/talks.txt", TALKS)
    strike = make_event("Harbour strike", slug="harbour-strike", keywords=["harbour"])
    import_paths([str(tmp_path / "desk")])
    holm = Speaker.objects.get(name="Arvid Holm")
    quist = Speaker.objects.get(name="Marta Quist")
    holm_quotes = list(Statement.objects.filter(speaker=holm).order_by("id"))
    quist_quotes = list(Statement.objects.filter(speaker=quist).order_by("id"))
    assert len(holm_quotes) >= 2 and len(quist_quotes) >= 2

    # Statements: verified with a note, corrected by hand, tagged, linked to an event.
    verified = holm_quotes[0]
    verified.review_status = ReviewStatus.VERIFIED
    verified.editor_note = "Checked against the ministry's transcript."
    verified.save()
    corrected = holm_quotes[1]
    corrected.text = corrected.text.rstrip(",.") + "."
    corrected.kind = "partial"
    corrected.edited_by_editor = True
    corrected.save()
    tag = Tag.objects.create(name="deal talk")
    quist_quotes[0].tags.add(tag)
    reform = make_event("Port reform", slug="port-reform", keywords=[])
    StatementEvent.objects.create(
        statement=quist_quotes[1], event=reform, linked_by=EventLink.EDITOR
    )
    # Events: keywords changed and re-linked.
    strike.keywords = ["harbour", "dockers"]
    strike.save()
    link_events()
    # Speakers: a merge with a new canonical name, then a split of one spelling.
    lund = Speaker.objects.create(name="M. Quist-Lund")
    merge_speakers(lund, [quist], canonical_name="Marta Quist-Lund")
    holm.add_alias("A. Holm")
    split = split_speaker(holm, holm.aliases.get(name="A. Holm"), new_name="Anna Holm")
    assert split.new_speaker.name == "Anna Holm"
    before = editor_view()

    report = import_paths([str(tmp_path / "desk")])
    assert report.totals()["articles_unchanged"] == 2
    assert editor_view() == before

    # Corrected versions of both files: same paths and headlines, new sentences.
    write("desk/harbour.txt", article_text + '\nHolm added: "Ferries come first."\n')
    write("desk/talks.txt", TALKS + '\n"The dockers will vote on Friday," Quist said.\n')
    report = import_paths([harbour, talks])
    assert report.totals()["articles_updated"] == 2 and report.ok
    after = editor_view()
    for pk, decided in before["statements"].items():
        assert after["statements"][pk] == decided, pk
    assert {name for name, _slug, _aliases in after["speakers"]} >= {
        name for name, _slug, _aliases in before["speakers"]
    }
    # New words by merged spellings land on the kept speaker, not on a re-created one.
    assert not Speaker.objects.filter(name="Marta Quist").exists()
    assert Statement.objects.get(text__startswith="The dockers will vote").speaker == lund
    assert strike.statements.filter(text__startswith="The dockers will vote").exists()
