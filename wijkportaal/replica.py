"""Reads from a PostgreSQL streaming replica (`DATABASE_REPLICA_URL`), when there is one.

A replica is a little behind the primary (normally milliseconds, more under load). Reading from it
is only safe where that cannot show anyone a state older than what they have seen. So the replica
answers only the reads of a GET or HEAD request outside the admin and the account pages, from a
reader who has not written in the last `DATABASE_REPLICA_PIN_SECONDS`, outside transactions, and
not for a cache entry whose version was retired within those seconds (below). Everything else
reads from the primary: writes and whatever follows them in the same request, the admin, the
worker, management commands and migrations (no request at all), and every request while the
replica does not answer.

A reader who wrote gets a short-lived signed cookie (`PIN_COOKIE`) that sends their reads to the
primary, so they see their own change at once (a saved article on the leeslijst, a follow, a
changed address). It is only added for readers who carry a session or CSRF cookie already, or get
one with the same response: a visitor who only reads gets no cookie, and keeps getting the cached
pages (`pagecache.middleware`).

The caches keep what they build under versions (`wijkportaal.cache`), which every change
retires. An entry built from a replica that has not replayed the change yet would be kept as new
(and a visitor's page kept by Varnish too). So a request that is about to build an entry under a
version retired within the pin reads from the primary from then on: for some seconds after a
publish every render does, and so does a member's leeslijst after they saved something.
"""

import contextvars
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connections

from wijkportaal.cache import stamp_changed_within, stamps_watch

logger = logging.getLogger(__name__)

DEFAULT = "default"
REPLICA = "replica"
PIN_COOKIE = "wp_pin"
_PIN_SALT = "wijkportaal.replica.pin"
#: Paths whose reads always go to the primary: editors' work, members' account settings, and
#: shared lists, where one member's change (removing another, withdrawing an invitation) must
#: hold at once for the others, who are not pinned by it.
PRIMARY_PREFIXES = ("/admin/", "/accounts/", "/leeslijst/gedeeld/")
SAFE_METHODS = ("GET", "HEAD")
#: After the replica failed to answer, a process reads from the primary this long (seconds)
#: before it tries the replica again.
RETRY_AFTER = 10.0
#: Django's table caches (`CACHES`): read where they are written, and no reader's own change.
_CACHE_APP_LABEL = "django_cache"


@dataclass
class _Reads:
    """Where this request's reads may go."""

    replica: bool
    #: Whether the replica was asked this request whether it answers.
    checked: bool = False
    wrote: bool = False


_reads: contextvars.ContextVar[_Reads | None] = contextvars.ContextVar(
    "replica_reads", default=None
)


class _Health:
    """Whether this process may ask the replica now; shared by its threads."""

    def __init__(self):
        self.down_until = 0.0

    def usable(self) -> bool:
        """Asks the replica at most once per request, through the connection's own health
        check (which Django would run at its first query anyway), and connects if needed."""
        if time.monotonic() < self.down_until:
            return False
        connection = connections[REPLICA]
        try:
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError as error:
            self.down_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "Replica does not answer (%s); reading from the primary for %d s",
                error,
                RETRY_AFTER,
            )
            connection.close()
            return False
        return True


health = _Health()


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_status() -> str | None:
    """For /health/: "ok", "onbereikbaar", or None without a replica. Asked now."""
    if not replica_configured():
        return None
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "onbereikbaar"
    return "ok"


def _stamp_read(stamp) -> None:
    """A cached entry is about to be built under `stamp` (`wijkportaal.cache.entries_lookup`):
    if one of its versions was retired within the pin, the replica may not have replayed that
    change yet, so the rest of the request reads from the primary."""
    reads = _reads.get()
    if (
        reads is not None
        and reads.replica
        and stamp_changed_within(stamp, settings.DATABASE_REPLICA_PIN_SECONDS)
    ):
        reads.replica = False


class ReplicaRouter:
    """Writes to the primary; reads to the replica when the request allows it (see above)."""

    def db_for_read(self, model, **hints):
        reads = _reads.get()
        if (
            reads is None
            or not reads.replica
            or model._meta.app_label == _CACHE_APP_LABEL
            or connections[DEFAULT].in_atomic_block
        ):
            return DEFAULT
        if not reads.checked:
            reads.checked = True
            reads.replica = health.usable()
            if not reads.replica:
                return DEFAULT
        return REPLICA

    def db_for_write(self, model, **hints):
        reads = _reads.get()
        if reads is not None and model._meta.app_label != _CACHE_APP_LABEL:
            # The rest of this request reads what it wrote, and the reader is pinned.
            reads.replica = False
            reads.wrote = True
        return DEFAULT

    def allow_relation(self, obj1, obj2, **hints):
        """The same rows in both: an object read from the replica may point to one from the
        primary."""
        ours = (DEFAULT, REPLICA, None)
        return True if obj1._state.db in ours and obj2._state.db in ours else None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT


def _pinned(request) -> bool:
    return (
        PIN_COOKIE in request.COOKIES
        and request.get_signed_cookie(
            PIN_COOKIE,
            default=None,
            salt=_PIN_SALT,
            max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
        )
        is not None
    )


def _has_cookies(request, response) -> bool:
    """Whether the reader carries a session or CSRF cookie, or gets a cookie now."""
    return bool(response.cookies) or any(
        name in request.COOKIES
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    )


class ReplicaReadsMiddleware:
    """Sets where the request's reads go (`_reads`) and pins a reader who wrote."""

    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed
        stamps_watch(_stamp_read)
        self.get_response = get_response

    def __call__(self, request):
        reads = _Reads(
            replica=request.method in SAFE_METHODS
            and not request.path.startswith(PRIMARY_PREFIXES)
            and not _pinned(request)
        )
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        pin_seconds = settings.DATABASE_REPLICA_PIN_SECONDS
        if reads.wrote and pin_seconds and _has_cookies(request, response):
            response.set_signed_cookie(
                PIN_COOKIE,
                "1",
                salt=_PIN_SALT,
                max_age=pin_seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
