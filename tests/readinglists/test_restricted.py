"""Pages under a view restriction the member does not meet cannot be saved, and a saved item
whose page became restricted shows neither its title nor its address."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.exports import user_export
from readinglists import services
from readinglists.models import ReadingListItem
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Vertrouwelijk verslag wijkoverleg"
SECRET_SLUG = "vertrouwelijk-verslag-wijkoverleg"
PASSED = PageViewRestriction.passed_view_restrictions_session_key


@pytest.fixture
def secret(article_index):
    return ArticlePageFactory(parent=article_index, title=SECRET_TITLE, slug=SECRET_SLUG)


def restrict(page, kind, **fields) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def by_password(page):
    return restrict(page, PageViewRestriction.PASSWORD, password="buurtgeheim")


def by_group(page, group):
    restriction = restrict(page, PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    return restriction


def save(client, page, **headers):
    return client.post(reverse("readinglists:add"), {"target": page.pk}, headers=headers)


def assert_refused(response):
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()
    assert not ReadingListItem.objects.exists()


def test_a_password_page_cannot_be_saved_by_its_id(member_client, secret):
    by_password(secret)
    assert_refused(save(member_client, secret))
    assert_refused(save(member_client, secret, accept="application/json"))


def test_a_page_under_a_restricted_section_cannot_be_saved(member_client, secret, article_index):
    by_password(article_index)
    assert_refused(save(member_client, secret))


def test_a_group_page_can_be_saved_by_its_group_only(member_client, member, secret):
    group = Group.objects.create(name="Wijkteam Noord")
    by_group(secret, group)
    assert_refused(save(member_client, secret))

    member.groups.add(group)
    assert save(member_client, secret).status_code == 302
    assert ReadingListItem.objects.filter(user=member, page=secret).exists()


def test_a_password_page_can_be_saved_once_the_password_was_given(member_client, member, secret):
    restriction = by_password(secret)
    session = member_client.session
    session[PASSED] = [restriction.pk]
    session.save()
    assert save(member_client, secret).status_code == 302
    assert ReadingListItem.objects.filter(user=member, page=secret).exists()


def test_removing_a_restricted_page_by_its_id_says_nothing_about_it(member_client, secret):
    by_password(secret)
    response = member_client.post(reverse("readinglists:remove"), {"target": secret.pk})
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


def test_the_visitor_intent_does_not_save_a_restricted_page(member, secret):
    by_password(secret)
    message = services.reading_list_intent_add(member, {"target": secret.pk})
    assert SECRET_TITLE not in message
    assert "niet meer beschikbaar" in message
    assert not ReadingListItem.objects.exists()


@pytest.fixture
def saved_then_restricted(member, secret):
    """Saved while public (or through the old leak); restricted since."""
    item = ReadingListItem.objects.create(user=member, page=secret, title=SECRET_TITLE)
    by_password(secret)
    return item


def test_the_leeslijst_no_longer_shows_a_restricted_item(member_client, saved_then_restricted):
    html = member_client.get(reverse("readinglists:list")).content.decode()
    assert SECRET_TITLE not in html
    assert SECRET_SLUG not in html
    assert "niet meer beschikbaar" in html


def test_the_csv_and_the_avg_export_no_longer_show_a_restricted_item(
    member_client, member, saved_then_restricted
):
    response = member_client.get(reverse("readinglists:export"))
    text = response.content.decode("utf-8-sig")
    assert SECRET_TITLE not in text
    assert SECRET_SLUG not in text
    [row] = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert (row["Beschikbaar"], row["Adres"], row["Datum"], row["Thema's"]) == ("nee", "", "", "")

    [entry] = user_export(user=member)["leeslijst"]
    assert SECRET_TITLE not in str(entry)
    assert SECRET_SLUG not in str(entry)
    assert entry["beschikbaar"] is False


def test_messages_about_a_restricted_item_leave_its_title_out(member_client, saved_then_restricted):
    item = saved_then_restricted
    response = member_client.post(
        reverse("readinglists:item_read", args=[item.pk]), {"read": "ja"}, follow=True
    )
    assert response.status_code == 200
    assert SECRET_TITLE not in response.content.decode()
    response = member_client.post(reverse("readinglists:item_remove", args=[item.pk]), follow=True)
    assert SECRET_TITLE not in response.content.decode()
    assert not ReadingListItem.objects.exists()


@pytest.mark.parametrize("side", ["member", "group"])
def test_an_item_shows_again_and_hides_again_as_the_member_joins_and_leaves_the_group(
    member_client, member, secret, side
):
    group = Group.objects.create(name="Wijkteam Zuid")
    ReadingListItem.objects.create(user=member, page=secret, title=SECRET_TITLE)
    by_group(secret, group)

    def shown():
        return SECRET_TITLE in member_client.get(reverse("readinglists:list")).content.decode()

    members = member.groups if side == "member" else group.user_set
    joined = group if side == "member" else member

    assert not shown()
    members.add(joined)
    assert shown()
    members.clear()
    assert not shown()
