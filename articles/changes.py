"""Change notes: noted when a change in substance goes live, read by the page, the leeslijst and
the members who follow the page (`articles.models.changes`)."""

from django.db.models import QuerySet

from articles.models.changes import ChangeKind, ChangeNote, ChangeNoted


def change_note_record(*, page, revision) -> ChangeNote | None:
    """Note the change in substance that `revision` of `page` brings, now that it is live.

    Called for every publish (`page_published`): at once, or at go-live for a scheduled version.
    Nothing is noted for a small correction, for the first publication (the page itself is the
    news), for a version scheduled but not live yet, or for a version noted before (a repeated
    publish of the same revision, also by two processes at once). The live row then forgets the
    choice, so code that publishes the live page again does not repeat the note.
    """
    if (
        not isinstance(page, ChangeNoted)
        or revision is None
        or page.alias_of_id
        or not page.live
        or page.live_revision_id != revision.pk
    ):
        return None
    kind, note = page.change_kind, " ".join((page.change_note or "").split())
    if kind == ChangeKind.MINOR and not note:
        return None
    type(page).objects.filter(pk=page.pk).update(change_kind=ChangeKind.MINOR, change_note="")
    if kind != ChangeKind.MAJOR or not note or page.first_published_at == page.last_published_at:
        return None
    # The revision is unique: of two runs publishing it at once, one notes it.
    change_note, created = ChangeNote.objects.get_or_create(
        revision=revision,
        defaults={"page_id": page.pk, "published_at": page.last_published_at, "note": note},
    )
    return change_note if created else None


def page_published_handler(sender, instance, revision=None, **kwargs) -> None:
    change_note_record(page=instance, revision=revision)


def change_notes_of(page) -> QuerySet:
    """The page's change notes, the newest first."""
    return ChangeNote.objects.filter(page_id=page.pk).order_by("-published_at", "-pk")
