"""Downloads follow the export contract and return the same statements as the list."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from statements.exporting import CSV_FIELDS, csv_row, statement_record
from statements.models import Statement
from tests.public.conftest import ids

LIST = reverse("statements:statement-list")
CSV = reverse("statements:statement-export-csv")
JSON = reverse("statements:statement-export-json")


def streamed(response) -> str:
    """The download's text, whole or streamed."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("url", [CSV, JSON])
def test_long_downloads_stream_and_short_ones_come_whole(client, archive, monkeypatch, url):
    """Short downloads carry a length (and can be cached like a page); long ones stream
    in constant memory. Both hold the same rows."""
    from statements.views import statements as views

    whole = client.get(url)
    assert not whole.streaming
    assert int(whole["Content-Length"]) == len(whole.content) > 0
    monkeypatch.setattr(views, "WHOLE_DOWNLOAD_ROWS", 1)
    long = client.get(url)
    assert long.streaming
    assert streamed(long) == whole.content.decode()


def expected_records(pks, base="http://testserver"):
    qs = Statement.objects.filter(pk__in=pks).for_listing().order_by("id")
    return [statement_record(st, base) for st in qs]


def test_json_export_is_the_contract(client, archive):
    response = client.get(JSON)
    assert response["Content-Type"] == "application/json"
    assert 'filename="statements.json"' in response["Content-Disposition"]
    data = json.loads(streamed(response))
    assert data == expected_records(ids(client.get(LIST)))


def test_csv_export_is_the_contract(client, archive):
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(streamed(response))))
    assert rows[0] == CSV_FIELDS
    expected = [[str(v) for v in csv_row(r)] for r in expected_records(ids(client.get(LIST)))]
    assert rows[1:] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": "tomas-quillfeather"},
        {"event": "harbour-strike"},
        {"said_from": "2024-11-01", "said_to": "2025-01-31"},
        {"status": "verified"},
        {"kind": "indirect"},
        {"q": "the -budget"},
        {"tag": "harbour"},
        {"outlet": "Northbay Gazette"},
        {"said_from": "not-a-date", "speaker": "tomas-quillfeather"},
    ],
)
def test_exports_match_filtered_list(client, archive, params):
    listed = set(ids(client.get(LIST, params)))
    from_json = {r["id"] for r in json.loads(streamed(client.get(JSON, params)))}
    rows = list(csv.DictReader(io.StringIO(streamed(client.get(CSV, params)))))
    assert from_json == listed
    assert {int(r["id"]) for r in rows} == listed


def test_export_permalinks_are_absolute(client, archive):
    data = json.loads(streamed(client.get(JSON, {"status": "verified"})))
    assert data[0]["permalink"] == f"http://testserver/statements/{archive.verified.pk}/"


def test_list_links_to_exports_with_filters(client, archive):
    html = client.get(LIST, {"speaker": archive.tomas.slug, "page": "1"}).content.decode()
    assert f'href="{CSV}?speaker={archive.tomas.slug}"' in html
    assert f'href="{JSON}?speaker={archive.tomas.slug}"' in html


def test_empty_export_is_valid(client, db):
    assert json.loads(streamed(client.get(JSON))) == []
    assert streamed(client.get(CSV)).splitlines() == [",".join(CSV_FIELDS)]


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturn"]


def _csv_texts(content: str) -> set[str]:
    return {row["text"] for row in csv.DictReader(io.StringIO(content))}


def test_csv_download_neutralises_formulas(client, db):
    from tests.factories import make_speaker, make_statement

    cells = [
        make_statement(text, speaker=make_speaker(f"=cmd|{i}")) for i, text in enumerate(FORMULAS)
    ]
    rows = list(csv.DictReader(io.StringIO(streamed(client.get(CSV)))))
    assert {r["text"] for r in rows} == {"'" + text for text in FORMULAS}
    assert {r["speaker"] for r in rows} == {f"'=cmd|{i}" for i in range(len(cells))}
    # JSON is data, not a spreadsheet: the words stay exactly as said.
    assert {r["text"] for r in json.loads(streamed(client.get(JSON)))} == set(FORMULAS)


def test_export_command_csv_neutralises_formulas(db, tmp_path):
    from django.core.management import call_command

    from tests.factories import make_statement

    for text in FORMULAS:
        make_statement(text)
    make_statement("A plain sentence - with a dash inside.")
    out = tmp_path / "out.csv"
    call_command("export_statements", "--format", "csv", "--output", str(out), verbosity=0)
    with out.open(encoding="utf-8", newline="") as f:
        texts = _csv_texts(f.read())
    assert texts == {
        *("'" + text for text in FORMULAS),
        "A plain sentence - with a dash inside.",
    }


def test_long_search_export_is_complete(client, archive):
    """A 600-word query gives the whole (empty or not) file, never one cut mid-way."""
    words = " ".join(f"word{i}" for i in range(600))
    for params in ({"q": words}, {"q": "dockworkers " + words.replace("word", "-w")}):
        content = streamed(client.get(CSV, params))
        listed = ids(client.get(LIST, params))
        assert content.splitlines()[0] == ",".join(CSV_FIELDS)
        assert {int(r["id"]) for r in csv.DictReader(io.StringIO(content))} == set(listed)
