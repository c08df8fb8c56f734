import pytest

from readinglists.models import ReadingListItem


@pytest.fixture
def saved(member):
    def save(page, **fields):
        return ReadingListItem.objects.create(user=member, page=page, title=page.title, **fields)

    return save
