import datetime

import pytest
from django.db import IntegrityError, transaction

from accounts.exports import user_export
from accounts.intents import _intents
from accounts.services import user_delete
from articles.models import Theme
from follows import services
from follows.models import DigestDelivery, Follow, FollowSettings
from tests.concurrency import at_once
from tests.conftest import make_member
from tests.factories import ago

pytestmark = pytest.mark.django_db


def test_following_twice_is_one_follow_and_starts_weekly_digests(member, wonen):
    first = services.follow_add(user=member, term=wonen)
    second = services.follow_add(user=member, term=wonen)
    assert first.pk == second.pk
    assert Follow.objects.filter(user=member).count() == 1
    assert FollowSettings.objects.get(user=member).digest == FollowSettings.Digest.WEEKLY


def test_each_kind_of_term_is_followed_through_its_own_key(member, wonen, organisation, author):
    for term in (wonen, organisation, author):
        follow = services.follow_add(user=member, term=term)
        assert follow.term == term
        assert follow.kind == term._meta.model_name
    assert Follow.objects.filter(user=member).count() == 3


def test_unfollowing_is_idempotent(member, wonen, organisation):
    services.follow_add(user=member, term=wonen)
    services.follow_add(user=member, term=organisation)
    services.follow_remove(user=member, term=wonen)
    services.follow_remove(user=member, term=wonen)
    assert [f.term for f in Follow.objects.filter(user=member)] == [organisation]


def test_a_follow_names_exactly_one_term(member, wonen, organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=member, theme=wonen, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=member)


def test_the_database_refuses_a_second_follow_of_the_same_term(member, wonen):
    Follow.objects.create(user=member, theme=wonen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=member, theme=wonen)


def test_something_else_cannot_be_followed(member):
    with pytest.raises(TypeError):
        services.follow_add(user=member, term=member)


def test_settings_update_refuses_unknown_frequencies(member):
    assert services.follow_settings_update(user=member, digest="daily").digest == "daily"
    with pytest.raises(ValueError):
        services.follow_settings_update(user=member, digest="hourly")


def test_a_visit_after_a_break_moves_the_new_boundary(member, wonen):
    services.follow_add(user=member, term=wonen)
    follow_settings = FollowSettings.objects.get(user=member)
    first, later = ago(hours=5), ago(hours=1)
    soon = first + datetime.timedelta(minutes=10)
    services.follow_visit_record(follow_settings=follow_settings, now=first)
    assert follow_settings.new_since is None
    services.follow_visit_record(follow_settings=follow_settings, now=soon)
    assert follow_settings.new_since is None  # the same visit
    services.follow_visit_record(follow_settings=follow_settings, now=later)
    follow_settings.refresh_from_db()
    assert (follow_settings.new_since, follow_settings.visit_at) == (soon, later)


def test_a_visitor_intent_follows_after_login(member, wonen):
    message = _intents["follow_theme"].handler(member, {"target": wonen.pk})
    assert message == "Je volgt nu thema Wonen."
    assert Follow.objects.filter(user=member, theme=wonen).exists()
    assert _intents["follow_author"].handler(member, {"target": 999_999}) == ""


def test_the_export_holds_follows_and_digest_settings(member, wonen, author):
    services.follow_add(user=member, term=wonen)
    services.follow_add(user=member, term=author)
    export = user_export(user=member)["volgen"]
    assert [(f["soort"], f["naam"]) for f in export["gevolgd"]] == [
        ("thema", "Wonen"),
        ("auteur", author.name),
    ]
    assert export["e-mail"]["frequentie"] == "weekly"


def test_account_deletion_removes_follows_settings_and_ledger(member, wonen):
    services.follow_add(user=member, term=wonen)
    DigestDelivery.objects.create(
        user=member, period="dag-2026-01-01", since=ago(days=1), until=ago()
    )
    user_delete(user=member)
    assert not Follow.objects.exists()
    assert not FollowSettings.objects.exists()
    assert not DigestDelivery.objects.exists()


def test_a_deleted_term_takes_its_follows_along(member):
    theme = Theme.objects.create(name="Tijdelijk", slug="tijdelijk")
    services.follow_add(user=member, term=theme)
    theme.delete()
    assert not Follow.objects.filter(user=member).exists()


@pytest.mark.django_db(transaction=True)
def test_eight_members_devices_following_at_once_make_one_follow(django_user_model):
    """Eight concurrent requests on PostgreSQL; SQLite serialises writes, so there the same eight
    calls run one after another and must still leave one row."""
    member = make_member(django_user_model)
    theme = Theme.objects.create(name="Gelijktijdig", slug="gelijktijdig")
    errors = at_once(lambda: services.follow_add(user=member, term=theme), 8)
    assert errors == []
    assert Follow.objects.filter(user=member, theme=theme).count() == 1
    assert FollowSettings.objects.filter(user=member).count() == 1
