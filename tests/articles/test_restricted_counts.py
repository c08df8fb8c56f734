"""The shared term pages count what anybody may see: pages under a view restriction do not count."""

import re

import pytest
from wagtail.models import PageViewRestriction

from articles import selectors
from articles.models import Author, Organisation, Theme
from follows import selectors as follow_selectors
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    OrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(article_index):
    """A theme, an organisation and an author with one public article and two restricted ones
    (one restricted itself, one under a restricted page)."""
    theme = ThemeFactory(name="Afgeschermd thema", slug="afgeschermd-thema")
    organisation = OrganisationFactory(name="Afgeschermde stichting", slug="afgeschermde-stichting")
    author = AuthorFactory(name="Afgeschermde auteur", slug="afgeschermde-auteur")
    linked = {
        "terms__themes": [theme],
        "terms__organisations": [organisation],
        "terms__authors": [author],
    }
    ArticlePageFactory(parent=article_index, title="Openbaar stuk", **linked)
    secret = ArticlePageFactory(parent=article_index, title="Besloten stuk", **linked)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    section = ArticlePageFactory(parent=article_index, title="Besloten map")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    ArticlePageFactory(parent=section, title="Stuk in de besloten map", **linked)
    return {"thema": theme, "organisatie": organisation, "auteur": author}


@pytest.mark.parametrize("model", [Theme, Organisation, Author])
def test_terms_count_only_public_articles(terms, model):
    term = next(t for t in terms.values() if isinstance(t, model))
    counted = {t.pk: t.article_count for t in selectors.terms_with_counts(model)}
    assert counted[term.pk] == 1


@pytest.mark.parametrize(
    ("kind", "path"),
    [("thema", "/themas/"), ("organisatie", "/organisaties/"), ("auteur", "/auteurs/")],
)
def test_the_term_indexes_show_the_public_count(client, terms, kind, path):
    html = client.get(path).content.decode()
    term = terms[kind]
    item = re.search(
        re.escape(f'href="{term.get_absolute_url()}">{term.name}</a>') + r".*?</li>", html, re.S
    )
    assert item, f"{term.name} not listed on {path}"
    assert '<p class="term-list__count">1 artikel</p>' in item.group(0)


def test_the_article_facets_count_only_public_articles(client, terms):
    html = client.get("/artikelen/").content.decode()
    theme = terms["thema"]
    label = re.search(
        rf'<label for="filter-thema-{theme.slug}">{theme.name} '
        r'<span class="filters__count">\((\d+)',
        html,
    )
    assert label and label.group(1) == "1"


def test_theme_suggestions_count_only_public_articles(terms):
    counted = {t.pk: t.article_count for t in follow_selectors.theme_suggestions(limit=1000)}
    assert counted[terms["thema"].pk] == 1
