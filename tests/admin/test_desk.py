"""The admin's front page is the editors' desk: the work waiting, imports, likely duplicates."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from statements.models import ImportJob, ImportJobPart, ReviewStatus, SpeakerRole
from statements.models.jobs import PartState
from tests.factories import make_speaker, make_statement

DESK = reverse("admin:index")


@pytest.fixture(autouse=True)
def _fresh_duplicates():
    cache.clear()  # the duplicate proposals are cached between visits
    yield
    cache.clear()


def test_desk_counts_the_work_waiting(editor_client, db):
    for confidence in (0.2, 0.3, 0.9):
        make_statement(f"Quote at {confidence}.", confidence=confidence)
    make_statement("A settled quote.", review_status=ReviewStatus.VERIFIED)
    make_statement("A doubtful quote.", review_status=ReviewStatus.DISPUTED)
    page = editor_client.get(DESK)
    assert page.status_code == 200
    figures = {name: str(figure) for name, figure in page.context["desk"]["review"].items()}
    assert figures == {"waiting": "3", "low": "2", "disputed": "1"}
    html = page.text
    assert "<strong>3</strong> waiting for review" in html
    assert "<strong>2</strong> of them at low confidence" in html
    assert "A doubtful quote." in html  # latest disputed, linked
    assert reverse("admin:statements_reviewqueuestatement_changelist") + "?confidence=low" in html


def test_counts_past_the_cap_read_as_more(db):
    from statements.admin.desk import capped_count
    from statements.models import Statement

    for n in range(4):
        make_statement(f"Quote {n}.")
    assert str(capped_count(Statement.objects.all(), cap=3)) == "3+"
    assert str(capped_count(Statement.objects.all(), cap=4)) == "4"


def test_desk_shows_latest_imports_with_their_failures(editor_client, editor, db):
    job = ImportJob.objects.create(created_by=editor, description="Morning batch")
    ImportJobPart.objects.create(job=job, path="/in/good.txt", state=PartState.DONE)
    ImportJobPart.objects.create(
        job=job,
        path="/in/broken.txt",
        state=PartState.FAILED,
        results=[{"source_file": "broken.txt", "errors": ["not text: binary content"]}],
    )
    page = editor_client.get(DESK)
    (line,) = page.context["desk"]["imports"]
    assert line.progress["failed"] == 1 and line.progress["total"] == 2
    assert "broken.txt: not text: binary content" in page.text
    assert "<strong>1 failed</strong>" in page.text


def test_desk_proposes_merging_likely_duplicates(editor_client, db):
    jon = make_speaker("Jon Halloran", country="Veloria")
    john = make_speaker("John Halloran", country="Veloria")
    SpeakerRole.objects.create(speaker=jon, title="Harbour minister")
    SpeakerRole.objects.create(speaker=john, title="Harbour minister")
    make_speaker("Marc Halloran", country="Veloria")  # same surname, another person
    make_speaker("Jon Halloren", country="Ostmark")  # similar, but another country
    make_statement("The harbour stays open.", speaker=jon)

    page = editor_client.get(DESK)
    (proposal,) = page.context["desk"]["merges"]
    assert {s.name for s in proposal.speakers} == {"Jon Halloran", "John Halloran"}
    assert "both Veloria" in proposal.reasons
    assert "both “harbour minister”" in proposal.reasons
    # One click opens the merge form for exactly that pair.
    merge = editor_client.post(
        reverse("admin:statements_speaker_changelist"),
        {"action": "merge_selected", "_selected_action": [jon.pk, john.pk]},
    )
    assert merge.status_code == 200
    assert "Choose the record to keep" in merge.text
    assert {s.pk for s in merge.context["objects"]} == {jon.pk, john.pk}


def test_a_speaker_known_by_surname_alone_is_proposed(editor_client, db):
    make_speaker("Ferrant")
    make_speaker("Anna Ferrant")
    (proposal,) = editor_client.get(DESK).context["desk"]["merges"]
    assert {s.name for s in proposal.speakers} == {"Ferrant", "Anna Ferrant"}


def test_internal_tables_are_not_on_the_index(editor_client, db):
    html = editor_client.get(DESK).text
    for hidden in ["Statement events", "Speaker roles", "Speaker aliases"]:
        assert f">{hidden}<" not in html
    for shown in ["Review queue", "Statements", "Speakers", "Articles", "Events"]:
        assert f">{shown}<" in html
    # Still reachable where they are needed.
    assert editor_client.get(reverse("admin:statements_speakerrole_changelist")).status_code == 200


def test_desk_queries_do_not_grow_with_the_archive(
    editor_client, db, django_assert_max_num_queries
):
    def visit():
        cache.clear()
        with django_assert_max_num_queries(16):
            assert editor_client.get(DESK).status_code == 200

    make_statement("One quote.", review_status=ReviewStatus.DISPUTED)
    visit()
    for n in range(30):
        speaker = make_speaker(f"Ilse Marrow{'e' * (n % 3)} {n}")
        make_statement(f"Quote {n}.", speaker=speaker, review_status=ReviewStatus.DISPUTED)
    visit()


def test_desk_for_an_administrator(admin_client_, db):
    assert admin_client_.get(DESK).status_code == 200
