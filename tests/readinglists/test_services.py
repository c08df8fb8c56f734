import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from wagtail.models import Page

from accounts.exports import user_export
from accounts.services import user_delete
from readinglists import selectors, services
from readinglists.models import NOTE_MAX_LENGTH, ReadingListItem
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db


def test_add_is_idempotent_and_keeps_a_title_snapshot(member, article):
    first = services.reading_list_add(user=member, page=article)
    again = services.reading_list_add(user=member, page=article)
    assert first.pk == again.pk
    assert first.title == article.title
    assert ReadingListItem.objects.filter(user=member).count() == 1


def test_database_refuses_a_second_item_for_the_same_page(member, article, saved):
    saved(article)
    with pytest.raises(IntegrityError):
        ReadingListItem.objects.create(user=member, page=article, title="dubbel")


def test_remove_is_idempotent(member, article, saved):
    saved(article)
    services.reading_list_remove(user=member, page=article)
    services.reading_list_remove(user=member, page=article)
    assert not ReadingListItem.objects.exists()


def test_mark_read_keeps_the_first_moment_and_unread_clears_it(article, saved):
    item = saved(article)
    services.reading_list_item_mark_read(item=item, read=True)
    first = item.read_at
    services.reading_list_item_mark_read(item=item, read=True)
    assert item.read_at == first is not None
    services.reading_list_item_mark_read(item=item, read=False)
    item.refresh_from_db()
    assert item.read_at is None


def test_note_is_limited_with_a_dutch_message(article, saved):
    item = saved(article)
    services.reading_list_item_note_set(item=item, note="  Bespreken in het wijkteam.  ")
    item.refresh_from_db()
    assert item.note == "Bespreken in het wijkteam."
    with pytest.raises(ValidationError, match="Je notitie is te lang"):
        services.reading_list_item_note_set(item=item, note="x" * (NOTE_MAX_LENGTH + 1))
    item.refresh_from_db()
    assert item.note == "Bespreken in het wijkteam."


def test_deleted_page_leaves_a_placeholder(member, article, saved):
    item = saved(article)
    title = article.title
    article.delete()
    item.refresh_from_db()
    assert item.page is None
    [row] = selectors.reading_list_rows(selectors.reading_list_items(user=member))
    assert (row["available"], row["title"], row["url"]) == (False, title, "")


def test_unpublished_page_leaves_a_placeholder(member, article, saved):
    saved(article)
    article.unpublish()
    [row] = selectors.reading_list_rows(selectors.reading_list_items(user=member))
    assert (row["available"], row["title"]) == (False, article.title)


def test_only_live_articles_and_events_can_be_saved(article, event, explainer_index):
    assert selectors.reading_list_page(page_id=article.pk).pk == article.pk
    assert selectors.reading_list_page(page_id=event.pk).pk == event.pk
    assert selectors.reading_list_page(page_id=explainer_index.pk) is None
    assert selectors.reading_list_page(page_id="niets") is None
    article.unpublish()
    assert selectors.reading_list_page(page_id=article.pk) is None


def test_account_deletion_removes_the_list(member, article, saved):
    saved(article)
    user_delete(user=member)
    assert not ReadingListItem.objects.exists()


def test_avg_export_includes_the_list(member, article, saved):
    saved(article, note="Voor het overleg")
    [entry] = user_export(user=member)["leeslijst"]
    assert entry["titel"] == article.title
    assert entry["notitie"] == "Voor het overleg"
    assert entry["adres"].endswith(article.url)
    assert entry["gelezen_op"] is None


@pytest.mark.django_db(transaction=True)
def test_eight_simultaneous_saves_make_one_item(django_user_model, page_root):
    """On PostgreSQL 8 threads save at the same moment; SQLite serialises writers, so there the
    same 8 saves run one after another (its database lock makes real concurrency impossible)."""
    page = page_root.add_child(instance=Page(title="Snel bewaard", slug="snel-bewaard", live=True))
    user = django_user_model.objects.create_user(email="snel@example.org", password="x")
    errors = at_once(lambda: services.reading_list_add(user=user, page=page), 8)
    assert errors == []
    assert ReadingListItem.objects.filter(user=user, page=page).count() == 1
