"""Shared lists (/leeslijst/gedeeld/) in a real browser: making a list by keyboard alone, "Bewaar
in …" from an article with and without JavaScript, moving an item and adding a team note on the
item's own page, the print view with and without JavaScript and under print media; and axe-core
on every page of them (and on an article as a member) at a desktop's and a phone's width, each
also saved as a screenshot in /tmp/shots/shared/ to look at.

One team is built once for the module in the test server's database (`team`); every member
logs in once (`states`) and each test opens contexts from that saved session. Tests that change
something work on a list of their own, so the pages the axe checks see stay as built.
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import MEMBER_PASSWORD, ROOT
from tests.e2e.support import DESKTOP, PHONE, format_violations, log_in
from tests.e2e.test_html_valid import describe, html_errors, vnu  # noqa: F401

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots/shared")  # noqa: S108 (screenshots to look at, outside the repository)
PLACE = re.compile("^Naar plaats")
#: The link from a list's row to the item's own page, with its forms.
EDIT = re.compile("^Notitie, plaats of weghalen")
NOTE_FIELD = re.compile("notitie", re.IGNORECASE)
WIDTHS = [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="375")]
LIST_NAME = "Wijkteam Oosterkwartier – voorbereiding overleg 12 maart"
LONG_NOTE = (
    "Graag voor het overleg lezen: vooral de paragraaf over de rol van de corporatie. "
    "Zie ook https://www.havenstad.example/wijkaanpak/oosterkwartier/verslagen/2026-03-12"
    "-overleg-wijkteam-en-bewoners-definitief.pdf"
)

#: The team, in the test server's database. Printed as one JSON line after DATA_MARK.
DATA_MARK = "E2E_SHARED="
_BUILD = """
import hashlib, json, os, secrets
from datetime import timedelta
from allauth.account.models import EmailAddress
from django.utils import timezone
from accounts.models import User
from articles.models import ArticlePage, EventPage, PublicationPage
from readinglists import shared_services as shared
from readinglists.models import Role, SharedListInvitation, SharedListMember

stamp, password = os.environ["E2E_STAMP"], os.environ["E2E_PASSWORD"]
now = timezone.now()


