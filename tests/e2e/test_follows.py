"""Follow and unfollow in a real browser: a visitor follows through the login page, a member
unfollows and follows again on /volgend/ without a page reload; axe finds nothing."""

import os
import subprocess
import sys
import time

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.support import format_violations

pytestmark = pytest.mark.e2e

PASSWORD = "een-lang-wachtwoord-voor-e2e"
CREATE_MEMBER = """
import os
from allauth.account.models import EmailAddress
from accounts.models import User
user = User.objects.create_user(email=os.environ["E2E_EMAIL"], password=os.environ["E2E_PASSWORD"])
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""


@pytest.fixture
def follower(base_url, e2e_database_url) -> str:
    """A confirmed member in the test server's database; returns their e-mail address."""
    email = f"volger-{time.time_ns()}@example.org"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
        "E2E_EMAIL": email,
        "E2E_PASSWORD": PASSWORD,
    }
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CREATE_MEMBER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return email


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def test_follow_through_login_then_unfollow_and_follow_on_volgend(page, axe, follower):
    page.goto("/themas/wonen/")
    page.get_by_role("button", name="Volg thema Wonen", exact=True).click()
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("E-mail").fill(follower)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/themas/wonen/")
    button = page.get_by_role("button", name="Ontvolg thema Wonen", exact=True)
    assert button.get_attribute("aria-pressed") == "true"

    page.goto("/volgend/")
    assert_accessible(page, axe)
    assert page.get_by_text("omdat je thema Wonen volgt").count() > 0

    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Ontvolg thema Wonen", exact=True).click()
    unfollow = page.get_by_role("button", name="Volg thema Wonen", exact=True)
    unfollow.wait_for()
    assert unfollow.get_attribute("aria-pressed") == "false"
    live = page.locator("#live-region")
    live.filter(has_text="Je volgt thema Wonen niet meer.").wait_for(state="attached")
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page, axe)

    unfollow.click()
    follow = page.get_by_role("button", name="Ontvolg thema Wonen", exact=True)
    follow.wait_for()
    assert follow.get_attribute("aria-pressed") == "true"
    live.filter(has_text="Je volgt nu thema Wonen.").wait_for(state="attached")

    page.reload()
    assert page.get_by_role("button", name="Ontvolg thema Wonen", exact=True).get_attribute(
        "aria-pressed"
    ) == ("true")
    assert_accessible(page, axe)
