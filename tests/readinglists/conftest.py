import pytest
from allauth.account.models import EmailAddress

from articles.models import ArticlePage, EventPage
from readinglists.models import ReadingListItem

PASSWORD = "een-lang-wachtwoord-voor-tests"


@pytest.fixture
def member(db, django_user_model):
    user = django_user_model.objects.create_user(email="lezer@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


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
