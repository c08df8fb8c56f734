"""Search: the matching pages, ranked, with their facets, result rows and matching terms."""

from django.core.paginator import Paginator
from django.db.models import DateField, F, QuerySet, TextField, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from articles import filters as listing_filters
from articles.filters import type_labels, type_models
from articles.models import TERM_KINDS
from articles.models.pages import DatedPage
from pagecache.memo import public
from search.query import excerpt, highlight_pattern, search_expression

PAGE_SIZE = 20
TERMS_SHOWN = 5
FACETS = ("type", "thema", "organisatie", "auteur", "gemeente", "jaar")


def searchable_pages() -> QuerySet:
    return public(Page.objects.live()).type(*type_models().values())


def matching_pages(query: str) -> QuerySet:
    """Live pages matching `query`, most relevant first, as a queryset that can still be filtered.

    `get_queryset()` of the database backends' results is the search as a plain queryset, so the
    facets and filters can use it as a subquery instead of loading every match.
    """
    return searchable_pages().search(search_expression(query)).get_queryset()


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


def matching_terms(query: str) -> list[dict]:
    """Themes, organisations and authors matching `query`; one query per kind."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    expression = search_expression(query)
    found = []
    for model in TERM_KINDS.values():
        for term in backend.search(expression, model.objects.all())[:TERMS_SHOWN]:
            found.append(
                {"kind": model.kind_label, "name": term.name, "url": term.get_absolute_url()}
            )
    return found


def search_results(request, *, query: str, filters) -> dict:
    """One page of search results with their facets and the matching terms; a fixed query count.

    The full-text match is the costly part, so it runs once: its ranked page ids are read into
    memory, and the filters, the page of results and every facet work from those ids.
    """
    models = tuple(type_models().values())
    ranked = list(matching_pages(query).values_list("pk", flat=True))
    hits = Page.objects.filter(pk__in=ranked)
    if filters.active:
        allowed = set(
            hits.filter(listing_filters.filter_q(filters, models=models)).values_list(
                "pk", flat=True
            )
        )
        ranked_allowed = [pk for pk in ranked if pk in allowed]
    else:
        ranked_allowed = ranked
    results = Paginator(ranked_allowed, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = {row.pk: row for row in result_rows(Page.objects.filter(pk__in=results.object_list))}
    results.object_list = result_hits(
        [rows[pk] for pk in results.object_list if pk in rows], query, request=request
    )
    return {
        "results": results,
        "facets": listing_filters.facets(hits, filters, names=FACETS, models=models),
        "terms": matching_terms(query),
    }