def member(key, name="", organisation=""):
    user = User.objects.create_user(
        email=f"{key}-{stamp}@example.org", password=password,
        display_name=name, organisation=organisation,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def invitation(shared_list, inviter, email, role):
    token = secrets.token_urlsafe(32)
    SharedListInvitation.objects.create(
        shared_list=shared_list, email=email, role=role, invited_by=inviter,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        created_at=now, expires_at=now + timedelta(days=shared.INVITATION_DAYS),
    )
    return token


owner = member("eigenaar", "Fatima de Groot", "Gemeente Havenstad")
editor = member("bewerker", "Joost Bakker", "Woningcorporatie Thuis in de Wijk")
reader = member("lezer", "Anouk Jansen")
invitee = member("genodigde", "Sem Visser")
users = {
    "owner": owner, "editor": editor, "reader": reader, "invitee": invitee,
    "fresh": member("nieuw"), "maker": member("maker", "Lotte Mulder"),
    "saver": member("bewaarder", "Daan Smit"),
}
articles = list(ArticlePage.objects.live().order_by("-publication_date", "pk")[:4])
pages = [articles[0], articles[1], EventPage.objects.live().order_by("pk").first(),
         PublicationPage.objects.live().order_by("pk").first()]

team = shared.shared_list_create(
    user=owner, name=os.environ["E2E_LIST"], purpose="Wat we lezen voor het wijkoverleg.")
SharedListMember.objects.create(shared_list=team, user=editor, role=Role.EDITOR)
used = invitation(team, owner, reader.email, Role.READER)
shared.shared_list_invitation_accept(token=used, user=reader)
open_token = invitation(team, owner, invitee.email, Role.EDITOR)
invitation(team, owner, "wijkagent.oosterkwartier@politie-havenstad.example", Role.READER)
items = [shared.shared_list_item_add(shared_list=team, actor=actor, page=page)[0]
         for actor, page in zip([owner, editor, owner, editor], pages)]
shared.shared_list_note_add(item=items[0], actor=owner, text="Bespreken bij agendapunt 3.")
shared.shared_list_note_add(item=items[0], actor=editor, text=os.environ["E2E_NOTE"])
shared.shared_list_create(user=owner, name="Leesclub sociaal domein")

order = shared.shared_list_create(user=owner, name="Volgorde proberen")
SharedListMember.objects.create(shared_list=order, user=editor, role=Role.EDITOR)
order_items = [shared.shared_list_item_add(shared_list=order, actor=owner, page=page)[0]
               for page in pages[:3]]
keep = shared.shared_list_create(user=users["saver"], name="Bewaarlijst")

print(os.environ["E2E_MARK"] + json.dumps({
    "users": {key: user.email for key, user in users.items()},
    "names": {key: user.display_name for key, user in users.items()},
    "team": team.pk, "order": order.pk, "keep": keep.pk,
    "team_items": [item.pk for item in items], "team_item_title": items[0].title,
    "order_items": [item.pk for item in order_items],
    "order_titles": [item.title for item in order_items],
    "articles": [{"id": page.pk, "url": page.url, "title": page.title} for page in articles],
    "open_token": open_token, "used_token": used,
}))
"""


@pytest.fixture(scope="module")
def team(base_url, e2e_database_url) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
        "E2E_STAMP": str(time.time_ns()),
        "E2E_PASSWORD": MEMBER_PASSWORD,
        "E2E_LIST": LIST_NAME,
        "E2E_NOTE": LONG_NOTE,
        "E2E_MARK": DATA_MARK,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", _BUILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith(DATA_MARK)]
    if result.returncode != 0 or not lines:
        pytest.fail(f"Building the team failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return json.loads(lines[-1].removeprefix(DATA_MARK))


@pytest.fixture(scope="module")
def states(browser, base_url, team) -> dict[str, dict]:
    """Each member's logged-in browser state, logged in once for the module."""
    saved = {}
    for key, email in team["users"].items():
        context = browser.new_context(base_url=base_url, locale="nl-NL")
        context.set_default_timeout(10_000)
        try:
            log_in(context.new_page(), {"email": email, "password": MEMBER_PASSWORD})
            saved[key] = context.storage_state()
        finally:
            context.close()
    return saved


@pytest.fixture
def open_as(browser, base_url, states):
    """open_as(user key or None for a visitor, viewport=..., js=True) -> a new page."""
    contexts = []

    def open_page(who, *, viewport=DESKTOP, js=True):
        context = browser.new_context(
            base_url=base_url,
            locale="nl-NL",
            viewport=viewport,
            java_script_enabled=js,
            storage_state=states[who] if who else None,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def messages_text(page) -> str:
    messages = page.locator("#bericht")
    return messages.inner_text() if messages.count() else ""


def position_choose(scope, position: int) -> None:
    """Choose the item's place in the list: a select or a number field, by its label."""
    field = scope.get_by_label(PLACE)
    if field.evaluate("el => el.tagName") == "SELECT":
        field.select_option(str(position))
    else:
        field.fill(str(position))


def list_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("main .reading-row__title").all_inner_texts()]


# What members do.


def test_member_makes_a_list_with_the_keyboard_alone(open_as):
    page = open_as("maker")
    page.goto("/leeslijst/gedeeld/")
    name = page.locator("main").get_by_label("Naam", exact=True)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "name":
            break
    else:
        pytest.fail("Tab never reached the Naam field of “Nieuwe gedeelde leeslijst”")
    page.keyboard.type("Buurtteam Zuid – leesvoer")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "purpose"
    page.keyboard.type("Voor het overleg van het buurtteam.")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Maak de lijst"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/leeslijst/gedeeld/\d+/$", page.url), page.url
    assert page.locator("h1").inner_text() == "Buurtteam Zuid – leesvoer"
    assert "Buurtteam Zuid – leesvoer" in messages_text(page)
    assert "je bent eigenaar" in page.locator(".shared-list__role").inner_text()
    assert name.count() == 0  # on the list now, not the index


