"""Search in a real browser: titles suggested while typing (the combobox, by keyboard only),
"Bedoelde je …?" after a typo, the form without JavaScript, axe on each, and screenshots at
1280 and 375 px in test-artifacts/search/."""

import os

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import _run_manage
from tests.e2e.support import DESKTOP, PHONE, format_violations

pytestmark = pytest.mark.e2e

FIELD = "Zoek in uitleg"
SUGGESTIONS = "/zoeken/suggesties/"


@pytest.fixture(scope="module", autouse=True)
def search_words(base_url, e2e_database_url):
    """The vocabulary of the test server's content, as the daily job makes it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
    }
    _run_manage("refresh_search_words", env=env)


def assert_no_violations(page, axe):
    violations = axe(page)
    assert not violations, format_violations(violations)


def suggestion_requests(page) -> list[str]:
    seen = []
    page.on("request", lambda request: SUGGESTIONS in request.url and seen.append(request.url))
    return seen


def tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} not reached with Tab")


def test_suggestions_by_keyboard_only(page, axe):
    requests = suggestion_requests(page)
    page.goto("/zoeken/")
    tab_to(page, "zoekterm")
    field = page.get_by_role("combobox", name=FIELD)
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-expanded", "false")
    assert field.get_attribute("aria-autocomplete") == "list"

    page.keyboard.type("havenstad", delay=60)
    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    assert field.get_attribute("aria-controls") == listbox.get_attribute("id")
    options = listbox.get_by_role("option")
    count = options.count()
    assert 1 <= count <= 8
    assert all("Havenstad" in text for text in options.all_inner_texts())
    status = page.locator("#live-region")
    expect(status).to_have_text(
        f"{count} suggesties. Kies met pijltje omlaag en omhoog, open met Enter."
    )
    assert len(requests) == 1, requests
    assert field.get_attribute("aria-activedescendant") is None

    ids = [options.nth(i).get_attribute("id") for i in range(count)]
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", ids[0])
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", ids[1])
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(field).to_have_attribute("aria-activedescendant", ids[-1])  # wraps to the last
    expect(field).to_be_focused()
    assert_no_violations(page, axe)

    page.keyboard.press("Escape")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(field).to_have_value("havenstad")
    assert field.get_attribute("aria-activedescendant") is None

    page.keyboard.press("ArrowDown")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-activedescendant", ids[0])
    page.keyboard.press("ArrowDown")
    target = options.nth(1).get_attribute("data-url")
    title = options.nth(1).locator(".search-suggest__title").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert len(requests) == 1, requests


def test_typing_quickly_sends_one_request_and_none_for_a_known_value(page):
    requests = suggestion_requests(page)
    page.goto("/zoeken/")
    field = page.get_by_role("combobox", name=FIELD)
    field.focus()
    page.keyboard.type("samen werken in de buurten", delay=40)
    expect(page.get_by_role("listbox", name="Suggesties")).to_be_visible()
    page.wait_for_timeout(600)
    assert 1 <= len(requests) <= 2, requests
    assert requests[-1].endswith("?q=samen%20werken%20in%20de%20buurten")
    sent = len(requests)

    # Back to a value already answered, and to the same value: no new request.
    page.keyboard.press("Backspace")
    page.wait_for_timeout(500)
    page.keyboard.type("n")
    page.wait_for_timeout(500)
    page.keyboard.press("End")
    page.keyboard.press("Space")
    page.wait_for_timeout(500)
    assert len(requests) == sent + 1, requests  # only "...buurte" was new
    # Too short: no request, no list.
    field.fill("")
    page.keyboard.type("ha", delay=40)
    page.wait_for_timeout(500)
    assert len(requests) == sent + 1
    expect(field).to_have_attribute("aria-expanded", "false")


def test_the_form_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto("/zoeken/")
        assert page.get_by_role("combobox").count() == 0
        page.get_by_label(FIELD).fill("havenstat")
        page.get_by_label(FIELD).press("Enter")
        page.wait_for_url("**/zoeken/?q=havenstat")
        page.get_by_role("link", name="havenstad", exact=True).click()
        page.wait_for_url("**/zoeken/?q=havenstad")
        assert "resultaten voor “havenstad”" in page.locator(".search-status").inner_text()
    finally:
        context.close()


def test_did_you_mean_keeps_the_filters_and_passes_axe(page, axe):
    page.goto("/zoeken/?q=havenstat&type=artikel")
    spelling = page.locator(".search-spelling")
    expect(spelling).to_have_text("Bedoelde je havenstad?")
    link = spelling.get_by_role("link", name="havenstad")
    assert link.get_attribute("href") == "?q=havenstad&type=artikel"
    assert_no_violations(page, axe)
    link.click()
    page.wait_for_url("**/zoeken/?q=havenstad&type=artikel")
    assert "resultaten voor “havenstad”" in page.get_by_role("status").inner_text()
    assert page.locator(".search-spelling").count() == 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_screenshots(page, axe, artifacts_dir, viewport):
    """test-artifacts/search/: "Bedoelde je" and the open suggestions, to look at."""
    folder = artifacts_dir / "search"
    folder.mkdir(exist_ok=True)
    page.set_viewport_size(viewport)
    width = viewport["width"]

    page.goto("/zoeken/?q=havenstat")
    expect(page.locator(".search-spelling")).to_be_visible()
    page.screenshot(path=folder / f"bedoelde-je-{width}.png", full_page=False)

    page.goto("/zoeken/")
    field = page.get_by_role("combobox", name=FIELD)
    field.focus()
    page.keyboard.type("samen", delay=40)
    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    box = listbox.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    # Each suggestion is as tall as its (wrapped) title: none squeezed into another.
    squeezed = listbox.evaluate(
        "list => [...list.children].filter(o => o.scrollHeight > o.clientHeight + 1).length"
    )
    assert squeezed == 0
    assert_no_violations(page, axe)
    page.screenshot(path=folder / f"suggesties-{width}.png", full_page=False)
