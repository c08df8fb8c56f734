from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.filters import filters_from_query
from articles.selectors import themes
from search import selectors, spelling
from search.middleware import SEARCH_HEADER
from search.query import MAX_QUERY_LENGTH, query_clean
from search.suggestions import title_suggestions


def sort_links(request, order: str) -> list[dict]:
    """A link per order, keeping the words and filters, back to the first page."""
    links = []
    for value, label in selectors.ORDERS.items():
        params = request.GET.copy()
        params.pop("page", None)
        params.pop("sorteer", None)
        if value != "relevantie":
            params["sorteer"] = value
        links.append({"label": label, "url": "?" + params.urlencode(), "current": value == order})
    return links


@require_safe
def search(request):
    query = query_clean(request.GET.get("q", ""))
    filters = filters_from_query(request.GET, facets=selectors.FACETS)
    order = request.GET.get("sorteer", "")
    order = order if order in selectors.ORDERS else "relevantie"
    context = {"query": query, "filters": filters, "max_length": MAX_QUERY_LENGTH}
    if query:
        context.update(selectors.search_results(request, query=query, filters=filters, order=order))
        kept = [("q", query)] + ([("sorteer", order)] if order != "relevantie" else [])
        context["hidden_query"] = kept
        context["clear_url"] = "?" + urlencode(kept)
        context["sort_links"] = sort_links(request, order)
        context["spelling"] = spelling.suggestion_link(request, query=query, found=context["total"])
    else:
        context["themes"] = themes()
    response = render(request, "pages/search.html", context)
    if query and not filters.active and request.GET.get("page", "1") == "1":
        # A reader's search, counted by SearchCountMiddleware: the first page, before any
        # filter, so paging and narrowing down the same search count once.
        response[SEARCH_HEADER] = str(context["total"])
    return response


@require_safe
def suggestions(request):
    """Titles for search-as-you-type (static/js/search-suggest.js): the same JSON for every
    reader, so the page cache keeps it for visitors."""
    query = query_clean(request.GET.get("q", ""))
    return JsonResponse({"q": query, "suggestions": title_suggestions(query, request=request)})
