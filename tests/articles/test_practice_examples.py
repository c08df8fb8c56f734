"""Practice examples end to end, through HTTP: made with factories and in the admin (with its
Dutch refusals), listed and filtered on /praktijkvoorbeelden/, found by search (also by the name
of their gemeente), saved to the leeslijst, followed through their theme, on the pages of their
theme and partners, at a fixed query count."""

import re

import factory
import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from articles.models import Place, PracticeExamplePage
from follows import services as follow_services
from readinglists.models import ReadingListItem
from tests.articles.test_admin import BODY, add_page
from tests.articles.test_publications import (
    card_of,
    card_titles,
    facet_counts,
    feed_reasons,
    html_of,
)
from tests.articles.test_queries import count_queries
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PracticeExamplePageFactory,
    ThemeFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    """Two gemeenten; Havenstad has the wijk Noord with the buurt Vissershaven."""
    havenstad = PlaceFactory(name="Havenstad", slug="havenstad")
    rivierdal = PlaceFactory(name="Rivierdal", slug="rivierdal")
    noord = PlaceFactory(name="Noord", slug="havenstad-noord", level="wijk", parent=havenstad)
    vissershaven = PlaceFactory(
        name="Vissershaven", slug="vissershaven", level="buurt", parent=noord
    )
    return {
        "havenstad": havenstad,
        "rivierdal": rivierdal,
        "noord": noord,
        "vissershaven": vissershaven,
    }


# Creation -------------------------------------------------------------------------------------


def test_a_practice_example_page_shows_place_period_partners_and_contact(
    client, example_index, places
):
    corporatie = OrganisationFactory(name="Woonstichting Haven", slug="woonstichting-haven")
    welzijn = OrganisationFactory(name="Welzijn Noord", slug="welzijn-noord")
    page = PracticeExamplePageFactory(
        parent=example_index,
        title="Samen aan de Vissershaven",
        municipality=places["havenstad"],
        area=places["vissershaven"],
        start_year=2019,
        end_year=2023,
        status="afgerond",
        terms__organisations=[welzijn, corporatie],
        contact_organisation=welzijn,
        contact_email="info@welzijn-noord.example",
        fictional=True,
    )
    html = html_of(client, page.url)
    assert "Praktijkvoorbeeld</span> · Vissershaven, Havenstad · Afgerond</p>" in html
    assert "<dt>Periode</dt><dd>2019–2023</dd>" in html
    partners = re.search(r"<dt>Partners</dt><dd>(.*?)</dd>", html).group(1)
    assert partners.index("Welzijn Noord") < partners.index("Woonstichting Haven")
    assert 'href="/organisaties/woonstichting-haven/"' in partners
    assert 'href="mailto:info@welzijn-noord.example"' in html
    assert "Dit is een verzonnen voorbeeld ter illustratie." in html
    for heading in ("Aanpak", "Resultaten", "Lessen"):
        assert f'class="utrecht-heading-2">{heading}</h2>' in html


def test_a_running_example_says_since_when(client, example_index, places):
    page = PracticeExamplePageFactory(
        parent=example_index, municipality=places["rivierdal"], start_year=2022
    )
    html = html_of(client, page.url)
    assert "<dt>Periode</dt><dd>sinds 2022</dd>" in html
    assert (
        '<dt>Waar</dt><dd><a class="utrecht-link" href="/gebieden/rivierdal/">Rivierdal</a></dd>'
        in html
    )
    assert "verzonnen voorbeeld" not in html


def example_form(places, **fields) -> dict:
    """The fields of the practice example form beyond title, slug and body."""
    return {
        "intro": "Hoe de buurt het aanpakte.",
        "municipality": places["havenstad"].pk,
        "area": "",
        "start_year": "2020",
        "end_year": "",
        "status": "lopend",
        "publication_date": "",
        "approach": rich_text("<p>Bewoners en corporatie maakten samen een plan.</p>"),
        "results": rich_text(""),
        "lessons": rich_text(""),
        "contact_organisation": "",
        "contact_email": "",
        "contact_url": "",
        "image": "",
        "partner_links": inline_formset([]),
        **fields,
    }


