"""Every absolute link in a mail comes from BASE_URL, never from the Host header of the request
that caused the mail."""

import pytest

from tests.accounts.mails import HOSTS, PASSWORD, SITE, confirmed_member, hrefs, html_of, links

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(settings):
    settings.BASE_URL = SITE
    settings.ALLOWED_HOSTS = HOSTS


@pytest.mark.parametrize("host", ["127.0.0.1:6666", "localhost:8443", "testserver:1"])
def test_password_reset_link_starts_with_base_url_whatever_the_host(client, mailoutbox, host):
    member = confirmed_member()
    response = client.post("/accounts/password/reset/", {"email": member.email}, HTTP_HOST=host)
    assert response.status_code == 302
    [mail] = mailoutbox
    link = links(mail.body)[0]
    assert link.startswith(f"{SITE}/accounts/password/reset/key/"), link
    assert hrefs(html_of(mail))[0] == link


def test_every_link_in_every_mail_starts_with_base_url(client, mailoutbox):
    """Each kind of mail allauth sends with a link, asked for on a host and port of our choosing."""
    host = {"HTTP_HOST": "127.0.0.1:6666"}
    member = confirmed_member(display_name="Sanne")
    signup = {"password1": PASSWORD, "password2": PASSWORD}
    new_password = "nog-een-lang-wachtwoord"
    client.post("/accounts/signup/", {"email": "nieuw@example.org", **signup}, **host)
    client.post("/accounts/signup/", {"email": member.email, **signup}, **host)
    client.post("/accounts/password/reset/", {"email": "niemand@example.org"}, **host)
    client.post("/accounts/password/reset/", {"email": member.email}, **host)
    client.post("/accounts/login/code/", {"email": "onbekend@example.org"}, **host)
    client.force_login(member)
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
        **host,
    )
    subjects = {mail.subject.removeprefix("Wijkportaal: ") for mail in mailoutbox}
    assert subjects == {
        "Bevestig je e-mailadres",
        "Er bestaat al een account",
        "Geen account met dit e-mailadres",
        "Nieuw wachtwoord instellen",
        "Je wachtwoord is gewijzigd",
    }
    for mail in mailoutbox:
        found = links(mail.body) + [h for h in hrefs(html_of(mail)) if "://" in h]
        assert found, mail.subject
        for link in found:
            assert link.startswith(f"{SITE}/"), (mail.subject, link)
