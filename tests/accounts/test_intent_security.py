"""The intent endpoint takes no CSRF token, so it checks where a post comes from and never
replaces a session the browser already has."""

from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.intents import SESSION_KEY
from readinglists.models import ReadingListItem
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

INTENT = "/accounts/intentie/"
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
CROSS_SITE = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}


def sessions():
    return import_module(settings.SESSION_ENGINE).SessionStore.get_model_class().objects


def press(client, page, headers):
    data = {"intent": "readinglist_add", "target": page.pk, "next": page.url}
    return client.post(INTENT, data, headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        CROSS_SITE,
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://andere.testserver"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://testserver"},
        {"Referer": "https://evil.example/artikelen/"},
        {"Referer": "http://testserver.evil.example/"},
        {"Referer": "niet-eens-een-adres"},
        {},
    ],
)
def test_a_post_from_elsewhere_stores_nothing_and_sets_no_cookie(client, article, headers):
    response = press(client, article, headers)
    assert response.status_code == 403
    assert "Wijkportaal" in response.content.decode()
    assert not response.cookies
    assert not sessions().exists()


def test_a_cross_site_post_leaves_a_members_session_alone(client, member, article):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    # A browser sends its SameSite=Lax cookie with a same-site request only: another site's
    # form arrives without it, and any cookie in the answer would replace the member's.
    response = press(Client(), article, CROSS_SITE)
    assert response.status_code == 403
    assert not response.cookies
    # An older browser that does send the cookie along gets the same answer.
    response = press(client, article, CROSS_SITE)
    assert response.status_code == 403
    assert not response.cookies

    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key
    assert client.get("/accounts/").status_code == 200
    assert sessions().count() == 1
    assert SESSION_KEY not in client.session
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert not ReadingListItem.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        SAME_ORIGIN,
        {"Sec-Fetch-Site": "same-origin"},
        {"Origin": "http://testserver"},
        {"Referer": "http://testserver/artikelen/"},
        {"Sec-Fetch-Site": "none"},
    ],
)
def test_a_same_origin_press_runs_after_login(client, member, article, headers):
    response = press(client, article, headers)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    response = client.post(response.url, {"login": member.email, "password": PASSWORD})
    assert response.url == article.url
    assert ReadingListItem.objects.filter(user=member, page=article).count() == 1


def test_a_trusted_origin_may_post(client, settings, article):
    settings.CSRF_TRUSTED_ORIGINS = ["https://wijkportaal.example"]
    response = press(client, article, {"Origin": "https://wijkportaal.example"})
    assert response.status_code == 302
    assert client.session[SESSION_KEY]["payload"] == {"target": article.pk}


def test_a_members_press_only_redirects_and_leaves_the_session_untouched(client, member, article):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    data = dict(client.session)

    response = press(client, article, SAME_ORIGIN)
    assert response.status_code == 302
    assert response.url == article.url
    assert not response.cookies
    assert dict(client.session) == data
    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key


def test_a_visitors_session_is_kept_not_replaced(client, article):
    press(client, article, SAME_ORIGIN)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = press(client, article, SAME_ORIGIN)
    assert response.status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key
    assert sessions().count() == 1


def test_an_unknown_session_cookie_is_not_replaced_by_a_new_session(client, article):
    """A cookie the site does not know (ended meanwhile, or replaced a moment ago by a login in
    another tab) gets no new session: a new cookie would log that other tab out."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "onbekend" * 4
    response = press(client, article, SAME_ORIGIN)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not sessions().exists()
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value == ""
