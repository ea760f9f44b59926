"""The editors' review queue, as a proxy so the admin can list it on its own page."""

from __future__ import annotations

from statements.models.statement import Statement, StatementQuerySet


class ReviewQueueStatement(Statement):
    """Statements awaiting review; same rows as Statement, its own admin page and permissions.

    History is recorded on Statement only (simple_history listens to the concrete
    model's signals), so code that changes queue rows saves ``Statement`` instances.
    """

    objects = StatementQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "statement to review"
        verbose_name_plural = "review queue"
