"""Following never reveals pages under a view restriction: not on /volgend/, in a digest or a feed."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from follows import digests, services
from follows.models import FollowSettings
from tests.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Besloten notulen bewonersoverleg"


@pytest.fixture
def theme(member, article_index):
    """A theme the member follows, with one public and one password-protected article."""
    theme = ThemeFactory(name="Bewonersoverleg", slug="bewonersoverleg")
    services.follow_add(user=member, term=theme)
    FollowSettings.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    for title in ("Open notulen bewonersoverleg", SECRET_TITLE):
        page = ArticlePageFactory(parent=article_index, title=title, terms__themes=[theme])
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=timezone.now() - datetime.timedelta(hours=1)
        )
    secret = page
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return theme


def test_volgend_lists_only_public_items(member_client, theme):
    html = member_client.get("/volgend/").content.decode()
    assert "Open notulen bewonersoverleg" in html
    assert SECRET_TITLE not in html


def test_a_digest_lists_only_public_items(mailoutbox, theme):
    digests.digests_send()
    [message] = mailoutbox
    assert "Open notulen bewonersoverleg" in message.body
    assert SECRET_TITLE not in message.body
    assert SECRET_TITLE not in message.alternatives[0][0]
    assert "1 nieuw item" in message.subject


def test_the_term_page_and_feed_show_only_public_items(client, theme):
    for path in (theme.get_absolute_url(), f"{theme.get_absolute_url()}feed/"):
        text = client.get(path).content.decode()
        assert "Open notulen bewonersoverleg" in text
        assert SECRET_TITLE not in text
