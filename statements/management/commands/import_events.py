"""Define events from a JSON or CSV file, then link statements to them.

python manage.py import_events FILE [--no-link] [--dry-run]
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.page_cache import clears_pages
from statements.event_import import EventFileError, load_events
from statements.linking import link_events
from statements.models import Event


@clears_pages
class Command(BaseCommand):
    help = "Create or update events from a JSON or CSV file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .json (list of events) or .csv file.")
        parser.add_argument(
            "--no-link", action="store_true", help="Do not re-link statements afterwards."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate and report only.")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                result = load_events(options["file"])
                if options["dry_run"]:
                    self.stdout.write(f"Dry run: {result} (nothing saved).")
                    transaction.set_rollback(True)
                    return
        except (EventFileError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(str(result))
        if not options["no_link"]:
            slugs = result.created + result.updated
            linked = link_events(Event.objects.filter(slug__in=slugs))
            if options["verbosity"]:
                self.stdout.write(str(linked))
