"""Visitor intent: what a visitor asked to do before logging in, done once they have logged in.

A visitor who presses a member button (save to leeslijst, follow a theme) posts to
`accounts:intent`. That stores ONE pending intent in their session and sends them to the login
page; when they log in (also after signing up and confirming in the same browser) the intent is
performed once, removed, and they land back on `next`. The endpoint never performs anything by
itself: for a member it only redirects back. An app registers its intents in `AppConfig.ready()`:

    register_intent("readinglist_add", handler)                  # payload {"target": <int>}
    register_intent("follow", handler, clean=clean_follow)       # clean(POST) -> payload

`handler(user, payload)` performs the action through the app's service and returns the text to
show the member (or "" for none). It must tolerate a target that has gone away meanwhile.
`describe(payload)`, optional, tells the visitor on the login and sign-up pages why they are
asked to log in and what happens next (`IntentNotice`); it is asked once, when the button is
pressed, and kept with the intent.

The endpoint takes no CSRF token (a reading visitor has no cookie at all), so it checks where a
post comes from instead (`same_origin`), and it never replaces a session the browser has: it
creates one only for a request that carries no session cookie, and no more than
`ACCOUNT_RATE_LIMITS["intent"]` from one address.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.urls import reverse
from django.utils.http import is_same_domain, url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

SESSION_KEY = "pending_intent"
# Long enough to sign up and confirm by mail; after that the visitor presses the button again.
MAX_AGE_SECONDS = 24 * 60 * 60


def clean_target(data) -> dict[str, Any]:
    """The default payload: one positive integer `target` (a page or term id)."""
    try:
        target = int(data.get("target", ""))
    except (TypeError, ValueError):
        raise ValidationError("Ongeldig doel.") from None
    if target <= 0:
        raise ValidationError("Ongeldig doel.")
    return {"target": target}


@dataclass(frozen=True)
class IntentNotice:
    """What a pending intent means, in words that complete two sentences on the login page:
    "Log in om {action}." and "Daarna {result} …", e.g. action "thema Wonen te volgen" and
    result "volg je thema Wonen"."""

    action: str
    result: str


#: For an intent without a description of its own (or whose target has gone).
GENERIC_NOTICE = IntentNotice(action="verder te gaan", result="doen we wat je wilde doen")


@dataclass(frozen=True)
class Intent:
    handler: Callable[[Any, dict], str]
    clean: Callable[[Any], dict]
    describe: Callable[[dict], IntentNotice | None] | None = None


_intents: dict[str, Intent] = {}


def register_intent(
    name: str,
    handler: Callable[[Any, dict], str],
    *,
    clean: Callable[[Any], dict] = clean_target,
    describe: Callable[[dict], IntentNotice | None] | None = None,
) -> None:
    """`clean(request.POST)` returns a JSON-serialisable payload or raises ValidationError;
    `describe(payload)` an `IntentNotice`, or None when the target is not there."""
    _intents[name] = Intent(handler=handler, clean=clean, describe=describe)


def safe_next(request: HttpRequest, url: str | None, *, fallback: str = "/") -> str:
    """`url` when it is a path on this site, otherwise `fallback`."""
    if (
        url
        and url.startswith("/")
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return fallback


def _origin_trusted(request: HttpRequest, origin: str) -> bool:
    """`origin` (scheme://host[:port]) is this site's, or one of `CSRF_TRUSTED_ORIGINS`."""
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    try:
        parts = urlsplit(origin)
        netloc = parts.netloc
    except ValueError:
        return False
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if origin == trusted:
            return True
        if "*" in trusted:
            pattern = urlsplit(trusted)
            if pattern.scheme == parts.scheme and is_same_domain(
                netloc, pattern.netloc.replace("*", "", 1)
            ):
                return True
    return False


def same_origin(request: HttpRequest) -> bool:
    """Whether a post was sent by a page of this site.

    Every signal the browser gives must agree: `Sec-Fetch-Site` (same-origin, or none for what
    the person did themselves) and `Origin` (this site, or a trusted origin). A browser too old
    to send either must send a `Referer` on this site: our own pages keep it for same-origin
    requests (`Referrer-Policy: strict-origin-when-cross-origin`), while another site can strip
    it. So a post with none of the three is refused too, as Django's CSRF check does over https.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is not None and not _origin_trusted(request, origin):
        return False
    if fetch_site is not None or origin is not None:
        return True
    referer = request.headers.get("Referer")
    if not referer:
        return False
    try:
        parts = urlsplit(referer)
    except ValueError:
        return False
    return bool(parts.scheme and parts.netloc) and _origin_trusted(
        request, f"{parts.scheme}://{parts.netloc}"
    )


def intent_store(
    *,
    request: HttpRequest,
    name: str,
    payload: dict,
    next_url: str,
    notice: IntentNotice | None = None,
) -> None:
    """Keep one pending intent in the visitor's session; a newer press replaces an older one."""
    notice = notice or GENERIC_NOTICE
    request.session[SESSION_KEY] = {
        "name": name,
        "payload": payload,
        "next": next_url,
        "stored_at": time.time(),
        "notice": {"action": notice.action, "result": notice.result},
    }


def intent_pending_notice(*, request: HttpRequest) -> IntentNotice | None:
    """What the visitor's pending intent will do once they log in, or None when there is none
    (or it has expired). Reads only the session."""
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict) or pending.get("name") not in _intents:
        return None
    if time.time() - pending.get("stored_at", 0) > MAX_AGE_SECONDS:
        return None
    notice = pending.get("notice")
    if not isinstance(notice, dict):
        return GENERIC_NOTICE
    return IntentNotice(
        action=str(notice.get("action") or GENERIC_NOTICE.action),
        result=str(notice.get("result") or GENERIC_NOTICE.result),
    )


