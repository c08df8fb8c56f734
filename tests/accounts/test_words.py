"""One name per action and informal "je": "Inloggen" and "Account aanmaken" (never "Aanmelden",
which is the button to register for an event), in our own texts and in allauth's and Django's.
"""

import io
import re
import tokenize
from pathlib import Path

import allauth
import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from tests.accounts.pages import (
    EMPTY_POSTS,
    MEMBER_PAGES,
    VISITOR_PAGES,
    confirmation_path,
    login_code_form_path,
    password_reset_form_path,
    soup,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
#: The formal "u", "uw", "uzelf" as words (not "u" inside a word, an escape or a placeholder).
FORMAL = re.compile(r"(?<![\w\\%&;-])(u|uw|uzelf)(?![\w-])", re.IGNORECASE)
#: Words for logging in or signing up that are not ours: "Aanmelden" is for events.
OTHER_LOGIN_WORDS = re.compile(
    r"\b(aanmeld\w*|aangemeld|afmeld\w*|afgemeld|registre\w*|registratie\w*|inschrijv\w*)\b",
    re.IGNORECASE,
)


def visible_text(response) -> str:
    """What a reader sees or hears: the text of the body and the names in attributes."""
    page = soup(response)
    for tag in page(["script", "style", "template"]):
        tag.decompose()
    body = page.find("body")
    names = [
        tag.get(attr, "")
        for tag in body.find_all(True)
        for attr in ("aria-label", "title", "alt", "placeholder", "value")
        if tag.name != "input" or attr != "value" or tag.get("type") in ("submit", "button")
    ]
    return " ".join([body.get_text(" "), *names, page.title.get_text() if page.title else ""])


def assert_words(text: str, where: str) -> None:
    formal = {m.group(0) for m in FORMAL.finditer(text)}
    assert not formal, f"formal {formal} on {where}"
    other = {m.group(0) for m in OTHER_LOGIN_WORDS.finditer(text)}
    assert not other, f"{other} on {where}: say Inloggen / Account aanmaken"


@pytest.fixture
def pages(member, mailoutbox):
    """Every account page, and every form sent empty: (what, response)."""
    visitor = Client()
    seen = [(path, visitor.get(path)) for path in VISITOR_PAGES]
    seen += [
        (
            "wachtwoord vergeten: nieuw wachtwoord",
            visitor.get(password_reset_form_path(visitor, mailoutbox, member.email)),
        ),
        ("inlogcode invullen", visitor.get(login_code_form_path(visitor, member.email))),
        ("bevestigingslink", visitor.get(confirmation_path(member))),
    ]
    for path, data, for_member in EMPTY_POSTS:
        if not for_member:
            seen.append((f"POST {path}", Client().post(path, data)))
    client = Client()
    client.force_login(member)
    seen += [(path, client.get(path)) for path in MEMBER_PAGES]
    for path, data, for_member in EMPTY_POSTS:
        if for_member:
            seen.append((f"POST {path} (lid)", client.post(path, data)))
    seen.append(("uitloggen", client.post("/accounts/logout/", follow=True)))
    return seen


def test_account_pages_say_inloggen_and_je(pages):
    assert len(pages) > 20
    for where, response in pages:
        assert response.status_code == 200, where
        assert_words(visible_text(response), where)


def test_account_pages_use_our_words(pages):
    """The checks above read the pages: these words are on them."""
    text = {where: visible_text(response) for where, response in pages}
    assert "Inloggen" in text["/accounts/login/"]
    assert "Account aanmaken" in text["/accounts/signup/"]
    assert "Wachtwoord vergeten?" in text["/accounts/login/"]
    assert "Huidig e-mailadres" in text["/accounts/email/"]
    assert "Je wachtwoord moet minstens 12 tekens hebben" in text["/accounts/signup/"]
    assert "Je bent uitgelogd." in text["uitloggen"]


@pytest.mark.parametrize(
    "password", ["kort-1234", "12345678901234", "lid@example.org1", "welkom123"]
)
def test_password_rules_and_errors_are_informal(member, password):
    with translation.override("nl"):
        texts = password_validators_help_texts()
        try:
            validate_password(password, user=member)
        except ValidationError as error:
            texts += error.messages
        else:
            pytest.fail(f"{password!r} was accepted")
    assert len(texts) > 4
    for text in texts:
        assert_words(text, text)


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unescape(match) -> str:
    return _ESCAPES.get(match.group(1), match.group(0))


def _po_entries(path: Path):
    """(references, msgid) of each entry in a .po file."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        refs = [
            ref.split(":")[0]
            for line in block.splitlines()
            if line.startswith("#: ")
            for ref in line[3:].split()
        ]
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        if not msgid:
            continue
        text = "".join(re.findall(r'"(.*)"', msgid.group(1)))
        yield refs, re.sub(r"\\(.)", _unescape, text)


def test_allauth_account_texts_are_ours():
    """Every text of allauth's account pages, forms and messages, in the Dutch the site uses
    (its mails are our own templates)."""
    po = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    checked = 0  # texts found in the .po and translated
    with translation.override("nl"):
        for refs, msgid in _po_entries(po):
            used = [
                ref
                for ref in refs
                if ref.startswith(("account/", "templates/account/"))
                and not ref.startswith("templates/account/email/")
            ]
            if not msgid or not used:
                continue
            if re.search(r"phone|passkey", msgid, re.IGNORECASE):
                continue  # not used here: no phone numbers, no passkeys
            dutch = translation.gettext(msgid)
            assert_words(dutch, msgid)
            checked += dutch != msgid
    assert checked > 100


def _our_files():
    skip = {".venv", "node_modules", "staticfiles", "migrations", "tests", ".git"}
    for path in ROOT.rglob("*"):
        if skip & set(path.relative_to(ROOT).parts):
            continue
        if path.suffix in (".py", ".html", ".txt") and path.is_file():
            yield path


def test_our_templates_and_strings_are_informal():
    """Our own templates and every string in our Python code (the event's "Aanmelden" button
    and field are the one place that word belongs)."""
    found = []
    for path in _our_files():
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            strings = [
                token.string
                for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.STRING
            ]
        else:
            strings = [re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", source, flags=re.DOTALL)]
        for text in strings:
            found += [(path.name, m.group(0)) for m in FORMAL.finditer(text)]
    assert not found
