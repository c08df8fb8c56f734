from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchTermWeek(models.Model):
    """How often readers searched for `query` in the ISO week starting on `week` (a Monday),
    and how many of those searches found nothing. Counts only: never who searched."""

    week = models.DateField()
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="search_term_week_unique")
        ]
        indexes = [models.Index(fields=["week", "-searches"], name="search_term_week_top")]

    def __str__(self):
        return f"{self.query} ({self.week:%G-W%V})"


class SearchDocument(models.Model):
    """What the site search matches and ranks: one row per live content page, kept by
    `search.index` when pages are published, unpublished or deleted.

    On PostgreSQL `document` holds the page's words as a weighted `tsvector` (title A, intro B,
    body and terms C, document text D) under the `wijkportaal_nl` text search configuration, with
    a GIN index; `title_document` the title alone, so title matches are always considered however
    many pages match. On SQLite (`make run`) `stems` holds the Snowball stems of the same text
    instead. Wagtail's own index stays for the editors' search in the admin.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    title = models.CharField(max_length=255)
    #: The date results are sorted by when the reader asks for the newest: publication date,
    #: event start or first publication.
    date = models.DateField()
    document = SearchVectorField(null=True)
    title_document = SearchVectorField(null=True)
    stems = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)

    class Meta:
        indexes = [
            # For a common word PostgreSQL walks the newest documents and checks each (a
            # bounded read), instead of sorting every match by date.
            models.Index(fields=["-date", "-page"], name="search_document_newest_first")
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A word the public pages use in a title or intro (or a term's name), with the number of
    pages (or terms) that use it: the words "Bedoelde je …?" offers (`search.spelling`).

    Made anew from the search documents by `manage.py refresh_search_words`; on PostgreSQL a
    trigram GIN index on `word` finds the words most like a misspelt one.
    """

    word = models.CharField(max_length=40, primary_key=True)
    pages = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word
