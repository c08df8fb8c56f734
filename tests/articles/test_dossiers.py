"""Dossiers end to end, through HTTP: made with factories and in the admin (sections as a
StreamField), their sections in the editor's order without what a visitor may not see, what is
new under their themes, the /dossiers/ index, the theme page's dossier, the leeslijst, search
and a fixed query count."""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from articles.models import DossierPage
from readinglists.models import ReadingListItem
from tests.articles.test_admin import BODY, add_page
from tests.articles.test_publications import card_titles, facet_counts, html_of
from tests.articles.test_queries import count_queries
from tests.factories import (
    ArticlePageFactory,
    DossierPageFactory,
    EventPageFactory,
    ExplainerPageFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    ThemeFactory,
    ago,
    published,
)

pytestmark = pytest.mark.django_db


def sections_of(html: str) -> list[tuple[str, list[str]]]:
    """(heading, card titles) of each section of a dossier page, in order."""
    found = []
    for match in re.finditer(
        r'<section class="section" id="(sectie-\d+|nieuw)".*?</section>', html, re.S
    ):
        heading = re.search(r'class="utrecht-heading-2">([^<]*)</h2>', match.group(0)).group(1)
        found.append((heading, card_titles(match.group(0))))
    return found


def section_list(pks) -> dict:
    """The form data of a ListBlock of page choosers."""
    data = {
        str(index): {"value": str(pk), "deleted": "", "order": str(index)}
        for index, pk in enumerate(pks)
    }
    data["count"] = str(len(pks))
    return data


@pytest.fixture
def content(article_index, event_index, publication_index, example_index, explainer_index):
    """One live page of each type that a section can hold."""
    return {
        "artikel": ArticlePageFactory(parent=article_index, title="Artikel over de buurt"),
        "evenement": EventPageFactory(parent=event_index, title="Buurtavond"),
        "publicatie": PublicationPageFactory(parent=publication_index, title="Handreiking"),
        "voorbeeld": PracticeExamplePageFactory(parent=example_index, title="Voorbeeld uit Noord"),
        "uitleg": ExplainerPageFactory(parent=explainer_index, title="Wat is een wijkaanpak"),
    }


# Creation and sections ------------------------------------------------------------------------


def test_sections_show_their_pages_in_the_editors_order(client, dossier_index, content):
    dossier = DossierPageFactory(
        parent=dossier_index,
        title="Armoede in de wijk",
        sections=[
            ("Eerst lezen", [content["uitleg"], content["publicatie"], content["artikel"]]),
            ("Uit de praktijk", [content["voorbeeld"], content["evenement"]]),
        ],
    )
    html = html_of(client, dossier.url)
    assert sections_of(html) == [
        ("Eerst lezen", ["Wat is een wijkaanpak", "Handreiking", "Artikel over de buurt"]),
        ("Uit de praktijk", ["Voorbeeld uit Noord", "Buurtavond"]),
    ]
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="#sectie-\d">([^<]*)</a>', toc) == ["Eerst lezen", "Uit de praktijk"]
    # Each card names its type.
    for label in ("Uitleg", "Handreiking", "Praktijkvoorbeeld"):
        assert f'<span class="card__type">{label}</span>' in html


