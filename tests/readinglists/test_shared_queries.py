"""A shared list's pages cost a fixed number of queries, however many items, notes and members:
the same with 5 items and 2 members as with 200 items on four kinds of page and 20 members."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, EventIndexPage, PublicationIndexPage
from pagecache.versions import content_changed
from readinglists.models import Role, SharedList, SharedListItem, SharedListMember, SharedListNote
from tests.conftest import make_member
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    PublicationPageFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db


def build(django_user_model, *, items: int, members: int) -> tuple[SharedList, Client]:
    """A list of `items` pages (articles, events, publications, and pages since deleted) with a
    note on every other item by a different member."""
    owner = make_member(django_user_model, email=f"eigenaar{items}@example.org")
    team = [owner] + [
        make_member(django_user_model, email=f"lid{items}-{n}@example.org")
        for n in range(members - 1)
    ]
    shared_list = SharedList.objects.create(name=f"Lijst van {items}")
    SharedListMember.objects.bulk_create(
        SharedListMember(
            shared_list=shared_list, user=user, role=Role.OWNER if not n else Role.EDITOR
        )
        for n, user in enumerate(team)
    )
    pages = [
        ArticlePageFactory(parent=ArticleIndexPage.objects.get(), title="Artikel een"),
        EventPageFactory(parent=EventIndexPage.objects.get(), title="Avond een"),
        PublicationPageFactory(parent=PublicationIndexPage.objects.get(), title="Rapport een"),
    ]
    if items > 5:
        pages += pages_bulk(
            ArticlePageFactory, ArticleIndexPage.objects.get(), items - 10, title="Bulk"
        )
    rows = [
        SharedListItem(
            shared_list=shared_list,
            page=page,
            title=page.title,
            position=n,
            added_by=team[n % len(team)],
        )
        for n, page in enumerate(pages, start=1)
    ]
    rows += [
        SharedListItem(shared_list=shared_list, title=f"Weg {n}", position=len(rows) + n)
        for n in range(1, items - len(rows) + 1)
    ]
    created = SharedListItem.objects.bulk_create(rows)
    SharedListNote.objects.bulk_create(
        SharedListNote(item=item, author=team[n % len(team)], text=f"Notitie {n}")
        for n, item in enumerate(created)
        if n % 2 == 0
    )
    client = Client()
    client.force_login(owner)
    return shared_list, client


def count(client, path: str) -> int:
    """The queries of a request with the list's page rendered afresh (after a publish)."""
    client.get(path)
    content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("suffix", ["", "leden/", "afdrukken/", "lijst.csv", "lijst.md", "item"])
def test_every_page_of_a_list_costs_the_same_with_200_items_and_20_members(
    django_user_model, suffix
):
    small, small_client = build(django_user_model, items=5, members=2)
    large, large_client = build(django_user_model, items=200, members=20)
    assert SharedListItem.objects.filter(shared_list=large).count() == 200
    if suffix == "item":  # the first item's own page, with its forms
        small_suffix = f"items/{small.items.order_by('position').first().pk}/"
        large_suffix = f"items/{large.items.order_by('position').first().pk}/"
    else:
        small_suffix = large_suffix = suffix
    small_count = count(small_client, f"/leeslijst/gedeeld/{small.pk}/{small_suffix}")
    large_count = count(large_client, f"/leeslijst/gedeeld/{large.pk}/{large_suffix}")
    assert large_count == small_count


def test_a_cached_list_page_costs_two_queries(django_user_model):
    """Served from the member's cached copy: the session and its member. No membership query:
    removing the member retires the copy (tests/readinglists/test_shared_pages.py,
    test_a_removed_member_loses_access_at_once)."""
    shared_list, client = build(django_user_model, items=200, members=20)
    path = f"/leeslijst/gedeeld/{shared_list.pk}/"
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(path).content.decode()
    assert "Artikel een" in html
    assert len(captured) == 2, [q["sql"] for q in captured.captured_queries]
