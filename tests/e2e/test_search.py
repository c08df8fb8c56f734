"""Search in a real browser: filter without JavaScript, and axe on results and no results."""

import pytest

from tests.e2e.support import format_violations

pytestmark = pytest.mark.e2e


def assert_no_violations(page, axe):
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_results_page_filters_and_passes_axe(page, axe):
    page.goto("/zoeken/")
    page.get_by_label("Zoek in uitleg").fill("buurten")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url("**/zoeken/?q=buurten")
    status = page.get_by_role("status")
    assert "resultaten voor “buurten”" in status.inner_text()
    assert page.locator("mark").count() > 0
    assert_no_violations(page, axe)

    page.get_by_role("group", name="Type").get_by_label("Artikel").check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**type=artikel**")
    types = page.locator(".search-result .card__type").all_text_contents()
    assert types
    assert set(types) == {"Artikel"}
    assert page.get_by_role("group", name="Type").get_by_label("Artikel").is_checked()
    assert_no_violations(page, axe)


def test_no_results_page_passes_axe(page, axe):
    page.goto("/zoeken/?q=xyzzyquux")
    assert "Geen resultaten" in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", name="Wat je kunt proberen").is_visible()
    assert_no_violations(page, axe)


def test_article_listing_filters_pass_axe(page, axe):
    page.goto("/artikelen/")
    page.get_by_role("group", name="Thema").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**thema=**")
    assert page.get_by_role("link", name="Alle filters wissen").is_visible()
    assert_no_violations(page, axe)
