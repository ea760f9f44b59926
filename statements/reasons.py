"""The reason recorded with a change in the history (django-simple-history).

The history tables keep 100 characters of it; a reason naming two long names
and a quote would not fit, and PostgreSQL refuses what does not fit.
"""

from __future__ import annotations

REASON_LENGTH = 100


def set_reason(obj, reason: str) -> None:
    """Attach ``reason`` to ``obj`` for its next save, cut to fit with an ellipsis."""
    if len(reason) > REASON_LENGTH:
        reason = reason[: REASON_LENGTH - 1].rstrip() + "…"
    obj._change_reason = reason
