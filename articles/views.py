"""The term pages (the index of each kind of term, and one term with what is published under it)
and the sitemap for people."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles import selectors, sitemaps
from articles.models import TERM_KINDS
from pagecache.memo import site_for_request

#: The first crumb of every breadcrumb trail, as the page tree's trails have it.
HOME_CRUMB = {"title": "Home", "url": "/"}


@require_safe
def term_index(request, kind: str):
    model = TERM_KINDS[kind]
    return render(
        request,
        "pages/term_index.html",
        {
            "title": model.heading(),
            "terms": selectors.terms_with_counts(model),
            "breadcrumbs": [HOME_CRUMB],
        },
    )


@require_safe
def term_detail(request, kind: str, slug: str):
    term = get_object_or_404(TERM_KINDS[kind], slug=slug)
    context = {
        "term": term,
        "breadcrumbs": [
            HOME_CRUMB,
            {"title": TERM_KINDS[kind].heading(), "url": reverse(f"articles:{kind}_index")},
        ],
        **selectors.term_listing(request, term),
    }
    return render(request, "pages/term_detail.html", context)


@require_safe
def sitemap(request):
    """Every section with its pages, and the terms: a fixed number of queries."""
    site = site_for_request(request)
    context = {
        "breadcrumbs": [HOME_CRUMB],
        "pages": sitemaps.page_tree(site) if site else [],
        "terms": sitemaps.term_trees(),
    }
    return render(request, "pages/sitemap.html", context)
