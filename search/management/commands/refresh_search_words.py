from django.core.management.base import BaseCommand

from search.spelling import search_words_refresh


class Command(BaseCommand):
    help = (
        "Make the words that 'Bedoelde je …?' offers anew from the public pages' search "
        "documents (titles, intros) and the terms' names."
    )

    def handle(self, *args, **options):
        count = search_words_refresh()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} words")
