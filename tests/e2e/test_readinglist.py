"""The leeslijst in a real browser: save through the login page, save and remove with and without
JavaScript, and axe on /leeslijst/ empty, with items and with notes."""

import re

import pytest

from tests.e2e.support import format_violations, log_in

pytestmark = pytest.mark.e2e

SAVE = re.compile("^Bewaar in leeslijst")
REMOVE = re.compile("^Verwijder uit leeslijst")


def assert_accessible(page, axe):
    violations = axe(page)
    assert not violations, f"axe on {page.url}:\n" + format_violations(violations)


def test_visitor_saves_through_login_and_lands_back_saved(page, member, site_paths):
    article = site_paths["artikel"]
    page.goto(article)
    page.locator("main").get_by_role("button", name=SAVE).click()
    page.wait_for_url("**/accounts/login/**")
    log_in(page, member, path=None)
    assert page.url.endswith(article)
    button = page.locator("main").get_by_role("button", name=REMOVE)
    assert button.get_attribute("aria-pressed") == "true"
    page.goto("/leeslijst/")
    assert page.locator("main .reading-row").count() == 1


def test_member_saves_and_removes_with_javascript(page, member, site_paths):
    log_in(page, member)
    page.goto(site_paths["artikel"])
    url = page.url
    page.locator("main").get_by_role("button", name=SAVE).click()
    button = page.locator("main").get_by_role("button", name=REMOVE)
    button.wait_for()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.url == url  # no reload
    live = page.locator("#live-region")
    page.wait_for_function("() => document.getElementById('live-region').textContent.length > 0")
    assert "leeslijst" in live.text_content()
    assert page.locator("#leeslijst-count").text_content() == "1"
    button.click()
    page.locator("main").get_by_role("button", name=SAVE).wait_for()
    assert page.locator("#leeslijst-count").text_content() == "0"


def test_member_saves_and_removes_without_javascript(browser, base_url, member, site_paths):
    context = browser.new_context(base_url=base_url, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        log_in(page, member)
        page.goto(site_paths["artikelen"])
        card = page.locator("main .card").first
        card.get_by_role("button", name=SAVE).click()
        page.wait_for_load_state()
        assert page.url.endswith(site_paths["artikelen"])
        card = page.locator("main .card").first
        assert card.get_by_role("button", name=REMOVE).get_attribute("aria-pressed") == "true"
        card.get_by_role("button", name=REMOVE).click()
        page.wait_for_load_state()
        assert page.locator("main .card").first.get_by_role("button", name=SAVE).is_visible()
    finally:
        context.close()


def test_reading_list_is_accessible_empty_with_items_and_notes(page, axe, member, site_paths):
    log_in(page, member)
    page.goto("/leeslijst/")
    assert page.get_by_role("heading", name="Je leeslijst is nog leeg").is_visible()
    assert_accessible(page, axe)

    for key in ["artikel", "evenement"]:
        page.goto(site_paths[key])
        page.locator("main").get_by_role("button", name=SAVE).click()
        page.locator("main").get_by_role("button", name=REMOVE).wait_for()
    page.goto("/leeslijst/")
    assert page.locator("main .reading-row").count() == 2
    assert_accessible(page, axe)

    page.locator("main .reading-row summary").first.click()  # the note's disclosure
    page.get_by_label(re.compile("^Notitie")).first.fill("Bespreken in het wijkteam")
    page.get_by_role("button", name=re.compile("^Notitie opslaan")).first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Je notitie bij").is_visible()
    page.get_by_role("button", name=re.compile("^Markeer als gelezen")).first.click()
    page.wait_for_load_state()
    assert_accessible(page, axe)
