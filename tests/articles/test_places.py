"""Places (gebieden) end to end, through HTTP: the hierarchy and its rules (in the admin too),
/gebieden/ by gemeente with counts, a place's page with what is about it and about the places in
it, its Atom feed and calendar, the place filter of listings and search (a gemeente takes in its
wijken and buurten, old `?gemeente=` addresses keep working), place names in search, and a fixed
number of queries."""

import datetime
import re
from html import unescape

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from articles.models import ArticlePage, Place
from tests.articles.test_admin import add_page
from tests.articles.test_practice_examples import facet_counts
from tests.articles.test_publications import card_of, card_titles, html_of
from tests.articles.test_queries import count_queries
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    PlaceFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    ThemeFactory,
    ago,
    pages_bulk,
    published,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(places, article_index, event_index, publication_index, example_index):
    """An article about Bloemhof, one about Rotterdam-Zuid, one about Schiedam; an event coming
    in Feijenoord and one past; a publication about Charlois; a practice example in Feijenoord
    (its gemeente Rotterdam, its area the wijk)."""
    return {
        "bloemhof": published(
            ArticlePageFactory(
                parent=article_index,
                title="Schoolplein in Bloemhof",
                terms__places=[places["bloemhof"]],
            ),
            at=ago(days=3),
        ),
        "zuid": published(
            ArticlePageFactory(
                parent=article_index,
                title="Tien jaar Zuid",
                terms__places=[places["rotterdam-zuid"]],
            ),
            at=ago(days=2),
        ),
        "schiedam": published(
            ArticlePageFactory(
                parent=article_index,
                title="Nieuws uit Nieuwland",
                terms__places=[places["schiedam-nieuwland"]],
            ),
            at=ago(days=1),
        ),
        "event": EventPageFactory(
            parent=event_index,
            title="Wijkavond Feijenoord",
            terms__places=[places["feijenoord"]],
        ),
        "past": EventPageFactory(
            parent=event_index,
            title="Oude avond Feijenoord",
            start=timezone.now() - datetime.timedelta(days=30),
            end=timezone.now() - datetime.timedelta(days=30, hours=-2),
            terms__places=[places["feijenoord"]],
        ),
        "publication": published(
            PublicationPageFactory(
                parent=publication_index,
                title="Onderzoek Charlois",
                terms__places=[places["charlois"]],
            ),
            at=ago(days=4),
        ),
        "example": published(
            PracticeExamplePageFactory(
                parent=example_index,
                title="Buurtkamer Feijenoord",
                municipality=places["rotterdam"],
                area=places["feijenoord"],
            ),
            at=ago(days=5),
        ),
    }


# The hierarchy ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "parent", "error"),
    [
        ("gemeente", None, None),
        ("focusgebied", "rotterdam", None),
        ("wijk", "rotterdam", None),
        ("wijk", "rotterdam-zuid", None),
        ("buurt", "feijenoord", None),
        ("buurt", "rotterdam-zuid", None),
        ("gemeente", "rotterdam", "Een gemeente ligt niet in een ander gebied."),
        ("focusgebied", "feijenoord", "Een focusgebied ligt in een gemeente."),
        ("focusgebied", "rotterdam-zuid", "Een focusgebied ligt in een gemeente."),
        ("wijk", "bloemhof", "Een wijk ligt in een gemeente of een focusgebied."),
        ("buurt", "rotterdam", "Een buurt ligt in een wijk of een focusgebied."),
        ("buurt", "bloemhof", "Een buurt ligt in een wijk of een focusgebied."),
        ("wijk", None, "Kies waarin deze wijk ligt: een gemeente of een focusgebied."),
    ],
)
def test_a_place_lies_in_a_place_of_the_level_above(places, level, parent, error):
    place = Place(name="Nieuw", slug="nieuw", level=level, parent=places.get(parent))
    if error is None:
        place.full_clean()
        return
    with pytest.raises(ValidationError) as raised:
        place.full_clean()
    assert error in str(raised.value)


