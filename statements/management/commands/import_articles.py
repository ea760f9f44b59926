"""Import article files: plain text, PDF text, PDF, HTML and JSON Lines.

    python manage.py import_articles PATH [PATH ...] [--dry-run] [--report FILE]
                                     [--event SLUG] [--workers N]

Each PATH is a file, a folder (read recursively) or a glob. Every article is
stored in its own transaction; a file that fails is reported and skipped, and
the command exits non-zero naming it. Importing the same files again changes
nothing; a corrected version updates what the machine extracted and keeps
what editors changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.page_cache import clears_pages
from statements.extraction.readers import find_files
from statements.importing import import_paths
from statements.importing.batch import BATCH_SIZE, BATCH_SIZE_POSTGRESQL
from statements.models import Event


# The page cache is emptied once at the end (and by its time limit during a long
# import), not after every article: bulk writes send no signals anyway.
@clears_pages
class Command(BaseCommand):
    help = "Import news articles and extract their statements."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, folders (recursive) or globs.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and report, write nothing."
        )
        parser.add_argument("--report", metavar="FILE", help="Write a JSON report to FILE.")
        parser.add_argument(
            "--event", metavar="SLUG", help="Link every imported article to this event."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Worker processes for reading and extraction (pays off on large batches).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            help=(
                f"Articles written per transaction (default {BATCH_SIZE_POSTGRESQL} on "
                f"PostgreSQL, {BATCH_SIZE} on SQLite; 1: one by one)."
            ),
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Send the files to Celery workers as an import job (needs CELERY_BROKER_URL).",
        )
        parser.add_argument(
            "--wait", action="store_true", help="With --queue: follow the job until it ends."
        )

    def handle(self, *args, **options):
        paths = options["paths"]
        if options["event"] and not Event.objects.filter(slug=options["event"]).exists():
            raise CommandError(f"No event with slug {options['event']!r}.")
        total = len(find_files(paths)[0])

        if options["queue"]:
            from statements.jobs.command import queue_import, wait_for

            if options["dry_run"]:
                raise CommandError("--dry-run runs in this process; leave out --queue.")
            job = queue_import(paths, event_slug=options["event"], description=" ".join(paths))
            self.stdout.write(f"Queued import job {job.pk}: {job.progress()['total']} part(s).")
            if not options["wait"]:
                return
            report = wait_for(job, show_bar=options["verbosity"] > 0 and sys.stderr.isatty())
            return self._finish(report, options)

        bar = tqdm(
            total=total,
            unit="file",
            disable=options["verbosity"] == 0 or not sys.stderr.isatty(),
            file=sys.stderr,
        )
        with bar:
            report = import_paths(
                paths,
                dry_run=options["dry_run"],
                event_slug=options["event"],
                workers=max(1, options["workers"]),
                progress=lambda _path: bar.update(1),
                details=options["dry_run"] or options["verbosity"] >= 2,
                batch_size=options["batch_size"],
                keep_results=bool(options["report"]),  # else totals and failures only
            )
        self._finish(report, options)

    def _finish(self, report, options) -> None:
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n",
                encoding="utf-8",
            )
        if options["dry_run"] or options["verbosity"] >= 2:
            for line in report.detail_lines() if options["verbosity"] else []:
                self.stdout.write(line)
        for line in report.summary_lines():
            if line.startswith("FAILED"):
                self.stderr.write(self.style.ERROR(line))
            elif options["verbosity"]:
                self.stdout.write(line)
        if not report.ok:
            names = [r.label for r in report.failures]
            more = f" and {len(names) - 10} more" if len(names) > 10 else ""
            raise CommandError(f"{len(names)} file(s) failed: {', '.join(names[:10])}{more}")
