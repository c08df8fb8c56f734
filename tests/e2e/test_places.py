"""Places in a real browser: a visitor follows a focusgebied through the login page and lands
back with it followed; a member unfollows and follows again without a reload (the change
announced) and without JavaScript; /volgend/ then lists what is about the wijk and buurt in it;
axe finds nothing on the place pages at both widths, for a visitor and a member."""

import pytest

from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in

pytestmark = pytest.mark.e2e

PLACE = "/gebieden/havenstad-oost/"
FOLLOW = "Volg gebied Havenstad-Oost"
UNFOLLOW = "Ontvolg gebied Havenstad-Oost"


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def test_a_visitor_follows_a_place_through_login_and_a_member_toggles_it(page, axe, member):
    page.goto(PLACE)
    assert page.get_by_role("heading", level=1, name="Havenstad-Oost").is_visible()
    page.get_by_role("button", name=FOLLOW, exact=True).click()
    page.wait_for_url("**/accounts/login/**")
    assert page.get_by_text("gebied Havenstad-Oost te volgen").count() > 0
    page.get_by_label("E-mail").fill(member["email"])
    page.get_by_label("Wachtwoord", exact=True).fill(member["password"])
    page.locator("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{PLACE}")
    button = page.get_by_role("button", name=UNFOLLOW, exact=True)
    assert button.get_attribute("aria-pressed") == "true"
    assert_accessible(page, axe)

    page.evaluate("window.notReloaded = true")
    button.click()
    follow = page.get_by_role("button", name=FOLLOW, exact=True)
    follow.wait_for()
    assert follow.get_attribute("aria-pressed") == "false"
    live = page.locator("#live-region")
    live.filter(has_text="Je volgt gebied Havenstad-Oost niet meer.").wait_for(state="attached")
    follow.click()
    page.get_by_role("button", name=UNFOLLOW, exact=True).wait_for()
    live.filter(has_text="Je volgt nu gebied Havenstad-Oost.").wait_for(state="attached")
    assert page.evaluate("window.notReloaded") is True

    page.goto("/volgend/")
    block = page.locator("#volgt-gebied-havenstad-oost")
    assert block.get_by_role("heading", name="Havenstad-Oost", exact=True).count() == 1
    assert block.locator(".card").count() == 3  # the newest about its wijk and buurt
    assert page.get_by_text("omdat je gebied Havenstad-Oost volgt").count() > 0
    assert_accessible(page, axe)


def test_a_member_follows_a_place_without_javascript(browser, base_url, member):
    context = browser.new_context(base_url=base_url, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        log_in(page, member)
        page.goto("/gebieden/lindenhof/")
        page.get_by_role("button", name="Volg gebied Lindenhof", exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith("/gebieden/lindenhof/")
        assert page.get_by_text("Je volgt nu gebied Lindenhof.").is_visible()
        button = page.get_by_role("button", name="Ontvolg gebied Lindenhof", exact=True)
        assert button.get_attribute("aria-pressed") == "true"
        button.click()
        page.wait_for_load_state()
        assert page.get_by_role("button", name="Volg gebied Lindenhof", exact=True).is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_place_pages_are_accessible_for_a_member(browser, base_url, member, axe, viewport):
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport=viewport)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        log_in(page, member)
        for path in ("/gebieden/", PLACE, "/gebieden/havenstad/"):
            page.goto(path)
            assert_accessible(page, axe)
        # Nothing wider than the screen on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()
