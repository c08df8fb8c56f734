"""The member pages in a real browser at a desktop's and a phone's width: the leeslijst's compact
rows (type, date, themes, one action row, the note behind a disclosure that works by keyboard)
and its orders; /volgend/ with the digest choice near the top, the coming events in their own
block and a jump list per followed term; axe on both. Each test saves a screenshot in
test-artifacts/ (member-*.png)."""

import os
import re

import pytest

from tests.e2e.conftest import _run_manage
from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in

pytestmark = pytest.mark.e2e

WIDTHS = [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="375")]
NOTE = "Verslag opvragen bij het buurtteam"

#: Seven items of five types (two articles, an event to come and one past, a publication, a
#: praktijkvoorbeeld, a dossier), saved an hour apart, the first article read, the past event
#: with a note; and four followed terms.
_STOCK = """
import datetime, os
from django.utils import timezone
from accounts.models import User
from articles.models import (ArticlePage, Author, DossierPage, EventPage, Organisation,
    PracticeExamplePage, PublicationPage, Theme)
from follows import services as follows
from readinglists import services as lists
from readinglists.models import ReadingListItem

user = User.objects.get(email=os.environ["E2E_EMAIL"])
now = timezone.now()
pages = [
    *ArticlePage.objects.live().order_by("-publication_date", "pk")[:2],
    EventPage.objects.live().filter(end__gte=now).order_by("start").first(),
    EventPage.objects.live().filter(end__lt=now).order_by("-start").first(),
    PublicationPage.objects.live().order_by("pk").first(),
    PracticeExamplePage.objects.live().order_by("pk").first(),
    DossierPage.objects.live().order_by("pk").first(),
]
items = [lists.reading_list_add(user=user, page=page) for page in pages]
for hours, item in enumerate(items):
    ReadingListItem.objects.filter(pk=item.pk).update(
        created_at=now - datetime.timedelta(hours=len(items) - hours)
    )
lists.reading_list_item_mark_read(item=items[0], read=True)
lists.reading_list_item_note_set(item=items[3], note=os.environ["E2E_NOTE"])
for term in [
    Theme.objects.get(slug="wonen"),
    Theme.objects.get(slug="werk-en-participatie"),
    Organisation.objects.get(name="Buurtteam Noord"),
    Author.objects.get(name="Sanne de Vries"),
]:
    follows.follow_add(user=user, term=term)
"""


