"""Visitors get pages from the full-page cache; members and edits never see stale pages."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


@pytest.mark.parametrize("path", ["/", "/artikelen/", "/themas/wonen/", "/evenementen/"])
def test_visitors_second_request_costs_no_query(client, article, event, path):
    first, _ = get(client, path)
    second, queries = get(client, path)
    assert first.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert queries == 0
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60, s-maxage=600, stale-while-revalidate=30"


def test_anyone_with_a_session_or_csrf_cookie_gets_a_fresh_page(client, editor, article):
    get(client, "/artikelen/")
    client.force_login(editor)
    response, queries = get(client, "/artikelen/")
    assert "X-Cache" not in response
    assert queries > 0
    assert response["Cache-Control"] == "private, no-cache"
    client.logout()
    client.cookies[settings.CSRF_COOKIE_NAME] = "token"
    assert "X-Cache" not in get(client, "/artikelen/")[0]


def test_searches_are_cached_like_pages(client, article):
    # A query is asked again and again ("buurtteam", "wijkaanpak"); a new one costs one write.
    first, _ = get(client, "/zoeken/?q=rivierbuurt")
    assert first["X-Cache"] == "miss"
    assert article.title in first.content.decode()
    assert get(client, "/zoeken/?q=rivierbuurt")[0]["X-Cache"] == "hit"


@pytest.mark.parametrize("path", ["/health/", "/bestaat-niet/"])
def test_health_and_errors_are_not_cached(client, path):
    get(client, path)
    assert "X-Cache" not in get(client, path)[0]


def test_publishing_a_change_refreshes_the_cached_pages(client, article):
    assert article.title in get(client, "/artikelen/")[0].content.decode()
    get(client, article.url)
    get(client, "/")
    assert get(client, article.url)[0]["X-Cache"] == "hit"

    article.title = "Een nieuwe titel voor dit artikel"
    article.save_revision().publish()
    for path in ("/artikelen/", article.url, "/"):
        response, _ = get(client, path)
        assert response["X-Cache"] == "miss"
        assert "Een nieuwe titel voor dit artikel" in response.content.decode()


def test_unpublishing_removes_the_page_from_cached_listings(client, article):
    assert article.title in get(client, "/artikelen/")[0].content.decode()
    article.unpublish()
    assert article.title not in get(client, "/artikelen/")[0].content.decode()
    assert get(client, article.url)[0].status_code == 404


def test_editing_a_term_refreshes_the_pages_that_show_it(client, wonen):
    theme = wonen
    assert get(client, "/themas/wonen/")[0].status_code == 200
    theme.description = "Een nieuwe beschrijving van het thema wonen."
    theme.save()
    response, _ = get(client, "/themas/wonen/")
    assert response["X-Cache"] == "miss"
    assert "Een nieuwe beschrijving van het thema wonen." in response.content.decode()


def test_a_new_slug_for_the_home_page_renews_the_remembered_root_paths(
    member_client, home, article, django_capture_on_commit_callbacks
):
    """Each process remembers the sites' root paths; a home page under a new slug moves every
    page inside the tree, so the remembered paths must follow at once (else no link resolves)."""
    link = f'href="/artikelen/{article.slug}/"'
    assert link in member_client.get("/artikelen/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        home.slug = "start"
        home.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).url_path.startswith("/start/")
    response = member_client.get("/artikelen/")
    assert response.status_code == 200
    assert link in response.content.decode()
