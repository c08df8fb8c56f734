"""What a reader sees and leaves behind: narrow screens, no cookies, screenshots for review."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("key", ["home", "artikel"])
def test_no_horizontal_scroll_at_320px(browser, base_url, site_paths, key):
    """WCAG 1.4.10 reflow: 320 CSS px wide must not need sideways scrolling."""
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(site_paths[key])
        widths = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        if widths["scroll"] > 320:
            culprits = page.evaluate(
                "() => [...document.querySelectorAll('body *')]"
                ".filter(el => el.getBoundingClientRect().right > 320)"
                ".slice(0, 10).map(el => el.outerHTML.slice(0, 120))"
            )
            pytest.fail(f"{site_paths[key]} scrolls sideways at 320 px: {widths}\n{culprits}")
    finally:
        context.close()


def test_reader_gets_no_cookies(page, context, site_paths):
    """Reading must not set cookies: no consent banner is needed for visitors without an account."""
    for key in ("home", "artikel", "thema"):
        response = page.goto(site_paths[key])
        assert response is not None and response.ok
    assert context.cookies() == []


def test_screenshots(browser, base_url, site_paths, artifacts_dir):
    """Screenshots of home and an article, desktop and mobile, for people to review the look."""
    viewports = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}
    written = []
    for name, viewport in viewports.items():
        context = browser.new_context(base_url=base_url, viewport=viewport)
        try:
            page = context.new_page()
            for key in ("home", "artikel"):
                page.goto(site_paths[key])
                path = artifacts_dir / f"{key}-{name}.png"
                path.unlink(missing_ok=True)
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
        finally:
            context.close()
    for path in written:
        assert path.exists() and path.stat().st_size > 0, f"{path} was not written"
