"""The leeslijst costs a fixed number of queries: one per request for every button and the count."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage, EventPage
from articles.page_cache import page_cache_clear
from readinglists.models import ReadingListItem

pytestmark = pytest.mark.django_db

TABLE = ReadingListItem._meta.db_table


def queries(client, path, *, render=True) -> list[str]:
    """The queries of the second request: caches warm, but the cached pages retired first
    (`fill` writes past the services that would retire them) unless `render` is false."""
    client.get(path)  # warm Wagtail's site cache, as on a running server
    if render:
        page_cache_clear()
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


def fill(member, n):
    """`n` items: every demo article and event, the rest pages that have since been deleted."""
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


# Session, member, the leeslijst ids (header count and buttons), themes for the filter, the
# paginator's count, the items with their pages. The site (for the items' URLs) is remembered
# per process (articles.memo). Wagtail's user bar costs no query: whether to show it is decided
# once, at login.
LIST_QUERIES = 6
# A member's page costs the session, the member, and ONE leeslijst query (the header count and
# every button) on top of what a visitor's costs.
MEMBER_EXTRA = 3


def test_list_costs_the_same_with_1_and_200_items(member_client, member):
    fill(member, 1)
    with_1 = queries(member_client, "/leeslijst/")
    fill(member, 200)
    with_200 = queries(member_client, "/leeslijst/")
    assert (len(with_1), len(with_200)) == (LIST_QUERIES, LIST_QUERIES)
    assert on_list_table(with_200) == 3  # the ids, the count, the items


def test_list_unchanged_since_it_was_shown_costs_the_session_and_member(member_client, member):
    fill(member, 200)
    assert len(queries(member_client, "/leeslijst/", render=False)) == 2


def test_empty_list_costs_no_more(member_client, member):
    # Nothing to page: no items query.
    assert len(queries(member_client, "/leeslijst/")) == LIST_QUERIES - 1


def test_article_page_costs_a_member_one_query_for_its_button(
    visitor, member_client, member, article
):
    visitor_sqls = queries(visitor, article.url)
    assert on_list_table(visitor_sqls) == 0
    fill(member, 25)
    member_sqls = queries(member_client, article.url)
    assert on_list_table(member_sqls) == 1
    assert len(without_follows(member_sqls)) == len(visitor_sqls) + MEMBER_EXTRA


@pytest.mark.parametrize("path", ["/artikelen/", "/", "/themas/wonen/", "/zoeken/?q=wijk"])
def test_listing_costs_one_query_for_all_buttons(visitor, member_client, member, path):
    visitor_sqls = queries(visitor, path)
    assert on_list_table(visitor_sqls) == 0
    fill(member, 25)
    member_sqls = queries(member_client, path)
    assert on_list_table(member_sqls) == 1
    assert len(without_follows(member_sqls)) == len(visitor_sqls) + MEMBER_EXTRA


def test_search_shows_20_cards_with_buttons(member_client, member):
    fill(member, 25)
    html = member_client.get("/zoeken/", {"q": "wijk"}).content.decode()
    assert html.count('data-action-on="/leeslijst/bewaren/"') >= 12
