"""The site's own 404 and 500 pages while `DEBUG` is on, when `SITE_ERROR_PAGES` asks for them.

With `DEBUG` Django answers an unknown address or a crash with its technical pages. To see (and
test) what a reader would see, `SITE_ERROR_PAGES=true` renders the site's Dutch pages instead,
through the same handlers production uses; the traceback of a crash still goes to the console.
Without `DEBUG` Django already does this and the middleware steps aside.
"""

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.urls import get_resolver, get_urlconf
from django.utils.log import log_response

#: Exceptions Django answers with a 400 or 403 page, not a 500.
CLIENT_ERRORS = (BadRequest, PermissionDenied, SuspiciousOperation, MultiPartParserError)


def _enabled() -> bool:
    return settings.DEBUG and settings.SITE_ERROR_PAGES


class SiteErrorPagesMiddleware:
    """Sits right outside CommonMiddleware, so an address that only lacks its slash is still
    redirected first, and inside the session, so the page shows the reader's account menu.

    A view that raises (Wagtail's `Http404` included) is answered in `process_exception`; an
    address no URL pattern matches never reaches a view, and its 404 (no `resolver_match`) is
    replaced on the way out. A crash in a middleware still shows Django's debug page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.resolver_match is None and _enabled():
            return _handler(404)(request, exception=Http404(request.path))
        return response

    def process_exception(self, request, exception):
        if not _enabled():
            return None
        if isinstance(exception, Http404):
            return _handler(404)(request, exception=exception)
        if isinstance(exception, CLIENT_ERRORS):
            return None  # 400 and 403: Django's own handling, as without DEBUG
        # What Django does for an uncaught exception without DEBUG: tell the listeners (error
        # trackers, the test client), answer with the 500 handler, log the traceback.
        signals.got_request_exception.send(sender=None, request=request)
        response = _handler(500)(request)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response


def _handler(status: int):
    return get_resolver(get_urlconf()).resolve_error_handler(status)