def test_a_place_with_places_in_it_keeps_a_level_they_can_lie_in(places):
    feijenoord = places["feijenoord"]
    feijenoord.level = "buurt"  # Bloemhof cannot lie in a buurt
    with pytest.raises(ValidationError, match="In dit gebied liggen Bloemhof"):
        feijenoord.full_clean()
    feijenoord.level = "focusgebied"
    with pytest.raises(ValidationError):
        feijenoord.full_clean()  # a focusgebied lies in a gemeente, not in a focusgebied


def test_an_editor_adds_a_focusgebied_and_is_told_what_is_wrong(client, editor, places):
    client.force_login(editor)
    url = "/admin/snippets/articles/place/add/"
    fields = {"name": "Zuidwest", "slug": "zuidwest", "description": ""}
    response = client.post(url, {**fields, "level": "focusgebied", "parent": places["bloemhof"].pk})
    assert response.status_code == 200
    assert "Een focusgebied ligt in een gemeente." in unescape(response.content.decode())
    assert not Place.objects.filter(slug="zuidwest").exists()
    response = client.post(url, {**fields, "level": "focusgebied", "parent": places["den-haag"].pk})
    assert response.status_code == 302
    assert Place.objects.get(slug="zuidwest").parent == places["den-haag"]


def test_an_area_of_a_practice_example_lies_in_its_gemeente_however_deep(
    client, editor, places, example_index
):
    """The buurt Bloemhof lies in Rotterdam through Feijenoord and Rotterdam-Zuid: fine for
    Rotterdam, refused for Schiedam."""
    page = PracticeExamplePageFactory.build(
        municipality=places["schiedam"], area=places["bloemhof"], title="X", slug="x"
    )
    with pytest.raises(ValidationError, match="Bloemhof ligt niet in Schiedam"):
        page.clean()
    page.municipality = places["rotterdam"]
    page.clean()
    page.area = places["rotterdam-zuid"]  # a focusgebied may be the area
    page.clean()


def test_an_editor_names_places_of_an_article_with_the_chooser(
    client, editor, places, article_index
):
    client.force_login(editor)
    html = client.get(f"/admin/pages/add/articles/articlepage/{article_index.pk}/").content.decode()
    assert "Gebieden" in html and "/admin/snippets/choose/articles/place/" in html
    add_page(
        client,
        ArticlePage,
        article_index,
        title="Nieuwe buurtkamer",
        slug="nieuwe-buurtkamer",
        kind="nieuws",
        article_authors=inline_formset([]),
        organisation_links=inline_formset([]),
        place_links=inline_formset(
            [{"place": places["bloemhof"].pk}, {"place": places["schiedam"].pk}]
        ),
    )
    client.logout()
    html = html_of(client, "/gebieden/rotterdam/")
    assert "Nieuwe buurtkamer" in html
    assert "Nieuwe buurtkamer" in html_of(client, "/gebieden/schiedam/")
    page_html = html_of(client, "/artikelen/nieuwe-buurtkamer/")
    assert 'href="/gebieden/bloemhof/"' in page_html
    assert "Volg gebied Bloemhof" in page_html


# /gebieden/ -------------------------------------------------------------------------------------


def test_the_index_lists_each_gemeente_with_what_lies_in_it_and_counts(client, places, about):
    html = unescape(html_of(client, "/gebieden/"))
    gemeenten = re.findall(
        r'<h2 class="utrecht-heading-3 term-list__title"><a[^>]*>([^<]*)</a>', html
    )
    assert gemeenten == ["Den Haag", "Rotterdam", "Schiedam"]
    rotterdam = html[html.index('href="/gebieden/rotterdam/"') : html.index(">Schiedam</a>")]
    # Everything about Rotterdam and the places in it, past events included: 2 articles, 2
    # events, a publication and a practice example.
    assert "Gemeente · 6 items" in rotterdam
    # The focusgebied before the wijken, nested in the order gemeente → focusgebied → wijk → buurt.
    names = re.findall(r'href="/gebieden/([^/]+)/">', rotterdam)
    assert names == ["rotterdam", "rotterdam-zuid", "charlois", "feijenoord", "bloemhof"]
    assert re.search(r">Feijenoord</a> <span class=\"place-tree__meta\">wijk · 4 items", rotterdam)
    assert re.search(r">Bloemhof</a> <span class=\"place-tree__meta\">buurt · 1 item<", rotterdam)
    assert "Gemeente · 0 items" in html[html.index(">Den Haag</a>") :]


