"""Pages an editor puts forward ("Uitgelicht"): on a theme's page and on the home page, in the
editor's order, only what a visitor may see; without a choice the home page shows what it
showed before. Chosen in the admin, at a fixed query count."""

import re

import pytest
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import HomePageFeatured, ThemeFeatured
from tests.articles.test_admin import BODY
from tests.articles.test_publications import card_titles, html_of
from tests.articles.test_queries import count_queries
from tests.factories import (
    ArticlePageFactory,
    DossierPageFactory,
    EventPageFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def featured_titles(html: str) -> list[str] | None:
    """The card titles of the "Uitgelicht" section, or None when there is none."""
    match = re.search(
        r'<section class="section" aria-labelledby="uitgelicht-kop">.*?</section>', html, re.S
    )
    return card_titles(match.group(0)) if match else None


def section_titles(html: str, heading_id: str) -> list[str]:
    match = re.search(rf'aria-labelledby="{heading_id}">.*?</section>', html, re.S)
    assert match, heading_id
    return card_titles(match.group(0))


@pytest.fixture
def chosen(article_index, publication_index, example_index, dossier_index, event_index):
    """A page of each type an editor may put forward."""
    return {
        "publicatie": PublicationPageFactory(parent=publication_index, title="De handreiking"),
        "voorbeeld": PracticeExamplePageFactory(parent=example_index, title="Het voorbeeld"),
        "artikel": ArticlePageFactory(parent=article_index, title="Het artikel"),
        "dossier": DossierPageFactory(parent=dossier_index, title="Het dossier"),
        "evenement": EventPageFactory(parent=event_index, title="De bijeenkomst"),
    }


def feature(links, pages):
    """Put `pages` forward in this order (`links`: a theme's or the home page's relation)."""
    model = links.model
    owner = links.instance
    field = "theme" if model is ThemeFeatured else "page"
    model.objects.bulk_create(
        model(**{field: owner}, linked_page=page, sort_order=order)
        for order, page in enumerate(pages)
    )


# The theme page -----------------------------------------------------------------------------


def test_the_theme_page_shows_its_featured_pages_in_order(client, chosen):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    order = ["dossier", "artikel", "voorbeeld", "publicatie", "evenement"]
    feature(wonen.featured_links, [chosen[key] for key in order])
    html = html_of(client, "/themas/wonen/")
    assert featured_titles(html) == [
        "Het dossier",
        "Het artikel",
        "Het voorbeeld",
        "De handreiking",
        "De bijeenkomst",
    ]
    # Above what is published under the theme.
    assert html.index("uitgelicht-kop") < html.index("artikelen-kop")


def test_the_theme_page_leaves_out_featured_pages_a_visitor_may_not_see(
    client, chosen, article_index
):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    draft = ArticlePageFactory(parent=article_index, title="Concept", live=False)
    private = ArticlePageFactory(parent=article_index, title="Voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    feature(wonen.featured_links, [draft, chosen["artikel"], private, chosen["publicatie"]])
    html = html_of(client, "/themas/wonen/")
    assert featured_titles(html) == ["Het artikel", "De handreiking"]
    assert "Concept" not in html and "Voor leden" not in html


def test_a_theme_without_featured_pages_has_no_featured_section(client, chosen):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    assert featured_titles(html_of(client, "/themas/wonen/")) is None
    draft = ArticlePageFactory(parent=chosen["artikel"].get_parent(), title="Concept", live=False)
    feature(wonen.featured_links, [draft])
    assert featured_titles(html_of(client, "/themas/wonen/")) is None


def test_editor_chooses_featured_pages_for_a_theme(client, editor, chosen):
    client.force_login(editor)
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    response = client.post(
        f"/admin/snippets/articles/theme/edit/{wonen.pk}/",
        {
            "name": "Wonen",
            "slug": "wonen",
            "description": "",
            **nested_form_data(
                {
                    "featured_links": inline_formset(
                        [
                            {"linked_page": chosen["voorbeeld"].pk, "ORDER": "1"},
                            {"linked_page": chosen["dossier"].pk, "ORDER": "2"},
                        ]
                    )
                }
            ),
        },
    )
    assert response.status_code == 302
    assert [link.linked_page_id for link in wonen.featured_links.all()] == [
        chosen["voorbeeld"].pk,
        chosen["dossier"].pk,
    ]
    client.logout()
    assert featured_titles(html_of(client, "/themas/wonen/")) == ["Het voorbeeld", "Het dossier"]


# The home page ------------------------------------------------------------------------------


def test_the_home_page_shows_the_featured_row_in_the_editors_order(client, home, chosen):
    feature(home.featured_links, [chosen["voorbeeld"], chosen["dossier"], chosen["publicatie"]])
    home.save_revision().publish()
    html = html_of(client, "/")
    assert featured_titles(html) == ["Het voorbeeld", "Het dossier", "De handreiking"]
    assert '<span class="card__type">Praktijkvoorbeeld</span>' in html
    assert '<span class="card__type">Dossier</span>' in html
    # The rest of the page stays as it was.
    assert section_titles(html, "artikelen-kop") == ["Het artikel"]
    assert section_titles(html, "evenementen-kop") == ["De bijeenkomst"]


def test_without_a_choice_the_home_page_shows_what_it_showed_before(client, home, chosen):
    before = html_of(client, "/")
    assert featured_titles(before) is None
    assert "uitgelicht-kop" not in before
    assert section_titles(before, "artikelen-kop") == ["Het artikel"]
    assert section_titles(before, "evenementen-kop") == ["De bijeenkomst"]


def test_a_featured_row_of_only_hidden_pages_falls_back(client, home, chosen, article_index):
    private = ArticlePageFactory(parent=article_index, title="Voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = ArticlePageFactory(parent=article_index, title="Concept", live=False)
    feature(home.featured_links, [private, draft])
    home.save_revision().publish()
    html = html_of(client, "/")
    assert featured_titles(html) is None
    assert "Voor leden" not in html and "Concept" not in html
    assert section_titles(html, "artikelen-kop") == ["Het artikel"]


def test_editor_chooses_the_home_pages_featured_row(client, editor, home, chosen):
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": home.intro,
            "body": BODY,
            "featured_links": inline_formset(
                [
                    {"linked_page": chosen["dossier"].pk, "ORDER": "1"},
                    {"linked_page": chosen["artikel"].pk, "ORDER": "2"},
                ]
            ),
        }
    )
    data["action-publish"] = "Publiceren"
    response = client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(
        HomePageFeatured.objects.filter(page=home).values_list("linked_page_id", flat=True)
    ) == [chosen["dossier"].pk, chosen["artikel"].pk]
    client.logout()
    assert featured_titles(html_of(client, "/")) == ["Het dossier", "Het artikel"]


# Query counts -------------------------------------------------------------------------------

#: The theme page with nothing cached: the theme, the index of all content (two queries: it
#: holds what is published under the theme, its coming events, its dossier and the editor's
#: chosen pages), the pages of all of those (one query, whatever their types) and the terms of
#: all their cards (one query).
THEME_PAGE = 5


def test_a_theme_page_costs_the_same_with_2_and_10_featured_pages(
    client, article_index, publication_index, example_index
):
    wonen = ThemeFactory(name="Wonen", slug="wonen")

    def make(n):
        pages = []
        for _ in range(n):
            pages.append(ArticlePageFactory(parent=article_index, terms__themes=[wonen]))
            pages.append(PublicationPageFactory(parent=publication_index))
        wonen.featured_links.all().delete()
        feature(wonen.featured_links, pages)
        # The newest under the theme is not featured: its card is not rendered with those.
        ArticlePageFactory(parent=article_index, terms__themes=[wonen])

    make(1)
    with_2 = count_queries(client, "/themas/wonen/")
    make(5)
    with_10 = count_queries(client, "/themas/wonen/")
    assert len(featured_titles(html_of(client, "/themas/wonen/"))) == 10
    assert (with_2, with_10) == (THEME_PAGE, THEME_PAGE)


#: The home page with nothing cached: the featured links, their pages (one query, whatever
#: their types), the explainers, the latest articles, the coming events, the themes, and the
#: terms of all the cards (one query).
HOME_PAGE = 7


def test_the_home_page_costs_the_same_with_2_and_10_featured_pages(
    client, home, article_index, publication_index
):
    def make(n):
        pages = []
        for _ in range(n):
            pages.append(ArticlePageFactory(parent=article_index))
            pages.append(PublicationPageFactory(parent=publication_index))
        home.featured_links.all().delete()
        feature(home.featured_links, pages)
        # The newest article is not featured: its card is not rendered with those.
        ArticlePageFactory(parent=article_index)

    make(1)
    with_2 = count_queries(client, "/")
    make(5)
    with_10 = count_queries(client, "/")
    assert len(featured_titles(html_of(client, "/"))) == 10
    assert (with_2, with_10) == (HOME_PAGE, HOME_PAGE)