@pytest.mark.parametrize("js", [pytest.param(True, id="js"), pytest.param(False, id="no-js")])
def test_bewaar_in_puts_an_article_in_a_shared_list(open_as, team, js):
    article = team["articles"][2 if js else 3]
    page = open_as("saver", js=js)
    page.goto(article["url"])
    with page.expect_navigation():
        page.locator("main .save-actions").get_by_role(
            "link", name=re.compile("^Bewaar in …")
        ).click()
    assert page.url.endswith(f"/leeslijst/gedeeld/bewaar/{article['id']}/")
    assert page.locator("h1").inner_text() == "Bewaar in …"
    page.get_by_label("Bewaarlijst", exact=True).check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Bewaar", exact=True).click()
    assert page.url.endswith(article["url"]), page.url
    assert f"“{article['title']}” staat nu in “Bewaarlijst”." in messages_text(page)
    page.goto(f"/leeslijst/gedeeld/{team['keep']}/")
    assert article["title"] in list_titles(page)
    # Saving it again says so, and changes nothing.
    page.goto(f"/leeslijst/gedeeld/bewaar/{article['id']}/")
    assert page.get_by_label("Bewaarlijst (staat er al in)").count() == 1


def test_moving_an_item_to_another_place(open_as, team):
    page = open_as("owner")
    page.goto(f"/leeslijst/gedeeld/{team['order']}/")
    first, second, third = team["order_titles"]
    moved = team["order_items"][2]
    assert list_titles(page)[:3] == [first, second, third]
    with page.expect_navigation():
        page.locator(f"#item-{moved}").get_by_role("link", name=EDIT).click()
    assert page.url.endswith(f"/leeslijst/gedeeld/{team['order']}/items/{moved}/")
    place = page.locator("main").get_by_label(PLACE)
    assert place.input_value() == "3"
    position_choose(page.locator("main"), 1)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=re.compile("^Verplaats")).click()
    assert page.url.endswith(f"/leeslijst/gedeeld/{team['order']}/#item-{moved}"), page.url
    assert list_titles(page)[:3] == [third, first, second]
    assert f"“{third}” staat nu op plaats 1." in messages_text(page)
    assert page.locator("main .shared-row__number").all_inner_texts()[:3] == ["1.", "2.", "3."]


def test_a_team_note_shows_with_its_author(open_as, team):
    page = open_as("editor")
    item = team["order_items"][1]
    page.goto(f"/leeslijst/gedeeld/{team['order']}/")
    assert page.locator(f"#item-{item} .shared-note").count() == 0
    with page.expect_navigation():
        page.locator(f"#item-{item}").get_by_role("link", name=EDIT).click()
    page.locator("main").get_by_role("textbox", name=NOTE_FIELD).fill(
        "Neem ik mee naar het overleg."
    )
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=re.compile("^Plaats notitie")).click()
    assert page.url.endswith(f"#item-{item}"), page.url
    assert "Je notitie bij" in messages_text(page)
    note = page.locator(f"#item-{item} .shared-note")
    assert note.count() == 1
    assert note.locator(".shared-note__text").inner_text() == "Neem ik mee naar het overleg."
    assert note.locator(".shared-note__meta strong").inner_text() == team["names"]["editor"]
    assert re.fullmatch(
        r"\d{1,2} \w+ \d{4}, \d\d:\d\d", note.locator(".shared-note__meta time").inner_text()
    )
    # On the item's own page the author may take it back.
    page.goto(f"/leeslijst/gedeeld/{team['order']}/items/{item}/")
    mine = page.locator("main .shared-note")
    assert mine.locator("strong").inner_text() == team["names"]["editor"]
    assert mine.get_by_role("button", name=re.compile("^Verwijder notitie")).is_visible()


def test_print_button_shows_only_with_javascript(open_as, team):
    path = f"/leeslijst/gedeeld/{team['team']}/afdrukken/"
    page = open_as("owner")
    page.goto(path)
    assert page.get_by_role("button", name="Druk af").is_visible()
    without = open_as("owner", js=False)
    without.goto(path)
    assert without.locator("[data-print-button]").count() == 1
    assert without.locator("[data-print-button]").is_hidden()
    assert without.locator(".print-item").count() == 4


def test_print_media_hides_the_site_around_the_list(open_as, team):
    page = open_as("owner")
    page.goto(f"/leeslijst/gedeeld/{team['team']}/afdrukken/")
    assert page.locator(".site-header").is_visible()
    assert page.locator(".site-footer").is_visible()
    page.emulate_media(media="print")
    for selector in [".site-header", ".site-footer", ".breadcrumbs", ".print-view__tools"]:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert page.get_by_role("heading", level=1).inner_text() == LIST_NAME
    assert page.locator(".print-item").count() == 4
    assert page.locator(".print-item__notes li").count() == 2
    url = page.locator(".print-item__url a").first
    assert url.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "print-media-1280.png"), full_page=True)


