"""Pages cost a fixed number of queries, however much content there is."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from pagecache.versions import content_changed, snippet_changed
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    ThemeFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["memory", "database"])
def cache_backend(request, settings):
    """Run each count with the test cache and with production's caches without Redis, in the database.

    With the database cache every cache read is a query, so a template that reads the cache per
    card (a page URL built without the request) would show up here as a growing count.
    """
    if request.param == "database":
        settings.CARD_CACHE = False  # as in production without Redis
        settings.CACHES = {
            alias: {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
            for alias, table in (
                ("default", "wijkportaal_cache"),
                ("pages", "wijkportaal_page_cache"),
            )
        }
        call_command("createcachetable", verbosity=0)
    return request.param


@pytest.fixture
def fresh_articles(article_index, event_index, wonen, organisation, author):
    """`make(n)` adds `n` articles, each with two themes (one of them Wonen), two authors and an
    organisation, and returns the first; Wonen has two coming events."""
    themes = [wonen, ThemeFactory()]
    authors = [author, AuthorFactory(organisation=organisation)]
    for _ in range(2):
        EventPageFactory(parent=event_index, terms__themes=themes)

    def make(n):
        pages_bulk(
            ArticlePageFactory,
            article_index,
            n,
            themes=themes,
            organisations=[organisation],
            authors=authors,
        )
        return ArticlePage.objects.order_by("pk").first()

    return make


def count_queries(client, path, *, retire=("pages", "cards")) -> int:
    """What serving `path` again costs, after retiring the cached `pages` and/or `cards` (what
    publishing or editing a term does; the factories write past those signals). A cookie keeps
    the visitors' page cache out of the way, as a member's session would."""
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    content_changed()
    client.get(path)  # warm Wagtail's site cache, as on a running server
    if "pages" in retire:
        content_changed()
    if "cards" in retire:
        snippet_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


# Rendering with nothing cached. Wagtail's serving costs one query per level of the path (the
# site and the view restrictions are remembered per process: pagecache.memo). The index then
# reads its listing index (`articles.listing_index`: the pages in order, and their links to
# terms with the terms: two queries, once per process after each publish), which filters and
# counts every facet in memory; then one page of articles and the terms of their cards. The
# article adds breadcrumbs, authors, themes, organisations, places. The theme page (a Django view) is the
# theme, the index of all content (which holds its items, coming events, chosen pages and
# dossier), the pages shown (one query whatever their types) and the terms of their cards.
EXPECTED = {
    "memory": {"index": 7, "theme": 5, "article": 9},
    # Plus the shared-page cache's read (the versions and the page, in one query) and the
    # database cache's write of the page. Cards are not cached without Redis.
    "database": {"index": 13, "theme": 11, "article": 15},
}
# After a publish the other cards are still cached: their terms need not be read.
AFTER_PUBLISH = {
    "memory": {"index": 6, "theme": 4},
    "database": {"index": 13, "theme": 11},
}


@pytest.mark.parametrize(("kind", "path"), [("index", "/artikelen/"), ("theme", "/themas/wonen/")])
def test_listings_cost_the_same_with_3_and_30_articles(
    client, fresh_articles, cache_backend, kind, path
):
    fresh_articles(3)
    with_3 = count_queries(client, path)
    fresh_articles(27)
    with_30 = count_queries(client, path)
    assert (with_3, with_30) == (EXPECTED[cache_backend][kind],) * 2


@pytest.mark.parametrize(("kind", "path"), [("index", "/artikelen/"), ("theme", "/themas/wonen/")])
def test_a_listing_after_a_publish_reuses_its_cards(
    client, fresh_articles, cache_backend, kind, path
):
    fresh_articles(30)
    assert count_queries(client, path, retire=("pages",)) == AFTER_PUBLISH[cache_backend][kind]


def test_article_page_costs_the_same_with_3_and_30_articles(client, fresh_articles, cache_backend):
    article = fresh_articles(3)
    with_3 = count_queries(client, article.url)
    fresh_articles(27)
    with_30 = count_queries(client, article.url)
    assert (with_3, with_30) == (EXPECTED[cache_backend]["article"],) * 2


def test_home_page_query_count_is_fixed(client, fresh_articles):
    fresh_articles(3)
    with_3 = count_queries(client, "/")
    fresh_articles(27)
    assert count_queries(client, "/") == with_3


#: Served again from the shared-page cache: nothing with the in-memory cache; with the database
#: cache, one query for the page and the versions it was stored under.
SERVED = {"memory": 0, "database": 1}


@pytest.mark.parametrize("path", ["/", "/artikelen/", "/themas/wonen/", "/evenementen/"])
def test_a_rendered_page_is_served_again_without_rendering(
    client, fresh_articles, cache_backend, path
):
    fresh_articles(3)
    assert count_queries(client, path, retire=()) == SERVED[cache_backend]
