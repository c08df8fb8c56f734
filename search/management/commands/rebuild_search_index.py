from django.core.management.base import BaseCommand
from django.db import connection

from search.index import documents_rebuild
from search.spelling import search_words_refresh
from search.textsearch import splits_compounds


class Command(BaseCommand):
    help = (
        "Make the site search's documents anew from every live content page, and its "
        "vocabulary for spelling suggestions (and bring the "
        "Dutch text search configuration up to date with the dictionaries now installed). "
        "Wagtail's own index, for the editors' search, is `update_index`."
    )

    def handle(self, *args, **options):
        count = documents_rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Search documents made for {count} pages."))
        words = search_words_refresh()
        self.stdout.write(f"Words for 'Bedoelde je …?': {words}.")
        if connection.vendor == "postgresql" and not splits_compounds(connection):
            self.stdout.write(
                self.style.WARNING(
                    "Compound words are not split: install the Dutch dictionary "
                    "(deploy/postgres/dutch-dictionary.sh) and run this command again."
                )
            )
