"""The public pages through HTTP: content, bad input, error pages, robots, sitemap, health."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    ExplainerPageFactory,
    InformationPageFactory,
    OrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "page has no h1"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


@pytest.fixture
def public_pages(home, explainer_index, article, event, author):
    """One page of each kind the site serves, at the addresses the templates link to."""
    ExplainerPageFactory(
        parent=explainer_index,
        title="Wat is een integrale wijkaanpak?",
        slug="wat-is-een-integrale-wijkaanpak",
    )
    InformationPageFactory(parent=home, title="Toegankelijkheid", slug="toegankelijkheid")
    InformationPageFactory(parent=home, title="Privacy", slug="privacy")


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Wijkportaal"),
        ("/integrale-wijkaanpak/", "Integrale wijkaanpak"),
        (
            "/integrale-wijkaanpak/wat-is-een-integrale-wijkaanpak/",
            "Wat is een integrale wijkaanpak?",
        ),
        ("/artikelen/", "Artikelen"),
        ("/artikelen/samen-wonen-in-de-rivierbuurt/", "Samen wonen in de Rivierbuurt"),
        ("/evenementen/", "Evenementen"),
        ("/evenementen/?periode=afgelopen", "Afgelopen evenementen"),
        ("/evenementen/buurtavond-wonen/", "Buurtavond wonen"),
        ("/themas/", "Thema's"),
        ("/organisaties/", "Organisaties"),
        ("/auteurs/", "Auteurs"),
        ("/themas/wonen/", "Wonen"),
        ("/toegankelijkheid/", "Toegankelijkheid"),
        ("/privacy/", "Privacy"),
        ("/zoeken/", "Zoeken"),
    ],
)
def test_public_page_renders_in_dutch(client, public_pages, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert h1(response).replace("&#x27;", "'") == heading
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#inhoud"' in html
    assert 'id="inhoud"' in html


def test_article_page_shows_authors_themes_and_reading_time(client, article_index):
    organisation = OrganisationFactory()
    authors = [AuthorFactory(organisation=organisation) for _ in range(2)]
    themes = [ThemeFactory() for _ in range(2)]
    article = ArticlePageFactory(
        parent=article_index,
        body=[{"type": "paragraph", "value": "<p>" + "woord " * 500 + "</p>"}],
        terms__themes=themes,
        terms__authors=authors,
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert article.reading_time == 3
    assert "3 min lezen" in html
    for term in [*authors, *themes]:
        assert term.get_absolute_url() in html


def test_event_page_shows_when_and_where(client, event_index):
    event = EventPageFactory(parent=event_index, location="Wijkcentrum De Horst, Lindeloo")
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert event.location in html
    assert "Wanneer" in html


def test_event_index_lists_upcoming_and_past_apart(client, event_index):
    now = timezone.now()
    coming = EventPageFactory(parent=event_index, title="Straks in de buurt")
    gone = EventPageFactory(
        parent=event_index,
        title="Vorige maand in de buurt",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30, hours=-2),
    )
    upcoming = client.get("/evenementen/").content.decode()
    past = client.get("/evenementen/?periode=afgelopen").content.decode()
    assert (coming.is_past, gone.is_past) == (False, True)
    assert coming.title in upcoming and f">{coming.title}<" not in past
    assert gone.title in past and f">{gone.title}<" not in upcoming


@pytest.mark.parametrize("kind", ["themes", "organisations", "authors"])
def test_every_term_page_lists_its_articles(client, article_index, kind):
    factory = {"themes": ThemeFactory, "organisations": OrganisationFactory}.get(
        kind, AuthorFactory
    )
    term, other = factory(), factory()
    mine = [
        ArticlePageFactory(parent=article_index, **{f"terms__{kind}": [term]}) for _ in range(2)
    ]
    not_mine = ArticlePageFactory(parent=article_index, **{f"terms__{kind}": [other]})
    response = client.get(term.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for article in mine:
        assert article.title in html
    assert not_mine.title not in html


def test_articles_are_newest_first(client, article_index):
    for title, days_ago in (("Middelste", 5), ("Nieuwste", 1), ("Oudste", 9)):
        ArticlePageFactory(
            parent=article_index,
            title=title,
            publication_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        )
    html = client.get("/artikelen/").content.decode()
    positions = [html.index(title) for title in ("Nieuwste", "Middelste", "Oudste")]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=-1", "page=0", "page=99999", "page=1.5", "page=%00", "page=" + "9" * 400],
)
@pytest.mark.parametrize(
    "path", ["/artikelen/", "/evenementen/", "/themas/wonen/", "/zoeken/?q=wijk&"]
)
def test_nonsense_page_numbers_give_a_page_not_an_error(client, article, event, path, query):
    separator = "" if path.endswith("&") else "?"
    response = client.get(f"{path}{separator}{query}")
    assert response.status_code == 200


def test_page_beyond_the_last_shows_the_last(client, article_index):
    for _ in range(25):  # 12 a page
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
def test_unknown_or_odd_paths_give_the_dutch_404(client, wonen, path):
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


def test_sitemap_lists_pages_and_terms(client, article, author):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert f"<loc>{article.full_url}</loc>" in xml
    assert f"<loc>{settings.BASE_URL}/themas/wonen/</loc>" in xml
    assert f"<loc>{settings.BASE_URL}{author.get_absolute_url()}</loc>" in xml
    assert article.full_url.startswith(settings.BASE_URL)


@pytest.mark.parametrize(
    "path",
    ["/", "/artikelen/", "/themas/wonen/", "/zoeken/?q=buurt", "/evenementen/", "/bestaat-niet/"],
)
def test_visitors_get_no_cookies(client, article, event, path):
    response = client.get(path)
    assert not response.cookies, f"{path} set {list(response.cookies)}"


def test_header_navigation_marks_the_current_section(client):
    html = client.get("/artikelen/").content.decode()
    assert re.search(r'href="/artikelen/"[^>]*aria-current="page"', html)
    assert not re.search(r'href="/evenementen/"[^>]*aria-current', html)


def test_search_finds_articles_and_survives_odd_input(client, article):
    # The longest word: short ones such as "Zo" are Dutch stop words on PostgreSQL.
    word = max(article.title.split(), key=len)
    assert article.title in client.get("/zoeken/", {"q": word}).content.decode()
    for query in ["x" * 5000, "'; DROP TABLE wagtailcore_page; --", '"buurt', "🏘️", "a\x00b", "%%"]:
        assert client.get("/zoeken/", {"q": query}).status_code == 200
