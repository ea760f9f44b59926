"""Events from files, and statements linked to them by keywords within their dates."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from statements.linking import link_events
from statements.models import Event, EventLink, StatementEvent
from tests.factories import make_article, make_event, make_statement

pytestmark = pytest.mark.django_db


def test_import_events_from_json_and_csv(tmp_path):
    (tmp_path / "events.json").write_text(
        json.dumps(
            [
                {
                    "name": "Harbour Strike",
                    "slug": "harbour-strike",
                    "start": "2025-03-01",
                    "end": "2025-03-31",
                    "keywords": ["strike", "dockers"],
                },
                {
                    "name": "Quay blockade",
                    "slug": "quay-blockade",
                    "start": "2025-03-05",
                    "end": None,
                    "parent": "harbour-strike",
                    "keywords": ["blockade"],
                },
            ]
        )
    )
    call_command("import_events", str(tmp_path / "events.json"))
    blockade = Event.objects.get(slug="quay-blockade")
    assert blockade.parent.slug == "harbour-strike"
    assert blockade.end_on is None

    (tmp_path / "events.csv").write_text(
        "name,slug,description,start,end,parent,keywords\n"
        "Harbour Strike,harbour-strike,Dockers stop work,2025-03-01,2025-04-15,,strike;walkout\n"
    )
    call_command("import_events", str(tmp_path / "events.csv"))
    strike = Event.objects.get(slug="harbour-strike")
    assert strike.end_on == date(2025, 4, 15)
    assert strike.keywords == ["strike", "walkout"]
    assert Event.objects.count() == 2


def test_bad_event_file_is_refused_whole(tmp_path):
    (tmp_path / "bad.json").write_text(
        json.dumps([{"name": "Fine", "start": "2025-01-01"}, {"name": "Bad", "start": "soon"}])
    )
    with pytest.raises(CommandError, match="not a YYYY-MM-DD"):
        call_command("import_events", str(tmp_path / "bad.json"))
    assert not Event.objects.exists()


def test_keyword_links_respect_dates_and_keep_editor_links():
    strike = make_event(
        "Harbour Strike", start_on=date(2025, 3, 1), end_on=date(2025, 3, 31), keywords=["dockers"]
    )
    article = make_article(
        body='"The dockers deserve better," Quist said.', published_on=date(2025, 3, 10)
    )
    inside = make_statement("The dockers deserve better,", article=article)
    later = make_article(body='"The dockers are back," Quist said.', published_on=date(2025, 6, 1))
    outside = make_statement("The dockers are back,", article=later)
    manual = make_statement("Unrelated words.", said_on=date(2025, 6, 1))
    StatementEvent.objects.create(statement=manual, event=strike, linked_by=EventLink.EDITOR)

    result = link_events()
    assert result.statements_linked == 1
    # Machine-made links are recorded in the history like editors' changes.
    assert StatementEvent.history.filter(history_change_reason="keyword link").count() == 1
    assert set(strike.statements.all()) == {inside, manual}
    assert strike in article.events.all()

    strike.keywords = ["blockade"]
    strike.save()
    result = link_events()
    assert result.statements_unlinked == 1
    assert set(strike.statements.all()) == {manual}  # the editor's link stays
    assert outside not in strike.statements.all()
