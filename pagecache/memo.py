"""Rows that every page needs and that rarely change: the sites, their root paths and the view
restrictions.

Wagtail reads them for every page it serves (the site for the request, the root paths for every
link, the restrictions of the page and its ancestors, and all restrictions for `.public()`). Here
each process reads them once per structure version (`pagecache.versions`), which saving a site
or a restriction, moving a page or changing a page's slug retires.
"""

import contextvars

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from pagecache.versions import CONTENT, STRUCTURE
from wijkportaal.cache import entries_lookup

#: (name, version) -> value, for the current versions only.
_memo: dict = {}
_request_stamp = contextvars.ContextVar("pagecache_stamp", default=None)


def stamp_for_request(stamp) -> contextvars.Token:
    """Use `stamp` (the content and structure versions read with the page) for this request."""
    return _request_stamp.set(stamp)


def stamp_reset(token: contextvars.Token) -> None:
    _request_stamp.reset(token)


def _stamp():
    stamp = _request_stamp.get()
    if stamp is None:
        _, stamp = entries_lookup([], versions=[CONTENT, STRUCTURE])
    return stamp


def versions_stamp():
    """The content and structure versions this request reads pages under (None while the cache
    does not answer): what a process may key its own copies of published content by."""
    return _stamp()


def _memoised(name, compute):
    stamp = _stamp()
    if stamp is None:  # the cache does not answer: nothing could tell when to forget
        return compute()
    key = (name, stamp[1])
    if key not in _memo:
        for old in [k for k in list(_memo) if k[0] == name]:
            _memo.pop(old, None)
        _memo[key] = compute()
    return _memo[key]


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


def site_root_paths() -> list:
    """`Site.get_site_root_paths()`, which Wagtail otherwise reads from the default cache."""
    return _memoised("root_paths", Site.get_site_root_paths)


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


def password_protected(path: str) -> bool:
    """Whether `path` (as a reader asks for it) lies under a page behind a password: Wagtail
    reads the reader's session to let them in, so such a page is never rendered for everyone."""
    for restriction in _restrictions():
        if restriction.restriction_type != PageViewRestriction.PASSWORD:
            continue
        for root in site_root_paths():
            if restriction.page.url_path.startswith(root.root_path):
                prefix = "/" + restriction.page.url_path.removeprefix(root.root_path)
                if path.startswith(prefix):
                    return True
    return False


def private_q(prefix: str = "") -> Q:
    """Pages under any view restriction (an empty Q when there is none); `prefix` reaches them
    through a relation ("articles__")."""
    private = Q()
    for restriction in _restrictions():
        private |= Q(**{f"{prefix}path__startswith": restriction.page.path})
    return private


def public(pages: QuerySet) -> QuerySet:
    """`pages.public()`, with the restrictions read once per structure version."""
    private = private_q()
    return pages.exclude(private) if private else pages


class _Reader:
    """What `PageViewRestriction.accept_request` reads of a request: the user, and the password
    restrictions passed (which Wagtail keeps in the session)."""

    def __init__(self, user, passed):
        self.user = user
        self.session = {PageViewRestriction.passed_view_restrictions_session_key: list(passed)}


def restrictions_passed(request) -> frozenset:
    """The ids of the password restrictions the reader of `request` passed in this session."""
    key = PageViewRestriction.passed_view_restrictions_session_key
    return frozenset(request.session.get(key, ()))


def visible_to(page, *, user, passed=frozenset()) -> bool:
    """Whether `user` may view `page` by the restrictions on it and its ancestors, as Wagtail
    decides when it serves the page. `passed`: the password restrictions passed (see
    `restrictions_passed`); without them a password counts as not given."""
    if page.alias_of_id:
        restrictions = Page.get_view_restrictions(page)
    else:
        restrictions = view_restrictions_of(page)
    reader = _Reader(user or AnonymousUser(), passed)
    return all(restriction.accept_request(reader) for restriction in restrictions)
