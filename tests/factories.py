import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import ArticlePage, ArticlePageAuthor, Author, EventPage, Organisation, Theme

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


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article; pass `themes`, `organisations` and `authors` as lists."""

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Testartikel {n}")
    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    intro = "Een artikel om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    live = True

    @factory.post_generation
    def terms(page, create, extracted, **kwargs):
        page.themes = kwargs.get("themes", [])
        page.organisations = kwargs.get("organisations", [])
        page.article_authors = [
            ArticlePageAuthor(author=author, sort_order=order)
            for order, author in enumerate(kwargs.get("authors", []))
        ]
        if create:
            page.save()


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Testevenement {n}")
    slug = factory.Sequence(lambda n: f"testevenement-{n}")
    intro = "Een bijeenkomst om mee te testen."
    body = factory.LazyFunction(lambda: BODY)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "Buurthuis De Schakel, Havenstad"
    live = True

    @factory.post_generation
    def terms(page, create, extracted, **kwargs):
        page.themes = kwargs.get("themes", [])
        page.organisations = kwargs.get("organisations", [])
        if create:
            page.save()
