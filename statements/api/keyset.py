"""Keyset (cursor) pagination: pages that never shift when new rows arrive.

An offset page drifts when rows are inserted before it and gets slower the
deeper it goes; a keyset page asks for "the rows after this one" in a total
order, which an index answers directly. The cursor is the last row's sort key,
base64-encoded JSON, opaque to clients.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet


class BadCursor(ValueError):
    """The cursor was not made by this API (or by this order)."""


@dataclass(frozen=True)
class Key:
    """One column of a total order: its field, direction, and how to read it back."""

    field: str
    descending: bool = False
    nullable: bool = False  # nulls sort last in either direction
    parse: Callable[[Any], Any] = int

    def order(self):
        from django.db.models import F

        expr = F(self.field)
        return expr.desc(nulls_last=True) if self.descending else expr.asc(nulls_last=True)

    def after(self, value) -> Q:
        """Rows strictly after ``value`` in this column's order."""
        if value is None:  # nulls come last: nothing is after them in this column
            return Q(pk__in=[])
        beyond = Q(**{f"{self.field}__{'lt' if self.descending else 'gt'}": value})
        if self.nullable:
            beyond |= Q(**{f"{self.field}__isnull": True})
        return beyond

    def same(self, value) -> Q:
        if value is None:
            return Q(**{f"{self.field}__isnull": True})
        return Q(**{self.field: value})


def parse_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def parse_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def parse_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


ID_ASC = (Key("id", parse=parse_int),)


def encode(values: list[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, date) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, keys: tuple[Key, ...]) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(values, list) or len(values) != len(keys):
            raise ValueError("wrong length")
        return [
            None if v is None and k.nullable else k.parse(v)
            for k, v in zip(keys, values, strict=True)
        ]
    except (ValueError, TypeError, UnicodeError, binascii.Error) as exc:
        raise BadCursor("This cursor is not valid for this list; start without one.") from exc


def after(keys: tuple[Key, ...], values: list[Any]) -> Q:
    """The lexicographic "after": first key beyond, or equal and the next key beyond..."""
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        condition |= equal & key.after(value)
        equal &= key.same(value)
    return condition


@dataclass
class Page:
    items: list
    next_cursor: str | None


def page(qs: QuerySet, keys: tuple[Key, ...], cursor: str | None, limit: int) -> Page:
    """One page of ``qs`` in the order of ``keys``, after ``cursor``: one query."""
    qs = qs.order_by(*(k.order() for k in keys))
    if cursor:
        qs = qs.filter(after(keys, decode(cursor, keys)))
    rows = list(qs[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode([_value(last, k.field) for k in keys])
    return Page(rows, next_cursor)


def _value(obj, field: str):
    for part in field.split("__"):
        obj = getattr(obj, part)
        if obj is None:
            return None
    return obj
