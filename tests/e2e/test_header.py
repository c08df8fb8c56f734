"""The header at 1280 and 375 px: one row of navigation for a member on a desktop; on a phone a
menu button (only with JavaScript) that folds the navigation away, worked by keyboard; without
JavaScript a visible list. Messages sit in the main landmark, in view after a form post."""

import pytest

from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in

pytestmark = pytest.mark.e2e

MAX_PHONE_HEADER = 120
#: What a reader can use in the header's bar: links, the Kennisbank button, the logout button.
BAR_CONTROLS = """() => Array.from(document.querySelectorAll(
    '#site-menu .site-nav__list > li > a, #site-menu .site-nav__toggle, #site-menu .account-nav li > a,'
    + ' #site-menu .account-nav button'))
  .filter((el) => el.getClientRects().length)
  .map((el) => {
    const box = el.getBoundingClientRect();
    return {text: el.textContent.trim().replace(/\\s+/g, ' '), top: box.top, bottom: box.bottom};
  })"""
FOCUSED = "() => document.activeElement && document.activeElement.textContent.trim()"


def header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


def assert_no_violations(page, axe, where):
    violations = axe(page)
    assert not violations, f"axe on {where}:\n" + format_violations(violations)


def assert_one_row(page):
    controls = page.evaluate(BAR_CONTROLS)
    texts = [control["text"] for control in controls]
    centres = [(control["top"] + control["bottom"]) / 2 for control in controls]
    assert max(centres) - min(centres) < 8, f"the navigation wraps: {controls}"
    return texts


def test_a_members_navigation_fits_one_row_at_1280(page, member, axe):
    page.set_viewport_size(DESKTOP)
    log_in(page, member)
    page.goto("/artikelen/")
    texts = assert_one_row(page)
    for name in ("Uitleg", "Artikelen", "Evenementen", "Kennisbank", "Thema's", "Zoeken"):
        assert name in texts
    assert any(text.startswith("Leeslijst") for text in texts)
    assert {"Volgend", "Mijn account", "Uitloggen"} <= set(texts)
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert_no_violations(page, axe, "a member's page at 1280 px")


