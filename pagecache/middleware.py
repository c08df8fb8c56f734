"""The page caches.

Visitors who only read carry no cookies, so every visitor sees the same page for an address:
those pages are served whole from the cache without touching the database
(`VisitorPageCacheMiddleware`). It sits before the middleware that adds the Content Security
Policy and the Permissions-Policy: a page is stored as its body and every header it left with,
so a hit is answered at once, with the headers a miss got. A page served again within moments
comes from the process's own memory, without a round trip to Redis
(`wijkportaal.cache.entry_get_recent`).

Anyone with a session or CSRF cookie (a member, or someone who has submitted a form) gets a page
with their own state: the same page rendered once for nobody in particular, with its personal
slots (`personal.slots`) filled for them on every request (`SharedPageMiddleware`). The content
is as fresh as a visitor's; the state (what is saved, what is followed, the CSRF token) is read
anew for each request.

Both are kept under the content and structure versions (`pagecache.versions`), read in the same
round trip as the page. Their keys hold only the query parameters that some page reads
(`register_query_params`); a request with any other parameter is sent to the address without
it, so a stream of made-up parameters cannot fill the cache.

Django's own cache middleware does not fit: it would cache members' pages under their cookies.
"""

import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse, HttpResponseRedirect

from pagecache import memo
from pagecache.versions import PAGE_VERSIONS
from personal.slots import SharedRender, readerless_request
from wijkportaal.cache import entries_lookup, entry_get_recent, entry_store

logger = logging.getLogger(__name__)

TIMEOUT = 10 * 60
#: Paths that are never cached: personal, administrative or operational.
SKIP_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/leeslijst/",
    "/volgend/",
    "/health/",
    "/documents/",
    "/media/",
    "/_util/",
)
OPERATIONAL_PREFIXES = ("/health/",)
VISITOR_CACHE_CONTROL = "public, max-age=60, s-maxage=600, stale-while-revalidate=30"
PERSONAL_CACHE_CONTROL = "private, no-cache"
#: Headers of a shared render that are not the page's own: set again for each response.
_REQUEST_HEADERS = {"cache-control", "content-length", "expires", "set-cookie", "vary", "x-cache"}

_query_params: set[str] = set()


def register_query_params(*names: str) -> None:
    """The query parameters that pages read (`page`, `q`, the filters). Apps register theirs in
    `AppConfig.ready()`; any other parameter is redirected away on a cached path."""
    _query_params.update(names)


def _cacheable_path(request) -> bool:
    return not request.path.startswith(SKIP_PREFIXES)


def _unknown_params_redirect(request) -> HttpResponse | None:
    """Send a request with unknown query parameters to the address without them."""
    if not request.GET or all(name in _query_params for name in request.GET):
        return None
    kept = [(name, value) for name, value in request.GET.lists() if name in _query_params]
    query = urlencode([(name, value) for name, values in kept for value in values])
    response = HttpResponseRedirect(request.path + (f"?{query}" if query else ""))
    response["Cache-Control"] = "no-store"
    return response


def cache_key(prefix: str, request) -> str:
    """A key for what `request` shows: its host, path and (sorted) query."""
    query = urlencode(
        sorted((name, value) for name, values in request.GET.lists() for value in values)
    )
    address = f"{request.get_host()}{request.path}?{query}".encode()
    return f"{prefix}:{hashlib.sha256(address).hexdigest()}"


def _is_visitor_read(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
        and _cacheable_path(request)
    )


def _is_shareable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _frozen(response) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """What is kept of a visitor's page: its body and headers (a pickled response costs more to
    read back and carries the whole object)."""
    return response.content, tuple(response.items())


def _is_frozen(entry) -> bool:
    # Else stored in another shape (by an older release): rendered anew.
    return isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], bytes)


def _frozen_size(entry) -> int | None:
    if not _is_frozen(entry):
        return None
    content, headers = entry
    return len(content) + sum(len(name) + len(value) for name, value in headers)


def _thawed(entry) -> HttpResponse | None:
    if not _is_frozen(entry):
        return None
    content, headers = entry
    return HttpResponse(content, headers=headers)


class VisitorPageCacheMiddleware:
    """Serve visitors' pages from the cache. Sits right after whitenoise (and the search counts,
    which count hits too), before the CSP, the Permissions-Policy and sessions: a hit leaves
    with the headers stored from its miss and runs nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "GET"
            and _cacheable_path(request)
            and (redirect := _unknown_params_redirect(request))
        ):
            return redirect
        if not _is_visitor_read(request):
            response = self.get_response(request)
            if request.method == "GET" and "Cache-Control" not in response:
                response["Cache-Control"] = PERSONAL_CACHE_CONTROL
            return response

        key = cache_key("page-cache", request)
        entry, stamp = entry_get_recent(key, versions=PAGE_VERSIONS, size=_frozen_size)
        if entry is not None and (response := _thawed(entry)) is not None:
            response["X-Cache"] = "hit"
            return response
        token = memo.stamp_for_request(stamp)
        try:
            response = self.get_response(request)
        finally:
            memo.stamp_reset(token)
        if _is_shareable(response):
            response.setdefault("Cache-Control", VISITOR_CACHE_CONTROL)
            entry_store(key, _frozen(response), stamp=stamp, timeout=TIMEOUT)
            response["X-Cache"] = "miss"
        return response


class SharedPageMiddleware:
    """Give members (and visitors with cookies) the shared render of a page, filled with their
    own state. Sits after the session, CSRF, auth and messages middleware.

    A page is shared when a visitor would get it as a plain 200 that may be cached: rendered for
    an anonymous reader on a request that holds nothing of this one (`readerless_request`), so
    it can only hold what anybody may read. Anything else (a restricted page, a redirect, a
    form) is rendered for the reader as usual. So is every page while the reader has messages
    waiting, or sees the editors' user bar.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(OPERATIONAL_PREFIXES):
            return self.get_response(request)  # must answer even without the database
        shared = self._may_share(request)
        key = cache_key("shared-page", request)
        found, stamp = entries_lookup([key] if shared else [], versions=PAGE_VERSIONS)
        token = memo.stamp_for_request(stamp)
        try:
            request._wagtail_site = memo.site_for_request(request)
            request._wagtail_cached_site_root_paths = memo.site_root_paths()
            if not shared or memo.password_protected(request.path):
                return self.get_response(request)
            page = found.get(key)
            if page is None:
                page = self._render_shared(request)
                if page is None:
                    return self.get_response(request)
                entry_store(key, page, stamp=stamp, timeout=TIMEOUT)
        finally:
            memo.stamp_reset(token)
        response = HttpResponse(page.fill(request))
        for header, value in page.headers:
            response[header] = value
        return response

    @staticmethod
    def _may_share(request) -> bool:
        return (
            request.method == "GET"
            and _cacheable_path(request)
            and not request.session.get("may_edit")
            and not get_messages(request)
        )

    def _render_shared(self, request):
        """The shared render, or None when the page is not for everyone. A render that reached
        for the reader's data is a bug: it is logged, the reader gets a page rendered for them,
        and with `SHARED_RENDER_STRICT` (the tests) it raises."""
        render = SharedRender()
        response = self.get_response(readerless_request(request, render))
        if render.violations and not settings.SHARED_RENDER_STRICT:
            logger.error("Shared render of %s: %s", request.path, "; ".join(render.violations))
            return None
        if not _is_shareable(response) or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return None
        headers = [(h, v) for h, v in response.items() if h.lower() not in _REQUEST_HEADERS]
        return render.page(response.content.decode(response.charset), headers)
