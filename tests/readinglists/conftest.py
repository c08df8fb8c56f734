import pytest

from articles.models import ArticlePage, EventPage
from readinglists.models import ReadingListItem


@pytest.fixture
def article(db):
    return ArticlePage.objects.live().order_by("pk").first()


@pytest.fixture
def event(db):
    return EventPage.objects.live().order_by("pk").first()


@pytest.fixture
def saved(member):
    def save(page, **fields):
        return ReadingListItem.objects.create(user=member, page=page, title=page.title, **fields)

    return save
