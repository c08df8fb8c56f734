"""Shared fixtures. Every test database starts with the demo site loaded once per session.

Tests that flush the database (`transaction=True`) run after the others (pytest-django orders
them so) and must build what they need themselves.
"""

import pytest
from django.core.management import call_command

from articles.models import ArticleIndexPage, EventIndexPage, ExplainerIndexPage, HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a fresh cache per test keeps query counts exact."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def article_index(db):
    return ArticleIndexPage.objects.get()


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def explainer_index(db):
    return ExplainerIndexPage.objects.get()


MEMBER_PASSWORD = "een-lang-wachtwoord-voor-tests"


def make_member(django_user_model, email="lid@example.org"):
    """A member whose e-mail address is confirmed, so they can log in."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email=email, password=MEMBER_PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def member(db, django_user_model):
    return make_member(django_user_model)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        email="redactie@wijkportaal.example", password="een-lang-wachtwoord-123"
    )


@pytest.fixture
def page_root(transactional_db):
    """The root of the page tree in a `transaction=True` test.

    An earlier such test may have flushed the database, taking the rows Wagtail's migrations made
    (the default locale, the root page) with it: put back what is missing.
    """
    from django.conf import settings
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
