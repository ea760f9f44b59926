"""Merging speakers that are one person and splitting a wrongly merged one."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from statements.merging import merge_speakers, split_speaker, statements_using_spelling
from statements.models import Speaker, SpeakerAlias, SpeakerRole, Statement
from tests.admin.conftest import change_form_data
from tests.factories import make_article, make_speaker, make_statement

CHANGELIST = reverse("admin:statements_speaker_changelist")


@pytest.fixture
def twins(db):
    """One fictional person imported under two spellings."""
    kept = make_speaker("Ilse Marrow-Teague", country="Veloria")
    other = make_speaker("Ilse Marow Teague")
    other.add_alias("I. Marow")
    relayer = make_speaker("Petra Lowe")
    s1 = make_statement("The harbour stays open.", speaker=kept)
    s2 = make_statement("Fees will not rise.", speaker=other)
    s3 = make_statement("She told us the port is safe.", speaker=relayer, reported_by=other)
    SpeakerRole.objects.create(
        speaker=other, title="Harbour minister", reported_on=date(2025, 3, 1)
    )
    SpeakerRole.objects.create(speaker=kept, title="Harbour minister", reported_on=date(2025, 3, 1))
    SpeakerRole.objects.create(speaker=other, title="Party chair", reported_on=date(2025, 2, 1))
    return {"kept": kept, "other": other, "statements": [s1, s2, s3]}


def test_merge_function_moves_everything(twins):
    kept, other = twins["kept"], twins["other"]
    other_pk = other.pk
    result = merge_speakers(kept, [other])
    assert not Speaker.objects.filter(pk=other_pk).exists()
    s1, s2, s3 = (Statement.objects.get(pk=s.pk) for s in twins["statements"])
    assert s1.speaker == kept and s2.speaker == kept and s3.reported_by == kept
    assert sorted(kept.roles.values_list("title", flat=True)) == ["Harbour minister", "Party chair"]
    assert {"Ilse Marow Teague", "I. Marow"} <= set(kept.alias_names)
    for spelling in ["Ilse Marow Teague", "ilse marow-teague", "I. Marow", "Ilse Marrow-Teague"]:
        assert Speaker.objects.by_name(spelling) == kept
    assert (result.statements_moved, result.reported_moved, result.roles_moved) == (1, 1, 1)
    # Recorded in history: the deletion and the moves, with the reason.
    assert Speaker.history.filter(id=other_pk, history_type="-").exists()
    assert "Merged speaker Ilse Marow Teague" in s2.history.latest().history_change_reason


def test_merge_action_with_intermediate_page(editor_client, editor, twins):
    kept, other = twins["kept"], twins["other"]
    selection = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}
    page = editor_client.post(CHANGELIST, selection)
    assert page.status_code == 200
    assert "Choose the record to keep" in page.text
    assert "Ilse Marow Teague" in page.text

    done = editor_client.post(CHANGELIST, {**selection, "keep": kept.pk, "_apply": "1"})
    assert done.status_code == 302
    assert list(Speaker.objects.exclude(name="Petra Lowe")) == [kept]
    assert Speaker.objects.by_name("Ilse Marow Teague") == kept
    assert Statement.objects.get(pk=twins["statements"][1].pk).speaker == kept
    assert Speaker.history.filter(id=other.pk, history_type="-").latest().history_user == editor


def test_merge_needs_two(editor_client, twins):
    response = editor_client.post(
        CHANGELIST,
        {"action": "merge_selected", "_selected_action": [twins["kept"].pk]},
        follow=True,
    )
    assert "Select two or more" in response.text
    assert Speaker.objects.filter(pk=twins["other"].pk).exists()


def test_split_function_by_spelling(db):
    person = make_speaker("Ilse Marrow")
    wrong = person.add_alias("Ilse Marlow")
    right = make_statement(
        "Tolls stay.", speaker=person, article=make_article(body='Ilse Marrow said: "Tolls stay."')
    )
    moved = make_statement(
        "Bridges first.",
        speaker=person,
        article=make_article(body='ILSE MARLOW said: "Bridges first."'),
    )
    assert statements_using_spelling(person, wrong) == [moved]

    result = split_speaker(person, wrong, by_spelling=True)
    new = result.new_speaker
    assert new.name == "Ilse Marlow" and new.pk != person.pk
    assert Speaker.objects.by_name("Ilse Marlow") == new
    assert Speaker.objects.by_name("Ilse Marrow") == person
    right.refresh_from_db()
    moved.refresh_from_db()
    assert right.speaker == person
    assert moved.speaker == new and moved.edited_by_editor


def test_split_takes_the_roles_reported_with_the_moved_statements(db):
    person = make_speaker("Ilse Marrow")
    wrong = person.add_alias("Ilse Marlow")
    kept_article = make_article(body='Ilse Marrow said: "Tolls stay."')
    moved_article = make_article(body='ILSE MARLOW said: "Bridges first."')
    make_statement("Tolls stay.", speaker=person, article=kept_article)
    make_statement("Bridges first.", speaker=person, article=moved_article)
    SpeakerRole.objects.create(speaker=person, title="Harbour minister", article=kept_article)
    SpeakerRole.objects.create(speaker=person, title="Bridge engineer", article=moved_article)

    result = split_speaker(person, wrong, by_spelling=True)
    assert result.roles_moved == 1
    assert [r.title for r in result.new_speaker.roles.all()] == ["Bridge engineer"]
    assert [r.title for r in person.roles.all()] == ["Harbour minister"]


def test_split_refuses_the_canonical_name(db):
    person = make_speaker("Ilse Marrow")
    with pytest.raises(ValueError):
        split_speaker(person, person.aliases.get())


def test_split_view_with_selected_statements(editor_client, editor, db):
    person = make_speaker("Jonas Kettleby")
    alias = person.add_alias("Jon Kettleby")
    chosen = make_statement("Ferries at dawn.", speaker=person)
    kept = make_statement("Ferries at dusk.", speaker=person)
    url = reverse("admin:statements_speaker_split", args=[person.pk])
    response = editor_client.post(
        url,
        {
            "alias": alias.pk,
            "new_name": "Jon Kettleby Jr.",
            "move": "selected",
            "statements": [chosen.pk],
        },
    )
    assert response.status_code == 302
    new = Speaker.objects.get(name="Jon Kettleby Jr.")
    assert response.url == reverse("admin:statements_speaker_change", args=[new.pk])
    assert SpeakerAlias.objects.get(pk=alias.pk).speaker == new
    assert Speaker.objects.by_name("Jon Kettleby") == new
    assert Statement.objects.get(pk=chosen.pk).speaker == new
    assert Statement.objects.get(pk=kept.pk).speaker == person
    assert new.history.latest().history_user == editor


def test_merge_then_split_round_trip(twins):
    kept, other = twins["kept"], twins["other"]
    merge_speakers(kept, [other])
    alias = kept.aliases.get(name="Ilse Marow Teague")
    new = split_speaker(kept, alias, statements=[twins["statements"][1]]).new_speaker
    assert Statement.objects.get(pk=twins["statements"][1].pk).speaker == new
    assert Speaker.objects.by_name("Ilse Marow Teague") == new


def test_alias_form_refuses_another_speakers_spelling(editor_client, db):
    make_speaker("Petra Lowe")
    other = make_speaker("Jonas Kettleby")
    response = editor_client.post(
        reverse("admin:statements_speakeralias_add"), {"speaker": other.pk, "name": "PETRA LOWE"}
    )
    assert response.status_code == 200
    assert "already belongs to Petra Lowe" in response.text


def test_speaker_search_finds_aliases(editor_client, twins):
    cl = editor_client.get(CHANGELIST, {"q": "I. Marow"}).context["cl"]
    assert list(cl.result_list) == [twins["other"]]


# --- canonical names and old addresses -------------------------------------------------------


def test_merge_with_a_new_canonical_name(editor_client, editor, twins, client):
    kept, other = twins["kept"], twins["other"]
    old_slugs = [kept.slug, other.slug]
    selection = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}
    page = editor_client.post(CHANGELIST, selection)
    # Every spelling of both is offered as the name, and a new one can be typed.
    for spelling in ["Ilse Marrow-Teague", "Ilse Marow Teague", "I. Marow"]:
        assert f'value="{spelling}"' in page.text
    done = editor_client.post(
        CHANGELIST,
        {**selection, "keep": other.pk, "new_name": "Ilse Marrowe Teague", "_apply": "1"},
    )
    assert done.status_code == 302
    survivor = Speaker.objects.get(pk=other.pk)
    assert survivor.name == "Ilse Marrowe Teague"
    assert survivor.slug == "ilse-marrowe-teague"
    # Every other spelling is an alias: imports of any of them land here.
    assert {"Ilse Marrow-Teague", "Ilse Marow Teague", "I. Marow"} <= set(survivor.alias_names)
    assert Speaker.objects.by_name("Ilse Marrow-Teague") == survivor
    # Both old public addresses redirect permanently to the new one, query kept.
    for slug in old_slugs:
        response = client.get(f"/speakers/{slug}/?page=2")
        assert response.status_code == 301
        assert response["Location"] == "/speakers/ilse-marrowe-teague/?page=2"
    assert client.get("/speakers/ilse-marrowe-teague/").status_code == 200
    assert "named Ilse Marrowe Teague" in survivor.history.latest().history_change_reason


def test_merge_picking_one_of_the_spellings(editor_client, twins):
    kept, other = twins["kept"], twins["other"]
    selection = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}
    editor_client.post(
        CHANGELIST, {**selection, "keep": kept.pk, "name": "Ilse Marow Teague", "_apply": "1"}
    )
    kept.refresh_from_db()
    assert kept.name == "Ilse Marow Teague"
    assert "Ilse Marrow-Teague" in kept.alias_names


def test_merge_refuses_a_name_that_belongs_to_someone_else(editor_client, twins):
    kept, other = twins["kept"], twins["other"]
    selection = {"action": "merge_selected", "_selected_action": [kept.pk, other.pk]}
    page = editor_client.post(
        CHANGELIST, {**selection, "keep": kept.pk, "new_name": "petra lowe", "_apply": "1"}
    )
    assert page.status_code == 200
    assert "already a name of Petra Lowe" in page.text
    assert Speaker.objects.filter(pk=other.pk).exists()


def test_redirects_follow_a_second_merge(twins):
    kept, other = twins["kept"], twins["other"]
    first_slug = other.slug
    merge_speakers(kept, [other])
    third = make_speaker("Ilse M. Teague")
    merge_speakers(third, [kept])
    from django.test import Client

    public = Client()
    for slug in [first_slug, kept.slug]:
        assert public.get(f"/speakers/{slug}/")["Location"] == f"/speakers/{third.slug}/"


def test_renaming_the_slug_in_the_admin_keeps_the_old_address(editor_client, client, db):
    speaker = make_speaker("Jonas Ketleby")
    make_statement("The tide is turning.", speaker=speaker)
    url = reverse("admin:statements_speaker_change", args=[speaker.pk])
    data = change_form_data(editor_client.get(url), name="Jonas Kettleby", slug="jonas-kettleby")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client.get("/speakers/jonas-ketleby/")["Location"] == "/speakers/jonas-kettleby/"
    assert client.get("/speakers/nobody-here/").status_code == 404


def test_a_merged_speakers_feed_keeps_working(twins):
    """Feed readers do not follow page redirects: the old feed address serves the new feed."""
    kept, other = twins["kept"], twins["other"]
    old_slug = other.slug
    merge_speakers(kept, [other])
    from django.test import Client

    response = Client().get(f"/feeds/speakers/{old_slug}/")
    assert response.status_code == 200
    assert kept.get_absolute_url() in response.content.decode()
    assert Client().get("/feeds/speakers/nobody-ever/").status_code == 404
