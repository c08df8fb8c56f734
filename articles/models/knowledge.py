"""The knowledge base: publications to download, practice examples from named places, dossiers."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import listing_index, selectors
from articles.blocks import RICH_TEXT_FEATURES
from articles.models.changes import ChangeNoted, ChangeNotedPageForm, change_panel
from articles.models.pages import (
    PLACES_SEARCH_FIELD,
    DatedPage,
    IntroBodyMixin,
    OrganisationLink,
    PlaceLink,
    authors_panel,
    organisations_panel,
    places_panel,
)

PUBLICATION_KINDS = [
    ("onderzoek", "Onderzoek"),
    ("handreiking", "Handreiking"),
    ("praktijkboek", "Praktijkboek"),
    ("factsheet", "Factsheet"),
    ("beleidsstuk", "Beleidsstuk"),
]
EXAMPLE_STATUSES = [("lopend", "Lopend"), ("afgerond", "Afgerond")]


def _this_year() -> int:
    return timezone.localdate().year


def _year_validators():
    from django.core.validators import MaxValueValidator, MinValueValidator

    return [MinValueValidator(1900), MaxValueValidator(2100)]


class ListingIndexPage(IntroBodyMixin, Page):
    """The index of one content type: its cards, newest first, with the filters of its facets."""

    #: The content type this index lists, and the filters its listing offers.
    listed_model: type[Page] | None = None
    facet_names: tuple[str, ...] = ()

    max_count = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = selectors.filtered_listing(
            request, listing_index.dated(self.listed_model), names=self.facet_names
        )
        context["items"] = listing.pop("filtered")
        context["singular"] = self.listed_model.type_label.lower()
        context["plural"] = self.listed_model.plural_label
        context.update(listing)
        return context


class PublicationIndexPage(ListingIndexPage):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.PublicationPage"]
    template = "pages/listing_index_page.html"
    facet_names = ("soort", "gebied", "thema", "organisatie", "auteur", "jaar")

    class Meta:
        verbose_name = "publicatieoverzicht"

    @property
    def listed_model(self):
        return PublicationPage


class PublicationPageForm(ChangeNotedPageForm):
    """Says what is missing where Django's formset would say "Verstuur minimaal 1 formulier"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets["documents"].error_messages["too_few_forms"] = (
            "Voeg minstens één document toe: een publicatie is er om te downloaden."
        )


class PublicationPage(ChangeNoted, DatedPage, IntroBodyMixin, Page):
    """A report, guide or fact sheet, with the documents to download."""

    kind = models.CharField("soort", max_length=20, choices=PUBLICATION_KINDS)
    year = models.PositiveSmallIntegerField(
        "jaar van verschijnen", default=_this_year, validators=_year_validators()
    )
    publisher = models.ForeignKey(
        "articles.Organisation",
        verbose_name="uitgever",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="publications"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["articles.PublicationIndexPage"]
    subpage_types = []
    template = "pages/publication_page.html"
    base_form_class = PublicationPageForm

    type_slug = "publicatie"
    type_label = "Publicatie"
    plural_label = "publicaties"
    term_paths = {
        "theme": "themes",
        "organisation": "publisher",
        "author": "publication_authors__author",
        "place": "place_links__place",
    }
    year_field = "year"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", heading="Samenvatting"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Gegevens",
        ),
        authors_panel("publication_authors"),
        MultipleChooserPanel(
            "documents",
            chooser_field_name="document",
            heading="Documenten",
            label="Document",
            min_num=1,
        ),
        places_panel(),
        FieldPanel("image"),
        FieldPanel("body"),
        change_panel(),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.SearchField("documents_text"),
        index.FilterField("year"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("publisher", [index.SearchField("name")]),
        PLACES_SEARCH_FIELD,
    ]

    class Meta:
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"
        indexes = [models.Index(fields=["publication_date", "page_ptr"], name="publication_dated")]

    def documents_text(self) -> str:
        """The words of the attached documents, for search."""
        from articles.documents import document_text

        return " ".join(document_text(link.document) for link in self.documents.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = [
            link.author for link in self.publication_authors.select_related("author")
        ]
        context["files"] = list(self.documents.select_related("document"))
        context["publisher_list"] = [self.publisher] if self.publisher_id else []
        context["places"] = selectors.linked_places(self.place_links)
        return context


class PublicationPageAuthor(Orderable):
    page = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="publication_authors"
    )
    author = models.ForeignKey(
        "articles.Author",
        verbose_name="auteur",
        on_delete=models.CASCADE,
        related_name="publication_links",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_publication_author"),
        ]


class PublicationPagePlace(PlaceLink):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="place_links")


