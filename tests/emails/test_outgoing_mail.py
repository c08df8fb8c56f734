"""Every mail goes through the ledger and the task worker: with the mail server down a request
still answers, the mail waits, and it goes out exactly once when the server is back."""

import re
import smtplib
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail as django_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-voor-tests"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is not there."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class DisconnectingBackend(BaseEmailBackend):
    """A mail server that hangs up."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(params=[RefusingBackend, DisconnectingBackend], ids=["refused", "disconnected"])
def mail_server_down(request, settings):
    settings.EMAIL_BACKEND = f"{__name__}.{request.param.__name__}"


@pytest.fixture
def confirmed_member(db):
    user = User.objects.create_user(email="lid@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@contextmanager
def later(**delta):
    """The clock moved on by `delta`."""
    moved = timezone.now() + timedelta(**delta)
    with mock.patch("django.utils.timezone.now", return_value=moved):
        yield moved


def server_back_and_retried(settings, **delta):
    """The mail server answers again; the schedule runs `send_queued_mail`, twice for good measure."""
    settings.EMAIL_BACKEND = LOCMEM
    with later(**delta):
        call_command("send_queued_mail")
        call_command("send_queued_mail")
    return list(django_mail.outbox)


def test_signup_with_the_mail_server_down_answers_and_sends_the_mail_later(
    client, settings, mailoutbox, mail_server_down
):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email="nieuw@example.org").exists()
    assert mailoutbox == []
    page = client.get(response["Location"]).content.decode()
    assert "paar minuten" in page

    [mail] = server_back_and_retried(settings, minutes=5)
    assert mail.to == ["nieuw@example.org"]
    assert mail.subject == "Wijkportaal: Bevestig je e-mailadres"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.body).group(0)
    assert mail.alternatives and f'href="{link}"' in mail.alternatives[0][0]


def test_password_reset_with_the_mail_server_down_answers_and_sends_the_mail_later(
    client, settings, mailoutbox, mail_server_down, confirmed_member
):
    response = client.post("/accounts/password/reset/", {"email": confirmed_member.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert mailoutbox == []
    page = client.get(response["Location"]).content.decode()
    assert "paar minuten" in page

    [mail] = server_back_and_retried(settings, minutes=5)
    assert mail.to == [confirmed_member.email]
    assert mail.subject == "Wijkportaal: Nieuw wachtwoord instellen"


def test_login_by_code_with_the_mail_server_down_answers_and_sends_the_code_later(
    client, settings, mailoutbox, mail_server_down, confirmed_member
):
    response = client.post("/accounts/login/code/", {"email": confirmed_member.email})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/code/confirm/")
    assert client.get(response["Location"]).status_code == 200
    assert mailoutbox == []

    [mail] = server_back_and_retried(settings, minutes=2)
    assert mail.to == [confirmed_member.email]
    assert mail.subject == "Wijkportaal: Je inlogcode"


def test_with_the_mail_server_up_each_mail_goes_out_at_once_and_only_once(
    client, settings, mailoutbox, confirmed_member
):
    client.post("/accounts/password/reset/", {"email": confirmed_member.email})
    assert [mail.subject for mail in mailoutbox] == ["Wijkportaal: Nieuw wachtwoord instellen"]
    assert len(server_back_and_retried(settings, hours=2)) == 1
