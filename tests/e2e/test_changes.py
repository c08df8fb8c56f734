"""An explainer that changed in substance, in a real browser: its list of changes, the "Volg
wijzigingen" button for a visitor (through the login page, back on the same page, followed) and
for a member with JavaScript (no reload, announced), and axe on the page and on /volgend/.
Screenshots at 1280 and 375 px, for a visitor and a member, in test-artifacts/changes/."""

import re

import pytest

from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in

pytestmark = pytest.mark.e2e

PATH = "/integrale-wijkaanpak/beleidsgeschiedenis/"
#: The accessible names start with these and name the page ("Volg wijzigingen van …").
FOLLOW = re.compile(r"^Volg wijzigingen van Beleidsgeschiedenis$")
UNFOLLOW = re.compile(r"^Ontvolg wijzigingen van Beleidsgeschiedenis$")


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def test_the_changes_are_listed_newest_first(page, axe):
    page.goto(PATH)
    section = page.locator("#wijzigingen")
    assert section.get_by_role("heading", level=2).inner_text() == "Wijzigingen"
    notes = section.locator(".change-notes__note").all_inner_texts()
    assert len(notes) == 2
    assert notes[0].startswith("De paragraaf over de Volkshuisvestingsfondsen")
    assert notes[1].startswith("Het Nationaal Programma")
    summary = page.locator(".change-summary__date")
    assert summary.inner_text().startswith("Laatst inhoudelijk gewijzigd op ")
    summary.get_by_role("link").click()
    page.wait_for_url(f"**{PATH}#wijzigingen")
    assert_accessible(page, axe)


def test_a_visitor_follows_through_login_then_unfollows_without_reload(page, axe, member):
    page.goto(PATH)
    page.get_by_role("button", name=FOLLOW).click()
    page.wait_for_url("**/accounts/login/**")
    assert "de wijzigingen van “Beleidsgeschiedenis” te volgen" in page.locator("main").inner_text()
    log_in(page, member, path=None)
    page.wait_for_url(f"**{PATH}")
    button = page.get_by_role("button", name=UNFOLLOW)
    assert button.get_attribute("aria-pressed") == "true"
    assert_accessible(page, axe)

    page.evaluate("window.notReloaded = true")
    button.click()
    follow = page.get_by_role("button", name=FOLLOW)
    follow.wait_for()
    assert follow.get_attribute("aria-pressed") == "false"
    live = page.locator("#live-region")
    live.filter(has_text="Je volgt de wijzigingen van “Beleidsgeschiedenis” niet meer.").wait_for(
        state="attached"
    )
    assert page.evaluate("window.notReloaded") is True

    follow.click()
    page.get_by_role("button", name=UNFOLLOW).wait_for()
    live.filter(has_text="Je volgt nu de wijzigingen van “Beleidsgeschiedenis”.").wait_for(
        state="attached"
    )
    page.reload()
    assert page.get_by_role("button", name=UNFOLLOW).get_attribute("aria-pressed") == ("true")

    page.goto("/volgend/")
    followed = page.locator("#paginas")
    assert followed.get_by_role("link", name="Beleidsgeschiedenis").count() >= 1
    assert_accessible(page, axe)


def test_the_button_works_without_javascript(browser, base_url, member):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        log_in(page, member)
        page.goto(PATH)
        page.get_by_role("button", name=FOLLOW).click()
        page.wait_for_url(f"**{PATH}")
        assert page.get_by_role("button", name=UNFOLLOW).get_attribute("aria-pressed") == ("true")
        assert "Je volgt nu de wijzigingen van" in page.locator("main").inner_text()
        page.get_by_role("button", name=UNFOLLOW).click()
        page.wait_for_url(f"**{PATH}")
        assert page.get_by_role("button", name=FOLLOW).get_attribute("aria-pressed") == ("false")
    finally:
        context.close()


def test_screenshots_as_visitor_and_member(browser, base_url, member, artifacts_dir, axe):
    """Full-page screenshots in test-artifacts/changes/ to look at; axe finds nothing in any."""
    folder = artifacts_dir / "changes"
    folder.mkdir(exist_ok=True)
    for who in ("bezoeker", "lid"):
        for viewport in (DESKTOP, PHONE):
            context = browser.new_context(base_url=base_url, viewport=viewport, locale="nl-NL")
            try:
                page = context.new_page()
                paths = {"uitleg-gewijzigd": PATH}
                if who == "lid":
                    log_in(page, member)
                    page.goto(PATH)
                    follow = page.get_by_role("button", name=FOLLOW)
                    if follow.count():
                        follow.click()
                    page.get_by_role("button", name=UNFOLLOW).wait_for()
                    paths["volgend"] = "/volgend/"
                for name, path in paths.items():
                    page.goto(path)
                    page.screenshot(
                        path=str(folder / f"{name}-{who}-{viewport['width']}.png"),
                        full_page=True,
                    )
                    width = page.evaluate("document.documentElement.scrollWidth")
                    assert width <= viewport["width"], f"{path} at {viewport['width']}: {width}px"
                    assert_accessible(page, axe)
            finally:
                context.close()
