import datetime
from urllib.parse import urlsplit

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search.backends import get_search_backend

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
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

BODY = [
    {"type": "heading", "value": {"text": "Aanpak", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Bewoners en professionals werken samen aan de buurt.</p>"},
]


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Testthema {n}")
    slug = factory.Sequence(lambda n: f"testthema-{n}")
    description = "Een thema om mee te testen."


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    slug = factory.Sequence(lambda n: f"testorganisatie-{n}")


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Testauteur {n}")
    slug = factory.Sequence(lambda n: f"testauteur-{n}")
    role = "Wijkregisseur"
    organisation = factory.SubFactory(OrganisationFactory)


def _no_terms():
    return factory.Dict({"themes": [], "organisations": [], "authors": []})


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A published article; pass `terms__themes`, `terms__organisations` and `terms__authors`
    as lists. The terms go in with the page, so it is saved (and indexed for search) once.
    """

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Testartikel {n}")
    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    intro = "Een artikel om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")
    terms = _no_terms()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["organisations"] = terms["organisations"]
        kwargs["article_authors"] = [
            ArticlePageAuthor(author=author, sort_order=order)
            for order, author in enumerate(terms["authors"])
        ]
        return kwargs


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event next week; pass `terms__themes` and `terms__organisations` as lists."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testevenement {n}")
    slug = factory.Sequence(lambda n: f"testevenement-{n}")
    intro = "Een bijeenkomst om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "Buurthuis De Schakel, Havenstad"
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")
    terms = _no_terms()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["organisations"] = terms["organisations"]
        return kwargs


class ExplainerPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExplainerPage

    title = factory.Sequence(lambda n: f"Testuitleg {n}")
    slug = factory.Sequence(lambda n: f"testuitleg-{n}")
    intro = "Uitleg om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    live = True


class InformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InformationPage

    title = factory.Sequence(lambda n: f"Testinformatie {n}")
    slug = factory.Sequence(lambda n: f"testinformatie-{n}")
    intro = "Informatie om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    live = True


def pages_bulk(
    factory, parent: Page, n: int, *, title=None, at=None, index=False, **terms
) -> list[Page]:
    """`n` live pages of `factory` (ArticlePageFactory, EventPageFactory) under `parent`, inserted
    in bulk for the tests that need dozens or hundreds: the tree paths are computed here, not per
    page, and no signal is sent (retire cached pages yourself). Titled `title` and a number if
    given, first published `at` (now); `terms` as for the factory (themes, organisations, and for
    articles authors); indexed for search only with `index`.
    """
    model = factory._meta.model
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = 1 if last is None else int(last.path[-Page.steplen :], 36) + 1
    content_type = ContentType.objects.get_for_model(model)
    at = at or timezone.now()
    pages = []
    for number, step in enumerate(range(first_step, first_step + n)):
        page = factory.build(first_published_at=at, last_published_at=at)
        if title:
            page.title = f"{title} {number}"
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        pages.append(page)
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        page._state.adding = False
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + n)
    for name in ("themes", "organisations"):
        through = getattr(model, name).through
        page_column = through._meta.get_field(model._meta.model_name).attname
        term_column = through._meta.get_field(name[:-1]).attname
        through.objects.bulk_create(
            through(**{page_column: page.pk, term_column: term.pk})
            for page in pages
            for term in terms.get(name, [])
        )
    ArticlePageAuthor.objects.bulk_create(
        ArticlePageAuthor(page_id=page.pk, author_id=author.pk, sort_order=order)
        for page in pages
        for order, author in enumerate(terms.get("authors", []))
    )
    if index:
        fresh = model.objects.filter(pk__in=[page.pk for page in pages])
        get_search_backend().add_bulk(
            model, list(fresh.prefetch_related("themes", "organisations"))
        )
    return pages


def wagtail_roots() -> Page:
    """The root page, after putting back what Wagtail's migrations make and a `transaction=True`
    test's flush takes away: the default locale, the root page and the root collection."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def page_tree_build() -> HomePage:
    """The pages every page hangs from, at the addresses the templates link to: the home page
    with the explainer, article and event indexes, and the default site pointing at it.

    The site's address is BASE_URL's, as on a real site, so full URLs start with BASE_URL. Works on
    a freshly migrated database and on one a `transaction=True` test flushed; leaves a tree that
    is there alone.
    """
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    root = wagtail_roots()
    # Wagtail's migrations leave a placeholder welcome page where the home page belongs.
    for placeholder in root.get_children().filter(
        content_type=ContentType.objects.get_for_model(Page)
    ):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title="Wijkportaal", slug="home", intro="Welkom."))
    for model, title, slug, intro in (
        (ExplainerIndexPage, "Integrale wijkaanpak", "integrale-wijkaanpak", "Wat het is."),
        (ArticleIndexPage, "Artikelen", "artikelen", "Nieuws en achtergronden."),
        (EventIndexPage, "Evenementen", "evenementen", "Bijeenkomsten in de wijk."),
    ):
        home.add_child(instance=model(title=title, slug=slug, intro=intro))
    base = urlsplit(settings.BASE_URL)
    Site.objects.all().delete()
    Site.objects.create(
        hostname=base.hostname or "localhost",
        port=base.port or (443 if base.scheme == "https" else 80),
        root_page=home,
        is_default_site=True,
        site_name="Wijkportaal",
    )
    return home


def published(page, *, at=None):
    """Let `page` have appeared on the site `at` (factory pages appear when they are made)."""
    at = at or timezone.now()
    Page.objects.filter(pk=page.pk).update(first_published_at=at, last_published_at=at)
    page.first_published_at = page.last_published_at = at
    return page


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)
