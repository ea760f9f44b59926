"""``__any_of``: a long list of ids as one parameter on PostgreSQL.

An export reads the events and tags of 2,000 statements at a time. As
``statement_id__in=ids`` that is a query with 2,000 placeholders, each bound
and written into the SQL one by one: 15 ms of Python per chunk for a query
PostgreSQL answers in 6. ``statement_id__any_of=ids`` sends one array
(``= ANY(%s)``) and is planned the same way; other databases get the ``IN``.
"""

from __future__ import annotations

from django.db.models import ForeignKey, Lookup


@ForeignKey.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if not self.rhs:
            return "1 = 0", []
        placeholders = ", ".join(["%s"] * len(self.rhs))
        return f"{lhs} IN ({placeholders})", [*lhs_params, *self.rhs]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]
