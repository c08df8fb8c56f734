"""Themes, organisations and authors: curated terms that people browse and follow."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    name = models.CharField("naam", max_length=150)
    slug = models.SlugField(
        "slug", max_length=150, unique=True, help_text="Het laatste deel van het webadres."
    )
    description = models.TextField("beschrijving", blank=True)

    #: The Dutch word for the kind of term, as in "Volg thema Wonen"; also its filter parameter
    #: (`?thema=wonen`) and its word in follow addresses (`/volgend/volg/thema/`).
    kind_label = ""
    #: The first part of its pages' addresses (`/themas/wonen/`).
    url_segment = ""
    #: How articles and events reach this kind of term, for filters.
    article_lookup = ""
    event_lookup = ""
    #: The same path seen from the term, for counting its articles.
    term_article_path = "articles"

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(f"articles:{self.kind()}_detail", kwargs={"slug": self.slug})

    def feed_url(self) -> str:
        return reverse(f"articles:{self.kind()}_feed", kwargs={"slug": self.slug})

    def calendar_url(self) -> str:
        """The iCalendar of the term's coming events; "" for a kind of term without events."""
        if not self.event_lookup:
            return ""
        return reverse(f"articles:{self.kind()}_calendar", kwargs={"slug": self.slug})

    @classmethod
    def kind(cls) -> str:
        """ "theme", "organisation" or "author": the key of `TERM_KINDS`."""
        return cls._meta.model_name

    @classmethod
    def heading(cls) -> str:
        """ "Thema's": the kind's heading in lists."""
        return str(cls._meta.verbose_name_plural).capitalize()


class Theme(Term):
    kind_label = "thema"
    url_segment = "themas"
    article_lookup = "themes"
    event_lookup = "themes"

    class Meta(Term.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class Organisation(Term):
    website = models.URLField("website", blank=True)

    kind_label = "organisatie"
    url_segment = "organisaties"
    article_lookup = "organisations"
    event_lookup = "organisations"
    panels = [*Term.panels, FieldPanel("website")]

    class Meta(Term.Meta):
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"


class Author(Term):
    role = models.CharField("functie", max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organisatie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authors",
    )

    kind_label = "auteur"
    url_segment = "auteurs"
    article_lookup = "article_authors__author"
    term_article_path = "article_links__page"
    # Events have speakers and hosts, not authors.
    event_lookup = ""
    panels = [*Term.panels, FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Term.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"


#: The kinds of term, by `Term.kind()`: what term pages, filters, search, feeds, follows and
#: intents all read.
TERM_KINDS: dict[str, type[Term]] = {model.kind(): model for model in (Theme, Organisation, Author)}


def term_model_for_label(label: str) -> type[Term] | None:
    """The kind of term whose Dutch word is `label` ("thema"), or None."""
    return next((model for model in TERM_KINDS.values() if model.kind_label == label), None)
