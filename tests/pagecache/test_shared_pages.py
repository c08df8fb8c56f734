"""Members get the shared render of a page with their own state filled in (pagecache)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

from follows import services as follow_services
from readinglists import services as list_services
from tests.conftest import make_member

pytestmark = pytest.mark.django_db


def login(django_user_model, email) -> tuple:
    member = make_member(django_user_model, email=email)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    return member, client


def leeslijst_button(html: str, page_id: int) -> str:
    """The form of the leeslijst button for `page_id`."""
    for form in re.findall(r"<form class=\"toggle-form\".*?</form>", html, re.S):
        if f'name="target" value="{page_id}"' in form and "leeslijst" in form:
            return form
    raise AssertionError(f"no leeslijst button for page {page_id}")


def follow_button(html: str, theme: str) -> tuple[str, str]:
    """aria-pressed and the visible label of the follow button of `theme`."""
    match = re.search(
        r'aria-pressed="(true|false)"[^>]*><span class="toggle-button__label">'
        rf"((?:Ontvolg|Volg) thema {re.escape(theme)})</span>",
        html,
    )
    assert match, f"no follow button for {theme}"
    return match.group(1), match.group(2)


def count(html: str) -> str:
    return re.search(r'<span id="leeslijst-count">([^<]*)</span>', html).group(1)


def test_each_member_sees_their_own_state_on_the_same_page(
    client, django_user_model, article, wonen
):
    saver, saver_client = login(django_user_model, "bewaarder@example.org")
    other, other_client = login(django_user_model, "ander@example.org")
    list_services.reading_list_add(user=saver, page=article)
    follow_services.follow_add(user=other, term=wonen)
    assert wonen in article.themes.all()

    for _ in range(2):  # rendered once, then filled from the shared copy
        saver_html = saver_client.get(article.url).content.decode()
        other_html = other_client.get(article.url).content.decode()
        visitor_html = client.get(article.url).content.decode()

        assert 'aria-pressed="true"' in leeslijst_button(saver_html, article.pk)
        assert "Verwijder uit leeslijst" in leeslijst_button(saver_html, article.pk)
        assert 'aria-pressed="false"' in leeslijst_button(other_html, article.pk)
        assert "/accounts/intentie/" in leeslijst_button(visitor_html, article.pk)
        assert (count(saver_html), count(other_html)) == ("1", "0")
        assert "leeslijst-count" not in visitor_html
        assert "Inloggen" in visitor_html and "Uitloggen" not in visitor_html
        assert follow_button(other_html, "Wonen") == ("true", "Ontvolg thema Wonen")
        assert follow_button(saver_html, "Wonen") == ("false", "Volg thema Wonen")
        for html in (saver_html, other_html, visitor_html):
            assert "<!--slot:" not in html and "@@" not in html
        assert "csrfmiddlewaretoken" not in visitor_html


def test_the_filled_in_csrf_token_is_the_members_own(django_user_model, article):
    member, client = login(django_user_model, "lid2@example.org")
    client.get(article.url)
    html = client.get(article.url).content.decode()
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', leeslijst_button(html, article.pk)
    )
    response = client.post(
        "/leeslijst/bewaren/",
        {"target": article.pk, "next": article.url, "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302
    assert member.reading_list_items.filter(page=article).exists()
    html = client.get(article.url).content.decode()
    assert count(html) == "1"
    assert 'aria-pressed="true"' in leeslijst_button(html, article.pk)


def test_a_member_sees_a_published_change_at_once(django_user_model, article):
    _, client = login(django_user_model, "lid3@example.org")
    client.get(article.url)
    article.title = "Een gewijzigde titel"
    article.save_revision().publish()
    assert "Een gewijzigde titel" in client.get(article.url).content.decode()


def test_messages_are_shown_on_the_next_page(member_client, article):
    member_client.get(article.url)
    member_client.post("/leeslijst/bewaren/", {"target": article.pk, "next": article.url})
    html = member_client.get(article.url).content.decode()
    assert 'id="bericht"' in html and "staat nu in je leeslijst.</p>" in html
    assert 'id="bericht"' not in member_client.get(article.url).content.decode()


def test_a_page_for_members_only_is_never_shared(member_client, article):
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    visitor = Client()
    visitor.cookies[settings.CSRF_COOKIE_NAME] = "bezoeker"
    response = visitor.get(article.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = member_client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_members_pages_are_private(member_client, article):
    member_client.get(article.url)
    response = member_client.get(article.url)
    assert response["Cache-Control"] == "private, no-cache"
    assert "X-Cache" not in response
