"""A visitor sent to log in by a save or follow button reads, next to the form, why and what
happens next; signing up and confirming the address in the same browser logs them in and
brings them back with the action done."""

import re

import pytest
from django.core import mail
from django.test import Client

from follows.models import Follow
from readinglists.models import ReadingListItem
from tests.accounts.mails import PASSWORD
from tests.accounts.pages import soup

pytestmark = pytest.mark.django_db

INTENT = "/accounts/intentie/"
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}


def press(client, intent, target, next_url):
    response = client.post(
        INTENT, {"intent": intent, "target": target, "next": next_url}, headers=SAME_ORIGIN
    )
    assert response.status_code == 302
    return response["Location"]


def notice(client, path) -> str:
    main = soup(client.get(path)).find("main")
    box = main.find(id="intent-notice")
    return " ".join(box.get_text(" ").split()) if box else ""


def test_save_button_explains_itself_on_the_login_and_signup_pages(client, article):
    login_url = press(client, "readinglist_add", article.pk, article.url)
    text = notice(client, login_url)
    assert text == (
        "Log in om dit artikel in je leeslijst te bewaren. "
        "Daarna staat dit artikel in je leeslijst en kom je terug op de pagina waar je was."
    )
    # Right after the page title, before the form.
    main = soup(client.get(login_url)).find("main")
    assert main.find("h1").find_next_sibling() is main.find(id="intent-notice")
    assert main.find(id="intent-notice").find_next("form")["action"] == "/accounts/login/"

    signup = soup(client.get(login_url)).find("main").find("a", string=re.compile("account aan"))
    assert notice(client, signup["href"]) == (
        "Maak een account aan om dit artikel in je leeslijst te bewaren. Zodra je je "
        "e-mailadres hebt bevestigd, staat dit artikel in je leeslijst en kom je terug op de "
        "pagina waar je was."
    )


def test_an_event_is_named_an_event(client, event):
    assert notice(client, press(client, "readinglist_add", event.pk, event.url)).startswith(
        "Log in om dit evenement in je leeslijst te bewaren."
    )


def test_follow_button_explains_itself(client, wonen):
    login_url = press(client, "follow_theme", wonen.pk, "/themas/wonen/")
    assert notice(client, login_url) == (
        "Log in om thema Wonen te volgen. "
        "Daarna volg je thema Wonen en kom je terug op de pagina waar je was."
    )
    assert notice(client, "/accounts/login/code/").startswith("Log in om thema Wonen te volgen.")


def test_a_target_gone_meanwhile_still_gets_a_plain_notice(client, article):
    article.unpublish()
    login_url = press(client, "readinglist_add", article.pk, "/")
    assert notice(client, login_url).startswith("Log in om verder te gaan.")


def test_without_a_pending_intent_there_is_no_notice(client):
    assert notice(client, "/accounts/login/") == ""
    assert notice(client, "/accounts/signup/") == ""


def sign_up(client, email, next_url=None):
    path = "/accounts/signup/" + (f"?next={next_url}" if next_url else "")
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(path, data)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    return link.group(1)


def test_confirming_logs_in_and_returns_to_the_page_with_the_follow_done(
    client, wonen, django_user_model
):
    login_url = press(client, "follow_theme", wonen.pk, "/themas/wonen/")
    signup_link = (
        soup(client.get(login_url)).find("main").find("a", string=re.compile("account aan"))["href"]
    )
    assert signup_link == "/accounts/signup/?next=%2Fthemas%2Fwonen%2F"
    confirm = sign_up(client, "nieuw@example.org", next_url="/themas/wonen/")

    sent = client.get("/accounts/confirm-email/").content.decode()
    assert "dan ben je meteen ingelogd, volg je thema Wonen en kom je terug" in sent

    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == "/themas/wonen/"
    user = django_user_model.objects.get(email="nieuw@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Follow.objects.filter(user=user, theme=wonen).count() == 1
    page = client.get("/themas/wonen/").content.decode()
    assert "Je volgt nu thema Wonen." in page


def test_signing_up_through_the_header_still_returns_to_the_intents_page(
    client, article, django_user_model
):
    press(client, "readinglist_add", article.pk, article.url)
    confirm = sign_up(client, "nieuw@example.org")  # the header's link carries no next
    response = client.post(confirm)
    assert response["Location"] == article.url
    user = django_user_model.objects.get(email="nieuw@example.org")
    assert ReadingListItem.objects.filter(user=user, page=article).exists()


def test_confirming_without_an_intent_logs_in_and_goes_home(client, django_user_model):
    confirm = sign_up(client, "nieuw@example.org")
    response = client.post(confirm)
    assert response["Location"] == "/"
    user = django_user_model.objects.get(email="nieuw@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_confirming_in_another_browser_confirms_but_does_not_log_in(client, django_user_model):
    confirm = sign_up(client, "nieuw@example.org")
    other = Client()
    response = other.post(confirm)
    assert response.status_code == 302
    assert "_auth_user_id" not in other.session
    user = django_user_model.objects.get(email="nieuw@example.org")
    assert user.emailaddress_set.get().verified
    # and the new member logs in with their password, in either browser
    response = other.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert other.session["_auth_user_id"] == str(user.pk)
