"""Pages cost a fixed number of queries, however much content there is."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage, Author, Organisation, Theme
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["memory", "database"])
def cache_backend(request, settings):
    """Run each count with the test cache and with production's default, the database cache.

    With the database cache every cache read is a query, so a template that reads the cache per
    card (a page URL built without the request) would show up here as a growing count.
    """
    if request.param == "database":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "wijkportaal_cache",
            }
        }
        call_command("createcachetable", verbosity=0)
    return request.param


@pytest.fixture
def fresh_articles(article_index):
    """Replace the demo articles by `n` new ones, each with two themes, authors and an organisation."""
    ArticlePage.objects.all().delete()
    themes = list(Theme.objects.order_by("pk")[:2])
    organisation = Organisation.objects.order_by("pk").first()
    authors = list(Author.objects.order_by("pk")[:2])

    def make(n):
        for _ in range(n):
            ArticlePageFactory(
                parent=article_index,
                terms__themes=themes,
                terms__organisations=[organisation],
                terms__authors=authors,
            )
        return ArticlePage.objects.order_by("pk").first()

    return make


def count_queries(client, path) -> int:
    """What rendering `path` costs: a cookie keeps the visitors' page cache out of the way."""
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    client.get(path)  # warm Wagtail's site cache, as on a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


# Wagtail's serving costs the site, one query per level of the path and two for view
# restrictions; then the index adds restrictions, breadcrumbs, the four filter facets (theme,
# organisation, author, year: one query each), count, articles, themes, authors;
# the article adds breadcrumbs, authors, themes, organisations. The theme page (a Django view) is
# the site (for the cards' links), the theme, restrictions twice, count, articles, themes,
# authors, events and their themes.
EXPECTED = {
    "memory": {"index": 16, "theme": 10, "article": 12},
    # Plus Wagtail's cached site root paths, read once per request.
    "database": {"index": 17, "theme": 11, "article": 13},
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
