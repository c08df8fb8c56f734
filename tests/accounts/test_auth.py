"""Sign up, confirm, log in and out, codes, resets: allauth as configured for Wijkportaal."""

import re
from datetime import datetime, timedelta
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator

from accounts.models import User
from tests.accounts.conftest import PASSWORD, link_in, path_of

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": email, "password": password, **extra})


def test_signup_sends_a_dutch_confirmation_link_and_confirming_allows_login(client, mailoutbox):
    response = client.post(
        "/accounts/signup/",
        {"email": "Nieuw@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email__iexact="nieuw@example.org")
    assert "_auth_user_id" not in client.session

    [mail] = mailoutbox
    assert mail.subject == "Wijkportaal: Bevestig je e-mailadres"
    assert mail.to == ["nieuw@example.org"]
    assert "Bevestig je e-mailadres via deze link" in mail.body
    link = link_in(mail)
    assert re.fullmatch(rf"{re.escape(settings.BASE_URL)}/accounts/confirm-email/[^/]+/", link)
    [(html, mimetype)] = mail.alternatives
    assert mimetype == "text/html"
    assert f'href="{link}"' in html and '<html lang="nl">' in html

    # Not confirmed yet: logging in only resends the confirmation.
    login(client, "nieuw@example.org")
    assert "_auth_user_id" not in client.session

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Bevestig" in page.content.decode()
    response = client.post(path_of(link))
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = login(client, "nieuw@example.org")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize(
    ("password", "message"),
    [("kort-1234", "te kort"), ("q1w2e3r4t5y6", "te algemeen")],
)
def test_signup_refuses_short_and_common_passwords(client, password, message):
    response = client.post(
        "/accounts/signup/",
        {"email": "a@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="a@example.org").exists()


def test_field_errors_are_tied_to_their_fields(client):
    html = client.post(
        "/accounts/signup/", {"email": "geen-adres", "password1": ""}
    ).content.decode()
    email_input = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group(0)
    assert 'aria-describedby="id_email_error"' in email_input
    assert 'aria-invalid="true"' in email_input
    assert re.search(r'id="id_email_error"[^>]*>\s*<p>[^<]+</p>', html)


def test_pages_are_dutch_and_in_the_site_layout(client):
    html = client.get("/accounts/login/").content.decode()
    assert re.search(r'<h1 class="utrecht-heading-1">\s*Inloggen\s*</h1>', html)
    assert 'class="utrecht-page-header site-header"' in html
    assert "Wachtwoord vergeten?" in html
    assert 'for="id_login"' in html and 'for="id_password"' in html


def test_login_rotates_the_session_key(client, member):
    client.get("/")
    session = client.session
    session["voor"] = "inloggen"
    session.save()
    before = session.session_key
    login(client, member.email)
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.session.session_key != before


def test_six_wrong_passwords_then_the_right_one_is_refused(client, member):
    for _ in range(6):
        response = login(client, member.email, "fout-wachtwoord-1234")
        assert response.status_code == 200
    response = login(client, member.email)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in response.content.decode()


def test_login_with_a_foreign_next_stays_on_the_site(client, member):
    response = login(client, member.email, next="https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_login_with_a_local_next_goes_back(client, member):
    response = login(client, member.email, next="/artikelen/")
    assert response["Location"] == "/artikelen/"


def test_logout_needs_a_post(member_client):
    member_client.get("/accounts/logout/")
    assert "_auth_user_id" in member_client.session
    response = member_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session


def test_login_by_mailed_code(client, member, mailoutbox):
    response = client.post("/accounts/login/code/", {"email": member.email})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.subject == "Wijkportaal: Je inlogcode"
    code = re.search(r"\n\n(\S+)\n\nVul deze code", mail.body).group(1)
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_password_reset_answers_known_and_unknown_addresses_alike(client, member, mailoutbox):
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/done/"
    done = client.get(known["Location"])
    assert "Nieuw wachtwoord" in done.content.decode()
    subjects = [mail.subject for mail in mailoutbox]
    assert subjects == [
        "Wijkportaal: Nieuw wachtwoord instellen",
        "Wijkportaal: Geen account met dit e-mailadres",
    ]


def reset_link(client, member, mailoutbox) -> str:
    client.post("/accounts/password/reset/", {"email": member.email})
    return path_of(link_in(mailoutbox[-1]))


def test_password_reset_link_works_within_the_hour(client, member, mailoutbox):
    link = reset_link(client, member, mailoutbox)
    almost = datetime.now() + timedelta(minutes=59)
    with mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=almost):
        response = client.get(link)
    assert response.status_code == 302
    new_password = "een-ander-lang-wachtwoord"
    response = client.post(
        response["Location"], {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)
    assert mailoutbox[-1].subject == "Wijkportaal: Je wachtwoord is opnieuw ingesteld"


def test_password_reset_link_older_than_an_hour_is_refused(client, member, mailoutbox):
    link = reset_link(client, member, mailoutbox)
    # Django's token generator reads the naive local clock.
    later = datetime.now() + timedelta(hours=1, seconds=1)
    with mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=later):
        response = client.get(link)
        assert response.status_code == 200
        assert response.context["token_fail"]
        assert "ongeldig" in response.content.decode().lower()
        new_password = "nieuw-wachtwoord-123"
        client.post(link, {"password1": new_password, "password2": new_password})
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_password_change_sends_a_notification(member_client, member, mailoutbox):
    new_password = "een-ander-lang-wachtwoord"
    response = member_client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)
    [mail] = mailoutbox
    assert mail.subject == "Wijkportaal: Je wachtwoord is gewijzigd"
    assert mail.to == [member.email]
    assert "Je wachtwoord is gewijzigd." in mail.body
    assert mail.alternatives


def test_password_change_is_for_members_only(client):
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_email_change_confirms_the_new_address_and_tells_the_old_one(
    member_client, member, mailoutbox
):
    response = member_client.post(
        "/accounts/email/", {"action_add": "", "email": "nieuw-adres@example.org"}
    )
    assert response.status_code == 302
    [confirmation] = mailoutbox
    assert confirmation.to == ["nieuw-adres@example.org"]
    member.refresh_from_db()
    assert member.email == "lid@example.org"

    member_client.post(path_of(link_in(confirmation)))
    member.refresh_from_db()
    assert member.email == "nieuw-adres@example.org"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "nieuw-adres@example.org"
    ]
    notification = mailoutbox[-1]
    assert notification.subject == "Wijkportaal: Je e-mailadres is gewijzigd"
    assert notification.to == ["lid@example.org"]
    assert "nieuw-adres@example.org" in notification.body


def test_admin_login_is_the_rate_limited_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code in (301, 302)
    assert response["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_editor_reaches_the_admin_after_logging_in(client, editor):
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/",
        {"login": editor.email, "password": "een-lang-wachtwoord-123", "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_wagtail_user_bar_is_for_editors_only(client, member, django_user_model):
    login(client, member.email)
    assert "wagtail-userbar" not in client.get("/").content.decode()
    client.logout()
    editor = django_user_model.objects.create_superuser(
        email="redacteur@example.org", password="een-lang-wachtwoord-123"
    )
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    login(client, editor.email, "een-lang-wachtwoord-123")
    assert "wagtail-userbar" in client.get("/").content.decode()
