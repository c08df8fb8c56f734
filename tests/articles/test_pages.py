"""The public pages through HTTP: content, bad input, error pages, robots, sitemap, health."""

import re

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.views.defaults import server_error

from articles.models import ArticlePage, Author, EventPage, Organisation, Theme

pytestmark = pytest.mark.django_db


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "page has no h1"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Wijkportaal"),
        ("/integrale-wijkaanpak/", "Integrale wijkaanpak"),
        (
            "/integrale-wijkaanpak/wat-is-een-integrale-wijkaanpak/",
            "Wat is een integrale wijkaanpak?",
        ),
        (
            "/integrale-wijkaanpak/wanneer-is-een-integrale-wijkaanpak-nodig/",
            "Wanneer is een integrale wijkaanpak nodig?",
        ),
        ("/integrale-wijkaanpak/welke-partijen-zijn-betrokken/", "Welke partijen zijn betrokken?"),
        ("/integrale-wijkaanpak/wijk-of-buurt/", "Wijk of buurt?"),
        ("/integrale-wijkaanpak/beleidsgeschiedenis/", "Beleidsgeschiedenis"),
        ("/integrale-wijkaanpak/meer-informatie-en-handvatten/", "Meer informatie en handvatten"),
        ("/artikelen/", "Artikelen"),
        ("/evenementen/", "Evenementen"),
        ("/evenementen/?periode=afgelopen", "Afgelopen evenementen"),
        ("/themas/", "Thema's"),
        ("/organisaties/", "Organisaties"),
        ("/auteurs/", "Auteurs"),
        ("/themas/wonen/", "Wonen"),
        ("/toegankelijkheid/", "Toegankelijkheid"),
        ("/privacy/", "Privacy"),
        ("/zoeken/", "Zoeken"),
    ],
)
def test_public_page_renders_in_dutch(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert h1(response).replace("&#x27;", "'") == heading
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#inhoud"' in html
    assert 'id="inhoud"' in html


def test_article_page_shows_authors_themes_and_reading_time(client):
    article = ArticlePage.objects.get(slug=ArticlePage.objects.order_by("pk").first().slug)
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{article.reading_time} min lezen" in html
    for link in article.article_authors.all():
        assert link.author.get_absolute_url() in html
    for theme in article.themes.all():
        assert theme.get_absolute_url() in html


def test_event_page_shows_when_and_where(client):
    event = EventPage.objects.filter(location__gt="").order_by("pk").first()
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert event.location in html
    assert "Wanneer" in html


def test_event_index_lists_upcoming_and_past_apart(client):
    upcoming = client.get("/evenementen/").content.decode()
    past = client.get("/evenementen/?periode=afgelopen").content.decode()
    for event in EventPage.objects.all():
        listing = past if event.is_past else upcoming
        other = upcoming if event.is_past else past
        assert event.title in listing
        assert f">{event.title}<" not in other


@pytest.mark.parametrize("model", [Theme, Organisation, Author])
def test_every_term_page_lists_its_articles(client, model):
    for term in model.objects.all():
        response = client.get(term.get_absolute_url())
        assert response.status_code == 200
        articles = ArticlePage.objects.live().filter(**{term.article_lookup: term})
        for article in articles.order_by("-publication_date", "-pk")[:12]:
            assert article.title in response.content.decode()


def test_articles_are_newest_first(client):
    html = client.get("/artikelen/").content.decode()
    newest = ArticlePage.objects.live().order_by("-publication_date", "-pk")[:3]
    positions = [html.index(article.title) for article in newest]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=-1", "page=0", "page=99999", "page=1.5", "page=%00", "page=" + "9" * 400],
)
@pytest.mark.parametrize(
    "path", ["/artikelen/", "/evenementen/", "/themas/wonen/", "/zoeken/?q=wijk&"]
)
def test_nonsense_page_numbers_give_a_page_not_an_error(client, path, query):
    separator = "" if path.endswith("&") else "?"
    response = client.get(f"{path}{separator}{query}")
    assert response.status_code == 200


def test_page_beyond_the_last_shows_the_last(client, article_index):
    from tests.factories import ArticlePageFactory

    for _ in range(15):
        ArticlePageFactory(parent=article_index)
    html = client.get("/artikelen/?page=99999").content.decode()
    assert "Pagina 3 van 3" in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/bestaat-niet/",
        "/themas/bestaat-niet/",
        "/organisaties/bestaat-niet/",
        "/auteurs/bestaat-niet/",
        "/artikelen/bestaat-niet/",
        "/evenementen/bestaat-niet/",
        "/integrale-wijkaanpak/bestaat-niet/",
        "/themas/%3Cscript%3E/",
        "/themas/..%2F..%2Fetc/",
        "/themas/" + "a" * 300 + "/",
        "/themas/w%C3%B6nen/",
        "/artikelen/%00/",
    ],
)
def test_unknown_or_odd_paths_give_the_dutch_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_500_page_is_dutch_and_leaks_nothing():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "Traceback" not in html
    assert 'lang="nl"' in html


def test_health_answers_when_the_database_does(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "redis": "uit"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    from django.db import connection

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "onbereikbaar"


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_pages_and_terms(client):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    article = ArticlePage.objects.live().first()
    assert f"<loc>{article.full_url}</loc>" in xml
    assert f"<loc>{settings.BASE_URL}/themas/wonen/</loc>" in xml
    author = Author.objects.first()
    assert f"<loc>{settings.BASE_URL}{author.get_absolute_url()}</loc>" in xml
    assert article.full_url.startswith(settings.BASE_URL)


@pytest.mark.parametrize(
    "path",
    ["/", "/artikelen/", "/themas/wonen/", "/zoeken/?q=buurt", "/evenementen/", "/bestaat-niet/"],
)
def test_visitors_get_no_cookies(client, path):
    response = client.get(path)
    assert not response.cookies, f"{path} set {list(response.cookies)}"


def test_header_navigation_marks_the_current_section(client):
    html = client.get("/artikelen/").content.decode()
    assert re.search(r'href="/artikelen/"[^>]*aria-current="page"', html)
    assert not re.search(r'href="/evenementen/"[^>]*aria-current', html)


def test_search_finds_articles_and_survives_odd_input(client):
    article = ArticlePage.objects.live().first()
    # The longest word: short ones such as "Zo" are Dutch stop words on PostgreSQL.
    word = max(article.title.split(), key=len)
    assert article.title in client.get("/zoeken/", {"q": word}).content.decode()
    for query in ["x" * 5000, "'; DROP TABLE wagtailcore_page; --", '"buurt', "🏘️", "a\x00b", "%%"]:
        assert client.get("/zoeken/", {"q": query}).status_code == 200
