"""One quote, many reports: grouping, the statement page, the list and the export."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from statements.models import Statement, Utterance
from statements.utterances import assign_utterances, normalise
from tests.factories import make_article, make_speaker, make_statement

WIRE = "The harbour will reopen on Monday and every crane will be working again."


def report(speaker, text, outlet, day, **kwargs):
    article = make_article(body=f'"{text}," the minister said.', outlet=outlet, published_on=day)
    return make_statement(text, speaker=speaker, article=article, said_on=None, **kwargs)


@pytest.fixture
def wire(db):
    ilse = make_speaker("Ilse Marrow")
    reports = [
        report(ilse, WIRE, "Northbay Gazette", date(2025, 3, 5)),
        report(ilse, WIRE.upper().replace(",", ""), "Veloria Daily Courier", date(2025, 3, 4)),
        # a partial quote inside the longer report
        report(ilse, "every crane will be working again", "Harbour Post", date(2025, 3, 6)),
    ]
    assign_utterances([s.pk for s in reports])
    for s in reports:
        s.refresh_from_db()
    return ilse, reports


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("  Élan — vital!  ") == "elan vital"


def test_same_words_and_partial_quotes_form_one_utterance(wire):
    _, reports = wire
    assert len({s.utterance_id for s in reports}) == 1
    u = Utterance.objects.get()
    assert (u.report_count, u.outlet_count, u.first_reported_on) == (3, 3, date(2025, 3, 4))


def test_other_speakers_and_short_quotes_stay_apart(wire):
    ilse, reports = wire
    tomas = make_speaker("Tomas Quillfeather")
    other = report(tomas, WIRE, "Northbay Gazette", date(2025, 3, 5))
    short = report(ilse, "working again", "Harbour Post", date(2025, 3, 7))
    assign_utterances([other.pk, short.pk])
    other.refresh_from_db()
    short.refresh_from_db()
    assert other.utterance_id not in (None, reports[0].utterance_id)
    assert short.utterance_id is None


def test_a_longer_report_arriving_later_joins_and_extends_the_group(db):
    ilse = make_speaker("Ilse Marrow")
    short = report(ilse, "every crane will be working again", "Harbour Post", date(2025, 3, 6))
    assign_utterances([short.pk])
    longer = report(ilse, WIRE, "Northbay Gazette", date(2025, 3, 7))
    assign_utterances([longer.pk])
    longer.refresh_from_db()
    short.refresh_from_db()
    assert longer.utterance_id == short.utterance_id
    assert Utterance.objects.get().key.strip() == normalise(WIRE)


def test_statement_page_lists_every_report(client, wire, django_assert_max_num_queries):
    _, reports = wire
    with django_assert_max_num_queries(10):
        response = client.get(reports[0].get_absolute_url())
    html = response.content.decode()
    for outlet in ("Northbay Gazette", "Veloria Daily Courier", "Harbour Post"):
        assert outlet in html
    assert "3 outlets" in html
    assert "4 March 2025" in html  # the first report


def test_rejected_reports_are_not_shown_or_counted(client, wire):
    _, reports = wire
    Statement.objects.filter(pk=reports[2].pk).update(review_status="rejected")
    assign_utterances([reports[2].pk])
    response = client.get(reports[0].get_absolute_url())
    assert "Harbour Post" not in response.content.decode()
    assert Utterance.objects.get().report_count == 2


def test_list_can_show_each_utterance_once(client, wire):
    ilse, reports = wire
    lone = make_statement("Something else entirely was said here.", speaker=ilse)
    url = reverse("statements:statement-list")
    all_ids = {s.pk for s in client.get(url).context["statements"]}
    grouped = [s.pk for s in client.get(url, {"group": "utterance"}).context["statements"]]
    assert {r.pk for r in reports} | {lone.pk} <= all_ids
    assert lone.pk in grouped
    assert len([pk for pk in grouped if pk in {r.pk for r in reports}]) == 1


def test_export_carries_utterance_id(client, wire):
    _, reports = wire
    response = client.get(reverse("statements:statement-export-json"))
    rows = json.loads(response.getvalue())
    by_id = {r["id"]: r for r in rows}
    assert by_id[reports[0].pk]["utterance_id"] == reports[0].utterance_id


def test_command_dry_run_writes_nothing_and_reset_regroups(db, capsys):
    ilse = make_speaker("Ilse Marrow")
    a = report(ilse, WIRE, "Northbay Gazette", date(2025, 3, 5))
    b = report(ilse, WIRE, "Harbour Post", date(2025, 3, 6))
    call_command("group_utterances", "--dry-run", verbosity=0)
    assert "would group 2" in capsys.readouterr().out
    assert not Utterance.objects.exists()
    call_command("group_utterances", "--reset", verbosity=0)
    assert "grouped 2" in capsys.readouterr().out
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.utterance_id == b.utterance_id is not None


def test_reset_rebuilds_the_same_groups_and_counts(wire):
    ilse, reports = wire
    lone = report(ilse, "Something else entirely was said here today.", "Harbour Post", None)
    before = {s.pk: s.utterance_id for s in reports}
    call_command("group_utterances", "--reset", verbosity=0)
    after = {s.pk: s.utterance_id for s in Statement.objects.filter(pk__in=before)}
    assert len(set(after.values())) == 1 and set(after.values()) != set(before.values())
    grouped = Utterance.objects.get(pk=next(iter(after.values())))
    assert (grouped.report_count, grouped.outlet_count) == (3, 3)
    assert grouped.first_reported_on == date(2025, 3, 4)
    assert grouped.key.strip() == normalise(WIRE)
    lone.refresh_from_db()
    assert lone.utterance_id not in (None, grouped.pk)
    # an incremental run afterwards changes nothing
    call_command("group_utterances", verbosity=0)
    assert {s.pk: s.utterance_id for s in Statement.objects.filter(pk__in=before)} == after
