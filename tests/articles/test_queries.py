"""Pages cost a fixed number of queries, however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage, Author, Organisation, Theme
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


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
    client.get(path)  # warm Wagtail's site cache, as on a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


# Wagtail's serving costs the site, one query per level of the path and two for view
# restrictions; then the index adds restrictions, breadcrumbs, count, articles, themes, authors;
# the article adds breadcrumbs, authors, themes, organisations. The theme page (a Django view) is
# the theme, restrictions twice, count, articles, themes, authors, events and their themes.
EXPECTED = {"index": 12, "theme": 9, "article": 12}


@pytest.mark.parametrize(("kind", "path"), [("index", "/artikelen/"), ("theme", "/themas/wonen/")])
def test_listings_cost_the_same_with_3_and_30_articles(client, fresh_articles, kind, path):
    fresh_articles(3)
    with_3 = count_queries(client, path)
    fresh_articles(27)
    with_30 = count_queries(client, path)
    assert with_3 == with_30 == EXPECTED[kind]


def test_article_page_costs_the_same_with_3_and_30_articles(client, fresh_articles):
    article = fresh_articles(3)
    with_3 = count_queries(client, article.url)
    fresh_articles(27)
    with_30 = count_queries(client, article.url)
    assert with_3 == with_30 == EXPECTED["article"]


def test_home_page_query_count_is_fixed(client, fresh_articles):
    fresh_articles(3)
    with_3 = count_queries(client, "/")
    fresh_articles(27)
    assert count_queries(client, "/") == with_3
