"""Saving and removing the same item at the same moment, through the service and over HTTP."""

import itertools
import queue
import threading

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from articles.models import ArticlePage
from personal.state import member_state
from readinglists import selectors, services
from readinglists.models import ReadingListItem
from tests.concurrency import at_once
from tests.conftest import make_member

ROUNDS = 25
THREADS = 8


def taking_turns(*calls):
    """One call that runs `calls` in turn, whichever thread calls it."""
    lock, turns = threading.Lock(), itertools.cycle(calls)

    def call():
        with lock:
            chosen = next(turns)
        chosen()

    return call


def state_of(user) -> frozenset:
    request = RequestFactory().get("/")
    request.user = user
    return member_state(request)[selectors.STATE]


def assert_consistent(user, page):
    saved = ReadingListItem.objects.filter(user=user, page=page).count()
    assert saved in (0, 1)
    assert (page.pk in state_of(user)) is bool(saved)


@pytest.fixture
def racer(django_user_model, page_root):
    page = page_root.add_child(
        instance=ArticlePage(title="Tegelijk bewaard", slug="tegelijk-bewaard", live=True)
    )
    return make_member(django_user_model, email="racer@example.org"), page


@pytest.mark.django_db(transaction=True)
def test_saving_and_removing_at_once_never_fails(racer):
    user, page = racer
    call = taking_turns(
        lambda: services.reading_list_add(user=user, page=page),
        lambda: services.reading_list_remove(user=user, page=page),
    )
    for _ in range(ROUNDS):
        errors = at_once(call, THREADS)
        assert errors == []
        assert_consistent(user, page)


@pytest.mark.django_db(transaction=True)
def test_pressing_save_and_remove_at_once_always_answers(racer):
    user, page = racer
    clients = queue.SimpleQueue()
    for _ in range(THREADS):
        client = Client()
        client.force_login(user)
        clients.put(client)
    answers = []

    def press(name):
        def call():
            client = clients.get()
            try:
                response = client.post(reverse(f"readinglists:{name}"), {"target": page.pk})
            finally:
                clients.put(client)
            answers.append(response.status_code)

        return call

    call = taking_turns(press("add"), press("remove"))
    for _ in range(ROUNDS):
        answers.clear()
        errors = at_once(call, THREADS)
        assert errors == []
        assert len(answers) == THREADS
        assert all(200 <= code < 400 for code in answers), answers
        assert_consistent(user, page)
