"""The knowledge base in a real browser: a publication's document reached and downloaded by
keyboard alone, its leeslijst button pressed by keyboard, and the publications filter with and
without JavaScript."""

import re
from pathlib import Path

import pytest

from tests.e2e.support import log_in

pytestmark = pytest.mark.e2e

SAVE = re.compile("^Bewaar in leeslijst")
REMOVE = re.compile("^Verwijder uit leeslijst")
#: How many Tab presses may pass before a control counts as out of keyboard reach.
MAX_TABS = 80

IS_DOWNLOAD_LINK = "() => document.activeElement.matches('main .downloads__link')"
IS_READING_LIST_BUTTON = (
    "() => document.activeElement.matches('main .article__header button[aria-pressed]')"
)


def tab_to(page, is_focused: str) -> None:
    """Press Tab from the top of the page until `is_focused` (a JS predicate) holds."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(is_focused):
            return
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    pytest.fail(f"Not reached with {MAX_TABS} Tab presses; focus is on {focused}")


def test_keyboard_reaches_the_document_and_downloads_the_pdf(page, site_paths):
    page.goto(site_paths["publicatie"])
    tab_to(page, IS_DOWNLOAD_LINK)
    link = page.locator("main .downloads__link")
    assert link.inner_text() == "Handreiking samen werken in de wijk"

    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-")

    # A download is not a page response: ask the same address again, with the same cookies.
    response = page.request.get(download.url)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body() == content


def test_member_saves_and_removes_a_publication_by_keyboard(page, member, site_paths):
    log_in(page, member)
    page.goto(site_paths["publicatie"])
    button = page.locator("main .article__header button[aria-pressed]")
    assert button.get_attribute("aria-pressed") == "false"
    assert SAVE.match(button.inner_text())

    tab_to(page, IS_READING_LIST_BUTTON)
    page.keyboard.press("Enter")
    page.locator("main").get_by_role("button", name=REMOVE).wait_for()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate(IS_READING_LIST_BUTTON), "focus left the button"
    assert page.locator("#leeslijst-count").text_content() == "1"

    # The server kept it: a fresh render shows the button pressed.
    page.reload()
    assert button.get_attribute("aria-pressed") == "true"

    tab_to(page, IS_READING_LIST_BUTTON)
    page.keyboard.press("Space")
    page.locator("main").get_by_role("button", name=SAVE).wait_for()
    assert button.get_attribute("aria-pressed") == "false"
    assert page.locator("#leeslijst-count").text_content() == "0"


@pytest.mark.parametrize("javascript", [False, True], ids=["zonder-js", "met-js"])
def test_publication_filter_narrows_the_list(browser, base_url, site_paths, javascript):
    context = browser.new_context(base_url=base_url, locale="nl-NL", java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(site_paths["publicaties"])
        titles = page.locator("main .card__title")
        assert titles.count() == 2
        assert not page.get_by_role("status").count()

        kinds = page.get_by_role("group", name="Soort")
        kinds.get_by_label("Onderzoek").check()
        page.get_by_role("button", name="Filters toepassen").click()
        page.wait_for_url("**/publicaties/?soort=onderzoek")

        assert titles.all_inner_texts() == ["Onderzoek: leefbaarheid in Havenstad"]
        assert page.get_by_role("status").inner_text() == "1 publicatie met de gekozen filters."
        assert page.get_by_role("group", name="Soort").get_by_label("Onderzoek").is_checked()

        page.get_by_role("link", name="Alle filters wissen").click()
        page.wait_for_url("**/publicaties/")
        assert titles.count() == 2
    finally:
        context.close()
