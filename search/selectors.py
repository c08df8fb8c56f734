"""Search: the matching pages, ranked, with their facets, result rows and matching terms.

Pages are matched in their search documents (`search.models.SearchDocument`): on PostgreSQL a
weighted `tsvector` with a GIN index, on SQLite Snowball stems. What a search costs is bounded,
however common its words: ranking reads the `CANDIDATES` newest matches and every match in a
title, and keeps the `TOP` best; filters choose among all matches, the facets count the `TOP`
best. A search with more matches than that says so rather than counting them all. A fixed
number of queries per search.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    DateField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce
from wagtail.models import Page

from articles import filters as listing_filters
from articles.filters import type_labels, type_models
from articles.models import FOLLOW_KINDS
from articles.models.pages import DatedPage
from pagecache.memo import private_q
from search import query as search_query
from search.index import stems
from search.models import SearchDocument
from search.query import excerpt, highlight_pattern
from search.textsearch import CONFIG

PAGE_SIZE = 20
TERMS_SHOWN = 5
FACETS = ("type", "gebied", "thema", "organisatie", "auteur", "jaar")
#: The best results a search ranks, pages through and counts its facets over.
TOP = 500
#: The newest matches ranking reads (besides every match in a title).
CANDIDATES = 1_000
#: ?sorteer=: by relevance (the default) or newest first.
ORDERS = {"relevantie": "Meest relevant", "datum": "Nieuwste eerst"}


def _both_readings(words: str) -> SearchQuery:
    """The words as the dictionary reads them, or as the stemmer does (`search.index`)."""
    return SearchQuery(words, config=CONFIG, search_type="plain") | SearchQuery(
        words, config="dutch", search_type="plain"
    )


@dataclass(frozen=True)
class Matcher:
    """What the documents are matched with: a tsquery (PostgreSQL) or stems (SQLite)."""

    query: SearchQuery | None = None
    #: The reader's own words, without synonyms or split compounds: ranked first.
    own_words: SearchQuery | None = None
    stem_sets: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def for_query(cls, query: str) -> "Matcher":
        variants = search_query.query_variants(query)
        if connection.vendor == "postgresql":
            variants += search_query.compound_variants(query)
            combined = None
            for variant in dict.fromkeys(variants):
                part = _both_readings(variant)
                combined = part if combined is None else combined | part
            return cls(query=combined, own_words=_both_readings(variants[0]))
        return cls(stem_sets=tuple(tuple(dict.fromkeys(stems(v))) for v in variants))

    def documents(self) -> QuerySet:
        """The search documents that match, of pages any visitor may see."""
        documents = SearchDocument.objects.all()
        if self.query is not None:
            documents = documents.filter(document=self.query)
        else:
            any_variant = Q(pk__in=[])
            for stem_set in self.stem_sets:
                all_stems = Q()
                for stem in stem_set:
                    all_stems &= Q(stems__contains=f" {stem} ")
                any_variant |= all_stems
            documents = documents.filter(any_variant)
        private = private_q("page__")
        return documents.exclude(private) if private else documents

    def ranked(self, documents: QuerySet, *, order: str) -> list[int]:
        """The page ids of the `TOP` best of `documents`, best first, and one more when there
        are more (so the caller knows without counting them all). Best: the reader's own words
        in the title, then their own words' rank, then that of synonyms and compound parts."""
        newest = documents.order_by("-date", "-page_id")
        if order == "datum":
            return list(newest.values_list("page_id", flat=True)[: TOP + 1])
        if self.query is None:
            return self._ranked_by_stems(newest)
        in_title = documents.filter(title_document=self.query).order_by("-date", "-page_id")
        candidates = SearchDocument.objects.filter(
            Q(page_id__in=newest.values("page_id")[:CANDIDATES])
            | Q(page_id__in=in_title.values("page_id")[:TOP])
        )
        return list(
            candidates.annotate(
                own_in_title=ExpressionWrapper(
                    Q(title_document=self.own_words), output_field=BooleanField()
                ),
                own_rank=SearchRank(F("document"), self.own_words, normalization=Value(1)),
                rank=SearchRank(F("document"), self.query, normalization=Value(1)),
            )
            .order_by("-own_in_title", "-own_rank", "-rank", "-date", "-page_id")
            .values_list("page_id", flat=True)[: TOP + 1]
        )

    def _ranked_by_stems(self, newest: QuerySet) -> list[int]:
        """SQLite: more query words in the title first, then newest."""
        words = {stem for stem_set in self.stem_sets for stem in stem_set}
        rows = list(newest.values_list("page_id", "title_stems")[: max(CANDIDATES, TOP + 1)])
        score = {pk: sum(f" {w} " in title for w in words) for pk, title in rows}
        return sorted(score, key=lambda pk: -score[pk])[: TOP + 1]


