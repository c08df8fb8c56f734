"""The page caches, and their invalidation when content changes.

Visitors who only read carry no cookies, so every visitor sees the same page for a URL: those
pages are served whole from the shared cache without touching the database
(`VisitorPageCacheMiddleware`).

Anyone with a session or CSRF cookie (a member, or someone who has submitted a form) gets a page
with their own state: the same page rendered once for nobody in particular, with its personal
slots (see `articles.personal`) filled for them on every request (`SharedPageMiddleware`). The
content is as fresh as a visitor's; the state (what is saved, what is followed, the CSRF token) is
read anew for each request.

Publishing, unpublishing, moving or deleting a page and editing a term bumps one version number,
which retires every cached page at once: edits are rare, and a stale listing is worse than a
cold cache.

Django's own cache middleware does not fit: it would cache members' pages under their cookies.
"""

import contextvars
import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse

from articles.personal import SharedRender

VERSION_KEY = "page-cache:version"
STRUCTURE_KEY = "page-cache:structure"
TIMEOUT = 10 * 60
#: Paths that are never cached: personal, administrative or operational.
SKIP_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/leeslijst/",
    "/volgend/",
    "/health/",
    "/documents/",
)
OPERATIONAL_PREFIXES = ("/health/",)
VISITOR_CACHE_CONTROL = "public, max-age=60"
PERSONAL_CACHE_CONTROL = "private, no-cache"
#: Headers of a shared render that are not the page's own: set again for each response.
_REQUEST_HEADERS = {"cache-control", "content-length", "expires", "set-cookie", "vary", "x-cache"}


def page_cache_clear(**kwargs) -> None:
    """Retire every cached page. Connected to Wagtail's and Django's change signals."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def structure_clear(**kwargs) -> None:
    """Renew what processes remember of the sites and view restrictions (articles.memo)."""
    cache.set(STRUCTURE_KEY, uuid.uuid4().hex, timeout=None)


def _versions() -> tuple[str, str]:
    # Random tokens rather than counters: a cache that was emptied starts new ones, so what
    # processes remember under the old ones (articles.memo) is never taken for current.
    found = cache.get_many([VERSION_KEY, STRUCTURE_KEY])
    return tuple(
        found.get(key) or cache.get_or_set(key, lambda: uuid.uuid4().hex, timeout=None)
        for key in (VERSION_KEY, STRUCTURE_KEY)
    )


_request_versions = contextvars.ContextVar("page_cache_versions", default=None)


def _current() -> tuple[str, str]:
    return _request_versions.get() or _versions()


def content_version() -> str:
    """The version of what pages show, read once per request (`SharedPageMiddleware`)."""
    return _current()[0]


def structure_version() -> str:
    """The version of the sites and view restrictions, read with `content_version`."""
    return _current()[1]


def cache_key(prefix: str, request) -> str:
    """A cache key for what `request` shows, retired with the content version."""
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"{prefix}:{content_version()}:{hashlib.sha256(address).hexdigest()}"


def _is_visitor_read(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _is_shareable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class VisitorPageCacheMiddleware:
    """Serve visitors' pages from the cache; sits right after whitenoise, before sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_visitor_read(request):
            response = self.get_response(request)
            if request.method == "GET" and "Cache-Control" not in response:
                response["Cache-Control"] = PERSONAL_CACHE_CONTROL
            return response

        key = cache_key("page-cache", request)
        response = cache.get(key)
        if response is not None:
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _is_shareable(response):
            response.setdefault("Cache-Control", VISITOR_CACHE_CONTROL)
            cache.set(key, response, TIMEOUT)
            response["X-Cache"] = "miss"
        return response


class SharedPageMiddleware:
    """Give members (and visitors with cookies) the shared render of a page, filled with their
    own state. Sits after the session, CSRF, auth and messages middleware.

    A page is shared when a visitor would get it as a plain 200 that may be cached: rendered for
    an anonymous reader, so it can only hold what anybody may read. Anything else (a restricted
    page, a redirect, a form) is rendered for the reader as usual. So is every page while the
    reader has messages waiting, or sees the editors' user bar.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from articles.memo import site_for_request

        if request.path.startswith(OPERATIONAL_PREFIXES):
            return self.get_response(request)  # must answer even without the database
        token = _request_versions.set(_versions())
        try:
            request._wagtail_site = site_for_request(request)
            return self._respond(request)
        finally:
            _request_versions.reset(token)

    def _respond(self, request):
        if not self._may_share(request):
            return self.get_response(request)
        key = cache_key("shared-page", request)
        page = cache.get(key)
        if page is None:
            page = self._render_shared(request)
            if page is None:
                return self.get_response(request)
            cache.set(key, page, TIMEOUT)
        response = HttpResponse(page.fill(request))
        for header, value in page.headers:
            response[header] = value
        return response

    @staticmethod
    def _may_share(request) -> bool:
        return (
            request.method == "GET"
            and not request.path.startswith(SKIP_PREFIXES)
            and not request.session.get("may_edit")
            and not get_messages(request)
        )

    def _render_shared(self, request):
        reader, request.user = request.user, AnonymousUser()
        render = request.shared_render = SharedRender()
        try:
            response = self.get_response(request)
        finally:
            request.user = reader
            del request.shared_render
        if not _is_shareable(response) or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return None
        headers = [(h, v) for h, v in response.items() if h.lower() not in _REQUEST_HEADERS]
        return render.page(response.content.decode(response.charset), headers)
