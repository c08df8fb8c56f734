import csv
import io
import re

import pytest
from django.urls import reverse

from readinglists.models import NOTE_MAX_LENGTH, ReadingListItem
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

LIST = "/leeslijst/"


def test_list_needs_login(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["add", "remove"])
def test_get_never_changes_anything(member_client, article, name):
    response = member_client.get(reverse(f"readinglists:{name}"), {"target": article.pk})
    assert response.status_code == 405
    assert not ReadingListItem.objects.exists()


def test_add_and_remove_without_javascript_return_to_the_page(member_client, member, article):
    response = member_client.post(
        reverse("readinglists:add"), {"target": article.pk, "next": article.url}
    )
    assert response.status_code == 302
    assert response.url == article.url
    assert ReadingListItem.objects.filter(user=member, page=article).exists()
    html = member_client.get(article.url).content.decode()
    assert "staat nu in je leeslijst" in html
    assert re.search(r'aria-pressed="true"><span class="toggle-button__label">Verwijder', html)

    response = member_client.post(
        reverse("readinglists:remove"), {"target": article.pk, "next": article.url}
    )
    assert response.url == article.url
    assert not ReadingListItem.objects.exists()


def test_an_unsafe_next_goes_to_the_list(member_client, article):
    for evil in ["https://evil.example/", "//evil.example/", "/\\evil.example"]:
        response = member_client.post(
            reverse("readinglists:add"), {"target": article.pk, "next": evil}
        )
        assert response.url == LIST


def test_script_clients_get_json(member_client, article):
    response = member_client.post(
        reverse("readinglists:add"), {"target": article.pk}, headers={"accept": "application/json"}
    )
    data = response.json()
    assert data["pressed"] is True
    assert data["counts"] == {"leeslijst-count": 1}
    assert "leeslijst" in data["message"]
    response = member_client.post(
        reverse("readinglists:remove"),
        {"target": article.pk},
        headers={"accept": "application/json"},
    )
    assert response.json()["pressed"] is False


def test_member_post_needs_csrf(member, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(reverse("readinglists:add"), {"target": article.pk})
    assert response.status_code == 403


def test_only_articles_and_events_can_be_added(member_client, explainer_index):
    response = member_client.post(reverse("readinglists:add"), {"target": explainer_index.pk})
    assert response.status_code == 404


def test_list_shows_newest_first_with_placeholder(member_client, article, event, saved):
    saved(article)
    saved(event)
    title = article.title
    article.delete()
    html = member_client.get(LIST).content.decode()
    assert html.index(event.title) < html.index(title)
    assert "Dit item is niet meer beschikbaar" in html
    assert 'Leeslijst <span class="count-badge">(<span id="leeslijst-count">2</span>' in html


def test_empty_state_says_what_to_do(member_client):
    html = member_client.get(LIST).content.decode()
    assert "Je leeslijst is nog leeg" in html
    assert "Bewaar in leeslijst" in html


def test_filter_read_unread_and_theme(member_client, article, event, saved):
    theme = ThemeFactory()
    article.themes.add(theme)
    article.save()
    saved(article)
    item = saved(event)
    member_client.post(reverse("readinglists:item_read", args=[item.pk]), {"read": "ja"})
    read = member_client.get(LIST, {"status": "gelezen"}).content.decode()
    unread = member_client.get(LIST, {"status": "ongelezen"}).content.decode()
    assert event.title in read and article.title not in read
    assert article.title in unread and event.title not in unread
    by_theme = member_client.get(LIST, {"thema": theme.slug}).content.decode()
    assert article.title in by_theme and event.title not in by_theme


def test_mark_unread_again(member_client, article, saved):
    item = saved(article)
    member_client.post(reverse("readinglists:item_read", args=[item.pk]), {"read": "ja"})
    item.refresh_from_db()
    assert item.read_at is not None
    member_client.post(reverse("readinglists:item_read", args=[item.pk]), {"read": "nee"})
    item.refresh_from_db()
    assert item.read_at is None


def test_note_saved_and_too_long_note_is_kept_with_the_error(member_client, article, saved):
    item = saved(article)
    field = f"item-{item.pk}-note"
    url = reverse("readinglists:item_note", args=[item.pk])
    response = member_client.post(url, {field: "Lezen voor dinsdag", "next": LIST})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.note == "Lezen voor dinsdag"

    too_long = "lang " * (NOTE_MAX_LENGTH // 4)
    response = member_client.post(url, {field: too_long, "next": LIST})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Je notitie is te lang: gebruik hoogstens 500 tekens" in html
    assert too_long.strip() in html  # what was typed is still there
    assert re.search(f'aria-describedby="[^"]*id_{field}_error"', html)
    item.refresh_from_db()
    assert item.note == "Lezen voor dinsdag"


def test_remove_item_of_a_deleted_page(member_client, article, saved):
    item = saved(article)
    article.delete()
    response = member_client.post(reverse("readinglists:item_remove", args=[item.pk]))
    assert response.url == LIST
    assert not ReadingListItem.objects.exists()


def test_someone_elses_item_is_not_found(client, article, saved, django_user_model):
    item = saved(article)
    other = django_user_model.objects.create_user(email="ander@example.org", password="x")
    client.force_login(other)
    for name in ["item_read", "item_note", "item_remove"]:
        assert client.post(reverse(f"readinglists:{name}", args=[item.pk])).status_code == 404
    assert ReadingListItem.objects.filter(pk=item.pk).exists()


def test_csv_export(member_client, article, saved):
    saved(article, note="=SUM(A1)")
    response = member_client.get(reverse("readinglists:export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Titel", "Soort"]
    assert rows[1][0] == article.title
    assert rows[1][1] == "Artikel"
    assert rows[1][-1] == "'=SUM(A1)"  # a spreadsheet shows it, and runs nothing


def test_buttons_on_pages_and_cards(member_client, article, event, saved):
    saved(article)
    html = member_client.get(article.url).content.decode()
    assert html.count('aria-pressed="true"') == 1
    html = member_client.get(event.url).content.decode()
    assert 'aria-pressed="false"><span class="toggle-button__label">Bewaar in leeslijst' in html
    for path in ["/", "/artikelen/", "/evenementen/", "/themas/wonen/"]:
        html = member_client.get(path).content.decode()
        cards = html.count('class="card__title"')
        assert cards and html.count('data-action-on="/leeslijst/bewaren/"') == cards, path


def test_search_results_have_buttons_for_articles(member_client, article):
    word = max(article.title.split(), key=len)
    html = member_client.get("/zoeken/", {"q": word}).content.decode()
    assert f'name="target" value="{article.pk}"' in html
