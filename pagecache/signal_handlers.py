"""What retires the cached pages: every change to what visitors can see.

Pages (published, unpublished, moved, deleted) retire the content; snippets (themes,
organisations, authors and whatever else editors keep as snippets) the content and the cards;
sites and view restrictions, moves and new slugs, everything each process remembers as well. A member
joining or leaving a group changes which restricted pages they may view: their own pages.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pagecache.versions import content_changed, snippet_changed, structure_changed
from personal.state import member_state_changed


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


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`user.groups` or `group.user_set` changed: retire the pages kept for those members."""
    if action == "pre_clear" and reverse:
        # group.user_set.clear(): post_clear names nobody, so note who was in the group.
        instance._members_before_clear = list(instance.user_set.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        user_ids = [instance.pk]
    elif action == "post_clear":
        user_ids = getattr(instance, "_members_before_clear", [])
    else:
        user_ids = pk_set or []
    for user_id in user_ids:
        member_state_changed(user_id=user_id)


def _restriction_groups_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        structure_changed()


def register_signal_handlers() -> None:
    page_published.connect(content_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(structure_changed, dispatch_uid="pagecache_moved")
    # A new slug moves the page and everything under it (a home page: every site root path).
    page_slug_changed.connect(structure_changed, dispatch_uid="pagecache_slug_changed")
    post_save.connect(_saved_or_deleted, dispatch_uid="pagecache_saved")
    post_delete.connect(_deleted, dispatch_uid="pagecache_deleted")
    m2m_changed.connect(
        _groups_changed, sender=get_user_model().groups.through, dispatch_uid="pagecache_groups"
    )
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="pagecache_restriction_groups",
    )
