"""A new member in a real browser: sign up, confirm by mail (which logs in), log out and in again;
axe on every page."""

import re
import time

import pytest

from tests.e2e.support import format_violations

pytestmark = pytest.mark.e2e

PASSWORD = "een-lang-wachtwoord-voor-e2e"


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def confirmation_link(mail_dir, email: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.iterdir()):
            text = path.read_text(errors="replace")
            if f"To: {email}" in text:
                # The path only: links in mails start with the server's BASE_URL, not its port.
                match = re.search(r"(?<=\S)/accounts/confirm-email/[^/\s]+/", text)
                if match:
                    return match.group(0)
        time.sleep(0.2)
    pytest.fail(f"No confirmation mail to {email} in {mail_dir}", pytrace=False)


def test_sign_up_confirm_log_in_and_out(page, axe, mail_dir):
    email = f"nieuw-{time.time_ns()}@example.org"

    page.goto("/")
    page.get_by_role("link", name="Account aanmaken").click()
    assert_accessible(page, axe)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page, axe)

    # Confirming in the same browser logs the new member in.
    page.goto(confirmation_link(mail_dir, email))
    assert_accessible(page, axe)
    page.locator("main").get_by_role("button", name=re.compile("^Bevestig")).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)
    assert_accessible(page, axe)

    page.get_by_role("link", name="Mijn account").click()
    page.wait_for_url("**/accounts/")
    assert_accessible(page, axe)

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Inloggen").is_visible()
    assert_accessible(page, axe)

    page.get_by_role("link", name="Inloggen").click()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert page.get_by_role("link", name="Mijn account").is_visible()
