"""The leeslijst costs a fixed number of queries: one per request for every button and the count."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage, EventPage
from pagecache.versions import content_changed
from personal.state import member_state_changed
from readinglists.models import ReadingListItem
from tests.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

TABLE = ReadingListItem._meta.db_table


def queries(client, path, *, render=True, state_of=None) -> list[str]:
    """The queries of the second request: caches warm, but the cached pages retired first
    unless `render` is false, and the cached state of member `state_of` dropped (as saving
    something does)."""
    client.get(path)  # warm Wagtail's site cache, as on a running server
    if render:
        content_changed()
    if state_of is not None:
        member_state_changed(user_id=state_of.pk)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def on_list_table(sqls) -> int:
    return sum(f'"{TABLE}"' in sql for sql in sqls)


def without_follows(sqls) -> list[str]:
    """The follows app's own queries on the same pages are counted by its tests."""
    return [sql for sql in sqls if '"follows_' not in sql]


@pytest.fixture
def visitor():
    """A visitor whose pages are rendered, not served from the visitors' page cache."""
    client = Client()
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    return client


@pytest.fixture(autouse=True)
def content(article_index, event_index, wonen):
    """Cards in every listing: articles and events about Wonen, found by "wijk"."""
    for n in range(8):
        ArticlePageFactory(
            parent=article_index, title=f"Verhaal uit de wijk {n}", terms__themes=[wonen]
        )
    for n in range(4):
        EventPageFactory(parent=event_index, title=f"Avond in de wijk {n}", terms__themes=[wonen])


def fill(member, n):
    """`n` items: every article and event, the rest pages that have since been deleted."""
    pages = [*ArticlePage.objects.order_by("pk"), *EventPage.objects.order_by("pk")][:n]
    ReadingListItem.objects.filter(user=member).delete()
    now = timezone.now()
    ReadingListItem.objects.bulk_create(
        [
            ReadingListItem(user=member, title=f"Weg {i}", created_at=now - timedelta(days=1))
            for i in range(n - len(pages))
        ]
        + [ReadingListItem(user=member, page=page, title=page.title) for page in pages]
    )


# Session, member, their state after a change (the leeslijst ids for the header count and
# buttons, and the follows: one query each, else from the cache), themes for the filter, the
# paginator's count, the items with their pages and dates, and the themes of all the items on
# the page. The site (for the items' URLs) is remembered per process (pagecache.memo).
# Wagtail's user bar costs no query: whether to show it is decided once, at login.
LIST_QUERIES = 8
# A member's page costs the session, the member, and after a change ONE leeslijst query (the
# header count and every button) on top of what a visitor's costs; then none.
MEMBER_EXTRA = 3


def test_list_costs_the_same_with_1_and_200_items(member_client, member):
    fill(member, 1)
    with_1 = queries(member_client, "/leeslijst/", state_of=member)
    fill(member, 200)
    with_200 = queries(member_client, "/leeslijst/", state_of=member)
    assert (len(with_1), len(with_200)) == (LIST_QUERIES, LIST_QUERIES)
    assert on_list_table(with_200) == 3  # the ids, the count, the items


def test_list_unchanged_since_it_was_shown_costs_the_session_and_member(member_client, member):
    fill(member, 200)
    assert len(queries(member_client, "/leeslijst/", render=False)) == 2


def test_empty_list_costs_no_more(member_client, member):
    # Nothing to page: no items query, and no themes to read.
    assert len(queries(member_client, "/leeslijst/", state_of=member)) == LIST_QUERIES - 2


@pytest.mark.parametrize("sort", ["bewaard", "gepubliceerd", "evenement"])
def test_every_order_costs_the_same(member_client, member, sort):
    fill(member, 12)
    path = f"/leeslijst/?sorteer={sort}&status=ongelezen"
    assert len(queries(member_client, path, state_of=member)) == LIST_QUERIES


def test_article_page_costs_a_member_one_query_for_its_button(
    visitor, member_client, member, article
):
    visitor_sqls = queries(visitor, article.url)
    assert on_list_table(visitor_sqls) == 0
    fill(member, 25)
    member_sqls = queries(member_client, article.url, state_of=member)
    assert on_list_table(member_sqls) == 1
    assert len(without_follows(member_sqls)) == len(visitor_sqls) + MEMBER_EXTRA
    assert on_list_table(queries(member_client, article.url)) == 0


@pytest.mark.parametrize("path", ["/artikelen/", "/", "/themas/wonen/", "/zoeken/?q=wijk"])
def test_listing_costs_one_query_for_all_buttons(visitor, member_client, member, path):
    visitor_sqls = queries(visitor, path)
    assert on_list_table(visitor_sqls) == 0
    fill(member, 25)
    member_sqls = queries(member_client, path, state_of=member)
    assert on_list_table(member_sqls) == 1
    assert len(without_follows(member_sqls)) == len(visitor_sqls) + MEMBER_EXTRA
    assert on_list_table(queries(member_client, path)) == 0
    assert 'data-action-on="/leeslijst/bewaren/"' in member_client.get(path).content.decode()


def test_search_shows_20_cards_with_buttons(member_client, member, article_index):
    for n in range(10):
        ArticlePageFactory(parent=article_index, title=f"Nieuws uit de wijk {n}")
    fill(member, 25)
    html = member_client.get("/zoeken/", {"q": "wijk"}).content.decode()
    assert html.count('data-action-on="/leeslijst/bewaren/"') == 20