# axe and screenshots: every page, as the member who sees it.


def _members_page_with_invite_error(page, team):
    page.goto(f"/leeslijst/gedeeld/{team['team']}/leden/")
    main = page.locator("main")
    main.get_by_label("E-mailadressen").fill("geen-adres, buurman@example")
    main.get_by_label("Rol", exact=True).select_option(label="Lezer")
    with page.expect_navigation() as navigation:
        main.get_by_role("button", name="Verstuur uitnodiging").click()
    return navigation.value


def _item_with_note_error(page, team):
    page.goto(f"/leeslijst/gedeeld/{team['team']}/items/{team['team_items'][0]}/")
    with page.expect_navigation() as navigation:
        page.locator("main").get_by_role("button", name=re.compile("^Plaats notitie")).click()
    return navigation.value


def _index_with_name_error(page, team):
    page.goto("/leeslijst/gedeeld/")
    with page.expect_navigation() as navigation:
        page.locator("main").get_by_role("button", name="Maak de lijst").click()
    return navigation.value


#: name: (who, path or a function that opens the page and returns its response, status)
VIEWS = {
    "index-leeg": ("fresh", "/leeslijst/gedeeld/", 200),
    "index": ("owner", "/leeslijst/gedeeld/", 200),
    "index-fout": ("fresh", _index_with_name_error, 400),
    "lijst-eigenaar": ("owner", "/leeslijst/gedeeld/{team}/", 200),
    "lijst-lezer": ("reader", "/leeslijst/gedeeld/{team}/", 200),
    "item-eigenaar": ("owner", "/leeslijst/gedeeld/{team}/items/{item}/", 200),
    "item-lezer": ("reader", "/leeslijst/gedeeld/{team}/items/{item}/", 200),
    "item-fout": ("editor", _item_with_note_error, 400),
    "leden-eigenaar": ("owner", "/leeslijst/gedeeld/{team}/leden/", 200),
    "leden-bewerker": ("editor", "/leeslijst/gedeeld/{team}/leden/", 200),
    "leden-fout": ("owner", _members_page_with_invite_error, 400),
    "afdrukken": ("owner", "/leeslijst/gedeeld/{team}/afdrukken/", 200),
    "uitnodiging-bezoeker": (None, "/leeslijst/gedeeld/uitnodiging/{open_token}/", 200),
    "uitnodiging-genodigde": ("invitee", "/leeslijst/gedeeld/uitnodiging/{open_token}/", 200),
    "uitnodiging-gebruikt": (None, "/leeslijst/gedeeld/uitnodiging/{used_token}/", 410),
    "bewaar": ("owner", "/leeslijst/gedeeld/bewaar/{article}/", 200),
    "artikel-lid": ("owner", "{article_url}", 200),
}

#: What each page must show, so a screenshot of the wrong page cannot pass.
HEADINGS = {
    "index-leeg": "Gedeelde leeslijsten",
    "index": "Gedeelde leeslijsten",
    "index-fout": "Gedeelde leeslijsten",
    "lijst-eigenaar": LIST_NAME,
    "lijst-lezer": LIST_NAME,
    "item-eigenaar": "{item_title}",
    "item-lezer": "{item_title}",
    "item-fout": "{item_title}",
    "leden-eigenaar": LIST_NAME,
    "leden-bewerker": LIST_NAME,
    "leden-fout": LIST_NAME,
    "afdrukken": LIST_NAME,
    "uitnodiging-bezoeker": f"Uitnodiging: {LIST_NAME}",
    "uitnodiging-genodigde": f"Uitnodiging: {LIST_NAME}",
    "uitnodiging-gebruikt": "Deze uitnodiging werkt niet",
    "bewaar": "Bewaar in …",
    "artikel-lid": "{article_title}",
}


def _open_view(page, team, name):
    _, target, status = VIEWS[name]
    if callable(target):
        response = target(page, team)
    else:
        response = page.goto(
            target.format(
                team=team["team"],
                open_token=team["open_token"],
                used_token=team["used_token"],
                article=team["articles"][0]["id"],
                item=team["team_items"][0],
                article_url=team["articles"][0]["url"],
            )
        )
    assert response is not None and response.status == status, (
        f"{name}: {page.url} answered {response and response.status}, not {status}"
    )
    return response


