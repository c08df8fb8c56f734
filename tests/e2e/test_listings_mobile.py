"""Listings and search on a phone: the filters come before the results (a folded panel that says how
many are on), the chosen filters show above the results as chips that each take one away; on a
desktop the filters are an open column beside the results, with or without JavaScript."""

import re

import pytest

from tests.e2e.support import DESKTOP, PHONE, format_violations

pytestmark = pytest.mark.e2e

LISTINGS = {
    "artikelen": ("/artikelen/", "main .card__title"),
    "evenementen": ("/evenementen/", "main .card__title"),
    "publicaties": ("/publicaties/", "main .card__title"),
    "praktijkvoorbeelden": ("/praktijkvoorbeelden/", "main .card__title"),
    "zoeken": ("/zoeken/?q=wijk", "main .search-result__title"),
}


def summary_text(page) -> str:
    return " ".join(page.locator("main details.filter-panel summary").text_content().split())


def assert_no_violations(page, axe, where):
    violations = axe(page)
    assert not violations, f"axe on {where}:\n" + format_violations(violations)


@pytest.mark.parametrize("key", LISTINGS)
def test_on_a_phone_the_filters_come_before_the_results(page, axe, key):
    path, result = LISTINGS[key]
    page.set_viewport_size(PHONE)
    page.goto(path)
    panel = page.locator("main details.filter-panel")
    summary = panel.locator("summary")
    first_result = page.locator(result).first
    assert summary.is_visible() and summary.inner_text().strip() == "Filters"
    assert panel.get_attribute("open") is None, "the panel is folded on a phone"
    assert summary.bounding_box()["y"] < first_result.bounding_box()["y"]
    assert not page.get_by_role("button", name="Filters toepassen").is_visible()
    assert_no_violations(page, axe, f"{path} at 375 px")

    summary.click()
    assert page.get_by_role("button", name="Filters toepassen").is_visible()
    apply_box = page.get_by_role("button", name="Filters toepassen").bounding_box()
    assert apply_box["y"] < first_result.bounding_box()["y"]
    assert_no_violations(page, axe, f"{path} at 375 px with the filters open")


@pytest.mark.parametrize("key", LISTINGS)
def test_on_a_desktop_the_filters_are_an_open_column(page, axe, key):
    path, result = LISTINGS[key]
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    apply = page.get_by_role("button", name="Filters toepassen")
    assert apply.is_visible()
    assert not page.locator("main details.filter-panel summary").is_visible()
    filters_box = page.locator("main .listing__filters").bounding_box()
    results_box = page.locator(result).first.bounding_box()
    assert filters_box["x"] + filters_box["width"] <= results_box["x"], "filters beside the results"
    assert_no_violations(page, axe, f"{path} at 1280 px")


def test_filtering_on_a_phone_shows_removable_chips(page, axe):
    page.set_viewport_size(PHONE)
    page.goto("/artikelen/?thema=wonen")
    assert summary_text(page) == "Filters (1 actief)"
    chip = page.get_by_role("link", name="Filter Thema: Wonen weghalen")
    assert chip.is_visible()
    assert chip.inner_text().replace("×", "").strip() == "Thema: Wonen"
    assert chip.bounding_box()["y"] < page.locator("main .card__title").first.bounding_box()["y"]

    page.locator("main summary").click()
    organisations = page.get_by_role("group", name="Organisatie")
    organisation = organisations.get_by_role("checkbox").first
    organisation_slug = organisation.get_attribute("value")
    organisation.check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(rf"organisatie={organisation_slug}"))
    assert summary_text(page) == "Filters (2 actief)"
    chips = page.locator("main .filter-chip")
    assert chips.count() == 2
    assert_no_violations(page, axe, "/artikelen/ with two filters at 375 px")

    page.get_by_role("link", name="Filter Thema: Wonen weghalen").click()
    page.wait_for_load_state()
    assert "thema=" not in page.url and f"organisatie={organisation_slug}" in page.url
    assert chips.count() == 1
    assert not page.get_by_role("link", name="Filter Thema: Wonen weghalen").count()
    assert summary_text(page) == "Filters (1 actief)"

    page.get_by_role("link", name="Alle filters wissen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/artikelen/")
    assert chips.count() == 0


def test_search_chips_keep_the_search_words(page):
    page.set_viewport_size(PHONE)
    page.goto("/zoeken/?q=wijk&type=artikel")
    page.get_by_role("link", name="Filter Type: Artikel weghalen").click()
    page.wait_for_url(re.compile(r"/zoeken/\?q=wijk$"))
    # With JavaScript the search field is a combobox with suggestions (search-suggest.js).
    assert page.get_by_role("combobox", name=re.compile("^Zoek in uitleg")).input_value() == "wijk"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_filters_without_javascript(browser, base_url, viewport):
    context = browser.new_context(base_url=base_url, viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/evenementen/")
        if viewport is PHONE:
            page.locator("main summary").click()
        page.get_by_role("group", name="Thema").get_by_role("checkbox").first.check()
        page.get_by_role("button", name="Filters toepassen").click()
        page.wait_for_url("**/evenementen/?thema=*")
        chip = page.locator("main .filter-chip")
        assert chip.count() == 1 and chip.is_visible()
        chip.click()
        page.wait_for_url(re.compile(r"/evenementen/$"))
    finally:
        context.close()
