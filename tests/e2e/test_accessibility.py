"""WCAG 2.1 AA in a real browser: axe-core, keyboard entry via the skip link, landmarks."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.support import DESKTOP, NARROW_PAGES, PAGES, PHONE, format_violations

pytestmark = pytest.mark.e2e

MAIN_AT_TOP = """() => {
  const top = document.querySelector('main#inhoud').getBoundingClientRect().top;
  const atBottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
  return Math.abs(top) < 2 || atBottom;
}"""


def open_page(page, site_paths, key):
    response = page.goto(site_paths[key])
    assert response is not None
    expected = 404 if key == "niet-gevonden" else 200
    assert response.status == expected, f"{site_paths[key]} answered {response.status}"
    return response


AXE_RUNS = [
    *(pytest.param(key, DESKTOP, id=f"{key}-{DESKTOP['width']}") for key in PAGES),
    *(pytest.param(key, PHONE, id=f"{key}-{PHONE['width']}") for key in NARROW_PAGES),
]


@pytest.mark.parametrize(("key", "viewport"), AXE_RUNS)
def test_no_axe_violations(page, site_paths, axe, key, viewport):
    page.set_viewport_size(viewport)
    open_page(page, site_paths, key)
    violations = axe(page)
    assert not violations, (
        f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {site_paths[key]}"
        f" at {viewport['width']} px:\n" + format_violations(violations)
    )


def test_not_found_page_is_dutch(page, site_paths):
    """Unknown paths must give the site's own Dutch 404, not a bare server page."""
    open_page(page, site_paths, "niet-gevonden")
    assert page.locator("h1").inner_text().strip() == "Pagina niet gevonden"


@pytest.mark.parametrize("key", PAGES)
def test_skip_link_is_first_and_reaches_main(page, site_paths, key):
    """Keyboard users must be able to jump past the header on every page."""
    open_page(page, site_paths, key)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const el = document.activeElement;"
        " return {tag: el.tagName, href: el.getAttribute('href'), text: el.textContent.trim()}; }"
    )
    assert focused == {"tag": "A", "href": "#inhoud", "text": "Naar de inhoud"}, focused

    skip_link = page.locator("a[href='#inhoud']").first
    assert skip_link.is_visible()
    box = skip_link.bounding_box()
    assert box and box["width"] > 40 and box["height"] > 20, f"skip link not visible: {box}"
    assert box["y"] >= 0 and box["x"] >= 0, f"skip link is off screen: {box}"

    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#inhoud'")
    assert page.evaluate("() => document.activeElement.matches('main#inhoud')"), (
        "focus did not move to main#inhoud"
    )
    # The Utrecht root sets smooth scrolling, so wait for the scroll to land.
    try:
        page.wait_for_function(MAIN_AT_TOP, timeout=3000)
    except PlaywrightTimeoutError:
        top = page.evaluate(
            "() => document.querySelector('main#inhoud').getBoundingClientRect().top"
        )
        pytest.fail(f"main#inhoud was not scrolled to the top ({top}px below it)")


@pytest.mark.parametrize("key", PAGES)
def test_language_heading_and_landmarks(page, site_paths, key):
    open_page(page, site_paths, key)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1, "a page needs exactly one h1"
    assert page.locator("main").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("banner").count() == 1, "one page header (banner) landmark"
    assert page.get_by_role("navigation").count() >= 1
    assert page.get_by_role("contentinfo").count() == 1, "one page footer (contentinfo) landmark"
