"""The leeslijst marks an item whose page changed in substance since the member saved it:
"Gewijzigd sinds je het bewaarde", with the change notes since then, the newest first. Small
corrections and changes from before the save do not count. A fixed number of queries."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from pagecache.versions import content_changed
from personal.state import member_state_changed
from readinglists.models import ReadingListItem
from tests.articles.changes import ago, change_publish, dossier, explainer, publication
from tests.factories import ArticlePageFactory
from tests.readinglists.test_queries import LIST_QUERIES

pytestmark = pytest.mark.django_db

MARK = "Gewijzigd sinds je het bewaarde"


def rows(html: str) -> dict[str, str]:
    """{title: the row's HTML}."""
    found = {}
    for row in re.findall(r'<li class="reading-row.*?</article>', html, re.S):
        title = re.search(r'class="reading-row__title"[^>]*>(?:<a[^>]*>)?([^<]+)<', row).group(1)
        found[unescape(title)] = row
    return found


def notes(row: str) -> list[str]:
    listed = re.search(r'<ul class="reading-row__changes">(.*?)</ul>', row, re.S)
    if not listed:
        return []
    return [unescape(note) for note in re.findall(r"</time>: ([^<]*)</li>", listed.group(1))]


def test_a_page_changed_since_it_was_saved_is_marked_with_the_notes_since(
    member_client, saved, explainer_index, publication_index, article_index
):
    changed = explainer(explainer_index, title="Wat is een integrale wijkaanpak?")
    corrected = publication(publication_index, title="Handreiking wijkaanpak")
    article = ArticlePageFactory(parent=article_index, title="Een artikel")
    change_publish(changed, "Van voor het bewaren.", at=ago(days=20))
    for page in (changed, corrected, article):
        saved(page, created_at=ago(days=10))
    change_publish(changed, "Nieuwe cijfers over 2026.", at=ago(days=5))
    change_publish(changed, "Hoofdstuk over de Wet betaalbare huur herschreven.", at=ago(days=1))
    change_publish(changed, kind="minor")
    change_publish(corrected, kind="minor")

    found = rows(member_client.get("/leeslijst/").content.decode())
    assert MARK in found["Wat is een integrale wijkaanpak?"]
    assert notes(found["Wat is een integrale wijkaanpak?"]) == [
        "Hoofdstuk over de Wet betaalbare huur herschreven.",
        "Nieuwe cijfers over 2026.",
    ]
    assert MARK not in found["Handreiking wijkaanpak"]
    assert MARK not in found["Een artikel"]


def test_an_item_saved_after_the_change_is_not_marked(member_client, saved, explainer_index):
    page = explainer(explainer_index, title="Wijk of buurt?")
    item = saved(page, created_at=ago(days=10))
    change_publish(page, "Nieuwe indeling in buurten.", at=ago(days=2))
    assert MARK in member_client.get("/leeslijst/").content.decode()
    ReadingListItem.objects.filter(pk=item.pk).update(created_at=ago(days=1))
    member_state_changed(user_id=item.user_id)
    assert MARK not in member_client.get("/leeslijst/").content.decode()


def test_a_page_the_member_may_no_longer_view_shows_no_notes(member_client, saved, explainer_index):
    page = explainer(explainer_index, title="Besloten uitleg")
    saved(page, created_at=ago(days=10))
    change_publish(page, "Geheime wijziging.", at=ago(days=2))
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    content_changed()
    html = member_client.get("/leeslijst/").content.decode()
    assert "Geheime wijziging." not in html and MARK not in html


def list_queries(client, member) -> int:
    client.get("/leeslijst/")
    content_changed()
    member_state_changed(user_id=member.pk)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/leeslijst/").status_code == 200
    return len(queries)


def test_the_list_costs_one_query_more_with_5_or_50_changed_items(
    member_client, member, saved, explainer_index, publication_index, dossier_index
):
    makers = (
        lambda n: explainer(explainer_index, title=f"Uitleg {n}"),
        lambda n: publication(publication_index, title=f"Publicatie {n}"),
        lambda n: dossier(dossier_index, title=f"Dossier {n}"),
    )
    pages = [makers[n % 3](n) for n in range(50)]
    for page in pages:
        saved(page, created_at=ago(days=10))
    assert list_queries(member_client, member) == LIST_QUERIES  # nothing changed: no more
    for page in pages[:5]:
        change_publish(page, f"Wijziging in {page.title}.", at=ago(days=1))
    with_5 = list_queries(member_client, member)
    for page in pages[5:]:
        change_publish(page, f"Wijziging in {page.title}.", at=ago(days=1))
        change_publish(page, f"Nog een wijziging in {page.title}.", at=ago(hours=1))
    with_50 = list_queries(member_client, member)
    html = member_client.get("/leeslijst/").content.decode()
    assert html.count(MARK) == 50
    assert (with_5, with_50) == (LIST_QUERIES + 1, LIST_QUERIES + 1)
