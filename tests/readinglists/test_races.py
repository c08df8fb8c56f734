"""Saving and removing the same item at the same moment, through the service and over HTTP."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from articles.models import ArticlePage
from personal.state import member_state
from readinglists import selectors, services
from readinglists.models import ReadingListItem
from tests.concurrency import at_once, posts_taking_turns, taking_turns
from tests.conftest import make_member

ROUNDS = 25
THREADS = 8


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
    answers = []
    data = {"target": page.pk}
    call = posts_taking_turns(
        user,
        [(reverse("readinglists:add"), data), (reverse("readinglists:remove"), data)],
        answers,
        clients=THREADS,
    )
    for _ in range(ROUNDS):
        answers.clear()
        errors = at_once(call, THREADS)
        assert errors == []
        assert len(answers) == THREADS
        assert all(200 <= code < 400 for code in answers), answers
        assert_consistent(user, page)
