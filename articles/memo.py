"""Rows that every page needs and that rarely change: the sites and the view restrictions.

Wagtail reads them for every page it serves (the site for the request, the restrictions of the
page and its ancestors, and all restrictions for `.public()`). Here each process reads them once
per structure version (`articles.page_cache`), which saving a site or a restriction, or moving a
page, renews.
"""

from django.db.models import Q, QuerySet
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from articles.page_cache import structure_version

_memo: dict = {"version": None, "values": {}}


def _memoised(name, compute):
    version = structure_version()
    if _memo["version"] != version:
        _memo.update(version=version, values={})
    values = _memo["values"]
    if name not in values:
        values[name] = compute()
    return values[name]


def site_for_request(request) -> Site | None:
    """What `Site.find_for_request` would find, without a query once known; Wagtail then uses
    it for the rest of the request."""
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return _memoised(("site", hostname, port), find)


def _restrictions() -> list:
    return _memoised(
        "restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def view_restrictions_of(page) -> QuerySet:
    """The restrictions on `page` and its ancestors, as `Page.get_view_restrictions` gives them
    (a queryset, for the admin), already read."""
    found = [r for r in _restrictions() if page.path.startswith(r.page.path)]
    queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
    queryset._result_cache = found
    queryset._prefetch_done = True
    return queryset


def public(pages: QuerySet) -> QuerySet:
    """`pages.public()`, with the restrictions read once per content version."""
    private = Q()
    for restriction in _restrictions():
        private |= Q(path__startswith=restriction.page.path)
    return pages.exclude(private) if private else pages
