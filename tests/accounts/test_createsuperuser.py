"""An editor made with `createsuperuser` logs in to /admin/ at once: whoever runs the command
vouches for the address. Nobody else skips confirming it."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import Client

from accounts.services import user_email_confirm

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-123"


def log_in(client, email, next_url="/admin/"):
    return client.post("/accounts/login/", {"login": email, "password": PASSWORD, "next": next_url})


def test_createsuperuser_makes_an_editor_who_reaches_the_admin_at_once(
    monkeypatch, django_user_model, mailoutbox
):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("createsuperuser", interactive=False, email="Redactie@Example.org", stdout=out)
    assert "E-mailadres redactie@example.org is bevestigd" in out.getvalue()

    editor = django_user_model.objects.get(email="redactie@example.org")
    assert editor.is_superuser
    address = EmailAddress.objects.get(user=editor)
    assert (address.email, address.verified, address.primary) == (editor.email, True, True)

    client = Client()
    response = log_in(client, "redactie@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert mailoutbox == []  # no confirmation round trip


def test_a_user_made_otherwise_still_confirms_by_mail(django_user_model, mailoutbox):
    django_user_model.objects.create_superuser(email="ander@example.org", password=PASSWORD)
    assert not EmailAddress.objects.filter(verified=True).exists()
    client = Client()
    response = log_in(client, "ander@example.org")
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert [mail.subject for mail in mailoutbox] == ["Wijkportaal: Bevestig je e-mailadres"]


def test_user_email_confirm_makes_the_own_address_the_primary_one(django_user_model):
    user = django_user_model.objects.create_user(email="lid@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email="oud@example.org", verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="lid@example.org", verified=False)
    user_email_confirm(user=user)
    user_email_confirm(user=user)  # twice is no error
    addresses = dict(EmailAddress.objects.filter(user=user).values_list("email", "primary"))
    assert addresses == {"oud@example.org": False, "lid@example.org": True}
    assert EmailAddress.objects.get(email="lid@example.org").verified
