"""Editors create every page type and term through the Wagtail admin, in Dutch."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    Author,
    EventIndexPage,
    EventPage,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    InformationPage,
    Organisation,
    Theme,
)
from tests.factories import AuthorFactory, ThemeFactory

pytestmark = pytest.mark.django_db

BODY = streamfield(
    [
        ("heading", {"text": "Een tussenkop", "level": "h2"}),
        ("paragraph", rich_text("<p>Een alinea over de wijk.</p>")),
    ]
)


def add_page(client, model, parent, *, multiple=None, **fields):
    """Create and publish a page through the admin form; `multiple` holds multi-select values.
    A page that can name places names none unless `place_links` says otherwise."""
    url = f"/admin/pages/add/articles/{model._meta.model_name}/{parent.pk}/"
    assert client.get(url).status_code == 200
    if hasattr(model, "place_links"):
        fields.setdefault("place_links", inline_formset([]))
    data = nested_form_data(
        {"title": fields.pop("title"), "slug": fields.pop("slug"), "body": BODY, **fields}
    )
    data.update(multiple or {})
    data["action-publish"] = "Publiceren"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    return model.objects.get(slug=data["slug"])


def test_admin_speaks_dutch(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert 'lang="nl"' in html
    assert "Pagina's" in html


@pytest.mark.parametrize(
    ("model", "parent_model", "fields"),
    [
        (ExplainerPage, ExplainerIndexPage, {"intro": "Korte uitleg."}),
        (InformationPage, HomePage, {"intro": "Over deze website."}),
        (
            EventPage,
            EventIndexPage,
            {
                "intro": "Een middag over de buurt.",
                "start": "2030-03-01 14:00",
                "end": "2030-03-01 17:00",
                "location": "Buurthuis De Schakel, Havenstad",
                "online_url": "",
                "registration_url": "https://example.org/aanmelden",
                "organisation_links": inline_formset([]),
            },
        ),
    ],
)
def test_editor_creates_leaf_pages(client, editor, model, parent_model, fields):
    client.force_login(editor)
    parent = parent_model.objects.get()
    page = add_page(client, model, parent, title="Nieuwe pagina", slug="nieuwe-pagina", **fields)
    assert page.live
    assert page.get_parent().pk == parent.pk
    assert client.get(page.url).status_code == 200


def test_editor_creates_an_article_with_ordered_authors_and_themes(
    client, editor, article_index, organisation
):
    client.force_login(editor)
    first, second = AuthorFactory(), AuthorFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    ThemeFactory()  # offered, not chosen
    page = add_page(
        client,
        ArticlePage,
        article_index,
        title="Nieuw artikel",
        slug="nieuw-artikel",
        intro="Kort.",
        publication_date="2026-11-01",
        kind="interview",
        multiple={"themes": [t.pk for t in themes]},
        article_authors=inline_formset(
            [{"author": second.pk, "ORDER": "1"}, {"author": first.pk, "ORDER": "2"}]
        ),
        organisation_links=inline_formset([{"organisation": organisation.pk, "ORDER": "1"}]),
    )
    assert [link.author for link in page.article_authors.order_by("sort_order")] == [second, first]
    assert set(page.themes.all()) == set(themes)
    assert [link.organisation for link in page.organisation_links.all()] == [organisation]
    assert page.kind == "interview"
    html = client.get(page.url).content.decode()
    assert html.index(second.name) < html.index(first.name)


@pytest.mark.parametrize("model", [ExplainerIndexPage, ArticleIndexPage, EventIndexPage])
def test_editor_creates_index_pages(client, editor, model):
    client.force_login(editor)
    home = HomePage.objects.get()
    model.objects.get().delete()
    page = add_page(client, model, home, title="Overzicht", slug="overzicht", intro="Alles.")
    assert page.live


def test_editor_creates_the_home_page(client, editor):
    client.force_login(editor)
    HomePage.objects.get().delete()
    page = add_page(
        client,
        HomePage,
        Page.get_first_root_node(),
        title="Start",
        slug="start",
        featured_links=inline_formset([]),
    )
    assert page.depth == 2


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Theme, {"name": "Armoede", "slug": "armoede", "description": "Rondkomen."}),
        (Organisation, {"name": "Buurtteam Oost", "slug": "buurtteam-oost", "description": ""}),
        (Author, {"name": "Sam de Vries", "slug": "sam-de-vries", "role": "Wijkregisseur"}),
    ],
)
def test_editor_creates_terms_as_snippets(client, editor, model, data):
    client.force_login(editor)
    url = f"/admin/snippets/articles/{model._meta.model_name}/add/"
    assert client.get(url).status_code == 200
    form = {"description": "", "organisation": "", "website": "", **data}
    if model is Theme:
        form.update(nested_form_data({"featured_links": inline_formset([])}))
    response = client.post(url, form)
    assert response.status_code == 302
    term = model.objects.get(slug=data["slug"])
    assert client.get(term.get_absolute_url()).status_code == 200


def test_term_slugs_are_unique(client, editor, wonen):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/articles/theme/add/",
        {
            "name": "Nog een keer wonen",
            "slug": "wonen",
            "description": "",
            **nested_form_data({"featured_links": inline_formset([])}),
        },
    )
    assert response.status_code == 200
    assert Theme.objects.filter(slug="wonen").count() == 1


def test_editor_manages_users_by_email(client, editor, django_user_model):
    client.force_login(editor)
    assert client.get("/admin/users/").status_code == 200
    response = client.post(
        "/admin/users/new/",
        {
            "email": "nieuwe.redacteur@wijkportaal.example",
            "first_name": "Nieuwe",
            "last_name": "Redacteur",
            "password1": "een-lang-wachtwoord-456",
            "password2": "een-lang-wachtwoord-456",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert django_user_model.objects.filter(email="nieuwe.redacteur@wijkportaal.example").exists()
