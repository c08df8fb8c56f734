"""What retires the cached pages: every change to what visitors can see.

Pages (published, unpublished, moved, deleted) retire the content; snippets (themes,
organisations, authors and whatever else editors keep as snippets) the content and the cards;
sites and view restrictions, and moves, everything each process remembers as well.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.versions import content_changed, snippet_changed, structure_changed


def _saved_or_deleted(sender, instance, **kwargs):
    from wagtail.snippets.models import get_snippet_models

    if sender in (Site, PageViewRestriction):
        structure_changed()
    elif sender in get_snippet_models():
        snippet_changed()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()
    else:
        _saved_or_deleted(sender, instance)


def register_signal_handlers() -> None:
    page_published.connect(content_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(structure_changed, dispatch_uid="pagecache_moved")
    post_save.connect(_saved_or_deleted, dispatch_uid="pagecache_saved")
    post_delete.connect(_deleted, dispatch_uid="pagecache_deleted")