def test_editor_creates_a_practice_example_with_partners_in_order(
    client, editor, example_index, places
):
    client.force_login(editor)
    first, second = OrganisationFactory(), OrganisationFactory()
    theme = ThemeFactory()
    page = add_page(
        client,
        PracticeExamplePage,
        example_index,
        title="Buurtplan Noord",
        slug="buurtplan-noord",
        multiple={"themes": [theme.pk]},
        **example_form(
            places,
            area=places["noord"].pk,
            start_year="2018",
            end_year="2022",
            status="afgerond",
            partner_links=inline_formset(
                [
                    {"organisation": second.pk, "ORDER": "1"},
                    {"organisation": first.pk, "ORDER": "2"},
                ]
            ),
        ),
    )
    assert page.live
    assert (page.municipality, page.area, page.status) == (
        places["havenstad"],
        places["noord"],
        "afgerond",
    )
    assert list(page.themes.all()) == [theme]
    assert [link.organisation for link in page.partner_links.all()] == [second, first]
    html = html_of(client, page.url)
    assert "Noord, Havenstad · Afgerond" in html
    assert html.index(second.name) < html.index(first.name)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"start_year": "2022", "end_year": "2020"},
            "end_year",
            "Het eindjaar ligt voor het beginjaar.",
        ),
        (
            {"status": "afgerond", "end_year": ""},
            "end_year",
            "Vul in tot wanneer een afgerond voorbeeld liep.",
        ),
        ({"municipality": "rivierdal", "area": "noord"}, "area", "Noord ligt niet in Rivierdal."),
        (
            {"municipality": "rivierdal", "area": "vissershaven"},
            "area",
            "Vissershaven ligt niet in Rivierdal.",
        ),
    ],
)
def test_the_admin_refuses_an_impossible_example_in_dutch(
    client, editor, example_index, places, fields, field, message
):
    client.force_login(editor)
    fields = {
        name: places[value].pk if name in ("municipality", "area") else value
        for name, value in fields.items()
    }
    url = f"/admin/pages/add/articles/practiceexamplepage/{example_index.pk}/"
    data = nested_form_data(
        {
            "title": "Onmogelijk",
            "slug": "onmogelijk",
            "body": BODY,
            **example_form(places, **fields),
        }
    )
    data["action-publish"] = "Publiceren"
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not PracticeExamplePage.objects.filter(slug="onmogelijk").exists()


def test_the_admin_takes_an_area_in_its_own_gemeente(client, editor, example_index, places):
    client.force_login(editor)
    page = add_page(
        client,
        PracticeExamplePage,
        example_index,
        title="In de buurt",
        slug="in-de-buurt",
        **example_form(places, area=places["vissershaven"].pk),
    )
    assert page.area == places["vissershaven"]


# The listing ---------------------------------------------------------------------------------


@pytest.fixture
def listed(example_index, places):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    zorg = ThemeFactory(name="Zorg", slug="zorg")
    corporatie = OrganisationFactory(name="Woonstichting Haven", slug="corporatie")
    welzijn = OrganisationFactory(name="Welzijn Noord", slug="welzijn")
    make = PracticeExamplePageFactory
    return {
        "noord": make(
            parent=example_index,
            title="Wonen in Noord",
            municipality=places["havenstad"],
            area=places["noord"],
            terms__themes=[wonen],
            terms__organisations=[corporatie, welzijn],
        ),
        "haven": make(
            parent=example_index,
            title="Zorg aan de haven",
            municipality=places["havenstad"],
            status="afgerond",
            start_year=2018,
            end_year=2021,
            terms__themes=[zorg],
            terms__organisations=[welzijn],
        ),
        "rivier": make(
            parent=example_index,
            title="Wonen en zorg langs de rivier",
            municipality=places["rivierdal"],
            status="afgerond",
            start_year=2019,
            end_year=2020,
            terms__themes=[wonen, zorg],
        ),
    }


