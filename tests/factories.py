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
    ArticlePageOrganisation,
    ArticlePagePlace,
    Author,
    DossierIndexPage,
    DossierPage,
    EventIndexPage,
    EventPage,
    EventPageOrganisation,
    EventPagePlace,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    InformationPage,
    Organisation,
    Place,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    PracticeExamplePartner,
    PublicationIndexPage,
    PublicationPage,
    PublicationPageAuthor,
    PublicationPageDocument,
    PublicationPagePlace,
    Theme,
    term_links,
)
from pagecache.versions import content_changed
from search.index import documents_update

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
    return factory.Dict({"themes": [], "organisations": [], "authors": [], "places": []})


def _links(model, field: str, terms) -> list:
    """Orderable links to `terms`, in this order."""
    return [model(**{field: term}, sort_order=order) for order, term in enumerate(terms)]


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    slug = factory.Sequence(lambda n: f"testgemeente-{n}")
    level = "gemeente"


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page that is live and appeared on the site when it was made."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    body = factory.LazyFunction(lambda: BODY)
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    @factory.post_generation
    def retire_cached(obj, create, extracted, **kwargs):
        """Like publishing it: what was rendered or indexed from the pages before is retired."""
        if create:
            content_changed()


class ArticlePageFactory(PublishedPageFactory):
    """A published article; pass `terms__themes`, `terms__organisations`, `terms__authors` and
    `terms__places` as lists. The terms go in with the page, so it is saved (and indexed for
    search) once.
    """

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Testartikel {n}")
    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    intro = "Een artikel om mee te testen."
    terms = _no_terms()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["organisation_links"] = _links(
            ArticlePageOrganisation, "organisation", terms["organisations"]
        )
        kwargs["article_authors"] = _links(ArticlePageAuthor, "author", terms["authors"])
        kwargs["place_links"] = _links(ArticlePagePlace, "place", terms["places"])
        return kwargs


class EventPageFactory(PublishedPageFactory):
    """A published event next week; pass `terms__themes`, `terms__organisations` and
    `terms__places` as lists."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testevenement {n}")
    slug = factory.Sequence(lambda n: f"testevenement-{n}")
    intro = "Een bijeenkomst om mee te testen."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "Buurthuis De Schakel, Havenstad"
    terms = _no_terms()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["organisation_links"] = _links(
            EventPageOrganisation, "organisation", terms["organisations"]
        )
        kwargs["place_links"] = _links(EventPagePlace, "place", terms["places"])
        return kwargs


class PublicationPageFactory(PublishedPageFactory):
    """A published publication; `terms__themes`, `terms__authors`, `terms__places` as lists,
    `publisher` an organisation, `files` a list of Wagtail documents."""

    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Testpublicatie {n}")
    slug = factory.Sequence(lambda n: f"testpublicatie-{n}")
    intro = "Een samenvatting van een publicatie om mee te testen."
    kind = "handreiking"
    year = 2024
    terms = _no_terms()
    files = factory.LazyFunction(list)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["publication_authors"] = _links(PublicationPageAuthor, "author", terms["authors"])
        kwargs["place_links"] = _links(PublicationPagePlace, "place", terms["places"])
        kwargs["documents"] = _links(PublicationPageDocument, "document", kwargs.pop("files"))
        return kwargs


class PracticeExamplePageFactory(PublishedPageFactory):
    """A published practice example in a new gemeente; `terms__themes` and
    `terms__organisations` (the partners) as lists."""

    class Meta:
        model = PracticeExamplePage

    title = factory.Sequence(lambda n: f"Testvoorbeeld {n}")
    slug = factory.Sequence(lambda n: f"testvoorbeeld-{n}")
    intro = "Een praktijkvoorbeeld om mee te testen."
    municipality = factory.SubFactory(PlaceFactory)
    approach = "<p>Bewoners, corporatie en gemeente maakten samen een wijkplan.</p>"
    results = "<p>Meer bewoners doen mee.</p>"
    lessons = "<p>Begin klein.</p>"
    start_year = 2021
    status = "lopend"
    terms = _no_terms()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        terms = kwargs.pop("terms")
        kwargs["themes"] = terms["themes"]
        kwargs["partner_links"] = _links(
            PracticeExamplePartner, "organisation", terms["organisations"]
        )
        return kwargs


class DossierPageFactory(PublishedPageFactory):
    """A published dossier; `themes` as a list, `sections` as [(heading, [pages])]."""

    class Meta:
        model = DossierPage

    title = factory.Sequence(lambda n: f"Testdossier {n}")
    slug = factory.Sequence(lambda n: f"testdossier-{n}")
    intro = "Een dossier om mee te testen."
    themes = factory.LazyFunction(list)
    sections = factory.LazyFunction(list)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs["sections"] = [
            {
                "type": "section",
                "value": {"heading": heading, "text": "", "pages": [page.pk for page in pages]},
            }
            for heading, pages in kwargs["sections"]
        ]
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
    given, first published `at` (now); `terms` as for the factory (themes, organisations, places,
    and for articles authors); indexed for search only with `index`.
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
    kinds = {
        "themes": "theme",
        "organisations": "organisation",
        "authors": "author",
        "places": "place",
    }
    for link in term_links(model):
        chosen = next(
            (terms.get(name, []) for name, kind in kinds.items() if kind == link.kind), []
        )
        if not chosen or link.model is model:
            continue
        link.model.objects.bulk_create(
            link.model(
                **{f"{link.page_field}_id": page.pk, f"{link.term_field}_id": term.pk},
                **({"sort_order": number} if link.ordered else {}),
            )
            for page in pages
            for number, term in enumerate(chosen)
        )
    if index:
        fresh = model.objects.filter(pk__in=[page.pk for page in pages])
        get_search_backend().add_bulk(
            model, list(fresh.prefetch_related("themes", "organisation_links__organisation"))
        )
        documents_update(list(fresh))
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
        (PublicationIndexPage, "Publicaties", "publicaties", "Onderzoek en handreikingen."),
        (PracticeExampleIndexPage, "Praktijkvoorbeelden", "praktijkvoorbeelden", "Uit de wijk."),
        (DossierIndexPage, "Dossiers", "dossiers", "Per opgave."),
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
    content_changed()
    return page


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)
