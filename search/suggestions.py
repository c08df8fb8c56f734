"""Titles suggested while the reader types in the search field (`/zoeken/suggesties/?q=`).

A title matches when it contains every typed word of `MIN_WORD_LENGTH` letters or more (so the
last, half-typed word counts too), or, on PostgreSQL and for `SIMILAR_FROM` letters or more, when
it holds words much like the typed ones (pg_trgm word similarity, so "veiligheit" still suggests
"Veiligheid in de wijk"). Both use the trigram index on `UPPER(title)`. Only live pages that
anybody may read are suggested.

One query, bounded however common the typed letters are: at most `CANDIDATES` titles holding the
words and `SIMILAR_CANDIDATES` titles like them are read, and the best `LIMIT` of those are
given: titles that start with the query first, then those holding every word, then the most
similar, then the newest.
"""

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Upper

from search.models import SearchDocument
from search.query import query_clean
from search.spelling import public_documents

LIMIT = 8
#: Titles read at most: holding every typed word, and only like the typed words.
CANDIDATES = 200
SIMILAR_CANDIDATES = 50
#: Shorter words have no trigram to look up: they are not matched on their own.
MIN_WORD_LENGTH = 3
MIN_QUERY_LENGTH = 3
#: Typo tolerance from this many characters: shorter queries are like too many titles.
SIMILAR_FROM = 5
MAX_WORDS = 6


def title_suggestions(query: str, *, request=None) -> list[dict]:
    """Up to `LIMIT` pages whose title matches `query`: {"title", "url", "type"}; one query."""
    from django.contrib.contenttypes.models import ContentType

    from articles.filters import type_models

    query = query_clean(query)
    words = [word for word in query.split()[:MAX_WORDS] if len(word) >= MIN_WORD_LENGTH]
    if len(query) < MIN_QUERY_LENGTH or not words:
        return []
    models = type_models()
    content_types = ContentType.objects.get_for_models(*models.values())
    label_for = {content_types[model].pk: model.type_label for model in models.values()}

    contains = Q()
    for word in words:
        contains &= Q(title__icontains=word)
    # Each way of matching reads at most its number of titles, from one table, so PostgreSQL
    # plans each on its own: a common word stops early, a rare one uses the trigram index.
    candidates = SearchDocument.objects.filter(contains).values("page_id")[:CANDIDATES]
    score = Value(0.0)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.lookups import TrigramWordSimilar
        from django.contrib.postgres.search import TrigramWordSimilarity

        if len(query) >= SIMILAR_FROM:
            # `UPPER(title) %> query`: the typed words are like words of the title.
            similar = SearchDocument.objects.filter(TrigramWordSimilar(Upper("title"), query))
            candidates = candidates.union(similar.values("page_id")[:SIMILAR_CANDIDATES], all=True)
        score = TrigramWordSimilarity(query, "title")
    rows = (
        public_documents()
        .filter(page_id__in=candidates, page__content_type__in=list(label_for))
        .annotate(
            starts=Case(
                When(title__istartswith=query, then=1), default=0, output_field=IntegerField()
            ),
            every_word=Case(When(contains, then=1), default=0, output_field=IntegerField()),
            score=score,
        )
        .order_by(
            "-starts", "-every_word", "-score", F("date").desc(nulls_last=True), "title", "pk"
        )
        .select_related("page")
        .only("title", "page__url_path", "page__content_type_id")[:LIMIT]
    )
    return [
        {
            "title": row.title,
            "url": row.page.get_url(request=request),
            "type": label_for.get(row.page.content_type_id, ""),
        }
        for row in rows
    ]
