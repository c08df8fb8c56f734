"""Helpers for tests of change notes: pages that have been published before, and a change in
substance published the way the admin and the scheduler do (a revision, then its publish)."""

import datetime

from django.utils import timezone

from articles.models import ChangeKind, ChangeNote
from pagecache.versions import content_changed
from tests.factories import (
    DossierPageFactory,
    ExplainerPageFactory,
    PublicationPageFactory,
    published,
)


def published_before(page, *, days: int = 30):
    """`page` as if it first went live `days` ago: its next publish is not the first."""
    return published(page, at=timezone.now() - datetime.timedelta(days=days))


def explainer(parent, **kwargs):
    return published_before(ExplainerPageFactory(parent=parent, **kwargs))


def publication(parent, **kwargs):
    return published_before(PublicationPageFactory(parent=parent, **kwargs))


def dossier(parent, **kwargs):
    return published_before(DossierPageFactory(parent=parent, **kwargs))


def change_publish(page, note: str = "", *, kind=ChangeKind.MAJOR, at=None):
    """Publish a new version of `page` as a change of `kind` with `note`; with `at`, the note (if
    any) is dated then. Returns the revision."""
    page = type(page).objects.get(pk=page.pk)
    page.change_kind, page.change_note = kind, note
    revision = page.save_revision()
    revision.publish()
    if at is not None:
        ChangeNote.objects.filter(revision=revision).update(published_at=at)
        content_changed()
    return revision


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)
