"""Shared lists through HTTP: the pages, who gets a 404, the invitation flow end to end with a
real mail (an SMTP server on a free port receives what the outgoing-mail task sends), the print
view, the downloads and "Bewaar in …"."""

import csv
import email
import hashlib
import io
import re
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from allauth.account.models import EmailAddress
from django.core import mail as django_mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleIndexPage, EventIndexPage
from readinglists.models import (
    ReadingListItem,
    Role,
    SharedList,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from readinglists.shared_services import (
    shared_list_create,
    shared_list_item_add,
    shared_list_note_add,
)
from tests.conftest import MEMBER_PASSWORD, make_member
from tests.factories import ArticlePageFactory, EventPageFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def article(title, **kwargs):
    return ArticlePageFactory(parent=ArticleIndexPage.objects.get(), title=title, **kwargs)


def event(title, **kwargs):
    return EventPageFactory(parent=EventIndexPage.objects.get(), title=title, **kwargs)


class Inbox:
    """What the SMTP server received: one parsed message per recipient and mail."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A real SMTP server; the site sends through it (EMAIL_BACKEND smtp)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/leeslijst/gedeeld/uitnodiging/[\w-]+/)", text_of(message))
    assert match, text_of(message)
    return match.group(1)


@pytest.fixture
def owner(django_user_model):
    user = make_member(django_user_model, email="eigenaar@gemeente.example")
    user.display_name = "Fatima de Groot"
    user.save()
    return user


@pytest.fixture
def team_list(owner):
    return shared_list_create(
        user=owner,
        name="Wijkteam Oosterkwartier – voorbereiding overleg 12 maart",
        purpose="Wat we lezen voor het wijkoverleg.",
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def join(shared_list, user, role):
    return SharedListMember.objects.create(shared_list=shared_list, user=user, role=role)


def invite(client, shared_list, addresses, role="bewerker"):
    return client.post(
        reverse("readinglists:shared_invite", args=[shared_list.pk]),
        {"addresses": addresses, "role": role},
    )


# The pages and who may see them.


def test_a_member_makes_a_list_and_finds_it_in_their_lists(member_client):
    response = member_client.post(
        reverse("readinglists:shared_create"),
        {"name": "  Wijkteam   Noord ", "purpose": "Voor het overleg."},
    )
    shared_list = SharedList.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("readinglists:shared_detail", args=[shared_list.pk])
    assert shared_list.name == "Wijkteam Noord"
    assert shared_list.members.get().role == Role.OWNER
    index = member_client.get("/leeslijst/gedeeld/").content.decode()
    assert "Wijkteam Noord" in index and "Je bent eigenaar" in index


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "purpose": ""}, "Geef de lijst een naam."),
        ({"name": "   ", "purpose": ""}, "Geef de lijst een naam."),
        ({"name": "x" * 121, "purpose": ""}, "Dit is te lang: gebruik hoogstens 120 tekens"),
        ({"name": "Goed", "purpose": "y" * 301}, "Dit is te lang: gebruik hoogstens 300 tekens"),
    ],
)
def test_a_bad_name_keeps_what_was_typed_and_says_why(member_client, data, message):
    response = member_client.post(reverse("readinglists:shared_create"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert SharedList.objects.count() == 0
    if data["purpose"]:
        assert data["purpose"] in html  # nothing typed is lost


def test_visitors_are_sent_to_log_in(client, team_list):
    for url in (
        "/leeslijst/gedeeld/",
        f"/leeslijst/gedeeld/{team_list.pk}/",
        f"/leeslijst/gedeeld/{team_list.pk}/leden/",
        f"/leeslijst/gedeeld/{team_list.pk}/afdrukken/",
        f"/leeslijst/gedeeld/{team_list.pk}/lijst.csv",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert not client.cookies


def test_a_non_member_gets_404_on_every_address_of_the_list(member_client, team_list, owner):
    page = article("Achter de voordeur")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    note = shared_list_note_add(item=item, actor=owner, text="Geheim")
    invitation = SharedListInvitation.objects.create(
        shared_list=team_list,
        email="x@example.org",
        token_hash="a" * 64,
        expires_at=team_list.created_at.replace(year=2100),
    )
    member = SharedListMember.objects.get(shared_list=team_list)
    base = f"/leeslijst/gedeeld/{team_list.pk}"
    gets = ["/", "/leden/", "/afdrukken/", "/lijst.csv", "/lijst.md"]
    posts = [
        "/uitnodigen/",
        f"/uitnodigingen/{invitation.pk}/intrekken/",
        f"/leden/{member.pk}/rol/",
        f"/leden/{member.pk}/verwijderen/",
        "/bewerken/",
        "/verwijderen/",
        f"/items/{item.pk}/verplaatsen/",
        f"/items/{item.pk}/verwijderen/",
        f"/items/{item.pk}/notitie/",
        f"/notities/{note.pk}/verwijderen/",
    ]
    for path in gets:
        response = member_client.get(base + path)
        assert response.status_code == 404, path
        assert "Wijkteam" not in response.content.decode()
    for path in posts:
        data = {
            "rol": "lezer",
            "positie": "1",
            "bevestig": "ja",
            "name": "Van mij",
            "addresses": "a@example.org",
            "role": "lezer",
            f"notitie-{item.pk}-text": "Hoi",
        }
        assert member_client.post(base + path, data).status_code == 404, path
    # Ids that do not exist answer the same.
    assert member_client.get(f"/leeslijst/gedeeld/{team_list.pk + 1000}/").status_code == 404
    assert member_client.get("/leeslijst/gedeeld/99999999999999999999/").status_code == 404
    # Nothing changed.
    assert SharedList.objects.get().name.startswith("Wijkteam")
    assert SharedListMember.objects.get().role == Role.OWNER
    assert SharedListNote.objects.count() == 1 and SharedListItem.objects.count() == 1
    assert SharedListInvitation.objects.get().withdrawn_at is None


def test_an_item_of_another_list_is_404_through_a_list_the_member_is_in(
    django_user_model, owner, team_list
):
    """Item ids are checked against the list in the address, not only against membership."""
    other = make_member(django_user_model, email="ander@example.org")
    own_list = shared_list_create(user=other, name="Eigen lijst")
    page = article("Niet van jou")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    client = client_for(other)
    url = f"/leeslijst/gedeeld/{own_list.pk}/items/{item.pk}/verwijderen/"
    assert client.post(url).status_code == 404
    assert SharedListItem.objects.filter(pk=item.pk).exists()


def test_a_removed_member_loses_access_at_once(django_user_model, owner, team_list):
    colleague = make_member(django_user_model, email="wijkagent@politie.example")
    membership = join(team_list, colleague, Role.EDITOR)
    client = client_for(colleague)
    assert client.get(f"/leeslijst/gedeeld/{team_list.pk}/").status_code == 200  # now cached
    response = client_for(owner).post(
        f"/leeslijst/gedeeld/{team_list.pk}/leden/{membership.pk}/verwijderen/"
    )
    assert response.status_code == 302
    assert client.get(f"/leeslijst/gedeeld/{team_list.pk}/").status_code == 404
    assert team_list.name not in client.get("/leeslijst/gedeeld/").content.decode()


def test_the_list_shows_items_in_order_with_who_added_them_and_the_notes(owner, team_list):
    first = article("Wijkaanpak in de praktijk")
    second = event("Wijkavond Oosterkwartier")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=first)
    shared_list_item_add(shared_list=team_list, actor=owner, page=second)
    shared_list_note_add(item=item, actor=owner, text="Bespreken bij punt 2.")
    client = client_for(owner)
    html = client.get(f"/leeslijst/gedeeld/{team_list.pk}/").content.decode()
    assert html.index("Wijkaanpak in de praktijk") < html.index("Wijkavond Oosterkwartier")
    assert "Toegevoegd door Fatima de Groot" in html
    assert "Bespreken bij punt 2." in html
    # Moved by hand: the event first.
    second_item = SharedListItem.objects.get(page=second)
    response = client.post(
        f"/leeslijst/gedeeld/{team_list.pk}/items/{second_item.pk}/verplaatsen/", {"positie": "1"}
    )
    assert response.status_code == 302
    html = client.get(f"/leeslijst/gedeeld/{team_list.pk}/").content.decode()
    assert html.index("Wijkavond Oosterkwartier") < html.index("Wijkaanpak in de praktijk")


@pytest.mark.parametrize("position", ["", "twee", "1e9999", "-"])
def test_a_made_up_position_changes_nothing(owner, team_list, position):
    page = article("Een")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    response = client_for(owner).post(
        f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk}/verplaatsen/", {"positie": position}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.position == 1


def test_a_note_that_is_too_long_comes_back_with_what_was_typed(owner, team_list):
    page = article("Een")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    text = "lang " * 500
    response = client_for(owner).post(
        f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk}/notitie/",
        {f"notitie-{item.pk}-text": text},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "te lang" in html and text.strip()[:200] in html
    assert SharedListNote.objects.count() == 0


def test_a_reader_sees_no_edit_controls_and_is_refused_if_they_post(
    django_user_model, owner, team_list
):
    reader = make_member(django_user_model, email="lezer@welzijn.example")
    join(team_list, reader, Role.READER)
    page = article("Een")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    client = client_for(reader)
    html = client.get(f"/leeslijst/gedeeld/{team_list.pk}/").content.decode()
    assert "Plaats notitie" not in html and "Haal uit de lijst" not in html
    response = client.post(f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk}/verwijderen/")
    assert response.status_code == 302
    follow = client.get(response["Location"]).content.decode()
    assert "Je mag deze lijst alleen lezen." in follow
    assert SharedListItem.objects.filter(pk=item.pk).exists()
    response = client.post(
        f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk}/notitie/",
        {f"notitie-{item.pk}-text": "Mag niet"},
    )
    assert response.status_code == 302 and SharedListNote.objects.count() == 0


# Invitations, with a real mail.


def test_an_invitation_mail_to_an_existing_member_who_logs_in_and_joins(
    smtp, owner, team_list, django_user_model, django_capture_on_commit_callbacks
):
    invitee = make_member(django_user_model, email="wijkagent@politie.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(owner), team_list, "Wijkagent@Politie.example", "lezer")
    assert response.status_code == 302
    assert len(smtp.messages) == 1
    recipients, message = smtp.messages[0]
    assert recipients == ["wijkagent@politie.example"]
    assert " ".join(str(message["Subject"]).split()) == (
        "Wijkportaal: Uitnodiging voor de gedeelde leeslijst "
        "“Wijkteam Oosterkwartier – voorbereiding overleg 12 maart”"
    )
    body = text_of(message)
    assert "Fatima de Groot nodigt je uit" in body and "Je wordt lezer van de lijst." in body
    link = link_in(message)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not SharedListInvitation.objects.filter(token_hash=token).exists()  # only its hash

    # Not logged in: the page says what it is and offers to log in; no cookie yet.
    visitor = Client()
    page = visitor.get(link)
    assert page.status_code == 200
    assert "Wijkteam Oosterkwartier" in page.content.decode()
    assert not visitor.cookies
    # The button keeps the invitation through the login (accounts.intents).
    response = visitor.post(
        reverse("accounts:intent"),
        {"intent": "shared_list_join", "token": token, "next": link},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    login = visitor.get(response["Location"]).content.decode()
    assert "lid te worden van de gedeelde leeslijst" in login
    response = visitor.post(
        response["Location"], {"login": invitee.email, "password": MEMBER_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/leeslijst/gedeeld/{team_list.pk}/"
    assert "Welkom! Je bent nu lezer" in response.content.decode()
    assert SharedListMember.objects.get(user=invitee).role == Role.READER
    # The link is used up.
    other = client_for(make_member(django_user_model, email="derde@example.org"))
    assert "al gebruikt" in other.get(link).content.decode()


def test_an_invitation_to_someone_without_an_account_who_signs_up_and_joins(
    smtp, owner, team_list, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(owner), team_list, "buurtwerker@welzijn.example")
    link = link_in(smtp.messages[0][1])
    token = link.rstrip("/").rsplit("/", 1)[1]
    visitor = Client()
    response = visitor.post(
        reverse("accounts:intent"),
        {"intent": "shared_list_join", "token": token, "next": link},
        HTTP_ORIGIN="http://testserver",
    )
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(
            "/accounts/signup/",
            {
                "email": "buurtwerker@welzijn.example",
                "password1": "een-heel-lang-wachtwoord-2026",
                "password2": "een-heel-lang-wachtwoord-2026",
            },
        )
    confirmation = [m for rcpts, m in smtp.messages if "buurtwerker@welzijn.example" in rcpts][-1]
    confirm_url = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", text_of(confirmation)
    )
    assert confirm_url, text_of(confirmation)
    response = visitor.post(confirm_url.group(1), follow=True)
    assert response.redirect_chain[-1][0] == f"/leeslijst/gedeeld/{team_list.pk}/"
    membership = SharedListMember.objects.get(user__email="buurtwerker@welzijn.example")
    assert membership.role == Role.EDITOR and membership.shared_list == team_list


def test_a_link_opened_by_another_member_changes_nothing(
    smtp, owner, team_list, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(owner), team_list, "bedoeld@example.org")
    link = link_in(smtp.messages[0][1])
    intruder = client_for(make_member(django_user_model, email="ander@example.org"))
    page = intruder.get(link)
    assert page.status_code == 403
    assert "voor een ander e-mailadres" in page.content.decode()
    response = intruder.post(link + "aannemen/", follow=True)
    assert "voor een ander e-mailadres" in response.content.decode()
    assert SharedListMember.objects.count() == 1
    assert SharedListInvitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    "addresses, message",
    [
        ("geen-adres", "“geen-adres” is geen geldig e-mailadres."),
        ("a@example.org, A@example.org", "a@example.org staat er twee keer in."),
        ("eigenaar@gemeente.example", "is je eigen adres"),
        (", ".join(f"p{n}@example.org" for n in range(51)), "hoogstens 50 mensen tegelijk"),
        ("", "Vul minstens één e-mailadres in."),
    ],
)
def test_bad_invitations_say_why_and_send_nothing(
    smtp, owner, team_list, addresses, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(owner), team_list, addresses)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert addresses.split(",")[0] in response.content.decode()  # what was typed is kept
    assert SharedListInvitation.objects.count() == 0
    assert smtp.messages == []


def test_the_same_address_twice_is_refused_while_the_first_is_open(
    owner, team_list, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    assert invite(client, team_list, "een@example.org").status_code == 302
    response = invite(client, team_list, "een@example.org")
    assert response.status_code == 400
    assert "is al uitgenodigd" in response.content.decode()
    assert SharedListInvitation.objects.count() == 1


def test_the_owner_sees_and_withdraws_a_pending_invitation(owner, team_list):
    client = client_for(owner)
    invite(client, team_list, "weg@example.org")
    invitation = SharedListInvitation.objects.get()
    html = client.get(f"/leeslijst/gedeeld/{team_list.pk}/leden/").content.decode()
    assert "weg@example.org" in html and "Openstaande uitnodigingen" in html
    client.post(f"/leeslijst/gedeeld/{team_list.pk}/uitnodigingen/{invitation.pk}/intrekken/")
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    client.get(f"/leeslijst/gedeeld/{team_list.pk}/leden/")  # shows the message
    html = client.get(f"/leeslijst/gedeeld/{team_list.pk}/leden/").content.decode()
    assert "weg@example.org" not in html
    assert "Er zijn geen openstaande uitnodigingen." in html


@pytest.mark.parametrize("token", ["onzin", "x" * 500, "%00", "..%2F..%2Fetc"])
def test_an_unknown_link_is_a_dutch_404(client, token):
    response = client.get(f"/leeslijst/gedeeld/uitnodiging/{token}/")
    assert response.status_code == 404
    assert "Deze uitnodiging bestaat niet" in response.content.decode() or "niet gevonden" in (
        response.content.decode().lower()
    )


# For the meeting: print view and downloads.


@pytest.fixture
def agenda(owner, team_list):
    first = article(title='=HYPERLINK("http://kwaad.example")', intro="Samenvatting één.")
    second = event("Wijkavond [Oost] *live*", intro="Samen *praten*.")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=first)
    shared_list_item_add(shared_list=team_list, actor=owner, page=second)
    shared_list_note_add(item=item, actor=owner, text="Punt 1 van de agenda.")
    return team_list


def test_the_print_view_has_titles_addresses_summaries_and_notes(owner, agenda):
    response = client_for(owner).get(f"/leeslijst/gedeeld/{agenda.pk}/afdrukken/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "css/print" in html
    assert "Samenvatting één." in html and "Samen *praten*." in html
    assert "Punt 1 van de agenda." in html
    assert "http://testserver/" not in html  # addresses from BASE_URL, not the request's host
    assert re.search(r'href="https?://[^"]+/artikelen/', html)


def test_the_csv_download_keeps_formulas_as_text(owner, agenda):
    response = client_for(owner).get(f"/leeslijst/gedeeld/{agenda.pk}/lijst.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="wijkteam-oosterkwartier'
    )
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:2] == ["Nr", "Titel"]
    assert rows[1][1] == '\'=HYPERLINK("http://kwaad.example")'
    assert "Fatima de Groot" in rows[1][8] and "Punt 1 van de agenda." in rows[1][8]
    assert rows[2][1] == "Wijkavond [Oost] *live*"


def test_the_markdown_download_escapes_what_members_wrote(owner, agenda):
    response = client_for(owner).get(f"/leeslijst/gedeeld/{agenda.pk}/lijst.md")
    text = response.content.decode()
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert text.startswith("# Wijkteam Oosterkwartier – voorbereiding overleg 12 maart\n")
    assert "Wijkavond \\[Oost\\] \\*live\\*" in text
    assert "- **Fatima de Groot**" in text and "Punt 1 van de agenda\\." in text


# "Bewaar in …".


def test_bewaar_in_offers_the_personal_list_and_the_lists_the_member_edits(
    django_user_model, owner, team_list
):
    reader_list = shared_list_create(
        user=make_member(django_user_model, email="b@example.org"), name="Alleen lezen"
    )
    join(reader_list, owner, Role.READER)
    page = article("Goed voorbeeld")
    client = client_for(owner)
    html = client.get(page.url).content.decode()
    assert f'href="/leeslijst/gedeeld/bewaar/{page.pk}/"' in html
    form = client.get(f"/leeslijst/gedeeld/bewaar/{page.pk}/").content.decode()
    assert "Mijn leeslijst" in form and team_list.name in form
    assert "Alleen lezen" not in form
    response = client.post(f"/leeslijst/gedeeld/bewaar/{page.pk}/", {"lijst": str(team_list.pk)})
    assert response.status_code == 302 and response["Location"] == page.url
    assert SharedListItem.objects.get().page_id == page.pk
    # To a list they only read: refused, nothing saved.
    response = client.post(f"/leeslijst/gedeeld/bewaar/{page.pk}/", {"lijst": str(reader_list.pk)})
    assert response.status_code == 400
    assert not SharedListItem.objects.filter(shared_list=reader_list).exists()
    # The personal list.
    client.post(f"/leeslijst/gedeeld/bewaar/{page.pk}/", {"lijst": "persoonlijk"})
    assert ReadingListItem.objects.filter(user=owner, page=page).exists()


def test_visitors_get_no_bewaar_in_link_and_no_cookie(client):
    page = article("Goed voorbeeld")
    response = client.get(page.url)
    assert "/leeslijst/gedeeld/bewaar/" not in response.content.decode()
    assert not response.cookies


def test_the_invitation_mail_goes_through_the_ledger(
    owner, team_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(owner), team_list, "een@example.org")
    assert len(django_mail.outbox) == 1
    assert EmailAddress.objects.filter(email="een@example.org").count() == 0


def test_an_items_own_page_has_the_forms_for_editors_only(django_user_model, owner, team_list):
    reader = make_member(django_user_model, email="lezer@welzijn.example")
    join(team_list, reader, Role.READER)
    page = article("Een", intro="Waar het over gaat.")
    item, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=page)
    shared_list_note_add(item=item, actor=owner, text="Eerst lezen.")
    url = f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk}/"
    listing = client_for(owner).get(f"/leeslijst/gedeeld/{team_list.pk}/").content.decode()
    assert f'href="{url}"' in listing and "Notitie, plaats of weghalen" in listing
    html = client_for(owner).get(url).content.decode()
    for label in ("Plaats notitie", "Verplaats", "Haal uit de lijst", "Verwijder notitie"):
        assert label in html, label
    assert "Waar het over gaat." in html and "Eerst lezen." in html
    as_reader = client_for(reader)
    assert (
        f'href="{url}"' not in as_reader.get(f"/leeslijst/gedeeld/{team_list.pk}/").content.decode()
    )
    html = as_reader.get(url).content.decode()
    assert "Eerst lezen." in html
    for label in ("Plaats notitie", "Verplaats", "Haal uit de lijst", "Verwijder notitie"):
        assert label not in html, label
    second, _ = shared_list_item_add(shared_list=team_list, actor=owner, page=article("Twee"))
    html = client_for(owner).get(f"/leeslijst/gedeeld/{team_list.pk}/items/{second.pk}/")
    assert "Item 2 van 2 in" in html.content.decode()
    # An item id that is not on this list.
    assert (
        client_for(owner)
        .get(f"/leeslijst/gedeeld/{team_list.pk}/items/{item.pk + 99}/")
        .status_code
        == 404
    )


@pytest.mark.parametrize(
    "next_url",
    ["https://kwaad.example/", "//kwaad.example/", "/\\kwaad.example", "javascript:alert(1)"],
)
def test_bewaar_in_never_sends_a_member_off_the_site(owner, team_list, next_url):
    page = article("Goed voorbeeld")
    response = client_for(owner).post(
        f"/leeslijst/gedeeld/bewaar/{page.pk}/", {"lijst": str(team_list.pk), "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == page.url


def test_bewaar_in_for_a_page_that_is_not_there_is_404(owner):
    assert client_for(owner).get("/leeslijst/gedeeld/bewaar/999999/").status_code == 404
    index = ArticleIndexPage.objects.get()  # a page, but not one a leeslijst keeps
    assert client_for(owner).get(f"/leeslijst/gedeeld/bewaar/{index.pk}/").status_code == 404


def test_an_expired_link_tells_a_visitor_nothing_about_the_list(owner, team_list):
    client = client_for(owner)
    invite(client, team_list, "laat@example.org")
    invitation = SharedListInvitation.objects.get()
    token = "bekend-token-voor-de-test"
    invitation.token_hash = hashlib.sha256(token.encode()).hexdigest()
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = Client().get(f"/leeslijst/gedeeld/uitnodiging/{token}/")
    html = response.content.decode()
    assert response.status_code == 410
    assert "verlopen" in html
    assert "Wijkteam" not in html and "Fatima" not in html


def test_a_kept_copy_of_the_list_goes_with_a_role_change_and_with_the_list(
    django_user_model, owner, team_list
):
    colleague = make_member(django_user_model, email="bewerker@corporatie.example")
    membership = join(team_list, colleague, Role.EDITOR)
    shared_list_item_add(shared_list=team_list, actor=owner, page=article("Een"))
    client = client_for(colleague)
    path = f"/leeslijst/gedeeld/{team_list.pk}/"
    assert "Notitie, plaats of weghalen" in client.get(path).content.decode()  # kept now
    client_for(owner).post(
        f"/leeslijst/gedeeld/{team_list.pk}/leden/{membership.pk}/rol/", {"rol": "lezer"}
    )
    assert "Notitie, plaats of weghalen" not in client.get(path).content.decode()
    client_for(owner).post(f"/leeslijst/gedeeld/{team_list.pk}/verwijderen/", {"bevestig": "ja"})
    assert client.get(path).status_code == 404


def test_ended_invitations_are_pruned_after_a_month(owner, team_list, settings):
    from django.core.management import call_command

    client = client_for(owner)
    invite(client, team_list, "open@example.org, oud@example.org, ingetrokken@example.org")
    now = timezone.now()
    SharedListInvitation.objects.filter(email="oud@example.org").update(
        expires_at=now - timedelta(days=31)
    )
    SharedListInvitation.objects.filter(email="ingetrokken@example.org").update(
        withdrawn_at=now - timedelta(days=30, minutes=1)
    )
    call_command("prune_shared_invitations", verbosity=0)
    assert list(SharedListInvitation.objects.values_list("email", flat=True)) == [
        "open@example.org"
    ]
    assert settings.SCHEDULE["prune_shared_invitations"] <= 24 * 60 * 60
