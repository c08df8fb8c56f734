"""Public views outside the page tree: the term pages, search, health and robots.txt."""

from urllib.parse import urlencode

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from articles import search as site_search
from articles import selectors
from articles.models import Author, Organisation, Theme

TERM_MODELS = {"theme": Theme, "organisation": Organisation, "author": Author}


@require_safe
def term_index(request, kind: str):
    model = TERM_MODELS[kind]
    return render(
        request,
        "pages/term_index.html",
        {
            "title": str(model._meta.verbose_name_plural).capitalize(),
            "terms": selectors.terms_with_counts(model),
        },
    )


@require_safe
def term_detail(request, kind: str, slug: str):
    term = get_object_or_404(TERM_MODELS[kind], slug=slug)
    return render(
        request,
        "pages/term_detail.html",
        {
            "term": term,
            "articles": selectors.paginate(request, selectors.term_articles(term)),
            "events": selectors.term_events_upcoming(term)[:5] if term.event_lookup else None,
        },
    )


@require_safe
def search(request):
    query = site_search.query_clean(request.GET.get("q", ""))
    filters = site_search.filters_from_query(request.GET, facets=site_search.SEARCH_FACETS)
    context = {"query": query, "filters": filters, "max_length": site_search.MAX_QUERY_LENGTH}
    if query:
        context.update(selectors.search_results(request, query=query, filters=filters))
        context["hidden_query"] = [("q", query)]
        context["clear_url"] = "?" + urlencode({"q": query})
    else:
        context["themes"] = selectors.themes()
    return render(request, "pages/search.html", context)


@never_cache
@require_safe
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database onbereikbaar\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /zoeken/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
