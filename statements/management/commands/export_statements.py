"""Export statements as JSON Lines or CSV, with the public list's filters.

    python manage.py export_statements --format jsonl|csv [--output FILE]
        [--speaker SLUG] [--event SLUG] [--said-from DATE] [--said-to DATE]
        [--status STATUS] [--kind KIND] [--tag SLUG] [--outlet NAME] [--q TEXT]
        [--include-rejected]

The records follow the export contract in the README. The output streams:
memory stays constant however many statements there are.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from statements.exporting import export_records, iter_csv, iter_jsonl
from statements.filters import StatementFilter
from statements.models import Statement

FILTER_OPTIONS = [
    "speaker",
    "event",
    "said_from",
    "said_to",
    "status",
    "kind",
    "tag",
    "outlet",
    "q",
]


class Command(BaseCommand):
    help = "Export statements (JSONL or CSV) with the same filters as the public list."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", metavar="FILE", help="Write here instead of stdout.")
        parser.add_argument("--base-url", default="", help="Prefix for permalinks, e.g. https://…")
        parser.add_argument(
            "--include-rejected",
            action="store_true",
            help="Also export statements editors rejected (never shown publicly).",
        )
        for name in FILTER_OPTIONS:
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name)

    def handle(self, *args, **options):
        base = (
            Statement.objects.all()
            if options["include_rejected"]
            else Statement.objects.published()
        )
        data = {k: options[k] for k in FILTER_OPTIONS if options.get(k)}
        filterset = StatementFilter(data, queryset=base)
        if not filterset.is_valid():
            raise CommandError(f"Invalid filter: {filterset.errors.as_text()}")
        exported = [0]  # how many, for the summary

        def records():
            for record in export_records(filterset.matching, options["base_url"]):
                exported[0] += 1
                yield record

        lines = (iter_jsonl if options["format"] == "jsonl" else iter_csv)(records())
        out = (
            open(options["output"], "w", encoding="utf-8", newline="")  # noqa: SIM115
            if options["output"]
            else sys.stdout
        )
        try:
            for chunk in lines:
                out.write(chunk)
        finally:
            if out is not sys.stdout:
                out.close()
        if options["output"] and options["verbosity"]:
            self.stderr.write(f"Exported {exported[0]} statements to {options['output']}.")
