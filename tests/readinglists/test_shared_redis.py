"""A shared list with the page cache in a real Redis that stops answering: the list still opens
for its members, and a member removed while Redis heard nothing of it never gets the copy kept
for them before (a kept copy is served without asking for the membership)."""

import os
import signal

import pytest
from django.test import Client

from readinglists.models import Role, SharedListMember
from readinglists.shared_services import shared_list_create, shared_list_item_add
from tests.conftest import make_member
from tests.readinglists.test_shared_pages import article
from tests.test_tolerant_cache import breaker_closes, redis_server  # noqa: F401
from wijkportaal import cache as tolerant

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_pages(redis_server, settings, monkeypatch):  # noqa: F811
    """The pages cache in the Redis of `redis_server`, as in production."""
    monkeypatch.setattr(tolerant, "breaker", tolerant._Breaker())
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "wijkportaal.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server[1]}/0",
        },
    }
    return redis_server[0]


def test_a_member_removed_while_redis_hung_never_gets_their_kept_copy(
    redis_pages, django_user_model
):
    owner = make_member(django_user_model, email="eigenaar@gemeente.example")
    colleague = make_member(django_user_model, email="wijkagent@politie.example")
    shared_list = shared_list_create(user=owner, name="Wijkteam Noord")
    SharedListMember.objects.create(shared_list=shared_list, user=colleague, role=Role.EDITOR)
    shared_list_item_add(shared_list=shared_list, actor=owner, page=article("Een"))
    path = f"/leeslijst/gedeeld/{shared_list.pk}/"
    member, boss = Client(), Client()
    member.force_login(colleague)
    boss.force_login(owner)
    assert "Wijkteam Noord" in member.get(path).content.decode()  # kept in Redis now
    assert "Wijkteam Noord" in member.get(path).content.decode()

    os.kill(redis_pages.pid, signal.SIGSTOP)
    try:
        assert member.get(path).status_code == 200  # rendered without Redis
        membership = SharedListMember.objects.get(user=colleague)
        response = boss.post(f"{path}leden/{membership.pk}/verwijderen/")
        assert response.status_code == 302
        assert member.get(path).status_code == 404
    finally:
        os.kill(redis_pages.pid, signal.SIGCONT)
    breaker_closes()
    # Redis answers again with the copy it kept, under a version it never heard was retired:
    # what it missed is deleted first, so the copy is not served.
    assert member.get(path).status_code == 404
    assert boss.get(path).status_code == 200
