"""Varnish in front of the app (deploy/varnish): what it keeps is banned whenever the app's own
page cache is retired, through `wagtail.contrib.frontend_cache`.

A page shows in its listings, its term pages, their feeds and on the home page, so a change to
one page reaches addresses nobody can list precisely; the app's own cache retires every page at
once for the same reason (`pagecache.versions`). So every purge bans every page Varnish keeps
(`VarnishBackend`), and one change, whatever it touched, sends one ban: after the commit (a
reader in between would be given the old page again), queued as frontend_cache's own task for
the worker (`purge_urls_from_cache`).

frontend_cache's app is not installed: its signal handlers would purge each published page on
its own, before the commit when tasks run at once, and next to the handlers here, which also
cover moves, deletions, snippets, sites and view restrictions. Without `WAGTAILFRONTENDCACHE`
(no FRONTEND_CACHE_PURGE_URL) nothing is queued.
"""

import logging
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


class VarnishBackend(BaseBackend):
    """Bans every page Varnish keeps, whichever URLs it is given: one BAN request to `LOCATION`
    (its purge listener). Static files stay (deploy/varnish/wijkportaal.vcl).

    A failed ban raises, so the worker records the task as failed and logs it; until then
    visitors may see the old page for as long as its s-maxage."""

    def __init__(self, params):
        super().__init__(params)
        self.location = params["LOCATION"]
        if urlsplit(self.location).scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                "FRONTEND_CACHE_PURGE_URL is an http:// or https:// address."
            )

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        request = urllib.request.Request(  # noqa: S310 - an http(s) address, checked above
            self.location,
            method="BAN",
            headers={"User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            response.read()
        logger.info("Banned the pages Varnish keeps (%d addresses changed)", len(urls))


def edge_purge() -> None:
    """Ban Varnish's pages once the current transaction commits (at once outside one); a
    transaction that changes many things bans once."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    connection = transaction.get_connection()
    if any(callback is _purge_queue for _, callback, _ in connection.run_on_commit):
        return
    # robust: the change is committed by then; a failure to queue must not turn it into an error.
    transaction.on_commit(_purge_queue, robust=True)


def _purge_queue() -> None:
    purge_urls_from_cache([f"{settings.BASE_URL}/"])


def _page_changed(**kwargs) -> None:
    edge_purge()


def _saved(sender, instance, **kwargs) -> None:
    """A site, a view restriction or a snippet (a theme, an organisation, an author). A page's
    own saves are drafts until published."""
    from wagtail.snippets.models import get_snippet_models

    if sender in (Site, PageViewRestriction) or sender in get_snippet_models():
        edge_purge()


def _deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        edge_purge()
    else:
        _saved(sender, instance)


def _restriction_groups_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        edge_purge()


def register_signal_handlers() -> None:
    """The same changes that retire the app's own pages (`pagecache.signal_handlers`),
    connected after those, so the ban follows the app's own retirement at commit."""
    page_published.connect(_page_changed, dispatch_uid="edge_published")
    page_unpublished.connect(_page_changed, dispatch_uid="edge_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="edge_moved")
    post_save.connect(_saved, dispatch_uid="edge_saved")
    post_delete.connect(_deleted, dispatch_uid="edge_deleted")
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="edge_restriction_groups",
    )
