"""Follow and unfollow in a real browser: a visitor follows through the login page, a member
unfollows and follows again on /volgend/ without a page reload; axe finds nothing."""

import pytest

from tests.e2e.support import format_violations

pytestmark = pytest.mark.e2e


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def test_follow_through_login_then_unfollow_and_follow_on_volgend(page, axe, member):
    page.goto("/themas/wonen/")
    page.get_by_role("button", name="Volg thema Wonen", exact=True).click()
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("E-mail").fill(member["email"])
    page.get_by_label("Wachtwoord", exact=True).fill(member["password"])
    page.locator("main").get_by_role("button", name="Inloggen").click()
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
