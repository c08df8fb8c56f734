import re

import pytest
from allauth.account.models import EmailAddress

PASSWORD = "een-lang-wachtwoord-voor-tests"


@pytest.fixture
def member(db, django_user_model):
    user = django_user_model.objects.create_user(
        email="lid@example.org", password=PASSWORD, display_name="Sanne", role="bewoner"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def member_client(client, member):
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(member.pk)
    return client


def link_in(message) -> str:
    """The first absolute link in a mail's plain-text body."""
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
