"""The account pages a visitor or member can reach, for the tests that read every one of them."""

import re

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from bs4 import BeautifulSoup

#: Pages for a visitor, answered with 200.
VISITOR_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/login/code/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/bestaat-niet/",
    "/accounts/password/reset/key/1-bestaat-niet/",
]
#: Pages for a logged-in member, answered with 200.
MEMBER_PAGES = [
    "/accounts/",
    "/accounts/verwijderen/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
]
#: Forms sent empty: (path, extra data, for a member). Each comes back with its errors.
EMPTY_POSTS = [
    ("/accounts/login/", {}, False),
    ("/accounts/signup/", {}, False),
    ("/accounts/password/reset/", {}, False),
    ("/accounts/login/code/", {}, False),
    ("/accounts/verwijderen/", {}, True),
    ("/accounts/password/change/", {}, True),
    ("/accounts/email/", {"action_add": ""}, True),
    ("/accounts/reauthenticate/", {}, True),
]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def confirmation_path(user) -> str:
    """The path of the link in the confirmation mail for the user's (first) address."""
    address = EmailAddress.objects.filter(user=user).first()
    return f"/accounts/confirm-email/{EmailConfirmationHMAC(address).key}/"


def password_reset_form_path(client, mailoutbox, email) -> str:
    """Ask for a new password and open the link in the mail: the page with the new-password form."""
    client.post("/accounts/password/reset/", {"email": email})
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mailoutbox[-1].body)
    response = client.get(re.sub(r"^https?://[^/]+", "", link.group(0)))
    assert response.status_code == 302
    return response["Location"]


def login_code_form_path(client, email) -> str:
    """Ask for a login code: the page where it is filled in."""
    response = client.post("/accounts/login/code/", {"email": email})
    assert response.status_code == 302
    return response["Location"]
