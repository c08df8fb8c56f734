"""The account pages in a real browser at a desktop's and a phone's width: axe on every allauth
page and member form (with errors too), errors tied to their fields and shown in red, inputs
sized to what they hold, the reason for logging in after a save or follow button, and a new
member who signs up from a follow button, confirms and lands back following. Screenshots of
the main forms go to test-artifacts/ for a person to look at."""

import re
import time

import pytest

from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in

pytestmark = pytest.mark.e2e

VIEWPORTS = [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="375")]
PASSWORD = "een-lang-wachtwoord-voor-e2e"

VISITOR_PAGES = {
    "inloggen": "/accounts/login/",
    "account-aanmaken": "/accounts/signup/",
    "wachtwoord-vergeten": "/accounts/password/reset/",
    "wachtwoord-vergeten-verstuurd": "/accounts/password/reset/done/",
    "inlogcode": "/accounts/login/code/",
    "bevestig-je-e-mailadres": "/accounts/confirm-email/",
    "bevestigingslink-ongeldig": "/accounts/confirm-email/bestaat-niet/",
}
MEMBER_PAGES = {
    "mijn-account": "/accounts/",
    "account-verwijderen": "/accounts/verwijderen/",
    "wachtwoord-wijzigen": "/accounts/password/change/",
    "e-mailadres": "/accounts/email/",
    "uitloggen": "/accounts/logout/",
}
#: Screenshots a person looks at: (name, path, for a member, submit it empty first).
SCREENSHOTS = [
    ("inloggen", "/accounts/login/", False, False),
    ("account-aanmaken", "/accounts/signup/", False, False),
    ("account-aanmaken-fouten", "/accounts/signup/", False, True),
    ("wachtwoord-vergeten", "/accounts/password/reset/", False, False),
    ("mijn-account", "/accounts/", True, False),
    ("account-verwijderen", "/accounts/verwijderen/", True, False),
    ("account-verwijderen-fouten", "/accounts/verwijderen/", True, True),
]


def assert_accessible(page, axe, viewport):
    violations = axe(page)
    assert not violations, f"axe on {page.url} at {viewport['width']} px:\n" + format_violations(
        violations
    )


def submit_empty(page):
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def assert_no_sideways_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_visitor_pages_are_accessible(page, axe, viewport):
    page.set_viewport_size(viewport)
    for path in VISITOR_PAGES.values():
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page, axe, viewport)
        assert_no_sideways_scroll(page)
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        page.goto(path)
        submit_empty(page)
        assert page.locator("main .form-error-summary").is_visible()
        assert_accessible(page, axe, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_member_pages_are_accessible(page, axe, member, viewport):
    page.set_viewport_size(viewport)
    log_in(page, member)
    for path in MEMBER_PAGES.values():
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page, axe, viewport)
        assert_no_sideways_scroll(page)
    for path in ("/accounts/verwijderen/", "/accounts/password/change/"):
        page.goto(path)
        submit_empty(page)
        assert page.locator("main .form-error-summary").is_visible()
        assert_accessible(page, axe, viewport)


