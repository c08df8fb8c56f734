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

    #: The Dutch word for the kind of term, as in "Volg thema Wonen".
    kind_label = ""
    url_name = ""
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
        return reverse(self.url_name, kwargs={"slug": self.slug})


class Theme(Term):
    kind_label = "thema"
    url_name = "articles:theme_detail"
    article_lookup = "themes"
    event_lookup = "themes"

    class Meta(Term.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class Organisation(Term):
    website = models.URLField("website", blank=True)

    kind_label = "organisatie"
    url_name = "articles:organisation_detail"
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
    url_name = "articles:author_detail"
    article_lookup = "article_authors__author"
    term_article_path = "article_links__page"
    # Events have speakers and hosts, not authors.
    event_lookup = ""
    panels = [*Term.panels, FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Term.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"
