"""From files on disk to rows in the database.

batch.py    expand paths, read and extract (optionally in worker processes)
persist.py  store one extracted article in its own transaction, keeping editors' work
report.py   what happened to each file, for the command, the admin and --report
"""

from statements.importing.batch import import_paths
from statements.importing.persist import save_article
from statements.importing.report import FileResult, ImportReport

__all__ = ["FileResult", "ImportReport", "import_paths", "save_article"]
