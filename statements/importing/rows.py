"""Many new rows and their history rows at once: COPY on PostgreSQL, a multi-row INSERT elsewhere.

A batch of a few hundred articles carries thousands of statements. Django's
``bulk_create`` compiles every value of every row into one SQL string, which
costs more Python per statement than the rest of the import; PostgreSQL's
COPY takes the rows as they are. Ids are drawn from the table's sequence
first (one query), in order, so the rows get ascending ids in the order given
and the history rows can name them. The history rows are what
``bulk_create_with_history`` writes ("+", the given reason, no user).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

# Columns the database fills itself (PostgreSQL: a trigger keeps the search vector).
_FILLED_BY_DATABASE = {"search_vector"}


def insert_with_history(
    model: type[models.Model], objs: Sequence[models.Model], reason: str | None = None
) -> None:
    """Insert ``objs`` (their pks set afterwards) and one history row each."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        bulk_create_with_history(list(objs), model, default_change_reason=reason)
        return
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if f.column not in _FILLED_BY_DATABASE]
    for f in fields:  # auto_now and auto_now_add, as save() would set them
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            for obj in objs:
                setattr(obj, f.attname, now)
    for obj, pk in zip(objs, _next_ids(model, len(objs)), strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    _copy(model, fields, ([_value(f, getattr(o, f.attname)) for f in fields] for o in objs))
    history = model.history.model
    tracked = list(history.tracked_fields)
    extra = {"history_date": now, "history_change_reason": reason, "history_type": "+"}
    history_fields = tracked + [history._meta.get_field(name) for name in extra]
    _copy(
        history,
        history_fields,
        ([_value(f, getattr(o, f.attname)) for f in tracked] + list(extra.values()) for o in objs),
    )


def _next_ids(model: type[models.Model], n: int) -> list[int]:
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, n],
        )
        return sorted(row[0] for row in cursor.fetchall())


def _value(field: models.Field, value: object) -> object:
    if isinstance(field, models.JSONField):
        return field.get_db_prep_save(value, connection)
    return value


def _copy(model: type[models.Model], fields: list[models.Field], rows) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
