"""What a member wrote never reaches an address that is not confirmed, and never becomes a link."""

import pytest
from allauth.account.models import EmailAddress

from accounts.emails import email_html_from_text
from tests.accounts.mails import PASSWORD, SITE, confirmed_member, hrefs, html_of, links

pytestmark = pytest.mark.django_db

PHISHING = "Je pakket wacht: https://pakket-bezorging.example/betalen en www.pakket.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.BASE_URL = SITE


def test_confirmation_to_an_added_address_carries_no_member_text(client, mailoutbox):
    member = confirmed_member(display_name=PHISHING, organisation="Pakketdienst")
    client.force_login(member)
    response = client.post("/accounts/email/", {"action_add": "", "email": "doelwit@example.org"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["doelwit@example.org"]
    html = html_of(mail)
    for text in (mail.subject, mail.body, html):
        assert "pakket" not in text.lower()
    assert all(link.startswith(f"{SITE}/") for link in links(mail.body) + hrefs(html))


def test_reset_mail_to_an_unconfirmed_address_carries_no_member_text(client, mailoutbox):
    """A member adds someone else's address (never confirmed) and asks a new password for it."""
    member = confirmed_member(display_name=PHISHING)
    EmailAddress.objects.create(user=member, email="doelwit@example.org", verified=False)
    client.post("/accounts/password/reset/", {"email": "doelwit@example.org"})
    [mail] = mailoutbox
    assert mail.to == ["doelwit@example.org"]
    assert "pakket" not in mail.body.lower() and "pakket" not in html_of(mail).lower()


def test_member_text_in_a_mail_never_becomes_a_link(client, mailoutbox):
    """Mail to the member's own confirmed address may greet them by name, but the HTML part links
    only our own addresses (nor does it link a browser's self-declared name)."""
    member = confirmed_member(display_name=PHISHING)
    client.force_login(member)
    new_password = "nog-een-lang-wachtwoord"
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
        HTTP_USER_AGENT="Mozilla/5.0 kijk op https://pakket-bezorging.example/ua",
    )
    [mail] = mailoutbox
    html = html_of(mail)
    assert hrefs(html), "our own links are still links"
    assert all(href.startswith(f"{SITE}/") for href in hrefs(html)), hrefs(html)
    assert "pakket-bezorging.example/ua" in html  # shown as text, not as a link


def test_html_part_links_only_base_url_addresses():
    text = (
        f"Kies een wachtwoord via {SITE}/accounts/password/reset/key/1-abc/\n\n"
        f"Niet: {SITE}.evil.example/x of {SITE}@evil.example/ of https://evil.example/ "
        f'of www.evil.example of iemand@evil.example of <b>{SITE}/"><script>'
    )
    html = email_html_from_text(subject="Onderwerp", text=text)
    assert hrefs(html) == [f"{SITE}/accounts/password/reset/key/1-abc/", f"{SITE}/"]
    assert "mailto:" not in html and "<script>" not in html and "<b>" not in html
