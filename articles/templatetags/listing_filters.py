"""The chosen filters of a listing as removable chips: no queries, only the facets and the URL."""

from django import template

from articles.filters import FACET_ALIASES

register = template.Library()


@register.simple_tag(takes_context=True)
def chosen_filters(context, facets) -> list[dict]:
    """Each ticked value of `facets` (articles.filters.facets) with the address of this listing
    without it: the other filters, the search words and the period stay, the page number goes."""
    request = context["request"]
    chips = []
    for facet in facets or ():
        for option in facet["options"]:
            if not option["checked"]:
                continue
            query = request.GET.copy()
            query.pop("page", None)
            for name in (facet["name"], *aliases_of(facet["name"])):
                query.setlist(
                    name, [v for v in query.getlist(name) if v.strip() != str(option["value"])]
                )
            encoded = query.urlencode()
            chips.append(
                {
                    "legend": facet["legend"],
                    "label": option["label"],
                    "url": request.path + ("?" + encoded if encoded else ""),
                }
            )
    return chips


def aliases_of(name: str) -> list[str]:
    """The earlier names of the filter `name` that old addresses still use (`?gemeente=`)."""
    return [alias for alias, target in FACET_ALIASES.items() if target == name]


@register.filter
def any_options(facets) -> bool:
    """Whether any facet has a value to choose: a listing without any shows no filter panel."""
    return any(facet["options"] for facet in facets or ())
