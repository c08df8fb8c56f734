"""Races: pressing "Volg wijzigingen" and "Ontvolg wijzigingen" at the same moment, and two
workers publishing the same scheduled version at once (one change note)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Revision

from articles.models import ChangeNote, ExplainerIndexPage
from follows.models import Follow, FollowSettings
from personal.state import member_state
from tests.articles.changes import explainer
from tests.concurrency import at_once, posts_taking_turns
from tests.conftest import make_member
from tests.factories import page_tree_build

ROUNDS = 15
THREADS = 8


@pytest.fixture
def racer(django_user_model, page_root):
    page_tree_build()
    page = explainer(ExplainerIndexPage.objects.get(), title="Gelijktijdig")
    return make_member(django_user_model, email="racer@example.org"), page


@pytest.mark.django_db(transaction=True)
def test_pressing_follow_and_unfollow_at_once_always_answers(racer):
    user, page = racer
    answers = []
    data = {"target": page.pk, "next": page.url}
    call = posts_taking_turns(
        user,
        [("/volgend/volg-wijzigingen/", data), ("/volgend/ontvolg-wijzigingen/", data)],
        answers,
        clients=THREADS,
    )
    for _ in range(ROUNDS):
        answers.clear()
        assert at_once(call, THREADS) == []
        assert len(answers) == THREADS
        assert all(200 <= code < 400 for code in answers), answers
        follows = Follow.objects.filter(user=user, page=page).count()
        assert follows in (0, 1)
        request = RequestFactory().get("/")
        request.user = user
        assert (page.pk in member_state(request)["page"]) is bool(follows)
        assert FollowSettings.objects.filter(user=user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_publishing_the_same_version_note_it_once(racer):
    _, page = racer
    page.change_kind, page.change_note = "major", "Tegelijk gepubliceerd."
    revision = page.save_revision()

    def publish():
        Revision.objects.get(pk=revision.pk).publish()

    assert at_once(publish, 4) == []
    assert list(ChangeNote.objects.values_list("note", flat=True)) == ["Tegelijk gepubliceerd."]
