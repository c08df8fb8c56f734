"""The member's own pages: profile, AVG export and deletion, and the header's account menu."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from accounts.exports import register_export, user_export
from accounts.models import MemberSession, User
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_account_pages_need_login(client):
    for path in ["/accounts/", "/accounts/gegevens/", "/accounts/verwijderen/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={path}"


def test_overview_links_to_every_setting(member_client):
    html = member_client.get("/accounts/").content.decode()
    for href in [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/gegevens/",
        "/accounts/verwijderen/",
    ]:
        assert f'href="{href}"' in html
    assert re.search(r"<h1[^>]*>Mijn account</h1>", html)


def test_profile_form_saves(member_client, member):
    response = member_client.post(
        "/accounts/",
        {"display_name": "Sanne de Vries", "organisation": "Gemeente Utrecht", "role": "gemeente"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.organisation, member.role) == (
        "Sanne de Vries",
        "Gemeente Utrecht",
        "gemeente",
    )
    assert "Je gegevens zijn opgeslagen." in member_client.get("/accounts/").content.decode()


def test_profile_form_refuses_an_unknown_role(member_client, member):
    response = member_client.post("/accounts/", {"display_name": "X", "role": "koning"})
    assert response.status_code == 200
    assert 'aria-describedby="id_role_error"' in response.content.decode()
    member.refresh_from_db()
    assert member.role == "bewoner"


def test_export_holds_the_members_data_and_no_one_elses(member_client, member, django_user_model):
    other = django_user_model.objects.create_user(email="ander@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    response = member_client.get("/accounts/gegevens/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="wijkportaal-gegevens-')
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == "lid@example.org"
    assert data["account"]["weergavenaam"] == "Sanne"
    assert data["account"]["rol"] == "bewoner"
    assert data["e-mailadressen"] == [
        {"e-mailadres": "lid@example.org", "bevestigd": True, "primair": True}
    ]
    assert "ander@example.org" not in response.content.decode()
    assert "password" not in response.content.decode()


def test_other_apps_add_their_part_to_the_export(member, monkeypatch):
    from accounts import exports

    monkeypatch.setattr(exports, "_sections", dict(exports._sections))
    register_export("leeslijst", lambda user: [f"artikel van {user.email}"])
    assert user_export(user=member)["leeslijst"] == ["artikel van lid@example.org"]


def test_deletion_needs_the_right_password(member_client, member):
    response = member_client.post("/accounts/verwijderen/", {"password": "niet-het-wachtwoord"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit wachtwoord klopt niet." in html
    assert 'aria-describedby="id_password_helptext id_password_error"' in html
    assert User.objects.filter(pk=member.pk).exists()


def test_deletion_is_a_post(member_client, member):
    assert member_client.get("/accounts/verwijderen/").status_code == 200
    assert User.objects.filter(pk=member.pk).exists()


def test_deletion_removes_the_member_ends_all_sessions_and_confirms_by_mail(
    member_client, member, mailoutbox, django_capture_on_commit_callbacks
):
    other_device = Client()
    other_device.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert other_device.session.get("_auth_user_id") == str(member.pk)
    bystander = User.objects.create_user(email="ander@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=bystander, email=bystander.email, verified=True, primary=True)
    bystander_client = Client()
    bystander_client.post("/accounts/login/", {"login": bystander.email, "password": PASSWORD})

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post("/accounts/verwijderen/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"

    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email="lid@example.org").exists()
    assert "_auth_user_id" not in member_client.session
    assert other_device.get("/accounts/").status_code == 302
    assert not [
        s
        for s in MemberSession.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(member.pk)
    ]
    assert MemberSession.objects.filter(user_id=bystander.pk).exists()
    assert bystander_client.get("/accounts/").status_code == 200

    [mail] = mailoutbox
    assert mail.to == ["lid@example.org"]
    assert mail.subject == "Wijkportaal: Je account is verwijderd"
    assert "is verwijderd" in mail.body
    assert mail.alternatives[0][1] == "text/html"
    print(f"Subject: {mail.subject}\n\n{mail.body}")

    response = Client().post("/accounts/login/", {"login": "lid@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in response.client.session


def test_header_shows_login_and_signup_to_visitors_without_cookies(client):
    response = client.get("/")
    html = response.content.decode()
    assert 'href="/accounts/login/">Inloggen</a>' in html
    assert ">Account aanmaken</a>" in html
    assert "Uitloggen" not in html
    assert not response.cookies


def test_header_shows_the_account_menu_to_members(member_client):
    html = member_client.get("/").content.decode()
    assert 'href="/accounts/">Mijn account</a>' in html or 'href="/accounts/" ' in html
    assert re.search(
        r'<form method="post" action="/accounts/logout/">\s*<input type="hidden" name="csrfmiddlewaretoken"',
        html,
    )
    assert ">Inloggen</a>" not in html


def test_login_page_sets_no_session_cookie_for_a_visitor(client):
    response = client.get("/accounts/login/")
    assert "sessionid" not in response.cookies
