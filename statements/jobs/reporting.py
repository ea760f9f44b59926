"""A job's outcome as the same ImportReport the in-process import gives."""

from __future__ import annotations

from dataclasses import fields

from statements.importing.report import FileResult, ImportReport, StatementChange
from statements.models import ImportJob

_FIELDS = {f.name for f in fields(FileResult)}


def job_report(job: ImportJob) -> ImportReport:
    """Every finished part's per-article results, in file order."""
    parts = list(job.parts.all())
    report = ImportReport(files_read=len({p.path for p in parts}))
    for part in parts:
        for result in part.results:
            kept = {k: v for k, v in result.items() if k in _FIELDS}
            kept["statements"] = [StatementChange(**ch) for ch in kept.get("statements", [])]
            report.add(FileResult(**kept))
    return report
