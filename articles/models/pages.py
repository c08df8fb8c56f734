"""The page tree: home, the explainer section, articles, events and plain information pages."""

import math

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import listing_index, selectors
from articles.blocks import BodyBlock, blocks_text
from articles.cards import cards_prefetch
from articles.filters import ARTICLE_FACETS, EVENT_FACETS
from articles.models.changes import ChangeNoted, ChangeNotedPageForm, change_panel

WORDS_PER_MINUTE = 200


class IntroBodyMixin(models.Model):
    """The fields every content page shares: a short plain-text intro and the block body."""

    intro = models.TextField(
        "inleiding", blank=True, help_text="Eén of twee zinnen; ook in overzichten."
    )
    body = StreamField(BodyBlock(), verbose_name="inhoud", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body_text"),
    ]

    #: A content type (`articles.models.CONTENT_MODELS`) names itself in filters (`?type=artikel`),
    #: on cards, in search results and in the leeslijst.
    type_slug = ""
    type_label = ""
    #: How the page reaches its terms: {kind of link: lookup path}, e.g. {"theme": "themes"}.
    #: Filters, cards, follows, feeds and search all read this (`articles.models.term_links`).
    term_paths: dict[str, str] = {}
    #: The field whose year the "jaar" filter reads (a date, or an integer year).
    year_field = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        if not kwargs.get("update_fields"):
            # The index update that post_save queued reads the page before its child relations
            # (authors, organisations, documents) are saved with it: with a task backend that
            # runs at once (development, tests), they would be missing. Queue it again now.
            from modelsearch.tasks import insert_or_update_object_task

            insert_or_update_object_task.enqueue(
                self._meta.app_label, self._meta.model_name, str(self.pk)
            )
            if self.type_slug:
                from search.index import document_update_queue

                document_update_queue([self.pk])
        return result

    def get_view_restrictions(self):
        """Wagtail reads these for every page it serves: read them from the per-process copy."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        from pagecache.memo import view_restrictions_of

        return view_restrictions_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.depth > 2:
            context["breadcrumbs"] = [
                {
                    "title": "Home" if ancestor.depth == 2 else ancestor.title,
                    "url": ancestor.get_url(request),
                }
                for ancestor in self.get_ancestors().filter(depth__gt=1)
            ]
        return context

    def body_text(self) -> str:
        """The words of intro and body, without markup, read from the stored block data."""
        return " ".join([self.intro, blocks_text(self.body.raw_data)])

    @property
    def card_type_label(self) -> str:
        """What a card calls the page: its kind where it has one ("Interview"), else its type."""
        get_kind_display = getattr(self, "get_kind_display", None)
        return get_kind_display() if get_kind_display and self.kind else self.type_label


class DatedPage(models.Model):
    """A page with a publication date, which is the day it went live unless the editor sets
    another: a page scheduled for next week shows next week's date, never the day it was written.
    """

    publication_date = models.DateField(
        "publicatiedatum",
        null=True,
        blank=True,
        help_text="Leeg laten: de dag waarop de pagina live gaat. Vul een datum in om die te tonen.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Wagtail sets `first_published_at` when a revision really goes live (at once, or when
        # `publish_scheduled` runs). The admin first saves a new page as live without it, before
        # it publishes or schedules the page: that save must not date it (not with the day of
        # writing, nor with a go-live time that is still ahead or already past).
        if self.publication_date is None and self.live and self.first_published_at:
            self.publication_date = timezone.localdate(self.first_published_at)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "publication_date"}
        return super().save(*args, **kwargs)


class OrganisationLink(Orderable):
    """An organisation of a page, chosen with the organisation chooser, in the editor's order."""

    organisation = models.ForeignKey(
        "articles.Organisation",
        verbose_name="organisatie",
        on_delete=models.CASCADE,
        related_name="%(class)s",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        constraints = [
            models.UniqueConstraint(fields=["page", "organisation"], name="unique_%(class)s"),
        ]


class PlaceLink(Orderable):
    """A place a page is about, chosen with the place chooser, in the editor's order."""

    place = models.ForeignKey(
        "articles.Place",
        verbose_name="gebied",
        on_delete=models.CASCADE,
        related_name="%(class)s",
    )

    panels = [FieldPanel("place")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"
        constraints = [
            models.UniqueConstraint(fields=["page", "place"], name="unique_%(class)s"),
        ]


def places_panel(relation: str = "place_links") -> MultipleChooserPanel:
    return MultipleChooserPanel(
        relation,
        chooser_field_name="place",
        heading="Gebieden",
        label="Gebied",
        help_text="De gemeenten, focusgebieden, wijken of buurten waar de pagina over gaat.",
    )


#: The search field of the places a page names.
PLACES_SEARCH_FIELD = index.RelatedFields(
    "place_links", [index.RelatedFields("place", [index.SearchField("name")])]
)


def organisations_panel(relation: str, heading: str = "Organisaties") -> MultipleChooserPanel:
    return MultipleChooserPanel(
        relation, chooser_field_name="organisation", heading=heading, label="Organisatie"
    )


def authors_panel(relation: str) -> MultipleChooserPanel:
    return MultipleChooserPanel(
        relation, chooser_field_name="author", heading="Auteurs", label="Auteur"
    )


class FeaturedLink(Orderable):
    """One page an editor put forward ("uitgelicht"), in the order they chose."""

    linked_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("linked_page")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "uitgelichte pagina"
        verbose_name_plural = "uitgelichte pagina's"


class HomePage(IntroBodyMixin, Page):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ExplainerIndexPage",
        "articles.ArticleIndexPage",
        "articles.EventIndexPage",
        "articles.PublicationIndexPage",
        "articles.PracticeExampleIndexPage",
        "articles.DossierIndexPage",
        "articles.DossierPage",
        "articles.InformationPage",
    ]
    max_count = 1
    template = "pages/home_page.html"

    content_panels = [
        *IntroBodyMixin.content_panels,
        MultipleChooserPanel(
            "featured_links",
            chooser_field_name="linked_page",
            heading="Uitgelicht",
            label="Pagina",
            help_text="Een rij gekozen pagina's op de startpagina. Leeg: de nieuwste artikelen.",
        ),
    ]

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = selectors.featured_pages(self.featured_links)
        context["latest_articles"] = list(selectors.article_cards()[:6])
        context["upcoming_events"] = list(selectors.event_cards_upcoming()[:3])
        context["explainers"] = selectors.explainers()
        context["themes"] = selectors.themes()
        # The cards of the three rows at once: one cache read, one query for what it misses.
        cards_prefetch(
            request,
            [*context["featured"], *context["latest_articles"], *context["upcoming_events"]],
        )
        return context


class HomePageFeatured(FeaturedLink):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_links")


class ExplainerIndexPage(IntroBodyMixin, Page):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ExplainerPage"]
    max_count = 1
    template = "pages/explainer_index_page.html"

    class Meta:
        verbose_name = "uitlegoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["explainers"] = selectors.explainers(parent=self)
        return context


class ExplainerPage(ChangeNoted, IntroBodyMixin, Page):
    parent_page_types = ["articles.ExplainerIndexPage"]
    subpage_types = []
    template = "pages/explainer_page.html"
    base_form_class = ChangeNotedPageForm
    content_panels = [*IntroBodyMixin.content_panels, change_panel()]

    type_slug = "uitleg"
    type_label = "Uitleg"

    class Meta:
        verbose_name = "uitlegpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["explainers"] = selectors.explainers(parent=self.get_parent())
        return context


class InformationPage(IntroBodyMixin, Page):
    """A plain page such as the accessibility statement or the privacy statement."""

    parent_page_types = ["articles.HomePage"]
    subpage_types = []
    template = "pages/information_page.html"

    class Meta:
        verbose_name = "informatiepagina"


class ArticleIndexPage(IntroBodyMixin, Page):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1
    template = "pages/article_index_page.html"

    class Meta:
        verbose_name = "artikeloverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = selectors.filtered_listing(
            request, listing_index.dated(ArticlePage), names=ARTICLE_FACETS
        )
        context["articles"] = listing.pop("filtered")
        context.update(listing)
        return context


