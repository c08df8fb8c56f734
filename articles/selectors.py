"""Reads for the public pages: each returns a queryset whose cost does not grow with its size."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

PAGE_SIZE = 12
SEARCH_PAGE_SIZE = 20


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """One page of `queryset` for `?page=`; nonsense or out-of-range numbers give a valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _article_authors_prefetch() -> Prefetch:
    from articles.models import ArticlePageAuthor

    return Prefetch(
        "article_authors",
        queryset=ArticlePageAuthor.objects.select_related("author").order_by("sort_order"),
    )


def article_cards() -> QuerySet:
    """Live, public articles, newest first, with what a card shows."""
    from articles.models import ArticlePage

    return (
        ArticlePage.objects.live()
        .public()
        .order_by("-publication_date", "-pk")
        .prefetch_related("themes", _article_authors_prefetch())
    )


def article_authors(article) -> list:
    return [link.author for link in article.article_authors.select_related("author")]


def _event_cards() -> QuerySet:
    from articles.models import EventPage

    return EventPage.objects.live().public().prefetch_related("themes")


def event_cards_upcoming(*, now=None) -> QuerySet:
    """Events that have not ended yet, soonest first."""
    return _event_cards().filter(end__gte=now or timezone.now()).order_by("start", "pk")


def event_cards_past(*, now=None) -> QuerySet:
    """Events that have ended, most recent first."""
    return _event_cards().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def explainers(*, parent=None) -> QuerySet:
    """The explainer pages in tree order, under `parent` or wherever they are."""
    from articles.models import ExplainerPage

    pages = ExplainerPage.objects.live().public()
    if parent is not None:
        pages = pages.child_of(parent)
    return pages.order_by("path")


def term_articles(term) -> QuerySet:
    """The articles of one theme, organisation or author."""
    return article_cards().filter(**{term.article_lookup: term})


def term_events_upcoming(term) -> QuerySet:
    """The coming events of one term; none for a kind of term that events do not have."""
    if not term.event_lookup:
        return event_cards_upcoming().none()
    return event_cards_upcoming().filter(**{term.event_lookup: term})


def themes() -> QuerySet:
    from articles.models import Theme

    return Theme.objects.order_by("name")


def terms_with_counts(model) -> QuerySet:
    """All terms of one kind with the number of live articles each has."""
    lookup = model.term_article_path
    return model.objects.annotate(
        article_count=Count(lookup, filter=Q(**{f"{lookup}__live": True}), distinct=True)
    ).order_by("name")


def search_results(request, *, query: str, filters) -> dict:
    """One page of search results with their facets and the matching terms; a fixed query count.

    The full-text match is the costly part, so it runs once: its ranked page ids are read into
    memory, and the filters, the page of results and every facet work from those ids.
    """
    from django.core.paginator import Paginator
    from wagtail.models import Page

    from articles import search

    models = tuple(search.type_models().values())
    ranked = list(search.matching_pages(query).values_list("pk", flat=True))
    hits = Page.objects.filter(pk__in=ranked)
    allowed = set(hits.filter(search.filter_q(filters, models=models)).values_list("pk", flat=True))
    results = Paginator([pk for pk in ranked if pk in allowed], SEARCH_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = {
        row.pk: row for row in search.result_rows(Page.objects.filter(pk__in=results.object_list))
    }
    results.object_list = search.result_hits(
        [rows[pk] for pk in results.object_list if pk in rows], query, request=request
    )
    return {
        "results": results,
        "facets": search.facets(hits, filters, names=search.SEARCH_FACETS, models=models),
        "terms": search.matching_terms(query),
    }


def filtered_listing(request, pages: QuerySet, *, names, models) -> dict:
    """A listing narrowed by the filters in the query string, with its filter form's facets."""
    from articles import search

    filters = search.filters_from_query(request.GET, facets=names)
    return {
        "filters": filters,
        "facets": search.facets(pages, filters, names=names, models=models),
        "filtered": paginate(request, pages.filter(search.filter_q(filters, models=models))),
    }
