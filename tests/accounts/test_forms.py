"""The allauth pages and the member's account forms as NL Design System form fields: every input
labelled, sized and without a placeholder, the right autocomplete; a form with errors opens
with an error summary linking to each field, and each field's error is tied to its input."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.accounts.pages import (
    EMPTY_POSTS,
    MEMBER_PAGES,
    VISITOR_PAGES,
    login_code_form_path,
    password_reset_form_path,
    soup,
)

pytestmark = pytest.mark.django_db

#: What each password input is for, by name (autocomplete lets password managers help).
PASSWORD_AUTOCOMPLETE = {
    "password": "current-password",
    "oldpassword": "current-password",
    "password1": "new-password",
    "password2": "new-password",
}


def inputs(main):
    """The inputs a person fills in or reads (not hidden fields, not buttons)."""
    return [
        tag
        for tag in main.find_all(["input", "select", "textarea"])
        if tag.get("type") not in ("hidden", "submit", "button")
    ]


def label_of(page, tag) -> str:
    label = page.find("label", attrs={"for": tag.get("id")})
    return " ".join(label.get_text(" ").split()) if label else ""


def assert_fields_are_design_system_fields(page, path, passwords=PASSWORD_AUTOCOMPLETE):
    main = page.find("main")
    fields = inputs(main)
    for tag in fields:
        where = f"{path} {tag}"
        assert tag.get("id"), where
        label = label_of(page, tag)
        assert label, f"no label for {where}"
        assert not tag.has_attr("placeholder"), f"placeholder on {where}"
        assert tag.get("placeholder", "").strip() != label
        for described in (tag.get("aria-describedby") or "").split():
            assert page.find(id=described), f"{where} describes itself by a missing #{described}"
        kind = tag.get("type", tag.name)
        if kind in ("email", "password", "text"):
            classes = tag.get("class", [])
            assert "utrecht-textbox" in classes, where
            assert any(c.startswith("form-input--") for c in classes), f"no width: {where}"
        if kind == "email" and not tag.has_attr("readonly"):
            assert tag.get("autocomplete") == "email", where
            assert "form-input--30ch" in tag["class"], where
        if kind == "password":
            assert tag.get("autocomplete") == passwords[tag["name"]], where
            assert "form-input--30ch" in tag["class"], where
        if kind == "checkbox":
            assert "utrecht-checkbox" in tag.get("class", []), where
        if kind == "select":
            assert "utrecht-select" in tag.get("class", []), where
    return fields


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_visitor_pages(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_fields_are_design_system_fields(soup(response), path)


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_pages(member_client, path):
    response = member_client.get(path)
    assert response.status_code == 200
    assert_fields_are_design_system_fields(soup(response), path)


def test_the_forms_have_the_fields_they_should(member_client):
    """The checks above see these inputs (so they are not vacuous)."""
    login = inputs(soup(Client().get("/accounts/login/")).find("main"))
    assert [(tag.get("type"), tag["name"]) for tag in login] == [
        ("email", "login"),
        ("password", "password"),
        ("checkbox", "remember"),
    ]
    signup = inputs(soup(Client().get("/accounts/signup/")).find("main"))
    assert [tag["name"] for tag in signup] == ["email", "password1", "password2"]
    change = inputs(soup(member_client.get("/accounts/password/change/")).find("main"))
    assert [tag["name"] for tag in change] == ["oldpassword", "password1", "password2"]
    profile = inputs(soup(member_client.get("/accounts/")).find("main"))
    assert [tag.name for tag in profile] == ["input", "input", "select"]


def test_pages_reached_through_a_mail(client, member, mailoutbox):
    path = password_reset_form_path(client, mailoutbox, member.email)
    page = soup(client.get(path))
    assert [tag["name"] for tag in inputs(page.find("main"))] == ["password1", "password2"]
    assert_fields_are_design_system_fields(page, path)

    path = login_code_form_path(client, member.email)
    page = soup(client.get(path))
    [code] = inputs(page.find("main"))
    assert code["name"] == "code" and code["autocomplete"] == "one-time-code"
    assert "form-input--10ch" in code["class"]
    assert_fields_are_design_system_fields(page, path)


@pytest.mark.parametrize(("path", "data", "for_member"), EMPTY_POSTS)
def test_errors_are_summarised_and_tied_to_their_fields(request, path, data, for_member):
    client = request.getfixturevalue("member_client") if for_member else Client()
    response = client.post(path, data)
    assert response.status_code == 200
    page = soup(response)
    main = page.find("main")
    invalid = [tag for tag in inputs(main) if tag.get("aria-invalid") == "true"]
    assert invalid, f"no field in error on {path}"
    for tag in invalid:
        error_id = f"{tag['id']}_error"
        assert error_id in tag["aria-describedby"].split()
        error = page.find(id=error_id)
        assert "utrecht-form-field-error-message" in error["class"]
        assert error.get_text(strip=True)
        field = tag.find_parent(class_="utrecht-form-field")
        assert "utrecht-form-field--invalid" in field["class"]
        assert any(c.endswith("--invalid") for c in tag["class"])

    # The summary comes first in its form, is announced, and links to every field in error.
    form = invalid[0].find_parent("form")
    summary = form.find(class_="form-error-summary")
    assert summary is not None and summary.get("role") == "alert"
    assert "utrecht-alert--error" in summary["class"]
    assert form.find(True, recursive=False) is summary or form.find(
        class_="utrecht-form-field"
    ).find_previous(class_="form-error-summary")
    links = [a["href"] for a in summary.find_all("a")]
    assert links == [f"#{tag['id']}" for tag in invalid]


def test_each_empty_field_says_what_to_fill_in(client):
    main = soup(client.post("/accounts/signup/", {})).find("main")
    errors = [e.get_text(" ", strip=True) for e in main.select(".utrecht-form-field-error-message")]
    assert errors == [
        "Vul je e-mailadres in.",
        "Kies een wachtwoord.",
        "Vul het wachtwoord nog een keer in.",
    ]
    summary = [a.get_text(" ", strip=True) for a in main.select(".form-error-summary a")]
    assert summary == [
        "E-mailadres: Vul je e-mailadres in.",
        "Wachtwoord: Kies een wachtwoord.",
        "Wachtwoord (bevestigen): Vul het wachtwoord nog een keer in.",
    ]


def test_a_wrong_password_is_summarised_without_field_links(client, member):
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": "niet-het-wachtwoord-1"}
    )
    summary = soup(response).find("main").find(class_="form-error-summary")
    assert summary.get("role") == "alert"
    assert "Het e-mailadres of het wachtwoord klopt niet." in summary.get_text(" ")
    assert not summary.find_all("a")


def test_password_rules_are_the_hint_of_the_new_password(client):
    page = soup(client.get("/accounts/signup/"))
    password = page.find("input", attrs={"name": "password1"})
    assert password["aria-describedby"] == "id_password1_helptext"
    hint = page.find(id="id_password1_helptext")
    assert "Je wachtwoord moet minstens 12 tekens hebben." in hint.get_text(" ")


def test_the_email_page_ties_its_own_fields_errors(member_client):
    response = member_client.post("/accounts/email/", {"action_add": "", "email": "geen-adres"})
    page = soup(response)
    new = page.find("input", attrs={"name": "email"})
    assert new["aria-invalid"] == "true"
    assert new["aria-describedby"].split() == ["id_email_error"]
    assert page.find(id="id_email_error").get_text(strip=True)
    current = page.find(id="current_email")
    assert current.has_attr("readonly") and not current.has_attr("name")
    assert label_of(page, current) == "Huidig e-mailadres"


def test_delete_button_is_a_warning(member_client):
    main = soup(member_client.get("/accounts/verwijderen/")).find("main")
    button = main.find("button", string=lambda text: text and "Verwijder mijn account" in text)
    assert {"utrecht-button", "utrecht-button--primary-action", "utrecht-button--danger"} <= set(
        button["class"]
    )
    assert (
        main.find(class_="utrecht-alert--warning")
        .get_text(" ", strip=True)
        .startswith("Dit kun je niet ongedaan maken.")
    )


def test_the_profile_role_offers_no_choice_first(member_client):
    select = soup(member_client.get("/accounts/")).find("select", attrs={"name": "role"})
    first = select.find("option")
    assert (first["value"], first.get_text()) == ("", "Geen keuze")


def test_a_page_behind_a_password_asks_in_the_sites_form(article, caplog):
    client = Client()
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(article.url)
    assert article.title not in response.content.decode()  # nor its intro, meta or breadcrumbs
    assert article.intro not in response.content.decode()
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Wachtwoord nodig"
    assert page.find("header", class_="site-header") is not None
    # A password the editors handed out, not the reader's own: no autocomplete to suggest one.
    assert_fields_are_design_system_fields(page, article.url, passwords={"password": None})
    action = page.find("main").find("form")["action"]

    page = soup(client.post(action, {"password": "fout", "return_url": article.url}))
    password = page.find("input", attrs={"name": "password"})
    assert password["aria-invalid"] == "true"
    error = page.find(id=password["aria-describedby"]).get_text(" ", strip=True)
    assert error == "Het wachtwoord dat je hebt ingevuld is niet juist. Probeer opnieuw."
    assert page.find(class_="form-error-summary").find("a")["href"] == "#id_password"

    response = client.post(action, {"password": "geheim", "return_url": article.url})
    assert response.status_code == 302
    assert client.get(article.url).status_code == 200
    # A page behind a password is never tried as a shared render (which would read the session).
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_a_pending_new_address_is_shown_read_only_with_its_actions(member_client, mailoutbox):
    member_client.post("/accounts/email/", {"action_add": "", "email": "nieuw@example.org"})
    page = soup(member_client.get("/accounts/email/"))
    pending = page.find(id="new_email")
    assert pending["value"] == "nieuw@example.org"
    assert pending.has_attr("readonly") and not pending.has_attr("name")
    assert label_of(page, pending) == "Wordt gewijzigd in"
    hint = page.find(id=pending["aria-describedby"])
    assert hint.find_previous("input") is pending  # under the address it is about
    buttons = [button.get_text(strip=True) for button in hint.find_all("button")]
    assert buttons == ["Stuur de bevestigingsmail opnieuw", "Wijziging annuleren"]
