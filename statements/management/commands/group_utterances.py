"""Group stored statements into utterances: one quote, however many outlets reported it.

Imports group each article's statements as they are stored; run this after
upgrading (it looks each ungrouped statement up against the stored
utterances), or with ``--reset`` after the grouping rules change (it rebuilds
every group one speaker at a time, in memory, which is much faster).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from archive.page_cache import clears_pages
from statements.models import Statement, Utterance
from statements.utterances import Summary, assign_utterances, regroup_speaker

CHUNK = 500


class DryRun(Exception):
    """Raised to roll the whole run back after reporting what it would do."""


@clears_pages
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
                    self.regroup_all(total, options["verbosity"])
                else:
                    self.assign_ungrouped(total, options["verbosity"])
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

    def regroup_all(self, total: Summary, verbosity: int) -> None:
        """Forget every grouping and rebuild it one speaker at a time."""
        Statement.objects.exclude(utterance=None).update(utterance=None)
        Utterance.objects.all().delete()
        speakers = list(
            Statement.objects.order_by().values_list("speaker_id", flat=True).distinct()
        )
        for speaker_id in tqdm(speakers, unit="speaker", disable=verbosity < 1):
            add(total, regroup_speaker(speaker_id))

    def assign_ungrouped(self, total: Summary, verbosity: int) -> None:
        """Look each ungrouped statement up against the stored utterances, oldest first."""
        ids = list(
            Statement.objects.filter(utterance=None)
            .order_by("speaker_id", "id")
            .values_list("id", flat=True)
        )
        bar = tqdm(total=len(ids), unit="st", disable=verbosity < 1)
        for i in range(0, len(ids), CHUNK):
            part = assign_utterances(ids[i : i + CHUNK])
            add(total, part)
            bar.update(part.statements)
        bar.close()


def add(total: Summary, part: Summary) -> None:
    total.statements += part.statements
    total.grouped += part.grouped
    total.utterances_created += part.utterances_created
    total.utterances_merged += part.utterances_merged
