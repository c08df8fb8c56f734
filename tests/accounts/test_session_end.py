"""Ending a member's sessions costs the same however many sessions the site holds, ends every
copy of them, and anonymous posts cannot create sessions without bound."""

import importlib
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends import db as stock_db
from django.contrib.sessions.backends.base import SessionBase
from django.test import Client

from accounts.services import user_sessions_end
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ENGINES = ["accounts.sessions.db", "accounts.sessions.cached_db"]


def store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_for(user, store=None) -> str:
    """A logged-in session of `user`, as `django.contrib.auth.login` leaves it."""
    session = (store or store_class())()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def logged_in_client(user) -> Client:
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.session.get(SESSION_KEY) == str(user.pk)
    return client


@pytest.fixture
def engine(request, settings):
    settings.SESSION_ENGINE = request.param
    settings.SESSION_CACHE_ALIAS = "pages"
    return request.param


@pytest.mark.parametrize("engine", ENGINES, indirect=True)
@pytest.mark.parametrize("others", [10, 1000])
def test_ending_a_members_sessions_costs_the_same_whatever_the_others(
    engine, others, member, django_user_model, django_assert_num_queries, monkeypatch
):
    laptop, phone = logged_in_client(member), logged_in_client(member)
    bystander = django_user_model.objects.create_user(email="ander@example.org")
    bystander_session = session_for(bystander)
    for _ in range(others - 1):
        store_class()().create()  # visitors' sessions

    decoded = []
    decode = SessionBase.decode
    monkeypatch.setattr(SessionBase, "decode", lambda *args: decoded.append(1) or decode(*args))
    with django_assert_num_queries(1):
        ended = user_sessions_end(user=member)
    assert ended == 2
    assert not decoded  # no session is read, the member's nor anyone else's

    assert laptop.get("/accounts/").status_code == 302
    assert phone.get("/accounts/").status_code == 302
    model = store_class().get_model_class()
    assert model.objects.count() == others
    assert store_class()(session_key=bystander_session).load()[SESSION_KEY] == str(bystander.pk)


@pytest.mark.parametrize("engine", ENGINES, indirect=True)
def test_every_session_of_the_member_ends_with_its_cached_copy(engine, member):
    keys = [logged_in_client(member).session.session_key for _ in range(3)]
    keys.append(session_for(member))
    for key in keys:
        assert store_class()(session_key=key).load()[SESSION_KEY] == str(member.pk)

    user_sessions_end(user=member)

    for key in keys:
        # cached_db reads its cache first: a copy left there would still log the member in.
        assert store_class()(session_key=key).load() == {}


def test_the_production_engines_record_whose_session_it_is(member, client):
    assert settings.SESSION_ENGINE in ENGINES
    model = store_class().get_model_class()
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert model.objects.get(session_key=client.session.session_key).user_id == member.pk
    client.post("/accounts/logout/")
    assert not model.objects.filter(user_id=member.pk).exists()


def test_sessions_from_before_the_member_column_keep_working(member):
    """The migration copies each unexpired session, with its member, into the new table."""
    key = session_for(member, store=stock_db.SessionStore)
    migration = importlib.import_module("accounts.migrations.0004_membersession")
    migration.sessions_copy(apps, None)

    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert client.get("/accounts/").status_code == 200
    assert user_sessions_end(user=member) == 1
    assert client.get("/accounts/").status_code == 302
    assert not stock_db.SessionStore().exists(key)


INTENT = "/accounts/intentie/"
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
#: ACCOUNT_RATE_LIMITS["intent"]: new sessions a minute from one address.
PER_MINUTE = 20


def press(client, article, address):
    data = {"intent": "readinglist_add", "target": article.pk, "next": article.url}
    return client.post(INTENT, data, headers=SAME_ORIGIN, REMOTE_ADDR=address)


def test_a_flood_of_presses_from_one_address_stops_creating_sessions(article):
    model = store_class().get_model_class()
    answers = [press(Client(), article, "192.0.2.1") for _ in range(PER_MINUTE + 10)]
    assert [answer.status_code for answer in answers] == [302] * PER_MINUTE + [429] * 10
    assert model.objects.count() == PER_MINUTE
    refused = answers[-1]
    assert not refused.cookies
    assert "Te veel" in refused.content.decode()
    assert '<html lang="nl"' in refused.content.decode()

    assert press(Client(), article, "192.0.2.2").status_code == 302
    assert model.objects.count() == PER_MINUTE + 1


def test_a_visitor_with_a_session_is_not_limited(article):
    visitor = Client()
    for _ in range(PER_MINUTE + 10):
        assert press(visitor, article, "192.0.2.1").status_code == 302
    assert store_class().get_model_class().objects.count() == 1
