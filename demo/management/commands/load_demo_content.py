from django.core.management.base import BaseCommand

from demo.builder import demo_content_load
from search.index import documents_missing, documents_rebuild
from search.models import SearchWord
from search.spelling import search_words_refresh


class Command(BaseCommand):
    help = (
        "Build the demo site: explainers, themes, organisations, authors, places, articles, "
        "events, publications (with generated PDFs), practice examples, dossiers and featured "
        "pages. Idempotent. The numbers are totals to top up to, for benchmarks."
    )

    def add_arguments(self, parser):
        for name in ("articles", "events", "themes", "organisations", "authors", "places"):
            parser.add_argument(f"--{name}", type=int, default=0, metavar="N")

    def handle(self, *args, **options):
        counts = demo_content_load(
            articles=options["articles"],
            events=options["events"],
            themes=options["themes"],
            organisations=options["organisations"],
            authors=options["authors"],
            places=options["places"],
        )
        missing = documents_missing()
        if missing:
            # Pages made in bulk are not saved one by one, so nothing indexed them.
            documents_rebuild()
        if missing or not SearchWord.objects.exists():
            search_words_refresh()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {summary}."))
