"""The outgoing-mail ledger: queue, claim, send, retry with backoff, give up, recover from a worker
that died, and the production path through django-tasks' database worker."""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from emails import services
from emails.models import OutgoingMail
from tests.emails.test_outgoing_mail import LOCMEM, RefusingBackend

pytestmark = pytest.mark.django_db


def message(to="iemand@example.org") -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        "Wijkportaal: Onderwerp",
        "Tekst",
        "noreply@wijkportaal.example",
        [to],
        headers={"List-Id": "wijkportaal"},
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    return message


@pytest.fixture
def server_down(settings):
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.{RefusingBackend.__name__}"


def test_a_queued_mail_goes_out_at_once_with_everything_it_had(mailoutbox):
    mail = services.email_queue(message=message())
    [sent] = mailoutbox
    assert (sent.subject, sent.body, sent.to, sent.from_email) == (
        "Wijkportaal: Onderwerp",
        "Tekst",
        ["iemand@example.org"],
        "noreply@wijkportaal.example",
    )
    assert sent.alternatives == [("<p>Tekst</p>", "text/html")]
    assert sent.extra_headers["List-Id"] == "wijkportaal"
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.SENT, 1)
    assert mail.sent_at is not None
    # The ledger keeps who got which subject when, not the text (one-time links and codes).
    assert (mail.body, mail.html) == ("", "")


def test_a_failed_attempt_is_recorded_and_retried_with_growing_delays(server_down, settings):
    mail = services.email_queue(message=message())
    now = timezone.now()
    delays = []
    for _ in range(5):
        mail.refresh_from_db()
        assert mail.status == OutgoingMail.Status.QUEUED
        assert "ConnectionRefusedError" in mail.last_error
        delays.append(mail.next_attempt_at - now)
        now = mail.next_attempt_at
        assert services.emails_send_due(now=now - timedelta(seconds=1)).sent == 0  # not yet
        services.emails_send_due(now=now)
    assert delays == sorted(delays) and delays[0] >= timedelta(seconds=30)
    assert delays[-1] >= 8 * delays[0]

    settings.EMAIL_BACKEND = LOCMEM
    mail.refresh_from_db()
    assert services.emails_send_due(now=mail.next_attempt_at).sent == 1
    assert len(django_mail.outbox) == 1
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.SENT, 7)


def test_after_days_of_failures_a_mail_is_given_up_and_kept(server_down):
    mail = services.email_queue(message=message())
    for _ in range(services.MAX_ATTEMPTS + 3):
        mail.refresh_from_db()
        services.emails_send_due(now=mail.next_attempt_at)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.FAILED, services.MAX_ATTEMPTS)
    assert mail.next_attempt_at - mail.created_at > timedelta(days=2)
    assert mail.body == "Tekst"  # kept, for someone to look at


def test_a_mail_claimed_by_a_worker_that_died_is_sent_after_the_claim_timeout(mailoutbox):
    mail = OutgoingMail.objects.create(
        subject="Onderwerp",
        body="Tekst",
        from_email="noreply@wijkportaal.example",
        to=["iemand@example.org"],
    )
    now = timezone.now()
    assert services.email_claim(now=now).pk == mail.pk  # ... and the worker is killed here
    assert services.emails_send_due(now=now + timedelta(minutes=1)).sent == 0
    assert services.email_claim(now=now + timedelta(minutes=1)) is None
    later = now + services.CLAIM_TIMEOUT + timedelta(seconds=1)
    assert services.emails_send_due(now=later).sent == 1
    assert services.emails_send_due(now=later + timedelta(hours=1)).sent == 0
    assert len(mailoutbox) == 1


def test_a_run_stops_early_when_the_mail_server_is_down(server_down):
    for number in range(10):
        OutgoingMail.objects.create(
            subject="Onderwerp",
            body="Tekst",
            from_email="noreply@wijkportaal.example",
            to=[f"lid-{number}@example.org"],
        )
    run = services.emails_send_due(now=timezone.now())
    assert (run.sent, run.failed) == (0, 3)
    assert OutgoingMail.objects.filter(attempts=0).count() == 7


def test_sent_and_given_up_mails_are_removed_after_a_month(mailoutbox):
    old = services.email_queue(message=message())
    recent = services.email_queue(message=message())
    OutgoingMail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    services.emails_send_due(now=timezone.now())
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_a_request_only_queues_and_the_worker_sends(
    client, settings, mailoutbox
):
    """Production: the request writes the ledger row and a task row; `db_worker` sends. (The
    worker checks its connection as it would between requests: a test transaction cannot.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post("/accounts/password/reset/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    [mail] = mailoutbox
    assert mail.subject == "Wijkportaal: Geen account met dit e-mailadres"
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT


def test_the_schedule_retries_queued_mail_every_minute(settings):
    assert settings.SCHEDULE["send_queued_mail"] <= 60