def test_sections_leave_out_unpublished_private_and_deleted_pages(
    client, dossier_index, article_index, content
):
    draft = ArticlePageFactory(parent=article_index, title="Concept", live=False)
    private = ArticlePageFactory(parent=article_index, title="Alleen voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    gone = ArticlePageFactory(parent=article_index, title="Verwijderd")
    dossier = DossierPageFactory(
        parent=dossier_index,
        sections=[
            ("Alles", [draft, content["artikel"], private, gone, content["publicatie"]]),
            ("Niets meer", [draft]),
        ],
    )
    gone.delete()
    html = html_of(client, dossier.url)
    assert sections_of(html) == [
        ("Alles", ["Artikel over de buurt", "Handreiking"]),
        ("Niets meer", []),
    ]
    assert "Hier staat nog niets." in html
    for title in ("Concept", "Alleen voor leden", "Verwijderd"):
        assert title not in html


def test_editor_creates_a_dossier_with_sections(client, editor, dossier_index, content):
    client.force_login(editor)
    theme = ThemeFactory()
    sections = streamfield(
        [
            (
                "section",
                {
                    "heading": "Achtergrond",
                    "text": "Wat je moet weten.",
                    "pages": section_list([content["publicatie"].pk, content["uitleg"].pk]),
                },
            ),
            (
                "section",
                {
                    "heading": "Aan de slag",
                    "text": "",
                    "pages": section_list([content["voorbeeld"].pk]),
                },
            ),
        ]
    )
    page = add_page(
        client,
        DossierPage,
        dossier_index,
        title="Eenzaamheid",
        slug="eenzaamheid",
        intro="Alles over eenzaamheid in de wijk.",
        image="",
        sections=sections,
        multiple={"themes": [theme.pk]},
    )
    assert page.live
    assert list(page.themes.all()) == [theme]
    assert [block.value["heading"] for block in page.sections] == ["Achtergrond", "Aan de slag"]
    html = html_of(client, page.url)
    assert sections_of(html)[:2] == [
        ("Achtergrond", ["Handreiking", "Wat is een wijkaanpak"]),
        ("Aan de slag", ["Voorbeeld uit Noord"]),
    ]
    assert "<p>Wat je moet weten.</p>" in html


def test_a_section_needs_a_heading_and_a_page(client, editor, dossier_index):
    client.force_login(editor)
    url = f"/admin/pages/add/articles/dossierpage/{dossier_index.pk}/"
    data = nested_form_data(
        {
            "title": "Leeg dossier",
            "slug": "leeg-dossier",
            "intro": "",
            "image": "",
            "body": BODY,
            "sections": streamfield(
                [("section", {"heading": "", "text": "", "pages": section_list([])})]
            ),
        }
    )
    data["action-publish"] = "Publiceren"
    response = client.post(url, data)
    assert response.status_code == 200
    assert not DossierPage.objects.filter(slug="leeg-dossier").exists()
    # The stream's errors travel to the editor's script as JSON in an attribute.
    shown = unescape(response.content.decode())
    assert '"heading": {"messages": ["Dit is een verplicht veld."]}' in shown
    assert '"pages": {"messages": ["Het minimale aantal items is 1"]}' in shown


# What is new under the dossier's themes --------------------------------------------------------


def test_new_in_this_dossier_lists_the_newest_items_of_its_themes_but_no_dossiers(
    client, dossier_index, article_index, publication_index, example_index, event_index
):
    wonen, zorg, anders = (ThemeFactory() for _ in range(3))
    made = {}
    for minutes, (title, factory, parent, themes) in enumerate(
        [
            ("Nieuwste artikel", ArticlePageFactory, article_index, [wonen]),
            ("Nieuwe publicatie", PublicationPageFactory, publication_index, [zorg]),
            ("Nieuw voorbeeld", PracticeExamplePageFactory, example_index, [wonen, zorg]),
            ("Nieuwe bijeenkomst", EventPageFactory, event_index, [zorg]),
            ("Over iets anders", ArticlePageFactory, article_index, [anders]),
            ("Ouder artikel", ArticlePageFactory, article_index, [wonen]),
        ],
        start=1,
    ):
        made[title] = published(
            factory(parent=parent, title=title, terms__themes=themes), at=ago(minutes=minutes)
        )
    for n in range(4):  # older than all of the above: past the first six
        published(
            ArticlePageFactory(parent=article_index, title=f"Oud {n}", terms__themes=[wonen]),
            at=ago(days=10 + n),
        )
    other = DossierPageFactory(parent=dossier_index, title="Ander dossier", themes=[wonen])
    published(other, at=ago(seconds=10))
    dossier = DossierPageFactory(parent=dossier_index, title="Wonen en zorg", themes=[wonen, zorg])
    html = html_of(client, dossier.url)
    assert sections_of(html) == [
        (
            "Nieuw in dit dossier",
            [
                "Nieuwste artikel",
                "Nieuwe publicatie",
                "Nieuw voorbeeld",
                "Nieuwe bijeenkomst",
                "Ouder artikel",
                "Oud 0",
            ],
        )
    ]
    assert "Ander dossier" not in html


def test_a_dossier_without_themes_has_no_new_section(client, dossier_index, content):
    dossier = DossierPageFactory(parent=dossier_index, sections=[("Eén", [content["artikel"]])])
    html = html_of(client, dossier.url)
    assert "Nieuw in dit dossier" not in html
    assert 'class="toc"' not in html  # one section needs no table of contents


# The index, the theme page, the leeslijst, search -----------------------------------------------


def test_the_dossier_index_lists_public_dossiers_by_title(client, dossier_index):
    DossierPageFactory(parent=dossier_index, title="Zorg dichtbij", intro="Over zorg.")
    DossierPageFactory(parent=dossier_index, title="Armoede", intro="Over armoede.")
    DossierPageFactory(parent=dossier_index, title="Concept", live=False)
    private = DossierPageFactory(parent=dossier_index, title="Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = html_of(client, "/dossiers/")
    titles = re.findall(r'class="link-tile__title">([^<]*)</span>', html)
    assert titles == ["Armoede", "Zorg dichtbij"]
    assert '<span class="link-tile__text">Over armoede.</span>' in html


def test_the_theme_page_shows_its_dossier(client, dossier_index):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    dossier = DossierPageFactory(
        parent=dossier_index, title="Dossier wonen", intro="Alles over wonen.", themes=[wonen]
    )
    html = html_of(client, "/themas/wonen/")
    teaser = re.search(r'<section class="section dossier-teaser".*?</section>', html, re.S)
    assert teaser
    assert f'href="{dossier.url}">Dossier wonen</a>' in teaser.group(0)
    assert "Alles over wonen." in teaser.group(0)
    other = ThemeFactory(name="Zorg", slug="zorg")
    assert "dossier-teaser" not in html_of(client, f"/themas/{other.slug}/")


def test_the_theme_page_leaves_out_a_private_dossier(client, dossier_index):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    dossier = DossierPageFactory(parent=dossier_index, title="Geheim dossier", themes=[wonen])
    PageViewRestriction.objects.create(page=dossier, restriction_type=PageViewRestriction.LOGIN)
    html = html_of(client, "/themas/wonen/")
    assert "Geheim dossier" not in html


def test_a_member_saves_a_dossier_and_the_leeslijst_names_its_type(
    member_client, member, dossier_index
):
    dossier = DossierPageFactory(parent=dossier_index, title="Dossier eenzaamheid")
    html = html_of(member_client, dossier.url)
    assert re.search(r'aria-pressed="false"><span class="toggle-button__label">Bewaar', html)
    response = member_client.post(
        reverse("readinglists:add"), {"target": dossier.pk, "next": dossier.url}
    )
    assert response.status_code == 302
    assert ReadingListItem.objects.filter(user=member, page=dossier).exists()
    html = html_of(member_client, "/leeslijst/")
    assert '<span class="card__type">Dossier</span>' in html
    assert "Dossier eenzaamheid" in html


def test_search_finds_a_dossier(client, dossier_index):
    DossierPageFactory(
        parent=dossier_index, title="Dossier schuldhulpverlening", intro="Schulden in de wijk."
    )
    html = html_of(client, "/zoeken/", {"q": "schuldhulpverlening"})
    titles = re.findall(r'search-result__title"><a[^>]*>([^<]*)</a>', html)
    assert titles == ["Dossier schuldhulpverlening"]
    assert '<span class="card__type">Dossier</span>' in html
    assert facet_counts(html, "type") == {"dossier": 1}


def test_the_search_type_facet_lists_the_knowledge_base_types(
    client, dossier_index, publication_index, example_index, article_index
):
    for factory, parent in (
        (DossierPageFactory, dossier_index),
        (PublicationPageFactory, publication_index),
        (PracticeExamplePageFactory, example_index),
        (ArticlePageFactory, article_index),
    ):
        factory(parent=parent, title="Zonnepanelen op de flat")
    html = html_of(client, "/zoeken/", {"q": "zonnepanelen"})
    assert facet_counts(html, "type") == {
        "artikel": 1,
        "publicatie": 1,
        "praktijkvoorbeeld": 1,
        "dossier": 1,
    }
    labels = re.findall(r'<label for="filter-type-[^"]+">([^<]*?) <', html)
    assert labels == ["Artikel", "Publicatie", "Praktijkvoorbeeld", "Dossier"]
    html = html_of(client, "/zoeken/", {"q": "zonnepanelen", "type": "praktijkvoorbeeld"})
    assert re.findall(r'search-result__title"><a[^>]*>([^<]*)</a>', html) == [
        "Zonnepanelen op de flat"
    ]
    assert '<span class="card__type">Praktijkvoorbeeld</span>' in html


# Query counts -------------------------------------------------------------------------------

#: A dossier with nothing cached: the site's levels and breadcrumbs (five), the chosen pages
#: (one query, whatever their types), its theme ids, the index of all content (two queries,
#: `articles.listing_index`) that tells what is new under them, those pages (one query), the
#: themes of the footer, and the terms of the sections' cards, then of the new items' cards
#: (pages the sections do not show); and its change notes.
DOSSIER_PAGE = 14


def test_a_dossier_page_costs_the_same_with_2_and_10_items(
    client, dossier_index, article_index, publication_index, example_index
):
    wonen = ThemeFactory()

    def make(n):
        """A dossier of n sections with three items each, under a theme whose newest six
        items outside the sections are two of each type (one query per type present)."""
        types = (
            (ArticlePageFactory, article_index),
            (PublicationPageFactory, publication_index),
            (PracticeExamplePageFactory, example_index),
        )
        pages = [
            factory(parent=parent, terms__themes=[wonen])
            for _ in range(n)
            for factory, parent in types
        ]
        for _ in range(2):
            for factory, parent in types:
                factory(parent=parent, terms__themes=[wonen])
        return DossierPageFactory(
            parent=dossier_index,
            themes=[wonen],
            sections=[(f"Sectie {i}", pages[i::n]) for i in range(n)],
        )

    small = make(2)
    with_2 = count_queries(client, small.url)
    large = make(10)
    with_10 = count_queries(client, large.url)
    assert len(sections_of(html_of(client, large.url))) == 11  # ten sections and the new ones
    assert (with_2, with_10) == (DOSSIER_PAGE, DOSSIER_PAGE)


#: /dossiers/: the site's levels, breadcrumbs, the dossiers.
DOSSIER_INDEX = 4


def test_the_dossier_index_costs_the_same_with_2_and_10_dossiers(client, dossier_index):
    for _ in range(2):
        DossierPageFactory(parent=dossier_index)
    with_2 = count_queries(client, "/dossiers/")
    for _ in range(8):
        DossierPageFactory(parent=dossier_index)
    with_10 = count_queries(client, "/dossiers/")
    assert (with_2, with_10) == (DOSSIER_INDEX, DOSSIER_INDEX)


def test_new_in_the_dossier_leaves_out_what_its_sections_show(
    client, article_index, dossier_index, wonen
):
    chosen = ArticlePageFactory(parent=article_index, title="Gekozen", terms__themes=[wonen])
    ArticlePageFactory(parent=article_index, title="Niet gekozen", terms__themes=[wonen])
    dossier = DossierPageFactory(parent=dossier_index, themes=[wonen], sections=[("Eén", [chosen])])
    html = html_of(client, dossier.url)
    new = html[html.index("Nieuw in dit dossier") :]
    assert "Niet gekozen" in new
    assert "Gekozen<" not in new and ">Gekozen" not in new