def test_cards_show_place_status_and_partners(client, listed):
    html = html_of(client, "/praktijkvoorbeelden/")
    card = card_of(html, "Wonen in Noord")
    assert (
        '<span class="card__type">Praktijkvoorbeeld</span> · Noord, Havenstad · Lopend</p>' in card
    )
    assert "Met Woonstichting Haven en Welzijn Noord</p>" in card
    assert 'href="/themas/wonen/"' in card
    assert "leeslijst" in card
    card = card_of(html, "Wonen en zorg langs de rivier")
    assert "Praktijkvoorbeeld</span> · Rivierdal · Afgerond</p>" in card
    assert "Met " not in card


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Wonen in Noord", "Zorg aan de haven", "Wonen en zorg langs de rivier"}),
        ({"gemeente": "havenstad"}, {"Wonen in Noord", "Zorg aan de haven"}),
        (
            {"gemeente": ["havenstad", "rivierdal"]},
            {"Wonen in Noord", "Zorg aan de haven", "Wonen en zorg langs de rivier"},
        ),
        ({"status": "afgerond"}, {"Zorg aan de haven", "Wonen en zorg langs de rivier"}),
        ({"status": "lopend"}, {"Wonen in Noord"}),
        ({"thema": "wonen"}, {"Wonen in Noord", "Wonen en zorg langs de rivier"}),
        ({"organisatie": "welzijn"}, {"Wonen in Noord", "Zorg aan de haven"}),
        ({"organisatie": "corporatie"}, {"Wonen in Noord"}),
        ({"status": "afgerond", "gemeente": "havenstad"}, {"Zorg aan de haven"}),
        ({"status": "afgerond", "organisatie": "corporatie"}, set()),
    ],
)
def test_practice_examples_filter_and_combine(client, listed, params, expected):
    html = html_of(client, "/praktijkvoorbeelden/", params)
    assert set(card_titles(html)) == expected
    if params and expected:
        count = len(expected)
        word = "praktijkvoorbeeld" if count == 1 else "praktijkvoorbeelden"
        assert f"{count} {word} met de gekozen filters." in html


def test_practice_example_facets_count_what_each_value_would_give(client, listed):
    """The place facet counts a gemeente with the wijken in it: Havenstad has its own example
    and the one in its wijk Noord."""
    html = html_of(client, "/praktijkvoorbeelden/")
    assert facet_counts(html, "gebied") == {"havenstad": 2, "rivierdal": 1, "havenstad-noord": 1}
    assert facet_counts(html, "thema") == {"wonen": 2, "zorg": 2}
    assert facet_counts(html, "organisatie") == {"welzijn": 2, "corporatie": 1}
    assert facet_counts(html, "status") == {"lopend": 1, "afgerond": 2}
    assert re.search(r'<label for="filter-gebied-havenstad">Havenstad ', html)
    assert re.search(r'<label for="filter-gebied-havenstad-noord">Noord \(Havenstad\) ', html)
    assert re.search(r'<label for="filter-status-afgerond">Afgerond ', html)

    html = html_of(client, "/praktijkvoorbeelden/", {"status": "afgerond"})
    assert facet_counts(html, "status") == {"lopend": 1, "afgerond": 2}
    assert facet_counts(html, "gebied") == {"havenstad": 1, "rivierdal": 1}
    assert facet_counts(html, "organisatie") == {"welzijn": 1}
    assert re.search(r'name="status" value="afgerond" checked', html)


@pytest.mark.parametrize(
    "params",
    [
        {"gemeente": "nergens"},
        {"gemeente": "<b>"},
        {"status": "klaar"},
        {"status": ["afgerond"] * 60},
        {"organisatie": "x" * 400},
        {"thema": "", "gemeente": " "},
        {"jaar": "2020", "soort": "onderzoek", "auteur": "iemand"},
        {"page": "laatste"},
    ],
)
def test_odd_filter_values_give_a_page_not_an_error(client, listed, params):
    assert client.get("/praktijkvoorbeelden/", params).status_code == 200
    assert client.get("/zoeken/", {"q": "wonen", **params}).status_code == 200


