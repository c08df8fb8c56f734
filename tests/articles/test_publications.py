"""Publications end to end, through HTTP: made with factories and in the admin, listed and
filtered on /publicaties/, found by search (also by the words of their PDF), saved to the
leeslijst, followed through their theme, on term pages, at a fixed query count, and kept from
visitors when restricted. The article kinds (`?soort=interview`) read the same registry."""

import re
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import PublicationPage
from follows import services as follow_services
from readinglists.models import ReadingListItem
from tests.articles.documents import pdf_bytes
from tests.articles.test_admin import add_page
from tests.articles.test_queries import count_queries
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    OrganisationFactory,
    PublicationPageFactory,
    ThemeFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pdf_document(title: str, *pages: str) -> Document:
    """A Wagtail document holding a real PDF with these lines of text, one per page."""
    slug = re.sub(r"\W+", "-", title.lower())
    return Document.objects.create(
        title=title, file=ContentFile(pdf_bytes(*pages), name=f"{slug}.pdf")
    )


def html_of(client, path, params=None) -> str:
    response = client.get(path, params or {})
    assert response.status_code == 200
    return response.content.decode()


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a class="utrecht-link" href="[^"]*">([^<]*)</a>', html)


def card_of(html: str, title: str) -> str:
    """The <article> of the card titled `title`."""
    match = re.search(
        r'<article class="card[^"]*">(?:(?!</article>).)*?>'
        + re.escape(title)
        + r"</a>.*?</article>",
        html,
        re.S,
    )
    assert match, f"no card {title!r}"
    return match.group(0)


def facet_counts(html: str, name: str) -> dict[str, int]:
    pattern = (
        rf'name="{name}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="filters__count">\((\d+)'
    )
    return {value: int(count) for value, count in re.findall(pattern, html)}


# Creation -------------------------------------------------------------------------------------


def test_a_publication_page_shows_its_facts_documents_and_authors(client, publication_index):
    publisher = OrganisationFactory(name="Platform Wijkaanpak", slug="platform-wijkaanpak")
    first, second = AuthorFactory(name="Ada Visser"), AuthorFactory(name="Bram Kok")
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    report = pdf_document("Volledig rapport", "Het rapport.")
    summary = pdf_document("Samenvatting", "Kort.")
    page = PublicationPageFactory(
        parent=publication_index,
        title="Wat werkt in de wijk",
        kind="onderzoek",
        year=2023,
        publisher=publisher,
        terms__themes=[wonen],
        terms__authors=[second, first],
        files=[summary, report],
    )
    html = html_of(client, page.url)
    assert '<span class="card__type">Onderzoek</span> · 2023 · Platform Wijkaanpak' in html
    assert html.index("Bram Kok") < html.index("Ada Visser")
    downloads = html[html.index('id="downloads-kop"') :]
    downloads = downloads[: downloads.index("</section>")]
    assert re.findall(r'download>([^<]*)</a> <span class="downloads__meta">\(PDF, ', downloads) == [
        "Samenvatting",
        "Volledig rapport",
    ]
    assert f'href="{summary.url}"' in downloads
    assert (
        '<dt>Uitgever</dt><dd><a class="utrecht-link" href="/organisaties/platform-wijkaanpak/">'
        in html
    )
    assert 'href="/themas/wonen/"' in html


def publication_form(**fields) -> dict:
    """The fields of the publication form beyond title, slug and body."""
    return {
        "intro": "Wat bewoners en professionals vinden van de aanpak.",
        "kind": "onderzoek",
        "year": "2024",
        "publisher": "",
        "publication_date": "",
        "image": "",
        "publication_authors": inline_formset([]),
        "documents": inline_formset([]),
        **fields,
    }