ARTICLE_KINDS = [
    ("nieuws", "Nieuws"),
    ("achtergrond", "Achtergrond"),
    ("interview", "Interview"),
    ("opinie", "Opinie"),
    ("column", "Column"),
]


class ArticlePage(DatedPage, IntroBodyMixin, Page):
    kind = models.CharField("soort", max_length=20, choices=ARTICLE_KINDS, default="nieuws")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="afbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="articles"
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    template = "pages/article_page.html"

    type_slug = "artikel"
    type_label = "Artikel"
    term_paths = {
        "theme": "themes",
        "organisation": "organisation_links__organisation",
        "author": "article_authors__author",
        "place": "place_links__place",
    }
    year_field = "publication_date"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publication_date"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Gegevens",
        ),
        authors_panel("article_authors"),
        organisations_panel("organisation_links"),
        places_panel(),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.FilterField("publication_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields(
            "organisation_links", [index.RelatedFields("organisation", [index.SearchField("name")])]
        ),
        PLACES_SEARCH_FIELD,
    ]

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikelen"
        # Newest first: the home page, the index and the feeds read the top of this.
        indexes = [models.Index(fields=["publication_date", "page_ptr"], name="article_published")]

    @cached_property
    def reading_time(self) -> int:
        """Minutes to read intro and body, rounded up, at least one."""
        words = len(self.body_text().split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = selectors.article_authors(self)
        context["organisations"] = selectors.linked_organisations(self.organisation_links)
        context["places"] = selectors.linked_places(self.place_links)
        return context


class ArticlePageOrganisation(OrganisationLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="organisation_links")


class ArticlePagePlace(PlaceLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="place_links")


class ArticlePageAuthor(Orderable):
    """An author of an article, in the order the editor chose."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "articles.Author",
        verbose_name="auteur",
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_article_author"),
        ]


class EventIndexPage(IntroBodyMixin, Page):
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.EventPage"]
    max_count = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = "evenementenoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        past = request.GET.get("periode") == "afgelopen"
        events = listing_index.events()
        upcoming = events.upcoming()
        listing = selectors.filtered_listing(
            request,
            events,
            names=EVENT_FACETS,
            base=events.everything - upcoming if past else upcoming,
            reverse=past,  # the most recent first
        )
        context["past"] = past
        context["hidden"] = [("periode", "afgelopen")] if past else []
        context["clear_url"] = self.get_url(request) + ("?periode=afgelopen" if past else "")
        context["events"] = listing.pop("filtered")
        context.update(listing)
        return context


class EventPage(IntroBodyMixin, Page):
    start = models.DateTimeField("begin")
    end = models.DateTimeField("einde")
    location = models.CharField(
        "locatie", max_length=255, blank=True, help_text="Adres of naam van de plek."
    )
    online_url = models.URLField("online deelnemen", blank=True)
    registration_url = models.URLField("aanmelden", blank=True)
    report_url = models.URLField(
        "verslag",
        blank=True,
        help_text="Link naar een verslag. Bezoekers zien hem pas als het evenement voorbij is.",
    )
    recording_url = models.URLField(
        "opname",
        blank=True,
        help_text="Link naar een opname. Bezoekers zien hem pas als het evenement voorbij is.",
    )
    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="events"
    )

    parent_page_types = ["articles.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

    type_slug = "evenement"
    type_label = "Evenement"
    term_paths = {
        "theme": "themes",
        "organisation": "organisation_links__organisation",
        "place": "place_links__place",
    }
    year_field = "start"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading="Wanneer en waar",
        ),
        MultiFieldPanel(
            [FieldPanel("report_url"), FieldPanel("recording_url")],
            heading="Na afloop",
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        organisations_panel("organisation_links"),
        places_panel(),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.SearchField("location"),
        index.FilterField("start"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields(
            "organisation_links", [index.RelatedFields("organisation", [index.SearchField("name")])]
        ),
        PLACES_SEARCH_FIELD,
    ]

    class Meta:
        verbose_name = "evenement"
        verbose_name_plural = "evenementen"
        indexes = [models.Index(fields=["start", "page_ptr"], name="event_start")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "Het einde moet na het begin liggen."
        if not self.location and not self.online_url:
            errors["location"] = "Vul een locatie in, een link om online deel te nemen, of allebei."
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = selectors.linked_organisations(self.organisation_links)
        context["places"] = selectors.linked_places(self.place_links)
        return context


class EventPageOrganisation(OrganisationLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisation_links")


class EventPagePlace(PlaceLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="place_links")
