import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    EventIndexPage,
    EventPage,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    InformationPage,
)
from tests.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_reading_time_counts_intro_and_body(article_index):
    words = " ".join(["woord"] * 450)
    article = ArticlePageFactory(
        parent=article_index,
        intro="tien woorden " * 5,
        body=[
            {"type": "heading", "value": {"text": "Kop", "level": "h2"}},
            {"type": "paragraph", "value": f"<p>{words}</p>"},
        ],
    )
    # 10 + 1 + 450 words at 200 a minute, rounded up.
    assert article.reading_time == 3


def test_reading_time_is_at_least_a_minute(article_index):
    article = ArticlePageFactory(parent=article_index, intro="", body=[])
    assert article.reading_time == 1


def test_event_must_end_after_it_starts_and_have_a_place(event_index):
    event = EventPageFactory.build(location="", online_url="")
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as excinfo:
        event.clean()
    assert "Het einde moet na het begin liggen." in excinfo.value.message_dict["end"]
    assert "location" in excinfo.value.message_dict


def test_online_event_needs_no_location(event_index):
    event = EventPageFactory(
        parent=event_index, location="", online_url="https://example.org/webinar"
    )
    event.full_clean()
    assert event.start.tzinfo is not None


def test_past_event(event_index):
    event = EventPageFactory(
        parent=event_index,
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(hours=1),
    )
    assert event.is_past


@pytest.mark.parametrize(
    ("model", "allowed", "refused"),
    [
        (HomePage, [Page], [HomePage, ArticleIndexPage]),
        (ExplainerIndexPage, [HomePage], [ArticleIndexPage, ExplainerIndexPage]),
        (ExplainerPage, [ExplainerIndexPage], [HomePage, ArticleIndexPage, ExplainerPage]),
        (ArticleIndexPage, [HomePage], [ArticleIndexPage, EventIndexPage]),
        (ArticlePage, [ArticleIndexPage], [HomePage, EventIndexPage, ArticlePage]),
        (EventIndexPage, [HomePage], [EventIndexPage, ArticleIndexPage]),
        (EventPage, [EventIndexPage], [HomePage, ArticleIndexPage, EventPage]),
        (InformationPage, [HomePage], [ArticleIndexPage, InformationPage]),
    ],
)
def test_tree_rules(model, allowed, refused):
    for parent in allowed:
        assert model.can_exist_under(parent()), f"{model.__name__} under {parent.__name__}"
    for parent in refused:
        assert not model.can_exist_under(parent()), f"{model.__name__} under {parent.__name__}"


@pytest.mark.parametrize("model", [ExplainerPage, ArticlePage, EventPage, InformationPage])
def test_leaf_pages_have_no_children(model):
    assert model.allowed_subpage_models() == []


def test_singletons_cannot_be_added_twice(home):
    for model in (HomePage, ExplainerIndexPage, ArticleIndexPage, EventIndexPage):
        parent = home.get_parent() if model is HomePage else home
        assert not model.can_create_at(parent)
