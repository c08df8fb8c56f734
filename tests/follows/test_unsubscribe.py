"""Unsubscribe links belong to the subscription their digest was sent for."""

import datetime
import re

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from follows import digests, services
from follows.models import FollowSettings
from tests.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Groen in de wijk", slug="groen-in-de-wijk")


@pytest.fixture
def follower(member, theme):
    services.follow_add(user=member, term=theme)
    FollowSettings.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    return member


def new_article(article_index, theme, *, title):
    article = ArticlePageFactory(parent=article_index, title=title, terms__themes=[theme])
    type(article).objects.filter(pk=article.pk).update(first_published_at=timezone.now())
    return article


def digest_link(mailoutbox, *, now=None) -> str:
    """The path of the unsubscribe link in the digest a run sends (at `now`)."""
    before = len(mailoutbox)
    digests.digests_send(now=now)
    assert len(mailoutbox) == before + 1
    header = mailoutbox[-1].extra_headers["List-Unsubscribe"]
    return re.fullmatch(r"<https?://[^/]+(/volgend/afmelden/[^>]+)>", header).group(1)


def one_click(path):
    return Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


def digest_of(member) -> str:
    return FollowSettings.objects.get(user=member).digest


def test_a_link_from_before_subscribing_again_changes_nothing(
    mailoutbox, follower, theme, article_index
):
    new_article(article_index, theme, title="Geveltuinen voor iedereen")
    old = digest_link(mailoutbox)
    assert one_click(old).status_code == 200
    assert digest_of(follower) == "never"

    services.follow_settings_update(user=follower, digest="weekly")

    for response in (one_click(old), Client().get(old)):
        assert response.status_code == 410
        page = response.content.decode()
        assert "Deze afmeldlink hoort bij een eerdere aanmelding" in page
        assert "Ja, meld me af" not in page
    assert digest_of(follower) == "weekly"


def test_a_fresh_digest_carries_a_link_that_works(mailoutbox, follower, theme, article_index):
    new_article(article_index, theme, title="Geveltuinen voor iedereen")
    one_click(digest_link(mailoutbox))
    services.follow_settings_update(user=follower, digest="daily")
    new_article(article_index, theme, title="Boomspiegels adopteren")

    fresh = digest_link(mailoutbox, now=timezone.now() + datetime.timedelta(days=1))

    assert "Boomspiegels adopteren" in mailoutbox[-1].body
    assert Client().get(fresh).status_code == 200
    assert one_click(fresh).status_code == 200
    assert digest_of(follower) == "never"


def test_choosing_another_frequency_keeps_the_links_working(follower):
    link = f"/volgend/afmelden/{digests.digest_token(user=follower)}/"
    services.follow_settings_update(user=follower, digest="daily")
    assert one_click(link).status_code == 200
    assert digest_of(follower) == "never"


def test_a_link_past_its_age_changes_nothing(follower, monkeypatch):
    long_ago = timezone.now() - digests.UNSUBSCRIBE_MAX_AGE - datetime.timedelta(days=1)
    monkeypatch.setattr(signing.time, "time", lambda: long_ago.timestamp())
    token = digests.digest_token(user=follower)
    monkeypatch.undo()

    response = one_click(f"/volgend/afmelden/{token}/")

    assert response.status_code == 410
    assert "Deze afmeldlink is verlopen" in response.content.decode()
    assert digest_of(follower) == "weekly"


def test_links_in_digests_sent_before_links_were_bound_work_until_subscribing_again(follower):
    legacy = f"/volgend/afmelden/{signing.dumps(follower.pk, salt=digests.UNSUBSCRIBE_SALT)}/"
    assert one_click(legacy).status_code == 200
    assert digest_of(follower) == "never"
    services.follow_settings_update(user=follower, digest="weekly")
    assert one_click(legacy).status_code == 410
    assert digest_of(follower) == "weekly"
