import datetime
import io
import threading
from collections import Counter

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import ArticleIndexPage, EventIndexPage
from follows import digests, services
from follows.models import DigestDelivery, FollowSettings
from tests.concurrency import at_once
from tests.conftest import make_member
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    ThemeFactory,
    ago,
    page_tree_build,
    published,
)

SENT: list = []
_lock = threading.Lock()


class CollectingBackend(BaseEmailBackend):
    """Keeps every message in SENT, from any thread; FAIL_AFTER sends, it fails like a dead SMTP."""

    fail_after = None

    def send_messages(self, messages):
        for message in messages:
            with _lock:
                if self.fail_after is not None and len(SENT) >= self.fail_after:
                    raise ConnectionError("SMTP server went away")
                SENT.append(message)
        return len(messages)


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = f"{__name__}.CollectingBackend"
    SENT.clear()
    CollectingBackend.fail_after = None
    yield SENT
    CollectingBackend.fail_after = None


def new_article(theme, *, title="Nieuwe buurtaanpak", at=None):
    return published(
        ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(), title=title, terms__themes=[theme]
        ),
        at=at or timezone.now(),
    )


def followers(django_user_model, theme, n, *, digest="weekly"):
    members = []
    for number in range(n):
        member = make_member(django_user_model, email=f"lid{number}@example.org")
        services.follow_add(user=member, term=theme)
        services.follow_settings_update(user=member, digest=digest)
        members.append(member)
    FollowSettings.objects.update(created_at=ago(hours=1))
    return members


@pytest.mark.django_db
def test_a_digest_lists_what_is_new_with_one_click_unsubscribe(outbox, member, wonen, settings):
    services.follow_add(user=member, term=wonen)
    FollowSettings.objects.update(created_at=ago(hours=1))
    article = new_article(wonen)
    event = published(
        EventPageFactory(
            parent=EventIndexPage.objects.get(), title="Buurtavond", terms__themes=[wonen]
        ),
        at=ago(minutes=10),
    )
    new_article(wonen, title="Van vorige maand", at=ago(days=30))  # before they followed

    run = digests.digests_send()
    assert (run.sent, run.empty) == (1, 0)
    [message] = outbox
    assert message.to == [member.email]
    assert message.subject == "Wijkportaal: 2 nieuwe items over wat je volgt"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{settings.BASE_URL}/volgend/afmelden/")
    text = message.body
    assert f"{settings.BASE_URL}{article.url}" in text
    assert f"{settings.BASE_URL}{event.url}" in text
    assert "Omdat je thema Wonen volgt." in text
    assert "Van vorige maand" not in text
    assert f"{settings.BASE_URL}/volgend/#e-mail" in text
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{settings.BASE_URL}{article.url}"' in html
    delivery = DigestDelivery.objects.get(user=member)
    assert (delivery.status, delivery.item_count) == ("sent", 2)
    assert FollowSettings.objects.get(user=member).digest_until == delivery.until

    # The same period again: nothing; the next period: only what came after.
    assert digests.digests_send().sent == 0
    later = new_article(wonen, title="Nog later", at=timezone.now() + datetime.timedelta(days=1))
    digests.digests_send(now=timezone.now() + datetime.timedelta(days=8))
    assert len(outbox) == 2
    assert later.title in outbox[1].body and article.title not in outbox[1].body


@pytest.mark.django_db
def test_nothing_is_sent_when_nothing_is_new(outbox, member, wonen):
    services.follow_add(user=member, term=wonen)
    run = digests.digests_send()
    assert (run.sent, run.empty, outbox) == (0, 1, [])
    assert DigestDelivery.objects.get(user=member).status == "empty"


@pytest.mark.django_db
def test_never_means_no_digest_and_no_follows_means_no_digest(outbox, django_user_model, wonen):
    [never] = followers(django_user_model, wonen, 1, digest="never")
    new_article(wonen)
    lonely = make_member(django_user_model, email="alleen@example.org")
    services.follow_settings_update(user=lonely, digest="daily")
    assert digests.digests_send().planned == 0
    assert outbox == []


def test_periods_are_days_or_iso_weeks_in_dutch_time():
    now = datetime.datetime(2026, 1, 4, 23, 30, tzinfo=datetime.UTC)  # Monday 00:30 in NL
    assert digests.digest_period(frequency="daily", now=now) == "dag-2026-01-05"
    assert digests.digest_period(frequency="weekly", now=now) == "week-2026-W02"


@pytest.mark.django_db
def test_the_command_sends_and_reports(outbox, django_user_model, wonen):
    followers(django_user_model, wonen, 2, digest="daily")
    new_article(wonen)
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert "2 e-mails verstuurd" in out.getvalue()
    assert len(outbox) == 2


@pytest.mark.django_db
def test_unsubscribe_link_asks_first_and_needs_no_login(client, member, wonen):
    services.follow_add(user=member, term=wonen)
    path = f"/volgend/afmelden/{digests.digest_token(user=member)}/"
    response = client.get(path)
    assert response.status_code == 200
    assert "Ja, meld me af" in response.content.decode()
    assert FollowSettings.objects.get(user=member).digest == "weekly"
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert FollowSettings.objects.get(user=member).digest == "never"


@pytest.mark.django_db
def test_a_forged_unsubscribe_token_changes_nothing(client, member, wonen):
    services.follow_add(user=member, term=wonen)
    token = digests.digest_token(user=member)
    assert client.post(f"/volgend/afmelden/{token[:-2]}xx/").status_code == 400
    assert client.get("/volgend/afmelden/nonsens/").status_code == 400
    assert FollowSettings.objects.get(user=member).digest == "weekly"


@pytest.mark.django_db
def test_a_run_that_dies_is_finished_by_the_next_one(outbox, django_user_model, wonen):
    members = followers(django_user_model, wonen, 5)
    new_article(wonen)
    CollectingBackend.fail_after = 2
    with pytest.raises(ConnectionError):
        call_command("send_digests")
    assert len(outbox) == 2
    CollectingBackend.fail_after = None
    call_command("send_digests")
    call_command("send_digests")
    assert Counter(m.to[0] for m in outbox) == {m.email: 1 for m in members}
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_member_one_digest(outbox, django_user_model, page_root):
    """Two concurrent runs on PostgreSQL (SKIP LOCKED); on SQLite, which serialises writers, the
    two runs go one after the other and must still send each member one digest."""
    page_tree_build()
    theme = ThemeFactory(name="Wonen", slug="wonen")
    members = followers(django_user_model, theme, 12)
    new_article(theme)
    errors = at_once(digests.digests_send, 2)
    assert errors == []
    assert Counter(m.to[0] for m in outbox) == {m.email: 1 for m in members}
    assert DigestDelivery.objects.filter(status="sent").count() == 12


@pytest.mark.django_db
def test_the_mail_as_sent(outbox, member, wonen):
    """Prints one digest as the SMTP server gets it (shown with -s)."""
    services.follow_add(user=member, term=wonen)
    FollowSettings.objects.update(created_at=ago(hours=1))
    new_article(wonen, title="Samen aan de slag in de Schilderswijk")
    digests.digests_send()
    raw = outbox[0].message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    print(raw)