def test_an_unknown_gemeente_finds_nothing_and_says_so(client, listed):
    html = html_of(client, "/praktijkvoorbeelden/", {"gemeente": "nergens"})
    assert card_titles(html) == []
    assert "Er is niets gevonden met deze filters." in html


# Search -------------------------------------------------------------------------------------


def search_titles(html: str) -> list[str]:
    return re.findall(r'class="utrecht-heading-3 search-result__title"><a[^>]*>([^<]*)</a>', html)


def test_search_finds_a_practice_example_by_its_words_and_by_its_gemeente(
    client, example_index, places
):
    zeeveld = PlaceFactory(name="Zeeveld", slug="zeeveld")
    PracticeExamplePageFactory(
        parent=example_index,
        title="Het buurtpensioen",
        municipality=zeeveld,
        approach="<p>Ouderen ruilen klusjes met de buurtcooperatie.</p>",
    )
    PracticeExamplePageFactory(
        parent=example_index, title="Iets anders", municipality=places["rivierdal"]
    )
    for query in ("buurtpensioen", "zeeveld"):
        html = html_of(client, "/zoeken/", {"q": query})
        assert search_titles(html) == ["Het buurtpensioen"], query
        assert '<span class="card__type">Praktijkvoorbeeld</span>' in html
        assert facet_counts(html, "type") == {"praktijkvoorbeeld": 1}
        assert re.search(r'<label for="filter-type-praktijkvoorbeeld">Praktijkvoorbeeld ', html)


def test_search_filters_practice_examples_by_gemeente(client, listed):
    html = html_of(client, "/zoeken/", {"q": "wonen"})
    assert facet_counts(html, "gebied") == {"havenstad": 1, "rivierdal": 1, "havenstad-noord": 1}
    html = html_of(client, "/zoeken/", {"q": "wonen", "gebied": "rivierdal"})
    assert search_titles(html) == ["Wonen en zorg langs de rivier"]
    # The filter's earlier name still works, and a gemeente takes in its wijken.
    html = html_of(client, "/zoeken/", {"q": "wonen", "gemeente": "havenstad"})
    assert search_titles(html) == ["Wonen in Noord"]


# Leeslijst, follows and term pages ----------------------------------------------------------


def test_a_member_saves_a_practice_example_and_the_leeslijst_names_its_type(
    member_client, member, example_index
):
    page = PracticeExamplePageFactory(parent=example_index, title="De wijkwerkplaats")
    response = member_client.post(
        reverse("readinglists:add"), {"target": page.pk}, headers={"accept": "application/json"}
    )
    assert response.json()["pressed"] is True
    assert ReadingListItem.objects.filter(user=member, page=page).exists()
    html = html_of(member_client, "/leeslijst/")
    assert '<span class="card__type">Praktijkvoorbeeld</span>' in html
    assert "De wijkwerkplaats" in html
    html = html_of(member_client, "/praktijkvoorbeelden/")
    assert re.search(r'aria-pressed="true"><span class="toggle-button__label">Verwijder', html)


def test_following_a_theme_brings_a_new_practice_example_to_volgend(
    member_client, member, example_index
):
    zorg = ThemeFactory(name="Zorg", slug="zorg")
    follow_services.follow_add(user=member, term=zorg)
    PracticeExamplePageFactory(parent=example_index, title="Zonder thema")
    PracticeExamplePageFactory(
        parent=example_index, title="Mantelzorg in de flat", terms__themes=[zorg]
    )
    html = html_of(member_client, "/volgend/")
    assert feed_reasons(html) == {"Mantelzorg in de flat": "Omdat je thema Zorg volgt"}
    assert "Zonder thema" not in html


