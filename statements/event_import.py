"""Load event definitions from JSON or CSV files into the archive.

JSON: a list of objects. CSV: a header row. Both use the fields name, slug,
description, start, end (YYYY-MM-DD or empty), parent (a slug) and keywords
(a list in JSON; separated by ";" in CSV). Events are upserted by slug, so a
file can be loaded again after editing it.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from statements.models import Event


class EventFileError(ValueError):
    pass


@dataclass
class EventImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.created)} events created, {len(self.updated)} updated"


def _rows(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EventFileError(f"{path.name}: not valid JSON ({exc})") from exc
        if isinstance(rows, dict):
            rows = rows.get("events", [])
        if not isinstance(rows, list):
            raise EventFileError(f"{path.name}: expected a list of events")
        return rows
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        for row in rows:
            row["keywords"] = [k.strip() for k in (row.get("keywords") or "").split(";")]
        return rows
    raise EventFileError(f"{path.name}: use a .json or .csv file")


def _date(value, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise EventFileError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


@transaction.atomic
def load_events(path: str | Path) -> EventImportResult:
    path = Path(path)
    result = EventImportResult()
    parents: dict[str, str] = {}
    for n, row in enumerate(_rows(path), 1):
        where = f"{path.name}, event {n}"
        if not isinstance(row, dict) or not (row.get("name") or "").strip():
            raise EventFileError(f"{where}: every event needs a name")
        slug = (row.get("slug") or "").strip() or slugify(row["name"])[:100]
        values = {
            "name": row["name"].strip(),
            "description": (row.get("description") or "").strip(),
            "start_on": _date(row.get("start"), where),
            "end_on": _date(row.get("end"), where),
            "keywords": [
                k for k in (row.get("keywords") or []) if isinstance(k, str) and k.strip()
            ],
        }
        if values["start_on"] and values["end_on"] and values["end_on"] < values["start_on"]:
            raise EventFileError(f"{where}: ends before it starts")
        _, created = Event.objects.update_or_create(slug=slug, defaults=values)
        (result.created if created else result.updated).append(slug)
        if (row.get("parent") or "").strip():
            parents[slug] = row["parent"].strip()
    for slug, parent_slug in parents.items():
        parent = Event.objects.filter(slug=parent_slug).first()
        if parent is None:
            raise EventFileError(f"{path.name}: parent {parent_slug!r} of {slug!r} is unknown")
        if parent_slug == slug:
            raise EventFileError(f"{path.name}: {slug!r} cannot be its own parent")
        Event.objects.filter(slug=slug).update(parent=parent)
    return result
