from django.core.management.base import BaseCommand

from search.terms import WEEKS_KEPT, search_terms_prune


class Command(BaseCommand):
    help = f"Remove the search counts of weeks older than {WEEKS_KEPT} weeks."

    def handle(self, *args, **options):
        deleted = search_terms_prune()
        if options["verbosity"] > 1:
            self.stdout.write(f"{deleted} rows removed")