# A place's page ---------------------------------------------------------------------------------


def test_a_place_page_shows_it_its_parents_and_children_and_what_is_about_them(
    client, places, about
):
    html = unescape(html_of(client, "/gebieden/rotterdam-zuid/"))
    assert '<h1 class="utrecht-heading-1">Rotterdam-Zuid</h1>' in html
    assert "Focusgebied op de zuidoever." in html
    assert (
        'Focusgebied in <a class="utrecht-link" href="/gebieden/rotterdam/">Rotterdam</a>' in html
    )
    crumbs = html[html.index('aria-label="Kruimelpad"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert re.findall(r">([^<]+)</a>", crumbs) == ["Home", "Gebieden", "Rotterdam"]
    children = html[html.index('id="gebieden-kop"') :]
    children = children[: children.index("</section>")]
    assert re.findall(r">([^<]+)</a>", children) == ["Charlois", "Feijenoord"]
    items = html[html.index('id="artikelen-kop"') :]
    items = items[: items.index("</section>")]
    # Newest on the site first: about itself and about the wijken and buurt in it.
    assert card_titles(items) == [
        "Tien jaar Zuid",
        "Schoolplein in Bloemhof",
        "Onderzoek Charlois",
        "Buurtkamer Feijenoord",
    ]
    events = html[html.index('id="evenementen-kop"') :]
    events = events[: events.index("</section>")]
    assert card_titles(events) == ["Wijkavond Feijenoord"]  # coming, in a wijk in it
    similar = html[html.index('id="vergelijkbaar-kop"') :]
    assert "Andere focusgebieden" in similar
    assert re.findall(r">([^<]+)</a>", similar[: similar.index("</section>")]) == ["Nieuwland"]
    assert 'href="/gebieden/rotterdam-zuid/feed/"' in html
    assert 'href="/gebieden/rotterdam-zuid/agenda.ics"' in html


def test_a_buurt_page_lists_only_what_is_about_it_and_its_neighbours(client, places, about):
    html = unescape(html_of(client, "/gebieden/bloemhof/"))
    assert card_titles(html[html.index('id="artikelen-kop"') :]).count("Tien jaar Zuid") == 0
    assert "Schoolplein in Bloemhof" in html
    assert "Buurt in" in html and 'href="/gebieden/feijenoord/">Feijenoord</a>, Rotterdam' in html
    assert "Er staan geen evenementen gepland in Bloemhof." in html
    assert 'id="gebieden-kop"' not in html  # nothing lies in a buurt


def test_cards_name_their_places_and_link_them(client, places, about):
    html = html_of(client, "/artikelen/")
    card = card_of(html, "Schoolplein in Bloemhof")
    assert '<ul class="card__tags" aria-label="Gebieden">' in card
    assert '<a class="tag tag--place" href="/gebieden/bloemhof/">Bloemhof</a>' in card


def test_unknown_places_and_pages_past_the_end_are_handled(client, places, about):
    assert client.get("/gebieden/nergens/").status_code == 404
    assert client.get("/gebieden/nergens/feed/").status_code == 404
    assert client.get("/gebieden/nergens/agenda.ics").status_code == 404
    assert client.get("/gebieden/rotterdam/", {"page": "999"}).status_code == 200
    assert client.get("/gebieden/rotterdam/", {"page": "<b>"}).status_code == 200
    assert client.post("/gebieden/rotterdam/").status_code == 405


def test_the_feed_holds_what_is_about_the_place_and_the_places_in_it(
    client, places, about, settings
):
    response = client.get("/gebieden/rotterdam/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Wijkportaal: gebied Rotterdam"
    assert feed.feed.link == settings.BASE_URL + "/gebieden/rotterdam/"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {
        "Tien jaar Zuid",
        "Schoolplein in Bloemhof",
        "Onderzoek Charlois",
        "Buurtkamer Feijenoord",
        "Wijkavond Feijenoord",
        "Oude avond Feijenoord",
    }
    entry = next(e for e in feed.entries if e.title == "Schoolplein in Bloemhof")
    assert "Bloemhof" in [tag.term for tag in entry.tags]
    schiedam = feedparser.parse(client.get("/gebieden/schiedam/feed/").content)
    assert [entry.title for entry in schiedam.entries] == ["Nieuws uit Nieuwland"]


def test_the_calendar_holds_the_coming_events_of_the_place_and_the_places_in_it(
    client, places, about
):
    response = client.get("/gebieden/rotterdam/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "SUMMARY:Wijkavond Feijenoord" in body and "Oude avond" not in body
    assert "BEGIN:VEVENT" not in client.get("/gebieden/schiedam/agenda.ics").content.decode()


# Filters and search -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/artikelen/", {"gebied": "rotterdam"}, ["Tien jaar Zuid", "Schoolplein in Bloemhof"]),
        ("/artikelen/", {"gebied": "feijenoord"}, ["Schoolplein in Bloemhof"]),
        ("/artikelen/", {"gebied": ["bloemhof", "schiedam"]}, None),
        ("/artikelen/", {"gemeente": "rotterdam"}, ["Tien jaar Zuid", "Schoolplein in Bloemhof"]),
        ("/evenementen/", {"gebied": "rotterdam-zuid"}, ["Wijkavond Feijenoord"]),
        ("/publicaties/", {"gebied": "rotterdam"}, ["Onderzoek Charlois"]),
        ("/praktijkvoorbeelden/", {"gebied": "rotterdam-zuid"}, ["Buurtkamer Feijenoord"]),
        ("/praktijkvoorbeelden/", {"gebied": "bloemhof"}, []),
        ("/artikelen/", {"gebied": "den-haag"}, []),
    ],
)
def test_listings_filter_by_place_and_a_place_takes_in_what_lies_in_it(
    client, places, about, path, params, expected
):
    titles = card_titles(html_of(client, path, params))
    if expected is None:  # two values: any of them
        assert set(titles) == {"Schoolplein in Bloemhof", "Nieuws uit Nieuwland"}
    else:
        assert titles == expected


def test_the_place_facet_counts_with_what_lies_in_it_and_its_chip_removes_an_old_address(
    client, places, about
):
    html = html_of(client, "/artikelen/")
    counts = facet_counts(html, "gebied")
    assert counts["rotterdam"] == 2 and counts["rotterdam-zuid"] == 2
    assert counts["feijenoord"] == 1 and counts["schiedam"] == 1
    assert "den-haag" not in counts
    assert re.search(r'<label for="filter-gebied-bloemhof">Bloemhof \(Rotterdam\) ', html)
    html = unescape(html_of(client, "/artikelen/", {"gemeente": "rotterdam", "thema": "x"}))
    assert re.search(r'name="gebied" value="rotterdam" checked', html)
    chip = re.search(r'<a class="filter-chip" href="([^"]*)"[^>]*>Gebied: Rotterdam', html)
    assert chip and "gemeente" not in chip.group(1) and "thema=x" in chip.group(1)


def test_search_finds_pages_by_their_places_names_and_filters_by_place(client, places, about):
    html = html_of(client, "/zoeken/", {"q": "Charlois"})
    assert "Onderzoek Charlois" in html
    html = html_of(client, "/zoeken/", {"q": "Bloemhof"})
    assert "Schoolplein in Bloemhof" in html
    html = html_of(client, "/zoeken/", {"q": "testen", "gebied": "rotterdam-zuid"})
    found = re.findall(r'search-result__title"><a[^>]*>([^<]*)</a>', html)
    assert set(found) == {
        "Tien jaar Zuid",
        "Schoolplein in Bloemhof",
        "Onderzoek Charlois",
        "Wijkavond Feijenoord",
        "Oude avond Feijenoord",
        "Buurtkamer Feijenoord",
    }
    html = html_of(client, "/zoeken/", {"q": "testen", "gebied": "feijenoord", "type": "artikel"})
    assert re.findall(r'search-result__title"><a[^>]*>([^<]*)</a>', html) == [
        "Schoolplein in Bloemhof"
    ]


def test_a_renamed_place_is_found_by_its_new_name(client, places, about):
    bloemhof = places["bloemhof"]
    bloemhof.name = "Bloemhofkwartier"
    bloemhof.save()
    assert "Schoolplein in Bloemhof" in html_of(client, "/zoeken/", {"q": "Bloemhofkwartier"})
    assert "Bloemhofkwartier" in html_of(client, "/gebieden/feijenoord/")


@pytest.mark.parametrize("params", [{"gebied": "<b>"}, {"gebied": "x" * 400}, {"gemeente": ""}])
def test_odd_place_values_give_a_page_not_an_error(client, places, about, params):
    for path in ("/artikelen/", "/evenementen/", "/zoeken/"):
        assert client.get(path, {"q": "wijk", **params}).status_code == 200


# Queries ----------------------------------------------------------------------------------------


@pytest.fixture(params=["memory", "database"])
def cache_backend(request, settings):
    """As tests/articles/test_queries.py: the test cache, and production's caches without Redis."""
    from django.core.management import call_command

    if request.param == "database":
        settings.CARD_CACHE = False
        settings.CACHES = {
            alias: {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
            for alias, table in (
                ("default", "wijkportaal_cache"),
                ("pages", "wijkportaal_page_cache"),
            )
        }
        call_command("createcachetable", verbosity=0)
    return request.param


#: A place's page with nothing cached: the place, the tree of places, the index of all content
#: (two queries), the pages shown (one query whatever their types) and the terms of their cards.
PLACE_PAGE = {"memory": 6, "database": 12}


def test_a_place_page_costs_the_same_with_few_and_many_items_and_places(
    client, places, article_index, cache_backend
):
    theme = ThemeFactory()

    def make(n):
        wijken = [PlaceFactory(level="wijk", parent=places["rotterdam-zuid"]) for _ in range(n)]
        for wijk in wijken:
            pages_bulk(ArticlePageFactory, article_index, 3, themes=[theme], places=[wijk])

    make(1)
    few = count_queries(client, "/gebieden/rotterdam/")
    make(20)
    many = count_queries(client, "/gebieden/rotterdam/")
    assert len(card_titles(html_of(client, "/gebieden/rotterdam/"))) == 12
    assert (few, many) == (PLACE_PAGE[cache_backend],) * 2
    index = count_queries(client, "/gebieden/")
    make(5)
    assert count_queries(client, "/gebieden/") == index


def test_search_names_matching_places_and_the_sitemaps_list_them(client, places, about):
    html = unescape(html_of(client, "/zoeken/", {"q": "Feijenoord"}))
    terms = html[html.index('class="search-terms"') :]
    terms = terms[: terms.index("</section>")]
    assert (
        '<a class="tag" href="/gebieden/feijenoord/"><span class="visually-hidden">Gebied: </span>'
        "Feijenoord</a>" in terms
    )
    sitemap = html_of(client, "/sitemap/")
    assert 'href="/gebieden/"' in sitemap and 'href="/gebieden/rotterdam-zuid/"' in sitemap
    xml = html_of(client, "/sitemap.xml")
    assert "/gebieden/bloemhof/</loc>" in xml
    footer = html_of(client, "/").split("<footer", 1)[1]
    assert '<a class="utrecht-link" href="/gebieden/">Gebieden</a>' in footer
