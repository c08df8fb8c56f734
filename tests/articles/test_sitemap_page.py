"""The sitemap for people at /sitemap/ and the term indexes in /sitemap.xml."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from pagecache.versions import content_changed, structure_changed
from tests.factories import (
    ArticlePageFactory,
    ExplainerPageFactory,
    InformationPageFactory,
    PlaceFactory,
    pages_bulk,
)

pytestmark = pytest.mark.django_db


def main_html(client, path="/sitemap/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode().split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]


def link_texts(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", html)]


def test_the_footer_links_to_the_sitemap_for_people(client, home):
    html = client.get("/").content.decode()
    footer = html.split("<footer", 1)[1]
    assert re.search(r'<a class="utrecht-link" href="/sitemap/">Sitemap</a>', footer)


def test_breadcrumbs_lead_home(client, home):
    html = main_html(client)
    crumbs = html.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
    assert link_texts(crumbs) == ["Home"]
    assert '<span aria-current="page">Sitemap</span>' in crumbs


def test_sections_and_their_pages_in_tree_order_as_nested_lists(
    client, explainer_index, article_index
):
    first = ExplainerPageFactory(parent=explainer_index, title="Eerste uitleg", slug="eerste")
    ExplainerPageFactory(parent=explainer_index, title="Tweede uitleg", slug="tweede")
    ArticlePageFactory(parent=article_index, title="Een artikel", slug="een-artikel")

    html = main_html(client)

    # The explainer section's pages are a list inside the section's own item, in tree order.
    section = re.search(
        r'<li><a class="utrecht-link" href="/integrale-wijkaanpak/">[^<]*</a>\s*<ul>(.*?)</ul></li>',
        html,
        re.DOTALL,
    )
    assert section, html
    assert link_texts(section[1]) == ["Eerste uitleg", "Tweede uitleg"]
    assert f'href="{first.url}"' in section[1]
    # A listing's items are counted at its index, and found there and in /sitemap.xml.
    assert 'href="/artikelen/een-artikel/"' not in html
    assert re.search(r'href="/artikelen/">Artikelen</a> \(1 pagina\)', html), html
    texts = link_texts(html.split("</nav>", 1)[1])  # after the breadcrumbs
    assert texts.index(explainer_index.title) < texts.index("Eerste uitleg")
    assert texts[0] == "Startpagina"


def test_only_live_pages_anybody_may_read(client, home, article_index):
    ArticlePageFactory(parent=article_index, title="Een concept", live=False)
    members = InformationPageFactory(parent=home, title="Voor leden")
    InformationPageFactory(parent=home, title="Voor iedereen")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    structure_changed()

    texts = link_texts(main_html(client))

    assert "Voor iedereen" in texts
    assert "Voor leden" not in texts
    assert "Een concept" not in texts


def test_the_indexes_of_themes_organisations_and_authors_with_their_terms(
    client, wonen, organisation, author
):
    html = main_html(client)
    for index, term in (
        ("/themas/", wonen),
        ("/organisaties/", organisation),
        ("/auteurs/", author),
    ):
        item = re.search(
            rf'<li><a class="utrecht-link" href="{index}">[^<]*</a>\s*<ul>(.*?)</ul></li>',
            html,
            re.DOTALL,
        )
        assert item, index
        assert (
            f'<a class="utrecht-link" href="{term.get_absolute_url()}">{term.name}</a>' in item[1]
        )
    assert 'href="/sitemap.xml"' in html
    assert html.count("<h1") == 1


def count_queries(client) -> int:
    """What the sitemap costs rendered afresh (a cookie keeps the visitors' page cache away)."""
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    client.get("/sitemap/")  # warm the site and restrictions each process keeps
    content_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap/")
    assert response.status_code == 200
    return len(queries)


def test_a_fixed_number_of_queries_however_many_pages(client, article_index, explainer_index):
    pages_bulk(ArticlePageFactory, article_index, 2)
    few = count_queries(client)
    assert few == 6  # the page tree, the counts of the listings, each kind of term, the places

    pages_bulk(ArticlePageFactory, article_index, 18)
    ExplainerPageFactory(parent=explainer_index)
    structure_changed()
    html = main_html(client)
    assert "(20 pagina's)" in html

    assert count_queries(client) == few


def test_the_xml_sitemap_has_the_term_indexes_and_terms(client, wonen, organisation, author):
    place = PlaceFactory(name="Rotterdam", slug="rotterdam")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    for path in ("/themas/", "/organisaties/", "/auteurs/", "/gebieden/"):
        assert f"{settings.BASE_URL}{path}" in locations
    for term in (wonen, organisation, author, place):
        assert f"{settings.BASE_URL}{term.get_absolute_url()}" in locations
    # Each index comes before its terms.
    assert locations.index(f"{settings.BASE_URL}/themas/") < locations.index(
        f"{settings.BASE_URL}/themas/wonen/"
    )