def test_editor_creates_a_publication_with_documents_authors_and_themes(
    client, editor, publication_index
):
    client.force_login(editor)
    publisher = OrganisationFactory()
    first, second = AuthorFactory(), AuthorFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    report, appendix = pdf_document("Rapport", "Rapport."), pdf_document("Bijlage", "Bijlage.")
    page = add_page(
        client,
        PublicationPage,
        publication_index,
        title="Nieuwe publicatie",
        slug="nieuwe-publicatie",
        multiple={"themes": [theme.pk for theme in themes]},
        **publication_form(
            publisher=publisher.pk,
            publication_authors=inline_formset(
                [{"author": second.pk, "ORDER": "1"}, {"author": first.pk, "ORDER": "2"}]
            ),
            documents=inline_formset(
                [
                    {"document": appendix.pk, "label": "Bijlagen", "ORDER": "2"},
                    {"document": report.pk, "label": "", "ORDER": "1"},
                ]
            ),
        ),
    )
    assert page.live
    assert (page.kind, page.year, page.publisher) == ("onderzoek", 2024, publisher)
    assert set(page.themes.all()) == set(themes)
    assert [link.author for link in page.publication_authors.all()] == [second, first]
    assert [link.name for link in page.documents.all()] == ["Rapport", "Bijlagen"]
    html = html_of(client, page.url)
    assert html.index(second.name) < html.index(first.name)
    assert html.index(">Rapport</a>") < html.index(">Bijlagen</a>")


def test_a_publication_without_a_document_is_refused_in_dutch(client, editor, publication_index):
    client.force_login(editor)
    url = f"/admin/pages/add/articles/publicationpage/{publication_index.pk}/"
    data = nested_form_data(
        {"title": "Zonder document", "slug": "zonder-document", **publication_form()}
    )
    data["body-count"] = "0"
    data["action-publish"] = "Publiceren"
    response = client.post(url, data)
    assert response.status_code == 200
    assert not PublicationPage.objects.filter(slug="zonder-document").exists()
    message = "Voeg minstens één document toe: een publicatie is er om te downloaden."
    assert response.context["form"].formsets["documents"].non_form_errors() == [message]
    assert message in response.content.decode()


# The listing ---------------------------------------------------------------------------------


@pytest.fixture
def listed(publication_index):
    """Four publications: kinds, themes, publishers, authors and years to filter on."""
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    zorg = ThemeFactory(name="Zorg", slug="zorg")
    platform = OrganisationFactory(name="Platform Wijkaanpak", slug="platform")
    bureau = OrganisationFactory(name="Onderzoeksbureau Noord", slug="bureau")
    ada = AuthorFactory(name="Ada Visser", slug="ada")
    bram = AuthorFactory(name="Bram Kok", slug="bram")
    make = PublicationPageFactory
    return {
        "onderzoek": make(
            parent=publication_index,
            title="Onderzoek wonen",
            kind="onderzoek",
            year=2023,
            publisher=bureau,
            terms__themes=[wonen],
            terms__authors=[ada, bram],
        ),
        "handreiking": make(
            parent=publication_index,
            title="Handreiking zorg",
            kind="handreiking",
            year=2024,
            publisher=platform,
            terms__themes=[zorg],
            terms__authors=[bram],
        ),
        "factsheet": make(
            parent=publication_index,
            title="Factsheet wonen en zorg",
            kind="factsheet",
            year=2024,
            publisher=platform,
            terms__themes=[wonen, zorg],
        ),
        "zonder": make(
            parent=publication_index,
            title="Onderzoek zonder uitgever",
            kind="onderzoek",
            year=2022,
        ),
    }


def test_cards_show_kind_year_publisher_and_authors(client, listed):
    html = html_of(client, "/publicaties/")
    card = card_of(html, "Onderzoek wonen")
    assert '<span class="card__type">Onderzoek</span> · 2023 · Onderzoeksbureau Noord</p>' in card
    assert "Door Ada Visser en Bram Kok" in card
    assert 'href="/themas/wonen/"' in card
    assert "leeslijst" in card
    card = card_of(html, "Onderzoek zonder uitgever")
    assert '<span class="card__type">Onderzoek</span> · 2022</p>' in card


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {},
            {
                "Onderzoek wonen",
                "Handreiking zorg",
                "Factsheet wonen en zorg",
                "Onderzoek zonder uitgever",
            },
        ),
        ({"soort": "onderzoek"}, {"Onderzoek wonen", "Onderzoek zonder uitgever"}),
        ({"soort": ["handreiking", "factsheet"]}, {"Handreiking zorg", "Factsheet wonen en zorg"}),
        ({"thema": "wonen"}, {"Onderzoek wonen", "Factsheet wonen en zorg"}),
        ({"organisatie": "platform"}, {"Handreiking zorg", "Factsheet wonen en zorg"}),
        ({"auteur": "bram"}, {"Onderzoek wonen", "Handreiking zorg"}),
        ({"auteur": "ada"}, {"Onderzoek wonen"}),
        ({"jaar": "2024"}, {"Handreiking zorg", "Factsheet wonen en zorg"}),
        ({"jaar": "2024", "thema": "wonen"}, {"Factsheet wonen en zorg"}),
        ({"soort": "onderzoek", "organisatie": "platform"}, set()),
    ],
)
def test_publications_filter_and_combine(client, listed, params, expected):
    html = html_of(client, "/publicaties/", params)
    assert set(card_titles(html)) == expected
    if params and expected:
        count = len(expected)
        word = "publicatie" if count == 1 else "publicaties"
        assert f"{count} {word} met de gekozen filters." in html
    elif params:
        assert "Er is niets gevonden met deze filters." in html