def _what_it_shows(page, team, name):
    main = page.locator("main")
    if name == "index-leeg":
        assert main.locator(".shared-lists").count() == 0
    elif name == "index":
        assert main.locator(".shared-lists__item").count() == 3
    elif name == "index-fout":
        assert "Geef de lijst een naam." in main.inner_text()
    elif name == "lijst-eigenaar":
        assert main.locator(".reading-row").count() == 4
        assert main.locator(".shared-note").count() == 2
        assert main.get_by_role("link", name=EDIT).count() == 4
    elif name == "lijst-lezer":
        assert main.locator(".reading-row").count() == 4
        assert main.locator(".shared-note").count() == 2
        assert main.get_by_role("link", name=EDIT).count() == 0
    elif name == "item-eigenaar":
        assert main.locator(".shared-note").count() == 2
        assert main.get_by_role("button", name=re.compile("^Verwijder notitie")).count() == 2
        assert main.get_by_role("button", name="Verplaats").is_visible()
    elif name == "item-lezer":
        assert main.locator(".shared-note").count() == 2
        assert main.locator("form").count() == 0
    elif name == "item-fout":
        assert main.get_by_role("textbox", name=NOTE_FIELD).get_attribute("aria-invalid") == "true"
        assert "Schrijf eerst je notitie." in main.inner_text()
    elif name == "leden-eigenaar":
        assert main.get_by_role("button", name=re.compile("^Trek in")).count() == 2
        assert main.get_by_role("button", name=re.compile("^Wijzig rol")).count() == 3
    elif name == "leden-bewerker":
        assert main.get_by_role("button", name=re.compile("^Wijzig rol")).count() == 0
        assert main.get_by_role("button", name="Verlaat de lijst").is_visible()
    elif name == "leden-fout":
        assert main.locator("[aria-invalid='true']").count() == 1
        assert "geen-adres" in main.locator(".utrecht-form-field-error-message").inner_text()
    elif name == "afdrukken":
        assert main.locator(".print-item").count() == 4
    elif name == "uitnodiging-bezoeker":
        assert main.get_by_role("button", name="Log in of maak een account aan").is_visible()
    elif name == "uitnodiging-genodigde":
        assert main.get_by_role("button", name="Neem de uitnodiging aan").is_visible()
    elif name == "uitnodiging-gebruikt":
        assert "al gebruikt" in main.inner_text()
    elif name == "bewaar":
        assert main.get_by_label(re.compile("^Mijn leeslijst")).count() == 1
        assert main.get_by_label(f"{LIST_NAME} (staat er al in)").count() == 1
        assert main.get_by_label("Leesclub sociaal domein", exact=True).count() == 1
    elif name == "artikel-lid":
        actions = main.locator(".save-actions").first
        assert actions.get_by_role("button", name=re.compile("^Bewaar in leeslijst")).is_visible()
        link = actions.get_by_role("link", name=re.compile("^Bewaar in …"))
        assert (
            link.get_attribute("href") == f"/leeslijst/gedeeld/bewaar/{team['articles'][0]['id']}/"
        )


@pytest.mark.parametrize("viewport", WIDTHS)
@pytest.mark.parametrize("name", VIEWS)
def test_page_is_accessible_and_fits(open_as, axe, team, name, viewport):
    width = viewport["width"]
    page = open_as(VIEWS[name][0], viewport=viewport)
    _open_view(page, team, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    heading = HEADINGS[name].format(
        item_title=team["team_item_title"], article_title=team["articles"][0]["title"]
    )
    assert page.locator("h1").inner_text() == heading
    _what_it_shows(page, team, name)
    violations = axe(page)
    assert not violations, f"axe on {name} at {width} px:\n" + format_violations(violations)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{name} is {overflow} px wider than the {width} px screen"


def test_every_shared_page_is_valid_html(open_as, team, vnu, tmp_path):  # noqa: F811
    """The HTML the server sends for each of the pages above, by the Nu HTML Checker."""
    documents = {}
    for name, (who, _, _) in VIEWS.items():
        page = open_as(who, js=False)
        documents[name] = _open_view(page, team, name).text()
    errors = html_errors(vnu, documents, tmp_path)
    assert not errors, "The Nu HTML Checker found errors:\n" + describe(errors, {})
