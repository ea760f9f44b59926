"""From files on disk to rows in the database.

batch.py    expand paths, read and extract (optionally in worker processes);
            import_file() imports one file (or a range of JSONL records)
locking.py  one writer at a time across concurrent imports
persist.py  store one extracted article in its own transaction, keeping editors' work
bulk.py     a batch's new articles with one INSERT (PostgreSQL: COPY) per table
rows.py     rows and their history rows at once: COPY on PostgreSQL, bulk_create elsewhere
report.py   what happened to each file, for the command, the admin and --report
"""

from statements.importing.batch import import_file, import_paths, store_article
from statements.importing.persist import save_article
from statements.importing.report import FileResult, ImportReport

__all__ = [
    "FileResult",
    "ImportReport",
    "import_file",
    "import_paths",
    "save_article",
    "store_article",
]