def test_following_a_partner_brings_its_practice_example_to_volgend(
    member_client, member, example_index
):
    partner = OrganisationFactory(name="Welzijn Noord", slug="welzijn")
    follow_services.follow_add(user=member, term=partner)
    PracticeExamplePageFactory(
        parent=example_index, title="Huiskamer in de wijk", terms__organisations=[partner]
    )
    html = html_of(member_client, "/volgend/")
    assert feed_reasons(html) == {
        "Huiskamer in de wijk": "Omdat je organisatie Welzijn Noord volgt"
    }


def test_theme_and_partner_pages_list_the_practice_example(client, listed):
    for path, expected in (
        ("/themas/wonen/", {"Wonen in Noord", "Wonen en zorg langs de rivier"}),
        ("/organisaties/corporatie/", {"Wonen in Noord"}),
        ("/organisaties/welzijn/", {"Wonen in Noord", "Zorg aan de haven"}),
    ):
        html = html_of(client, path)
        assert set(card_titles(html)) == expected, path
    assert "Praktijkvoorbeeld</span> · Noord, Havenstad · Lopend" in html_of(
        client, "/organisaties/corporatie/"
    )


def test_a_members_only_practice_example_is_not_listed_for_a_visitor(client, listed):
    PageViewRestriction.objects.create(
        page=listed["haven"], restriction_type=PageViewRestriction.LOGIN
    )
    listed["haven"].save_revision().publish()
    for path in ("/praktijkvoorbeelden/", "/organisaties/welzijn/", "/zoeken/?q=zorg"):
        html = html_of(client, path)
        assert "Zorg aan de haven" not in html, path
    html = html_of(client, "/praktijkvoorbeelden/")
    assert facet_counts(html, "status") == {"lopend": 1, "afgerond": 1}


# Query counts -------------------------------------------------------------------------------


class HavenstadExampleFactory(PracticeExamplePageFactory):
    """For `pages_bulk`, which builds pages unsaved: in Noord, Havenstad (made by `places`)."""

    municipality = factory.LazyFunction(lambda: Place.objects.get(slug="havenstad"))
    area = factory.LazyFunction(lambda: Place.objects.get(slug="havenstad-noord"))


#: /praktijkvoorbeelden/ with nothing cached: the site's levels, the listing index (pages; links
#: and terms), which filters and counts the four facets (gemeente, thema, organisatie, status) in
#: memory, one page of cards and their terms.
EXAMPLES_INDEX = 7


def test_the_practice_example_listing_costs_the_same_for_2_and_10(client, example_index, places):
    themes = [ThemeFactory(), ThemeFactory()]
    partners = [OrganisationFactory(), OrganisationFactory()]

    def make(n):
        pages_bulk(HavenstadExampleFactory, example_index, n, themes=themes, organisations=partners)

    make(2)
    with_2 = count_queries(client, "/praktijkvoorbeelden/")
    make(8)
    with_10 = count_queries(client, "/praktijkvoorbeelden/")
    assert len(card_titles(html_of(client, "/praktijkvoorbeelden/"))) == 10
    assert (with_2, with_10) == (EXAMPLES_INDEX, EXAMPLES_INDEX)


#: A practice example with nothing cached: the site's levels, breadcrumbs, partners, themes,
#: its gemeente, its wijk and its contact organisation.
EXAMPLE_PAGE = 10


def test_a_practice_example_page_costs_the_same_with_2_and_10_partners(
    client, example_index, places
):
    def make(n):
        return PracticeExamplePageFactory(
            parent=example_index,
            municipality=places["havenstad"],
            area=places["noord"],
            contact_organisation=OrganisationFactory(),
            terms__themes=[ThemeFactory() for _ in range(n)],
            terms__organisations=[OrganisationFactory() for _ in range(n)],
        )

    small, large = make(2), make(10)
    counts = (count_queries(client, small.url), count_queries(client, large.url))
    partners = re.search(r"<dt>Partners</dt><dd>(.*?)</dd>", html_of(client, large.url))
    assert partners.group(1).count("<a ") == 10
    assert counts == (EXAMPLE_PAGE, EXAMPLE_PAGE)
