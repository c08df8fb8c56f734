"""A digest run killed after claiming a member's row: a later run sends that digest after all."""

import datetime

import pytest
from django.utils import timezone

from follows import digests, services
from follows.models import DigestDelivery, FollowSettings
from tests.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower(member, article_index):
    """A member who follows a theme with one new article since they started following."""
    theme = ThemeFactory(name="Buurtbudget", slug="buurtbudget")
    services.follow_add(user=member, term=theme)
    FollowSettings.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    article = ArticlePageFactory(
        parent=article_index, title="Bewoners kiezen hun plannen", terms__themes=[theme]
    )
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(hours=3)
    )
    return member


def killed_run(monkeypatch, *, claimed_at):
    """A run that planned the member's row and claimed it at `claimed_at`, then died before
    marking it."""
    digests.digests_plan(now=timezone.now())
    monkeypatch.setattr(timezone, "now", lambda: claimed_at)
    claimed = digests.digest_claim()
    monkeypatch.undo()
    assert claimed is not None
    assert DigestDelivery.objects.get(pk=claimed.pk).status == "sending"
    return claimed


def test_a_row_stuck_on_sending_is_sent_by_a_later_run(monkeypatch, mailoutbox, follower):
    stuck = killed_run(monkeypatch, claimed_at=timezone.now() - datetime.timedelta(hours=1))

    run = digests.digests_send()

    assert run.sent == 1
    [message] = mailoutbox
    assert message.to == [follower.email]
    assert "Bewoners kiezen hun plannen" in message.body
    stuck.refresh_from_db()
    assert stuck.status == "sent"
    assert digests.digests_send().sent == 0  # and only once
    assert len(mailoutbox) == 1


def test_a_row_a_run_is_still_sending_is_left_alone(monkeypatch, mailoutbox, follower):
    busy = killed_run(monkeypatch, claimed_at=timezone.now() - datetime.timedelta(minutes=5))

    run = digests.digests_send()

    assert run.sent == 0
    assert mailoutbox == []
    busy.refresh_from_db()
    assert busy.status == "sending"


def test_a_stuck_row_a_later_digest_covered_sends_nothing_again(monkeypatch, mailoutbox, follower):
    """Killed at the end of one week; the next week's digest, sent before the old row is
    reclaimed, listed its items already: the old row sends no second mail and does not move the
    member's "last digest until" back."""
    now = timezone.now()
    stuck = killed_run(monkeypatch, claimed_at=now - datetime.timedelta(days=1))
    DigestDelivery.objects.filter(pk=stuck.pk).update(
        period="week-earlier",
        since=now - datetime.timedelta(days=8),
        until=now - datetime.timedelta(minutes=1),
    )
    later = DigestDelivery.objects.create(
        user=follower,
        period="week-later",
        since=now - datetime.timedelta(days=8),
        until=now,
    )
    assert digests.digest_send(delivery=later)
    assert len(mailoutbox) == 1

    digests.digests_send()

    assert len(mailoutbox) == 1
    stuck.refresh_from_db()
    assert stuck.status == "empty"
    assert FollowSettings.objects.get(user=follower).digest_until == now
