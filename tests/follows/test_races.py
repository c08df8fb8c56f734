"""Following and unfollowing the same term at the same moment, through the service and over HTTP."""

import pytest
from django.test import RequestFactory

from articles.models import Theme
from follows import services
from follows.models import Follow, FollowSettings
from personal.state import member_state
from tests.concurrency import at_once, posts_taking_turns, taking_turns
from tests.conftest import make_member

ROUNDS = 25
THREADS = 8


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
    answers = []
    data = {"target": theme.pk, "next": "/volgend/"}
    call = posts_taking_turns(
        user,
        [("/volgend/volg/thema/", data), ("/volgend/ontvolg/thema/", data)],
        answers,
        clients=THREADS,
    )
    for _ in range(ROUNDS):
        answers.clear()
        errors = at_once(call, THREADS)
        assert errors == []
        assert len(answers) == THREADS
        assert all(200 <= code < 400 for code in answers), answers
        assert_consistent(user, theme)