def result_rows(pages: QuerySet) -> QuerySet:
    """What a result shows, read with the page in one query, whatever its type."""
    names = [model._meta.model_name for model in type_models().values()]
    dated = [
        f"{model._meta.model_name}__publication_date"
        for model in type_models().values()
        if issubclass(model, DatedPage)
    ]
    return pages.annotate(
        intro_text=Coalesce(
            *[F(f"{name}__intro") for name in names], Value(""), output_field=TextField()
        ),
        article_date=Coalesce(*[F(path) for path in dated], output_field=DateField()),
        event_start=F("eventpage__start"),
    ).only("id", "title", "url_path", "content_type", "last_published_at", "search_description")


def result_hits(rows, query: str, *, request=None) -> list[dict]:
    """Turn a page of result rows into what the template shows, with the excerpt highlighted.

    URLs are resolved here with the request, which caches the site's root paths for all rows.
    """
    from django.contrib.contenttypes.models import ContentType

    types = type_models()
    content_types = ContentType.objects.get_for_models(*types.values())
    slug_for = {content_types[model].pk: slug for slug, model in types.items()}
    pattern = highlight_pattern(query)
    return [
        {
            "id": row.pk,
            "title": row.title,
            "url": row.get_url(request=request),
            "type": type_labels()[slug_for[row.content_type_id]],
            "kind": slug_for[row.content_type_id],
            "date": row.article_date,
            "start": row.event_start,
            "updated": row.last_published_at,
            "excerpt": excerpt(row.intro_text or row.search_description, pattern),
        }
        for row in rows
    ]


def matching_terms(query: str, matcher: Matcher) -> list[dict]:
    """Themes, organisations, authors and places whose name matches `query`: one query for all
    four."""
    parts = []
    for model in FOLLOW_KINDS.values():
        terms = model.objects.order_by()
        if matcher.query is not None:
            terms = (
                terms.annotate(words=SearchVector("name", config=CONFIG))
                .filter(words=matcher.query)
                .order_by("name")[:TERMS_SHOWN]
            )
        parts.append(terms.values_list(Value(model.kind_label), "name", "slug"))
    rows = list(parts[0].union(*parts[1:], all=True))
    if matcher.query is None:  # SQLite: the names' stems, matched here
        wanted = [set(stem_set) for stem_set in matcher.stem_sets]
        rows = sorted(
            (row for row in rows if any(w <= set(stems(row[1])) for w in wanted if w)),
            key=lambda row: row[1],
        )
    models = {model.kind_label: model for model in FOLLOW_KINDS.values()}
    found, shown = [], {}
    for label, name, slug in rows:
        if shown.get(label, 0) >= TERMS_SHOWN:
            continue
        shown[label] = shown.get(label, 0) + 1
        url = models[label](name=name, slug=slug).get_absolute_url()
        found.append({"kind": label, "name": name, "url": url})
    return found


def search_results(request, *, query: str, filters, order: str = "relevantie") -> dict:
    """One page of search results with their facets and the matching terms; a fixed number of
    queries, and a bounded amount of work, whatever the words or the filters."""
    models = tuple(type_models().values())
    matcher = Matcher.for_query(query)
    matches = matcher.documents()
    best = matcher.ranked(matches, order=order)
    if filters.active:
        chosen = Page.objects.filter(listing_filters.filter_q(filters, models=models))
        shown = matcher.ranked(matches.filter(page_id__in=chosen.values("pk")), order=order)
    else:
        shown = best
    more_than_ranked = len(shown) > TOP
    shown, best = shown[:TOP], best[:TOP]
    results = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = {row.pk: row for row in result_rows(Page.objects.filter(pk__in=results.object_list))}
    results.object_list = result_hits(
        [rows[pk] for pk in results.object_list if pk in rows], query, request=request
    )
    return {
        "results": results,
        "total": len(shown),
        "more_than_ranked": more_than_ranked,
        "ranked": TOP,
        "order": order,
        "orders": ORDERS,
        "facets": listing_filters.facets(
            Page.objects.filter(pk__in=best), filters, names=FACETS, models=models
        ),
        "terms": matching_terms(query, matcher),
    }
