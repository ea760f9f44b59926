"""Re-link stored articles and statements to events by keywords and dates.

Run after events or their keywords change. Links editors made by hand, and
links an import batch made with ``--event``, are kept.
"""

from django.core.management.base import BaseCommand, CommandError

from archive.page_cache import clears_pages
from statements.linking import link_events
from statements.models import Event


@clears_pages
class Command(BaseCommand):
    help = "Recompute keyword links between events and stored statements."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these events (default: all).")

    def handle(self, *args, **options):
        events = Event.objects.all()
        if options["slugs"]:
            events = events.filter(slug__in=options["slugs"])
            missing = set(options["slugs"]) - set(events.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"Unknown event(s): {', '.join(sorted(missing))}")
        result = link_events(events)
        if options["verbosity"]:
            self.stdout.write(str(result))
