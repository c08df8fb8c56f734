from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from personal.state import member_state_changed
from readinglists import selectors
from readinglists.models import NOTE_MAX_LENGTH, ReadingListItem

#: A save that collides with a save and a removal at the same moment tries again, this often.
SAVE_ATTEMPTS = 3


def reading_list_changed(*, user_id: int) -> None:
    """Retire the member's state (the buttons and the count on every page) and their cached
    leeslijst page, which are kept under the same version."""
    member_state_changed(user_id=user_id)


def reading_list_add(*, user: User, page: Page) -> ReadingListItem:
    """Save `page` for `user`; saving it again, even at the same moment, keeps the one item, and
    a removal at the same moment leaves it saved or not, never an error."""
    for attempt in range(SAVE_ATTEMPTS):
        try:
            item, _ = ReadingListItem.objects.get_or_create(
                user=user, page=page, defaults={"title": page.title[:255]}
            )
            break
        except IntegrityError:
            # The insert met another request's item, which a third removed before it was read.
            if attempt == SAVE_ATTEMPTS - 1:
                raise
    reading_list_changed(user_id=user.pk)
    return item


def reading_list_remove(*, user: User, page: Page) -> None:
    """Take `page` off the member's list; nothing happens when it is not on it."""
    ReadingListItem.objects.filter(user=user, page=page).delete()
    reading_list_changed(user_id=user.pk)


def reading_list_item_remove(*, item: ReadingListItem) -> None:
    item.delete()
    reading_list_changed(user_id=item.user_id)


def reading_list_item_mark_read(*, item: ReadingListItem, read: bool) -> ReadingListItem:
    """Mark read (keeping the first moment it was read) or unread."""
    if read and item.read_at is None:
        item.read_at = timezone.now()
    elif not read:
        item.read_at = None
    item.save(update_fields=["read_at"])
    reading_list_changed(user_id=item.user_id)
    return item


def reading_list_item_note_set(*, item: ReadingListItem, note: str) -> ReadingListItem:
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            f"Je notitie is te lang: gebruik hoogstens {NOTE_MAX_LENGTH} tekens (nu {len(note)})."
        )
    item.note = note
    item.save(update_fields=["note"])
    reading_list_changed(user_id=item.user_id)
    return item


INTENT_ADD = "readinglist_add"


def reading_list_intent_add(user: User, payload: dict) -> str:
    """The visitor's "Bewaar in leeslijst", completed after logging in (accounts.intents)."""
    # No session here: a page behind a password counts as not passed.
    page = selectors.reading_list_page(page_id=payload.get("target"), user=user)
    if page is None:
        return "Dit artikel is niet meer beschikbaar, dus het staat niet in je leeslijst."
    reading_list_add(user=user, page=page)
    return f"“{page.title}” staat in je leeslijst."
