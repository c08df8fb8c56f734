"""Listings: a valid filter form, the chosen filters as chips that each take one filter away, and
breadcrumbs on the term pages and their indexes."""

import datetime
import html as html_lib
import re

import pytest

from tests.factories import ArticlePageFactory, OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def chips(html: str) -> dict[str, str]:
    """{accessible name: address} of every chip."""
    found = re.findall(r'<a class="filter-chip" href="([^"]*)" aria-label="([^"]*)">', html)
    return {html_lib.unescape(name): html_lib.unescape(url) for url, name in found}


def crumbs(html: str) -> list[str]:
    nav = html[html.index('aria-label="Kruimelpad"') :]
    nav = nav[: nav.index("</nav>")]
    links = re.findall(r'<a class="utrecht-link" href="([^"]*)">([^<]*)</a>', nav)
    current = re.search(r'<span aria-current="page">([^<]*)</span>', nav).group(1)
    return [html_lib.unescape(f"{title} {url}") for url, title in links] + [
        html_lib.unescape(current)
    ]


@pytest.fixture
def listed(article_index):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    other = ThemeFactory(name="Zorg & welzijn", slug="zorg")
    organisation = OrganisationFactory(name="Buurtteam Noord", slug="buurtteam-noord")
    ArticlePageFactory(
        parent=article_index,
        publication_date=datetime.date(2024, 3, 1),
        terms__themes=[theme, other],
        terms__organisations=[organisation],
    )


def test_the_filter_form_posts_to_the_listing_itself(client, listed):
    html = client.get("/artikelen/").content.decode()
    assert '<form class="filters__form" method="get" action="/artikelen/">' in html
    assert 'action=""' not in html


def test_no_chips_without_filters(client, listed):
    html = client.get("/artikelen/").content.decode()
    assert chips(html) == {}
    assert "Gekozen filters" not in html
    assert '<summary class="filter-panel__summary">Filters</summary>' in html


def test_each_chosen_value_is_a_chip_that_takes_only_itself_away(client, listed):
    path = "/artikelen/?thema=wonen&thema=zorg&organisatie=buurtteam-noord&page=2"
    html = client.get(path).content.decode()
    assert chips(html) == {
        "Filter Thema: Wonen weghalen": "/artikelen/?thema=zorg&organisatie=buurtteam-noord",
        "Filter Thema: Zorg & welzijn weghalen": "/artikelen/?thema=wonen&organisatie=buurtteam-noord",
        "Filter Organisatie: Buurtteam Noord weghalen": "/artikelen/?thema=wonen&thema=zorg",
    }
    assert "(3 actief)" in html
    assert 'href="/artikelen/">Alle filters wissen</a>' in html


def test_the_last_chip_goes_back_to_the_whole_listing(client, listed):
    html = client.get("/artikelen/?jaar=2024").content.decode()
    assert chips(html) == {"Filter Jaar: 2024 weghalen": "/artikelen/"}


def test_a_value_that_matches_nothing_gets_no_chip_but_can_be_cleared(client, listed):
    html = client.get("/artikelen/?thema=bestaat-niet").content.decode()
    assert chips(html) == {}
    assert "Alle filters wissen" in html


def test_event_chips_keep_the_period(client, event_index, wonen):
    html = client.get("/evenementen/?periode=afgelopen&thema=wonen").content.decode()
    assert chips(html) == {"Filter Thema: Wonen weghalen": "/evenementen/?periode=afgelopen"}


def test_search_chips_keep_the_search_words(client, listed):
    html = client.get("/zoeken/", {"q": "samen", "type": "artikel"}).content.decode()
    assert '<form class="filters__form" method="get" action="/zoeken/">' in html
    assert chips(html) == {"Filter Type: Artikel weghalen": "/zoeken/?q=samen"}


def test_term_page_has_breadcrumbs_to_its_index(client, wonen):
    html = client.get(wonen.get_absolute_url()).content.decode()
    assert crumbs(html) == ["Home /", "Thema's /themas/", "Wonen"]


def test_organisation_and_author_pages_have_breadcrumbs(client, author, organisation):
    assert crumbs(client.get(organisation.get_absolute_url()).content.decode()) == [
        "Home /",
        "Organisaties /organisaties/",
        organisation.name,
    ]
    assert crumbs(client.get(author.get_absolute_url()).content.decode()) == [
        "Home /",
        "Auteurs /auteurs/",
        author.name,
    ]


@pytest.mark.parametrize(
    ("path", "title"), [("/themas/", "Thema's"), ("/organisaties/", "Organisaties")]
)
def test_term_indexes_have_breadcrumbs(client, db, path, title):
    assert crumbs(client.get(path).content.decode()) == ["Home /", title]