def intent_complete(*, request: HttpRequest, user) -> str | None:
    """Perform and remove the session's pending intent for `user`; return its `next`, if any.

    Called right after logging in (`accounts.adapter.AccountAdapter.login`). A failing or unknown
    intent never breaks the login: it is logged and dropped.
    """
    pending = request.session.pop(SESSION_KEY, None)
    if not isinstance(pending, dict):
        return None
    intent = _intents.get(pending.get("name"))
    if intent is None or time.time() - pending.get("stored_at", 0) > MAX_AGE_SECONDS:
        return None
    try:
        message = intent.handler(user, pending.get("payload") or {})
    except Exception:
        logger.exception("Pending intent %r failed", pending.get("name"))
        return None
    if message:
        messages.success(request, message)
    return pending.get("next")


@csrf_exempt  # Reading visitors have no CSRF cookie (nor any cookie): see `same_origin`.
@require_POST
def intent_view(request: HttpRequest):
    # Checked before the session is read: a refused post neither reads nor sets any cookie.
    if not same_origin(request):
        return HttpResponseForbidden(
            "Deze knop werkt alleen op Wijkportaal zelf. Ga naar de pagina en probeer het daar.",
            content_type="text/plain; charset=utf-8",
        )
    next_url = safe_next(request, request.POST.get("next"))
    if request.user.is_authenticated:
        # A request alone never acts for a member: they use the member form, with CSRF.
        return HttpResponseRedirect(next_url)
    intent = _intents.get(request.POST.get("intent", ""))
    if intent is None:
        return HttpResponseBadRequest("Onbekende actie.")
    try:
        payload = intent.clean(request.POST)
    except ValidationError:
        return HttpResponseBadRequest("Ongeldige actie.")
    login_url = f"{reverse('account_login')}?{urlencode({'next': next_url})}"
    if request.session.session_key is None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        # The browser holds a session cookie the site does not know (ended meanwhile, or just
        # replaced by a login in another tab): a new session would replace that cookie.
        messages.info(request, "Log eerst in en druk daarna opnieuw op de knop.")
        return HttpResponseRedirect(login_url)
    if request.session.session_key is None and not ratelimit.consume(request, action="intent"):
        # Each new visitor's press creates a session: no more than so many from one address.
        return ratelimit.respond_429(request)
    notice = intent.describe(payload) if intent.describe else None
    intent_store(
        request=request,
        name=request.POST["intent"],
        payload=payload,
        next_url=next_url,
        notice=notice,
    )
    return HttpResponseRedirect(login_url)
