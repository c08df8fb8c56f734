"""A full-page cache for visitors, and its invalidation when content changes.

Visitors who only read carry no cookies, so every visitor sees the same page for a URL: those
pages are served from the shared cache without touching the database. Anyone with a session or
CSRF cookie (a member, or someone who has submitted a form) always gets a freshly rendered page
with their own state. Publishing, unpublishing, moving or deleting a page and editing a term
bumps one version number, which retires every cached page at once: edits are rare, and a stale
listing is worse than a cold cache.

Django's own cache middleware does not fit: it would cache members' pages under their cookies.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "page-cache:version"
TIMEOUT = 10 * 60
#: Paths that are never cached: personal, administrative or operational.
#: Search is left out too: its queries are a long tail, and caching them would write on every search.
SKIP_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/leeslijst/",
    "/volgend/",
    "/zoeken/",
    "/health/",
    "/documents/",
)
VISITOR_CACHE_CONTROL = "public, max-age=60"


def page_cache_clear(**kwargs) -> None:
    """Retire every cached page. Connected to Wagtail's and Django's change signals."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


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
                response["Cache-Control"] = "private, no-cache"
            return response

        address = f"{request.get_host()}{request.get_full_path()}".encode()
        key = f"page-cache:{_version()}:{hashlib.sha256(address).hexdigest()}"
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
