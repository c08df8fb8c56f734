"""A visitor presses "Bewaar in leeslijst", logs in (or signs up) and finds it saved."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.intents import SESSION_KEY
from readinglists.models import ReadingListItem
from tests.conftest import MEMBER_PASSWORD as PASSWORD

pytestmark = pytest.mark.django_db

INTENT = "/accounts/intentie/"
# What a browser sends with a form on the site's own page (see accounts.intents.same_origin).
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def visitor():
    # A visitor has no CSRF cookie: the intent endpoint must work without one.
    return Client(enforce_csrf_checks=True)


def press(client, page, **extra):
    data = {"intent": "readinglist_add", "target": page.pk, "next": page.url, **extra}
    return client.post(INTENT, data, headers=SAME_ORIGIN)


def test_visitor_button_needs_no_csrf_cookie(client, article):
    response = client.get(article.url)
    assert not response.cookies
    html = response.content.decode()
    form = re.search(r'<form class="toggle-form".*?</form>', html, re.S).group(0)
    assert f'action="{INTENT}"' in form
    assert "csrfmiddlewaretoken" not in form
    assert 'aria-pressed="false"' in form


def test_visitor_press_then_login_saves_and_returns(visitor, member, article):
    response = press(visitor, article)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" + article.url.replace("/", "%2F") in response.url
    assert not ReadingListItem.objects.exists()

    visitor = Client()  # the login form itself is protected by CSRF as usual
    visitor.cookies = response.client.cookies
    response = visitor.post(
        response.url, {"login": member.email, "password": PASSWORD}, follow=False
    )
    assert response.status_code == 302
    assert response.url == article.url
    assert ReadingListItem.objects.filter(user=member, page=article).count() == 1
    assert SESSION_KEY not in visitor.session
    html = visitor.get(article.url).content.decode()
    assert "staat in je leeslijst" in html
    assert 'aria-pressed="true"' in html


def test_intent_is_done_once(client, member, article):
    press(client, article)
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    ReadingListItem.objects.all().delete()
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert not ReadingListItem.objects.exists()


def test_signup_confirm_login_completes_the_intent(client, article, django_user_model):
    press(client, article)
    email = "nieuw@example.org"
    response = client.post(
        reverse("account_signup") + f"?next={article.url}",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "next": article.url},
    )
    assert response.status_code == 302
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    # Confirming in the same browser logs the new member in and brings them back.
    response = client.post(path)
    assert response.url == article.url
    user = django_user_model.objects.get(email=email)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert ReadingListItem.objects.filter(user=user, page=article).exists()


def test_member_press_saves_nothing(member_client, member, article):
    response = press(member_client, article)
    assert response.status_code == 302
    assert response.url == article.url
    assert not ReadingListItem.objects.exists()
    assert SESSION_KEY not in member_client.session


def test_get_is_refused(client):
    assert client.get(INTENT).status_code == 405


@pytest.mark.parametrize(
    "data",
    [
        {"intent": "onbekend", "target": "1"},
        {"intent": "readinglist_add", "target": "abc"},
        {"intent": "readinglist_add", "target": "-3"},
        {"intent": "readinglist_add"},
    ],
)
def test_bad_intents_are_refused(client, data):
    assert client.post(INTENT, data, headers=SAME_ORIGIN).status_code == 400
    assert SESSION_KEY not in client.session


def test_unsafe_next_is_replaced(client, article):
    response = press(client, article, next="https://evil.example/")
    assert "evil" not in response.url
    assert client.session[SESSION_KEY]["next"] == "/"


def test_a_page_gone_before_login_is_not_saved(client, member, article):
    press(client, article)
    article.unpublish()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert not ReadingListItem.objects.exists()
