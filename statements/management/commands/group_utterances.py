"""Group stored statements into utterances: one quote, however many outlets reported it.

Imports group each article's statements as they are stored; run this after
upgrading, or with ``--reset`` after the grouping rules change.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from statements.models import Statement, Utterance
from statements.utterances import Summary, assign_utterances

CHUNK = 500


class DryRun(Exception):
    """Raised to roll the whole run back after reporting what it would do."""


class Command(BaseCommand):
    help = "Group statements with the same words (per speaker) into utterances."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Forget every grouping first and start afresh."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, write nothing."
        )

    def handle(self, *args, **options):
        total = Summary()
        try:
            with transaction.atomic():
                if options["reset"]:
                    Statement.objects.exclude(utterance=None).update(utterance=None)
                    Utterance.objects.all().delete()
                # Per speaker, oldest first: the first report founds the utterance.
                ids = list(
                    Statement.objects.order_by("speaker_id", "id").values_list("id", flat=True)
                )
                bar = tqdm(total=len(ids), unit="st", disable=options["verbosity"] < 1)
                for i in range(0, len(ids), CHUNK):
                    part = assign_utterances(ids[i : i + CHUNK])
                    total.statements += part.statements
                    total.grouped += part.grouped
                    total.utterances_created += part.utterances_created
                    total.utterances_merged += part.utterances_merged
                    bar.update(part.statements)
                bar.close()
                shared = Utterance.objects.filter(report_count__gt=1).count()
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            pass
        verb = "would group" if options["dry_run"] else "grouped"
        self.stdout.write(
            f"{total.statements} statements read; {verb} {total.grouped} into utterances "
            f"({total.utterances_created} new, {total.utterances_merged} merged); "
            f"{shared} utterances are reported more than once."
        )