class PublicationPageDocument(Orderable):
    """A file of a publication: the report itself, a summary, an appendix."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        "omschrijving",
        max_length=150,
        blank=True,
        help_text="Bijvoorbeeld ‘Volledig rapport’ of ‘Samenvatting’. Leeg: de titel van het document.",
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "document"
        verbose_name_plural = "documenten"

    @property
    def name(self) -> str:
        return self.label or self.document.title

    @property
    def extension(self) -> str:
        return self.document.file_extension.upper()


class PracticeExampleIndexPage(ListingIndexPage):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.PracticeExamplePage"]
    template = "pages/listing_index_page.html"
    facet_names = ("gebied", "thema", "organisatie", "status")

    class Meta:
        verbose_name = "overzicht praktijkvoorbeelden"

    @property
    def listed_model(self):
        return PracticeExamplePage


class PracticeExamplePage(DatedPage, IntroBodyMixin, Page):
    """How partners in one place tackled an opgave: the aanpak, what it brought, what they learnt."""

    municipality = models.ForeignKey(
        "articles.Place",
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="practice_examples",
        limit_choices_to={"level": "gemeente"},
    )
    area = models.ForeignKey(
        "articles.Place",
        verbose_name="wijk of buurt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="area_practice_examples",
        limit_choices_to={"level__in": ["focusgebied", "wijk", "buurt"]},
        help_text="Een focusgebied, wijk of buurt in de gemeente.",
    )
    approach = RichTextField("aanpak", features=RICH_TEXT_FEATURES)
    results = RichTextField("resultaten", features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField("lessen", features=RICH_TEXT_FEATURES, blank=True)
    contact_organisation = models.ForeignKey(
        "articles.Organisation",
        verbose_name="contact via organisatie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for",
    )
    contact_email = models.EmailField(
        "algemeen e-mailadres",
        blank=True,
        help_text="Een adres van de organisatie (zoals info@…), nooit dat van een persoon.",
    )
    contact_url = models.URLField("contactpagina", blank=True)
    start_year = models.PositiveSmallIntegerField(
        "sinds", default=_this_year, validators=_year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        "tot en met", null=True, blank=True, validators=_year_validators()
    )
    status = models.CharField("status", max_length=10, choices=EXAMPLE_STATUSES, default="lopend")
    fictional = models.BooleanField(
        "verzonnen voorbeeld",
        default=False,
        help_text="Een voorbeeld ter illustratie; de pagina zegt dat erbij.",
    )
    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="practice_examples"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["articles.PracticeExampleIndexPage"]
    subpage_types = []
    template = "pages/practice_example_page.html"

    type_slug = "praktijkvoorbeeld"
    type_label = "Praktijkvoorbeeld"
    plural_label = "praktijkvoorbeelden"
    term_paths = {
        "theme": "themes",
        "organisation": "partner_links__organisation",
        "municipality": "municipality",
        "area": "area",
    }
    year_field = "start_year"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("area")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("status"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("publication_date"),
                FieldPanel("fictional"),
            ],
            heading="Waar en wanneer",
        ),
        organisations_panel("partner_links", heading="Partners"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_url"),
            ],
            heading="Contact",
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("status"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.RelatedFields("area", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "praktijkvoorbeeld"
        verbose_name_plural = "praktijkvoorbeelden"
        indexes = [models.Index(fields=["publication_date", "page_ptr"], name="example_dated")]

    def clean(self):
        super().clean()
        errors = {}
        if self.end_year and self.start_year and self.end_year < self.start_year:
            errors["end_year"] = "Het eindjaar ligt voor het beginjaar."
        if self.status == "afgerond" and not self.end_year:
            errors["end_year"] = "Vul in tot wanneer een afgerond voorbeeld liep."
        area, gemeente_id = self.area if self.area_id else None, self.municipality_id
        if area and gemeente_id and area.parent_id and area.gemeente.pk != gemeente_id:
            errors["area"] = f"{self.area.name} ligt niet in {self.municipality.name}."
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> str:
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.end_year:
            return str(self.start_year)
        return f"sinds {self.start_year}"

    @property
    def place_name(self) -> str:
        if self.area_id:
            return f"{self.area.name}, {self.municipality.name}"
        return self.municipality.name

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = [
            link.organisation for link in self.partner_links.select_related("organisation")
        ]
        context["places"] = [place for place in (self.area, self.municipality) if place]
        return context


class PracticeExamplePartner(OrganisationLink):
    page = ParentalKey(PracticeExamplePage, on_delete=models.CASCADE, related_name="partner_links")

    class Meta(OrganisationLink.Meta):
        verbose_name = "partner"
        verbose_name_plural = "partners"


class DossierSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", max_length=150)
    text = blocks.TextBlock(label="Toelichting", required=False, max_length=600)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(
            label="Pagina",
            page_type=[
                "articles.ArticlePage",
                "articles.EventPage",
                "articles.PublicationPage",
                "articles.PracticeExamplePage",
                "articles.ExplainerPage",
                "articles.DossierPage",
            ],
        ),
        label="Pagina's",
        min_num=1,
    )

    class Meta:
        icon = "list-ul"
        label = "Sectie"


class DossierIndexPage(IntroBodyMixin, Page):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.DossierPage"]
    max_count = 1
    template = "pages/dossier_index_page.html"

    class Meta:
        verbose_name = "dossieroverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dossiers"] = selectors.dossiers()
        return context


class DossierPage(ChangeNoted, IntroBodyMixin, Page):
    """One opgave or theme: an introduction, the editor's sections of chosen items, and what is
    new under its themes."""

    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="dossiers"
    )
    sections = StreamField(
        [("section", DossierSectionBlock())],
        verbose_name="secties",
        blank=True,
        help_text="Gekozen pagina's per onderwerp, in deze volgorde.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["articles.DossierIndexPage", "articles.HomePage"]
    subpage_types = []
    template = "pages/dossier_page.html"
    base_form_class = ChangeNotedPageForm

    type_slug = "dossier"
    type_label = "Dossier"
    term_paths = {"theme": "themes"}

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("image"),
        FieldPanel("body", heading="Inleiding"),
        FieldPanel("sections"),
        change_panel(),
    ]

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = selectors.dossier_sections(self)
        # The cards of all sections are read at once (one read of the card cache, one query for
        # the terms of the cards it misses); each section shows its slice of them.
        start = 0
        for section in sections:
            section["card_slice"] = f"{start}:{start + len(section['pages'])}"
            start += len(section["pages"])
        context["sections"] = sections
        context["section_pages"] = [page for section in sections for page in section["pages"]]
        context["new_items"] = selectors.dossier_new_items(
            self, shown=[page.pk for page in context["section_pages"]]
        )
        return context