def test_a_visitors_navigation_fits_one_row_at_1280(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    texts = assert_one_row(page)
    assert {"Inloggen", "Account aanmaken"} <= set(texts)


def test_kennisbank_opens_by_keyboard_and_closes_with_escape(page, axe):
    page.set_viewport_size(DESKTOP)
    page.goto("/artikelen/")
    button = page.get_by_role("button", name="Kennisbank")
    publications = page.locator("header").get_by_role("link", name="Publicaties", exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    assert not publications.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert publications.is_visible()
    assert_no_violations(page, axe, "the open Kennisbank menu")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "Publicaties"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not publications.is_visible()
    assert page.evaluate("() => document.activeElement.matches('[aria-controls=menu-kennisbank]')")

    button.click()
    publications.click()
    page.wait_for_url("**/publicaties/")
    current = page.locator("#menu-kennisbank a[href='/publicaties/']")
    assert current.get_attribute("aria-current") == "page"


@pytest.mark.parametrize("as_member", [False, True], ids=["bezoeker", "lid"])
def test_phone_header_is_low_and_its_menu_button_toggles_the_navigation(
    page, request, axe, as_member
):
    page.set_viewport_size(PHONE)
    if as_member:
        log_in(page, request.getfixturevalue("member"))
    page.goto("/themas/wonen/")
    button = page.get_by_role("button", name="Menu")
    navigation = page.get_by_role("navigation", name="Hoofdmenu")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator("#" + button.get_attribute("aria-controls")).count() == 1
    assert not navigation.is_visible()
    assert header_height(page) <= MAX_PHONE_HEADER, f"header is {header_height(page)} px high"
    assert_no_violations(page, axe, "the phone header, closed")

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert navigation.get_by_role("link", name="Artikelen").is_visible()
    account = "Mijn account" if as_member else "Inloggen"
    assert page.get_by_role("link", name=account).is_visible()
    assert_no_violations(page, axe, "the phone header, open")

    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert not navigation.is_visible()


def test_phone_menu_by_keyboard_only(page):
    page.set_viewport_size(PHONE)
    page.goto("/artikelen/")
    button = page.get_by_role("button", name="Menu")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED) == "Menu":
            break
    assert page.evaluate(FOCUSED) == "Menu", "Tab does not reach the menu button"

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "Uitleg"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "Artikelen"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate(FOCUSED) == "Menu", "Escape does not return focus to the menu button"
    assert not page.get_by_role("link", name="Uitleg").is_visible()

    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_without_javascript_the_navigation_is_a_visible_list(browser, base_url, viewport):
    context = browser.new_context(base_url=base_url, viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        assert not page.locator("button[aria-controls]").first.is_visible()
        assert page.locator("header button:visible").count() == 0
        for name in (
            "Uitleg",
            "Artikelen",
            "Publicaties",
            "Praktijkvoorbeelden",
            "Dossiers",
            "Inloggen",
        ):
            assert page.locator("header").get_by_role("link", name=name, exact=True).is_visible(), (
                name
            )
        page.locator("header").get_by_role("link", name="Praktijkvoorbeelden").click()
        page.wait_for_url("**/praktijkvoorbeelden/")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_a_message_after_a_post_is_in_main_and_in_view(browser, base_url, member, viewport):
    """Without JavaScript: save an item far down a long page; the confirmation is in view."""
    context = browser.new_context(base_url=base_url, viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, member)
        page.goto("/themas/wonen/")
        button = page.locator("main").get_by_role("button", name="Bewaar in leeslijst").nth(8)
        button.scroll_into_view_if_needed()
        assert page.evaluate("scrollY") > 1000, "the page is not long enough to test this"
        button.click()
        page.wait_for_load_state()

        message = page.locator("main #bericht")
        assert message.count() == 1
        assert "staat nu in je leeslijst" in message.inner_text()
        assert message.locator(".utrecht-alert--ok[role=status]").count() == 1
        box = message.bounding_box()
        height = viewport["height"]
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, box
    finally:
        context.close()


def test_a_message_gets_focus_with_javascript(page, member):
    page.set_viewport_size(PHONE)
    log_in(page, member, path="/accounts/login/?next=/themas/wonen/")
    message = page.locator("main #bericht")
    assert message.count() == 1
    assert message.locator("[role=status]").count() == 1
    page.wait_for_function("() => document.activeElement.id === 'bericht'")
    box = message.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("path", ["/publicaties/", "/praktijkvoorbeelden/"])
def test_the_knowledge_base_is_one_click_from_any_page(page, viewport, path):
    """Kennisbank folds its links away in the header; the footer has them in one click."""
    page.set_viewport_size(viewport)
    page.goto("/evenementen/")
    page.locator("footer").locator(f"a[href='{path}']").click()
    page.wait_for_url(f"**{path}")


SCREENSHOT_PAGES = {
    "home": "/",
    "artikelen-thema": "/artikelen/?thema=wonen",
    "zoeken": "/zoeken/?q=wijk",
    "thema": "/themas/wonen/",
}


def test_screenshots_as_visitor_and_member(browser, base_url, member, artifacts_dir):
    """Full-page screenshots in test-artifacts/header/ to look at; the header stays within its
    limits on each: one row at 1280 px, at most 120 px high at 375 px."""
    folder = artifacts_dir / "header"
    folder.mkdir(exist_ok=True)
    for who in ("bezoeker", "lid"):
        for viewport in (DESKTOP, PHONE):
            context = browser.new_context(base_url=base_url, viewport=viewport, locale="nl-NL")
            try:
                page = context.new_page()
                if who == "lid":
                    log_in(page, member)
                for name, path in SCREENSHOT_PAGES.items():
                    page.goto(path)
                    if viewport is DESKTOP:
                        assert_one_row(page)
                    else:
                        assert header_height(page) <= MAX_PHONE_HEADER, (who, path)
                    shot = folder / f"{name}-{who}-{viewport['width']}.png"
                    page.screenshot(path=shot, full_page=True)
            finally:
                context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("key", ["artikel", "thema", "organisatie", "auteur"])
def test_term_and_article_pages_pass_axe(page, site_paths, axe, key, viewport):
    """The pages with new breadcrumbs or a new right column, at both widths."""
    page.set_viewport_size(viewport)
    page.goto(site_paths[key])
    if key != "artikel":
        assert page.get_by_role("navigation", name="Kruimelpad").is_visible()
    assert_no_violations(page, axe, f"{site_paths[key]} at {viewport['width']} px")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_term_index_passes_axe(page, axe, viewport):
    page.set_viewport_size(viewport)
    page.goto("/themas/")
    assert page.get_by_role("navigation", name="Kruimelpad").is_visible()
    assert_no_violations(page, axe, f"/themas/ at {viewport['width']} px")
