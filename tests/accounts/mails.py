"""Helpers for tests that read the mails the site sends."""

import re

from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "een-lang-wachtwoord-voor-tests"
#: A BASE_URL unlike any host a request can name.
SITE = "https://wijkportaal.example"
#: Hosts a request may name in these tests (any port).
HOSTS = ["testserver", "127.0.0.1", "localhost"]
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+")


def confirmed_member(email="lid@example.org", **fields) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def links(text: str) -> list[str]:
    """Everything in a plain text that a mail program would show as a link."""
    return _URL.findall(text)


def hrefs(html: str) -> list[str]:
    return re.findall(r"<a\b[^>]*\bhref=\"([^\"]*)\"", html)


def html_of(mail) -> str:
    [(html, mimetype)] = mail.alternatives
    assert mimetype == "text/html"
    return html