@pytest.fixture
def reader(member, e2e_database_url) -> dict[str, str]:
    """A member with a stocked leeslijst and four followed terms."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
        "E2E_EMAIL": member["email"],
        "E2E_NOTE": NOTE,
    }
    _run_manage("shell", "-c", _STOCK, env=env)
    return member


def assert_accessible(page, axe, width):
    violations = axe(page)
    assert not violations, f"axe on {page.url} at {width} px:\n" + format_violations(violations)


def visible_text(page, selector: str = "main") -> str:
    """The words on the screen: the text of `selector` without what only screen readers get."""
    page.evaluate(
        """() => document.querySelectorAll('.visually-hidden').forEach(
            el => { el.dataset.wasHidden = '1'; el.style.display = 'none'; })"""
    )
    text = page.locator(selector).inner_text()
    page.evaluate(
        """() => document.querySelectorAll('[data-was-hidden]').forEach(
            el => { el.style.display = ''; delete el.dataset.wasHidden; })"""
    )
    return text


def assert_fits(page, width):
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow} px wider than the {width} px screen"


def screenshot(page, artifacts_dir, name, width):
    page.screenshot(path=str(artifacts_dir / f"member-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_leeslijst_rows(page, axe, reader, artifacts_dir, viewport):
    width = viewport["width"]
    page.set_viewport_size(viewport)
    log_in(page, reader)
    page.goto("/leeslijst/")
    rows = page.locator("main .reading-row")
    assert rows.count() == 7
    types = [rows.nth(n).locator(".card__type").inner_text() for n in range(7)]
    # Newest saved first; the types as the page writes them (upper case is only CSS).
    assert [t.casefold() for t in types] == [
        "dossier",
        "praktijkvoorbeeld",
        "publicatie",
        "evenement",
        "evenement",
        "artikel",
        "artikel",
    ]
    past, coming = rows.nth(3), rows.nth(4)
    assert past.locator(".reading-row__past").inner_text() == "voorbij"
    assert coming.locator(".reading-row__past").count() == 0
    for event in (past, coming):
        assert re.fullmatch(
            r"\w\w \d{1,2} \w+ \d{4}, \d\d:\d\d",
            event.locator(".reading-row__meta time").inner_text(),
        )
    assert "Wonen" in rows.nth(6).locator(".reading-row__themes").inner_text()
    for n in range(7):
        row = rows.nth(n)
        # One action row: mark read, remove, and the note disclosure, on one line when closed.
        actions = row.locator(".reading-row__actions")
        controls = actions.locator("button:visible, summary")
        assert controls.count() == 3
        tops = [round(controls.nth(i).bounding_box()["y"]) for i in range(3)]
        if width == DESKTOP["width"]:
            assert max(tops) - min(tops) < 12, f"row {n}: the actions wrap ({tops})"
        assert row.locator("textarea").is_hidden()  # behind the closed disclosure
    text = visible_text(page)
    assert text.count("Verwijder uit leeslijst") == 7
    assert "Verwijderuit" not in text and "Markeer alsgelezen" not in text
    assert NOTE in past.locator("summary").inner_text()
    assert_fits(page, width)
    assert_accessible(page, axe, width)
    screenshot(page, artifacts_dir, "leeslijst", width)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_leeslijst_note_by_keyboard(page, axe, reader, artifacts_dir, viewport):
    width = viewport["width"]
    page.set_viewport_size(viewport)
    log_in(page, reader)
    page.goto("/leeslijst/")
    row = page.locator("main .reading-row").nth(4)  # the event to come: no note yet
    title = row.locator("h2").inner_text()
    row.get_by_role("button", name=re.compile("^Verwijder uit leeslijst")).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    note = row.get_by_label(re.compile("^Notitie"))
    note.wait_for(state="visible")
    assert row.locator("details").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.type("Aanmelden met het hele team")
    assert_accessible(page, axe, width)
    screenshot(page, artifacts_dir, "leeslijst-notitie-open", width)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused.startswith("Notitie opslaan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text(f"Je notitie bij “{title}” is opgeslagen.").is_visible()
    row = page.locator("main .reading-row").nth(4)
    assert "Aanmelden met het hele team" in row.locator("summary").inner_text()
    assert row.locator("textarea").is_hidden()  # closed again
    # Space opens and closes it as well.
    row.locator("summary").focus()
    page.keyboard.press("Space")
    assert row.locator("textarea").is_visible()
    page.keyboard.press("Space")
    assert row.locator("textarea").is_hidden()


def test_leeslijst_orders(page, reader):
    log_in(page, reader)
    page.goto("/leeslijst/")
    main = page.locator("main")
    main.get_by_label("Volgorde", exact=True).select_option(label="Eerstvolgend evenement eerst")
    main.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"sorteer=evenement"))
    rows = page.locator("main .reading-row")
    assert rows.nth(0).locator(".reading-row__past").count() == 0
    assert rows.nth(0).locator(".card__type").inner_text().casefold() == "evenement"
    assert rows.nth(1).locator(".reading-row__past").inner_text() == "voorbij"
    assert main.get_by_label("Volgorde", exact=True).input_value() == "evenement"
    assert "eerstvolgend evenement eerst" in main.locator(".member-count").inner_text()

    main.get_by_label("Volgorde", exact=True).select_option(label="Nieuwste publicatie eerst")
    main.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"sorteer=gepubliceerd"))
    assert page.locator("main .reading-row").count() == 7

    main.get_by_label("Volgorde", exact=True).select_option(label="Laatst bewaard eerst")
    main.get_by_label("Status", exact=True).select_option(label="Gelezen")
    main.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"status=gelezen"))
    assert page.locator("main .reading-row").count() == 1


@pytest.mark.parametrize("viewport", WIDTHS)
def test_volgend_blocks_and_jump_list(page, axe, reader, artifacts_dir, viewport):
    width = viewport["width"]
    page.set_viewport_size(viewport)
    log_in(page, reader)
    page.goto("/volgend/")
    main = page.locator("main")
    # The digest choice near the top: right under the introduction.
    digest = main.locator("#e-mail")
    events = main.locator("#evenementen")
    assert digest.bounding_box()["y"] < events.bounding_box()["y"]
    assert main.get_by_role("radio", name="Elke week").is_checked()

    # Coming events only, the first first.
    titles = events.locator(".card__title").all_inner_texts()
    assert titles == [f"Buurtavond over wonen {n}" for n in (1, 2, 3)]
    assert "Buurtavond over wonen 4" not in main.inner_text()  # ten days ago
    times = events.locator(".card__meta time:first-child").evaluate_all(
        "els => els.map(el => el.getAttribute('datetime'))"
    )
    assert times == sorted(times)

    # A jump list with an entry per followed term, each leading to its block.
    jump = main.get_by_role("navigation", name="Op deze pagina")
    links = jump.get_by_role("link").all_inner_texts()
    assert links == [
        "Komende evenementen",
        "Werk & participatie",
        "Wonen",
        "Buurtteam Noord",
        "Sanne de Vries",
    ]
    jump.get_by_role("link", name="Wonen", exact=True).click()
    page.wait_for_url(re.compile("#volgt-thema-wonen$"))
    block = main.locator("#volgt-thema-wonen")
    page.wait_for_function(
        "() => Math.abs(document.getElementById('volgt-thema-wonen').getBoundingClientRect().top) < 40"
    )
    assert block.get_by_role("button", name="Ontvolg thema Wonen").is_visible()
    assert block.locator(".card").count() == 3
    assert block.locator(".card--event").count() == 0  # events have their own block
    assert_fits(page, width)
    page.evaluate("() => window.scrollTo(0, 0)")
    assert_accessible(page, axe, width)
    screenshot(page, artifacts_dir, "volgend", width)


def test_digest_settings_page_answers_a_get(page, axe, reader, artifacts_dir):
    log_in(page, reader)
    response = page.goto("/volgend/instellingen/")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "E-mail over wat je volgt"
    assert_accessible(page, axe, DESKTOP["width"])
    page.get_by_role("radio", name="Elke dag").check()
    page.get_by_role("button", name="Instelling opslaan").click()
    page.wait_for_url(re.compile("/volgend/#e-mail$"))
    assert page.get_by_text("Je e-mailinstelling is opgeslagen.").is_visible()
    assert page.locator("main").get_by_role("radio", name="Elke dag").is_checked()
