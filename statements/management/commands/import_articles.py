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

from statements.extraction.readers import iter_files
from statements.importing import import_paths
from statements.models import Event


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

    def handle(self, *args, **options):
        paths = options["paths"]
        if options["event"] and not Event.objects.filter(slug=options["event"]).exists():
            raise CommandError(f"No event with slug {options['event']!r}.")
        try:
            total = len(iter_files(paths))
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from exc

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
            )

        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n",
                encoding="utf-8",
            )
        if options["verbosity"] >= 2:
            for r in report.results:
                self.stdout.write(
                    f"{r.status:>9}  {r.source_file}  (+{r.statements_created} "
                    f"~{r.statements_updated} -{r.statements_removed} statements)"
                )
        for line in report.summary_lines():
            if line.startswith("FAILED"):
                self.stderr.write(self.style.ERROR(line))
            elif options["verbosity"]:
                self.stdout.write(line)
        if not report.ok:
            failed = ", ".join(r.source_file for r in report.failures)
            raise CommandError(f"{len(report.failures)} file(s) failed: {failed}")