def test_publication_facets_count_what_each_value_would_give(client, listed):
    html = html_of(client, "/publicaties/")
    assert facet_counts(html, "soort") == {"onderzoek": 2, "handreiking": 1, "factsheet": 1}
    assert facet_counts(html, "thema") == {"wonen": 2, "zorg": 2}
    assert facet_counts(html, "organisatie") == {"platform": 2, "bureau": 1}
    assert facet_counts(html, "auteur") == {"bram": 2, "ada": 1}
    assert facet_counts(html, "jaar") == {"2024": 2, "2023": 1, "2022": 1}

    html = html_of(client, "/publicaties/", {"thema": "wonen", "soort": "onderzoek"})
    assert card_titles(html) == ["Onderzoek wonen"]
    # Each facet counts under the other filters, not its own.
    assert facet_counts(html, "soort") == {"onderzoek": 1, "factsheet": 1}
    assert facet_counts(html, "thema") == {"wonen": 1}
    assert facet_counts(html, "organisatie") == {"bureau": 1}
    assert facet_counts(html, "jaar") == {"2023": 1}
    assert re.search(r'name="soort" value="onderzoek" checked', html)


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "bestaat-niet"},
        {"soort": "<script>"},
        {"thema": "x" * 500},
        {"organisatie": "'; drop table"},
        {"auteur": ""},
        {"jaar": "1800"},
        {"jaar": "twintig"},
        {"jaar": "2024", "page": "-1"},
        {"page": "9999999999999999999999"},
        {"thema": ["wonen"] * 50},
        {"gemeente": "nergens", "status": "klaar"},
    ],
)
def test_odd_filter_values_give_a_page_not_an_error(client, listed, params):
    response = client.get("/publicaties/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_an_unknown_kind_finds_nothing_and_says_so(client, listed):
    html = html_of(client, "/publicaties/", {"soort": "bestaat-niet"})
    assert card_titles(html) == []
    assert "Er is niets gevonden met deze filters." in html


# Article kinds: the same registry on /artikelen/ ------------------------------------------------


def test_articles_filter_by_kind_and_cards_name_it(client, article_index):
    ArticlePageFactory(parent=article_index, title="Gesprek met de wijkagent", kind="interview")
    ArticlePageFactory(parent=article_index, title="Nieuwe buurtbus", kind="nieuws")
    html = html_of(client, "/artikelen/", {"soort": "interview"})
    assert card_titles(html) == ["Gesprek met de wijkagent"]
    card = card_of(html, "Gesprek met de wijkagent")
    assert '<span class="card__type">Interview</span>' in card
    assert ">Artikel</span>" not in card
    assert facet_counts(html, "soort") == {"nieuws": 1, "interview": 1}
    html = html_of(client, "/artikelen/")
    assert '<span class="card__type">Nieuws</span>' in card_of(html, "Nieuwe buurtbus")


# Search -------------------------------------------------------------------------------------


def feed_reasons(html: str) -> dict[str, str]:
    """{card title: why it is there} of the items on /volgend/: an event says why, anything
    else is under the followed term that brought it ("volgt-thema-wonen")."""
    found = {}
    for item in re.findall(r'<li class="follow-cards__item.*?</article>', html, re.S):
        if reason := re.search(r'<p class="follow-cards__reason">(.*?)</p>', item, re.S):
            (title,) = card_titles(item)
            found[title] = re.sub(r"<[^>]*>", "", reason.group(1)).strip()
    for kind, name, block in re.findall(
        r'<section class="follow-block" id="volgt-([a-z]+)-[^"]*".*?<h3[^>]*><a[^>]*>([^<]*)</a>'
        r"(.*?)</section>",
        html,
        re.S,
    ):
        for title in card_titles(block):
            found[title] = f"Omdat je {kind} {unescape(name)} volgt"
    return found


def search_titles(html: str) -> list[str]:
    return re.findall(r'class="utrecht-heading-3 search-result__title"><a[^>]*>([^<]*)</a>', html)


def test_search_finds_a_publication_and_names_its_type(client, publication_index):
    PublicationPageFactory(
        parent=publication_index,
        title="Kwartiermakers in de wijk",
        intro="Een verkenning van het werk van kwartiermakers.",
    )
    html = html_of(client, "/zoeken/", {"q": "kwartiermakers"})
    assert search_titles(html) == ["Kwartiermakers in de wijk"]
    assert '<span class="card__type">Publicatie</span>' in html
    assert facet_counts(html, "type") == {"publicatie": 1}
    assert re.search(r'<label for="filter-type-publicatie">Publicatie ', html)


def test_search_finds_a_publication_by_a_word_only_in_its_pdf(client, publication_index):
    report = pdf_document("Rapport", "Inleiding", "De zwaluwstaartmethode werkt in elke buurt.")
    page = PublicationPageFactory(
        parent=publication_index, title="Een rapport met bijlage", files=[report]
    )
    assert "zwaluwstaartmethode" not in page.title + page.intro + str(page.body)
    page.save_revision().publish()  # indexed again, now with its documents in the database
    assert "zwaluwstaartmethode" in report.extracted_text.text  # kept for the next indexing
    html = html_of(client, "/zoeken/", {"q": "zwaluwstaartmethode"})
    assert search_titles(html) == ["Een rapport met bijlage"]
    assert facet_counts(html, "type") == {"publicatie": 1}


def test_a_publication_made_in_the_admin_is_found_by_its_pdf(client, editor, publication_index):
    client.force_login(editor)
    report = pdf_document("Rapport", "Over de klimaatadaptatieroute van Havenstad.")
    add_page(
        client,
        PublicationPage,
        publication_index,
        title="Groen in de wijk",
        slug="groen-in-de-wijk",
        **publication_form(documents=inline_formset([{"document": report.pk, "label": ""}])),
    )
    client.logout()
    html = html_of(client, "/zoeken/", {"q": "klimaatadaptatieroute"})
    assert search_titles(html) == ["Groen in de wijk"]


# Leeslijst, follows and term pages ----------------------------------------------------------


def test_a_member_saves_a_publication_and_the_leeslijst_names_its_type(
    member_client, member, publication_index
):
    page = PublicationPageFactory(parent=publication_index, title="Handboek buurtbudget")
    html = html_of(member_client, page.url)
    assert re.search(r'aria-pressed="false"><span class="toggle-button__label">Bewaar', html)
    response = member_client.post(
        reverse("readinglists:add"), {"target": page.pk, "next": page.url}
    )
    assert response.status_code == 302 and response.url == page.url
    assert ReadingListItem.objects.filter(user=member, page=page).exists()
    html = html_of(member_client, "/leeslijst/")
    assert '<span class="card__type">Publicatie</span>' in html
    assert "Handboek buurtbudget" in html


def test_following_a_theme_brings_a_new_publication_to_volgend(
    member_client, member, publication_index
):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    follow_services.follow_add(user=member, term=wonen)
    PublicationPageFactory(parent=publication_index, title="Woonwensen in kaart")
    PublicationPageFactory(
        parent=publication_index, title="Wonen na je zeventigste", terms__themes=[wonen]
    )
    html = html_of(member_client, "/volgend/")
    assert feed_reasons(html) == {"Wonen na je zeventigste": "Omdat je thema Wonen volgt"}
    assert "Woonwensen in kaart" not in html


def test_theme_and_publisher_pages_list_the_publication(client, publication_index):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    publisher = OrganisationFactory(name="Platform Wijkaanpak", slug="platform")
    PublicationPageFactory(
        parent=publication_index,
        title="Wonen en welzijn",
        publisher=publisher,
        terms__themes=[wonen],
        kind="factsheet",
        year=2025,
    )
    PublicationPageFactory(parent=publication_index, title="Iets anders")
    for path in ("/themas/wonen/", "/organisaties/platform/"):
        html = html_of(client, path)
        assert card_titles(html) == ["Wonen en welzijn"], path
        assert "Factsheet</span> · 2025 · Platform Wijkaanpak" in html


# Query counts -------------------------------------------------------------------------------


def publications_bulk(publication_index, n, **terms):
    return pages_bulk(PublicationPageFactory, publication_index, n, **terms)


#: /publicaties/ with nothing cached: the site's levels, the listing index (pages; links and
#: terms), which filters and counts the five facets in memory, one page of cards and their terms.
PUBLICATIONS_INDEX = 7


def test_the_publication_listing_costs_the_same_for_2_and_10(client, publication_index):
    wonen, zorg = ThemeFactory(), ThemeFactory()
    authors = [AuthorFactory(), AuthorFactory()]
    publications_bulk(publication_index, 2, themes=[wonen, zorg], authors=authors)
    with_2 = count_queries(client, "/publicaties/")
    publications_bulk(publication_index, 8, themes=[wonen, zorg], authors=authors)
    with_10 = count_queries(client, "/publicaties/")
    assert len(card_titles(html_of(client, "/publicaties/"))) == 10
    assert (with_2, with_10) == (PUBLICATIONS_INDEX, PUBLICATIONS_INDEX)


#: A publication with nothing cached: the site's levels, breadcrumbs, authors, documents,
#: publisher, places, themes, change notes.
PUBLICATION_PAGE = 11


def test_a_publication_page_costs_the_same_with_2_and_10_documents_and_authors(
    client, publication_index
):
    publisher = OrganisationFactory()

    def make(n):
        return PublicationPageFactory(
            parent=publication_index,
            publisher=publisher,
            terms__themes=[ThemeFactory() for _ in range(n)],
            terms__authors=[AuthorFactory() for _ in range(n)],
            files=[pdf_document(f"Deel {i}", "Tekst.") for i in range(n)],
        )

    small, large = make(2), make(10)
    counts = (count_queries(client, small.url), count_queries(client, large.url))
    assert html_of(client, large.url).count("downloads__item") == 10
    assert counts == (PUBLICATION_PAGE, PUBLICATION_PAGE)


# Restricted ---------------------------------------------------------------------------------


@pytest.fixture
def members_only(publication_index):
    """A public publication and one for members only, both about Wonen, with a PDF each."""
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    open_page = PublicationPageFactory(
        parent=publication_index,
        title="Openbaar onderzoek",
        terms__themes=[wonen],
        files=[pdf_document("Openbaar", "Openbaar.")],
    )
    secret = pdf_document("Besloten", "Alleen voor leden.")
    closed = PublicationPageFactory(
        parent=publication_index, title="Besloten onderzoek", terms__themes=[wonen], files=[secret]
    )
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    closed.save_revision().publish()  # the restriction retires the cached pages
    return {"open": open_page, "closed": closed, "document": secret}


@pytest.mark.parametrize(
    "path",
    ["/publicaties/", "/themas/wonen/", "/zoeken/?q=onderzoek", "/publicaties/?thema=wonen"],
)
def test_a_members_only_publication_is_not_listed_for_a_visitor(client, members_only, path):
    html = html_of(client, path)
    assert "Openbaar onderzoek" in html
    assert "Besloten onderzoek" not in html


def test_a_members_only_publication_is_not_served_to_a_visitor(client, members_only):
    response = client.get(members_only["closed"].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_document_of_a_members_only_publication_is_not_served_to_a_visitor(
    client, member, members_only
):
    document = members_only["document"]
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={document.url}"
    client.force_login(member)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_publication_under_a_members_only_index_is_not_listed(client, members_only):
    index = members_only["open"].get_parent()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    members_only["open"].save_revision().publish()
    for path in ("/themas/wonen/", "/zoeken/?q=onderzoek"):
        html = html_of(client, path)
        assert "Openbaar onderzoek" not in html, path
    assert client.get("/publicaties/").status_code == 302
    document = members_only["open"].documents.get().document
    assert client.get(document.url).status_code == 302
