"""The page tree: home, the explainer section, articles, events and plain information pages."""

import math

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import selectors
from articles.blocks import BodyBlock
from articles.filters import ARTICLE_FACETS, EVENT_FACETS

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
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

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
        parts = [self.intro]
        for block in self.body.raw_data:
            value = block.get("value")
            if isinstance(value, str):
                parts.append(strip_tags(value))
            elif isinstance(value, dict):
                parts.extend(str(v) for k, v in value.items() if k in {"text", "quote"})
        return " ".join(parts)


class HomePage(IntroBodyMixin, Page):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ExplainerIndexPage",
        "articles.ArticleIndexPage",
        "articles.EventIndexPage",
        "articles.InformationPage",
    ]
    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = selectors.article_cards()[:6]
        context["upcoming_events"] = selectors.event_cards_upcoming()[:3]
        context["explainers"] = selectors.explainers()
        context["themes"] = selectors.themes()
        return context


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


class ExplainerPage(IntroBodyMixin, Page):
    parent_page_types = ["articles.ExplainerIndexPage"]
    subpage_types = []
    template = "pages/explainer_page.html"

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
            request, selectors.article_cards(), names=ARTICLE_FACETS, models=(ArticlePage,)
        )
        context["articles"] = listing.pop("filtered")
        context.update(listing)
        return context


class ArticlePage(IntroBodyMixin, Page):
    publication_date = models.DateField("publicatiedatum", default=timezone.localdate)
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
    organisations = ParentalManyToManyField(
        "articles.Organisation", verbose_name="organisaties", blank=True, related_name="articles"
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    template = "pages/article_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                InlinePanel("article_authors", label="Auteurs", heading="Auteurs"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisations"),
            ],
            heading="Gegevens",
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.FilterField("publication_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
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
        return context


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
        events = selectors.event_cards_past() if past else selectors.event_cards_upcoming()
        listing = selectors.filtered_listing(
            request, events, names=EVENT_FACETS, models=(EventPage,)
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
    themes = ParentalManyToManyField(
        "articles.Theme", verbose_name="thema's", blank=True, related_name="events"
    )
    organisations = ParentalManyToManyField(
        "articles.Organisation", verbose_name="organisaties", blank=True, related_name="events"
    )

    parent_page_types = ["articles.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

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
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisations"),
            ],
            heading="Gegevens",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.SearchField("location"),
        index.FilterField("start"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
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
