"""A member's state cannot go stale: a read that began before a change never keeps the old state."""

import threading

import pytest
from django.test import RequestFactory

from personal import state as personal_state
from personal.state import member_state, member_state_changed
from readinglists import services as list_services
from readinglists.selectors import STATE, reading_list_state
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def held_read(monkeypatch):
    """Replace the leeslijst's state source by one that reads the database and then lets
    `during` run (a write by another request) before it returns what it read."""

    def hold(during):
        def read(user):
            found = reading_list_state(user=user)
            during()
            return found

        monkeypatch.setitem(personal_state._sources, "leeslijst", read)

    return hold


def test_a_read_held_open_across_a_save_does_not_keep_the_old_state(
    member, article_index, held_read, monkeypatch
):
    article = ArticlePageFactory(parent=article_index)
    held_read(lambda: list_services.reading_list_add(user=member, page=article))

    before = member_state(request_for(member))  # read before the save, finished after it
    assert article.pk not in before[STATE]

    monkeypatch.undo()
    assert article.pk in member_state(request_for(member))[STATE]


def test_a_read_held_open_across_a_remove_does_not_keep_the_old_state(
    member, article_index, held_read, monkeypatch
):
    article = ArticlePageFactory(parent=article_index)
    list_services.reading_list_add(user=member, page=article)
    held_read(lambda: list_services.reading_list_remove(user=member, page=article))

    assert article.pk in member_state(request_for(member))[STATE]

    monkeypatch.undo()
    assert article.pk not in member_state(request_for(member))[STATE]


@pytest.mark.django_db(transaction=True)
def test_a_read_in_another_thread_across_a_committed_save(django_user_model, page_root):
    """The same with real concurrency: a read that read the database before another request
    committed its save, and stores its result after, is not served to the next request."""
    from tests.conftest import make_member

    member = make_member(django_user_model, email="draad@example.org")
    read_done, write_done = threading.Event(), threading.Event()
    original = personal_state._sources["leeslijst"]

    def slow_read(user):
        found = original(user)
        read_done.set()
        write_done.wait(timeout=10)
        return found

    personal_state._sources["leeslijst"] = slow_read
    results = {}

    def reader():
        try:
            results["old"] = member_state(request_for(member))
        finally:
            from django.db import connection

            connection.close()

    thread = threading.Thread(target=reader)
    try:
        thread.start()
        assert read_done.wait(timeout=10)
        from readinglists.models import ReadingListItem

        ReadingListItem.objects.create(user=member, page=page_root, title="Wortel")
        member_state_changed(user_id=member.pk)
        write_done.set()
        thread.join(timeout=10)
    finally:
        personal_state._sources["leeslijst"] = original
    assert results["old"]["leeslijst_items"] == frozenset()
    assert len(member_state(request_for(member))["leeslijst_items"]) == 1


def test_the_state_is_read_once_and_kept(member, article_index, django_assert_num_queries):
    article = ArticlePageFactory(parent=article_index)
    list_services.reading_list_add(user=member, page=article)
    sources = len(personal_state._sources)
    with django_assert_num_queries(sources):
        assert article.pk in member_state(request_for(member))[STATE]
    with django_assert_num_queries(0):
        assert article.pk in member_state(request_for(member))[STATE]