FIELD_STATE = """input => {
  const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  return {
    invalid: input.getAttribute('aria-invalid'),
    described: ids.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()),
    border: getComputedStyle(input).borderTopColor,
    errorColor: getComputedStyle(document.getElementById(input.id + '_error') || input).color,
    width: input.getBoundingClientRect().width,
  };
}"""
ERROR_RED = "rgb(179, 38, 30)"  # --wp-color-error


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_errors_are_red_and_read_with_their_field(page, viewport):
    page.set_viewport_size(viewport)
    page.goto("/accounts/signup/")
    email = page.get_by_label("E-mailadres")
    assert email.get_attribute("placeholder") is None
    assert email.get_attribute("autocomplete") == "email"
    width = email.evaluate(FIELD_STATE)["width"]
    if viewport is DESKTOP:
        assert 250 < width < 420, f"an e-mail address needs about 30 characters, not {width} px"
    else:
        assert width <= viewport["width"] - 32

    email.fill("geen-adres")
    submit_empty(page)
    summary = page.locator("main .form-error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.get_by_role("link").count() == 3

    state = page.get_by_label("E-mailadres").evaluate(FIELD_STATE)
    assert state["invalid"] == "true"
    assert "Voer een geldig e-mailadres in." in state["described"]
    assert state["border"] == ERROR_RED
    assert state["errorColor"] == ERROR_RED
    password = page.get_by_label("Wachtwoord", exact=True).evaluate(FIELD_STATE)
    assert password["described"][0].startswith("Je wachtwoord mag niet te veel lijken op")
    assert password["described"][1] == "Kies een wachtwoord."

    # The summary's link takes the reader to the field.
    summary.get_by_role("link", name=re.compile("^Wachtwoord: ")).click()
    page.wait_for_function("location.hash === '#id_password1'")


def test_delete_button_looks_like_a_warning(page, member):
    log_in(page, member)
    page.goto("/accounts/verwijderen/")
    button = page.get_by_role("button", name="Verwijder mijn account definitief")
    background = button.evaluate("b => getComputedStyle(b).backgroundColor")
    assert background == ERROR_RED


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_save_button_tells_why_to_log_in(page, axe, site_paths, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_paths["artikel"])
    page.locator("main").get_by_role("button", name=re.compile("^Bewaar in leeslijst")).click()
    page.wait_for_url("**/accounts/login/**")
    notice = page.get_by_role("main").locator("#intent-notice")
    assert notice.is_visible()
    assert "Log in om dit artikel in je leeslijst te bewaren." in notice.inner_text()
    assert "Daarna staat dit artikel in je leeslijst" in notice.inner_text()
    # Above the form, where a reader of the page finds it first.
    form_top = page.locator("main form").first.bounding_box()["y"]
    assert notice.bounding_box()["y"] < form_top
    assert_accessible(page, axe, viewport)


def confirmation_link(mail_dir, email: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.iterdir()):
            text = path.read_text(errors="replace")
            if f"To: {email}" in text:
                match = re.search(r"(?<=\S)/accounts/confirm-email/[^/\s]+/", text)
                if match:
                    return match.group(0)
        time.sleep(0.2)
    pytest.fail(f"No confirmation mail to {email} in {mail_dir}", pytrace=False)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_follow_sign_up_confirm_and_land_back_following(page, axe, mail_dir, viewport):
    page.set_viewport_size(viewport)
    email = f"volger-{viewport['width']}-{time.time_ns()}@example.org"
    page.goto("/themas/wonen/")
    page.get_by_role("button", name="Volg thema Wonen", exact=True).click()
    page.wait_for_url("**/accounts/login/**")
    main = page.get_by_role("main")
    assert "Log in om thema Wonen te volgen." in main.locator("#intent-notice").inner_text()

    main.get_by_role("link", name="Maak dan eerst een account aan").click()
    page.wait_for_url("**/accounts/signup/**")
    assert "Maak een account aan om thema Wonen te volgen." in main.inner_text()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    main.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert "volg je thema Wonen" in main.inner_text()
    assert_accessible(page, axe, viewport)

    page.goto(confirmation_link(mail_dir, email))
    page.get_by_role("main").get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/themas/wonen/")
    button = page.get_by_role("button", name="Ontvolg thema Wonen", exact=True)
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_by_text("Je volgt nu thema Wonen.").count() > 0
    page.goto("/accounts/")
    assert email in page.get_by_role("main").inner_text()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots(page, member, artifacts_dir, viewport):
    """For a person to look at (test-artifacts/): the main account forms, with errors too."""
    page.set_viewport_size(viewport)
    logged_in = False
    for name, path, for_member, empty in SCREENSHOTS:  # the visitor's pages come first
        if for_member and not logged_in:
            log_in(page, member)
            logged_in = True
        page.goto(path)
        if empty:
            submit_empty(page)
        shot = artifacts_dir / f"account-{name}-{viewport['width']}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
