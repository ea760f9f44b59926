"""The export contract other tools rely on."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from statements.exporting import CSV_FIELDS
from statements.models import ReviewStatus
from tests.factories import make_article, make_event, make_speaker, make_statement, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    holm = make_speaker("Arvid Holm")
    holm.add_alias("Arvid Holmé")
    quist = make_speaker("Marta Quist")
    strike = make_event("Harbour Strike", slug="harbour-strike")
    article = make_article(
        body='"Ships sail on Friday," Holm said. Quist recalled Holm telling her: "Wait."',
        title="Harbour reopens",
        outlet="Veloria Daily Courier",
        url="https://courier.example/harbour",
        published_on=date(2025, 3, 10),
        source_file="feed.jsonl#3",
    )
    first = make_statement(
        "Ships sail on Friday,",
        article=article,
        speaker=holm,
        events=[strike],
        tags=[make_tag("reopening")],
        said_on=date(2025, 3, 10),
    )
    second = make_statement(
        "Wait.", article=article, speaker=holm, reported_by=quist, kind="partial", said_on=None
    )
    make_statement("Rejected words.", review_status=ReviewStatus.REJECTED)
    return first, second


def export(tmp_path, *args) -> str:
    out = tmp_path / "out"
    call_command("export_statements", "--output", str(out), *args)
    return out.read_text(encoding="utf-8")


def test_jsonl_records_follow_the_contract(archive, tmp_path):
    first, second = archive
    rows = [json.loads(line) for line in export(tmp_path, "--format", "jsonl").splitlines()]
    assert [r["id"] for r in rows] == [first.pk, second.pk]  # rejected never exported
    row = rows[0]
    assert row["text"] == "Ships sail on Friday,"
    assert row["kind"] == "direct"
    assert row["speaker"] == {
        "name": "Arvid Holm",
        "slug": "arvid-holm",
        "aliases": ["Arvid Holmé"],
    }
    assert row["reported_by"] is None
    assert row["said_on"] == "2025-03-10"
    assert row["article"] == {
        "id": first.article_id,
        "title": "Harbour reopens",
        "outlet": "Veloria Daily Courier",
        "url": "https://courier.example/harbour",
        "published_on": "2025-03-10",
        "source_file": "feed.jsonl#3",
    }
    assert row["events"] == [{"name": "Harbour Strike", "slug": "harbour-strike"}]
    assert row["tags"] == ["reopening"]
    assert row["review_status"] == "unreviewed"
    assert rows[1]["reported_by"]["name"] == "Marta Quist"
    assert rows[1]["said_on"] is None


def test_csv_has_a_column_per_field(archive, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(tmp_path, "--format", "csv"))))
    assert list(rows[0].keys()) == CSV_FIELDS
    assert rows[0]["speaker"] == "Arvid Holm"
    assert rows[0]["events"] == "Harbour Strike"
    assert rows[1]["reported_by"] == "Marta Quist"


def test_filters_match_the_public_list(archive, tmp_path):
    first, second = archive
    rows = export(tmp_path, "--event", "harbour-strike").splitlines()
    assert [json.loads(r)["id"] for r in rows] == [first.pk]
    # Words with no stated day count on their article's date.
    rows = export(tmp_path, "--said-from", "2025-03-01", "--said-to", "2025-03-31").splitlines()
    assert [json.loads(r)["id"] for r in rows] == [first.pk, second.pk]
    assert export(tmp_path, "--said-from", "2025-03-11") == ""
    rows = export(tmp_path, "--include-rejected").splitlines()
    assert len(rows) == 3
