"""The term pages (the index of each kind of term, and one term with what is published under it),
the place pages (all places by gemeente, and one place with what is about it and the places in
it) and the sitemap for people."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles import places, selectors, sitemaps
from articles.models import TERM_KINDS, Place
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
            "description": f"Alle {model.heading().lower()} met wat er onder verschenen is.",
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
def place_index(request):
    """Every place by gemeente, each with the number of items about it and the places in it."""
    return render(
        request,
        "pages/place_index.html",
        {
            "title": Place.heading(),
            "description": "Gemeenten, focusgebieden, wijken en buurten, elk met wat er over "
            "verschenen is.",
            "gemeenten": places.places_by_gemeente(),
            "breadcrumbs": [HOME_CRUMB],
        },
    )


#: How many places like it a place's page links to.
SIMILAR_PLACES = 24


@require_safe
def place_detail(request, slug: str):
    """A place: what lies around it in the hierarchy, what is about it and about the places in
    it, its coming events; and places like it (the other focusgebieden of the national
    programme, or the other wijken or buurten of the same place)."""
    place = get_object_or_404(Place, slug=slug)
    tree = places.place_tree()
    ancestors = list(reversed(tree.ancestors(place.pk)))
    children = tree.children_of(place.pk)
    if place.level == "focusgebied":
        similar = [p for p in tree.places.values() if p.level == "focusgebied"]
    elif place.parent_id is not None:
        similar = [p for p in tree.children_of(place.parent_id) if p.level == place.level]
    else:
        similar = []
    similar = sorted(
        (p for p in similar if p.pk != place.pk), key=lambda p: (p.name.lower(), p.pk)
    )[:SIMILAR_PLACES]
    counts = places.place_counts([*children, *similar])
    context = {
        "term": place,
        "parent": ancestors[-1] if ancestors else None,
        "children": [(child, counts[child.pk]) for child in children],
        "similar": [(other, counts[other.pk]) for other in similar],
        "gemeente": ancestors[0] if ancestors else None,
        "breadcrumbs": [
            HOME_CRUMB,
            {"title": Place.heading(), "url": reverse("articles:place_index")},
            *({"title": p.name, "url": p.get_absolute_url()} for p in ancestors),
        ],
        **selectors.term_listing(request, place),
    }
    return render(request, "pages/place_detail.html", context)


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
