"""Following and unfollowing the same term at the same moment, through the service and over HTTP."""

import itertools
import queue
import threading

import pytest
from django.test import Client, RequestFactory

from articles.models import Theme
from follows import services
from follows.models import Follow, FollowSettings
from personal.state import member_state
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


def assert_consistent(user, theme):
    follows = Follow.objects.filter(user=user, theme=theme).count()
    assert follows in (0, 1)
    request = RequestFactory().get("/")
    request.user = user
    assert (theme.pk in member_state(request)["theme"]) is bool(follows)
    assert FollowSettings.objects.filter(user=user).count() == 1


@pytest.fixture
def racer(django_user_model, transactional_db):
    theme = Theme.objects.create(name="Gelijktijdig", slug="gelijktijdig")
    return make_member(django_user_model, email="racer@example.org"), theme


@pytest.mark.django_db(transaction=True)
def test_following_and_unfollowing_at_once_never_fails(racer):
    user, theme = racer
    call = taking_turns(
        lambda: services.follow_add(user=user, term=theme),
        lambda: services.follow_remove(user=user, term=theme),
    )
    for _ in range(ROUNDS):
        errors = at_once(call, THREADS)
        assert errors == []
        assert_consistent(user, theme)


@pytest.mark.django_db(transaction=True)
def test_pressing_follow_and_unfollow_at_once_always_answers(racer):
    user, theme = racer
    clients = queue.SimpleQueue()
    for _ in range(THREADS):
        client = Client()
        client.force_login(user)
        clients.put(client)
    answers = []

    def press(path):
        def call():
            client = clients.get()
            try:
                response = client.post(path, {"target": theme.pk, "next": "/volgend/"})
            finally:
                clients.put(client)
            answers.append(response.status_code)

        return call

    call = taking_turns(press("/volgend/volg/thema/"), press("/volgend/ontvolg/thema/"))
    for _ in range(ROUNDS):
        answers.clear()
        errors = at_once(call, THREADS)
        assert errors == []
        assert len(answers) == THREADS
        assert all(200 <= code < 400 for code in answers), answers
        assert_consistent(user, theme)
