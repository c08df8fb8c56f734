"""Themes, organisations, authors and places: curated terms that people browse and follow."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable
from wagtail.search import index


class Term(index.Indexed, ClusterableModel):
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
    #: The path from the term to its articles, for counting them.
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
        if not self.has_events():
            return ""
        return reverse(f"articles:{self.kind()}_calendar", kwargs={"slug": self.slug})

    @classmethod
    def has_events(cls) -> bool:
        from articles.models.pages import EventPage

        return cls.kind() in EventPage.term_paths

    @classmethod
    def kind(cls) -> str:
        """ "theme", "organisation", "author" (the keys of `TERM_KINDS`) or "place"."""
        return cls._meta.model_name

    @classmethod
    def heading(cls) -> str:
        """ "Thema's": the kind's heading in lists."""
        return str(cls._meta.verbose_name_plural).capitalize()


class Theme(Term):
    kind_label = "thema"
    url_segment = "themas"
    panels = [
        *Term.panels,
        MultipleChooserPanel(
            "featured_links",
            chooser_field_name="linked_page",
            heading="Uitgelicht",
            label="Pagina",
            help_text="Gekozen pagina's bovenaan de themapagina, in deze volgorde.",
        ),
    ]

    class Meta(Term.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class ThemeFeatured(Orderable):
    """A page an editor put forward on a theme's page."""

    theme = ParentalKey(Theme, on_delete=models.CASCADE, related_name="featured_links")
    linked_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("linked_page")]

    class Meta(Orderable.Meta):
        verbose_name = "uitgelichte pagina"
        verbose_name_plural = "uitgelichte pagina's"


class Organisation(Term):
    website = models.URLField("website", blank=True)

    kind_label = "organisatie"
    url_segment = "organisaties"
    term_article_path = "articlepageorganisation__page"
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
    term_article_path = "article_links__page"
    panels = [*Term.panels, FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Term.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"


PLACE_LEVELS = [
    ("gemeente", "Gemeente"),
    ("focusgebied", "Focusgebied"),
    ("wijk", "Wijk"),
    ("buurt", "Buurt"),
]
#: What each level of place may lie in: a focusgebied (of the Nationaal Programma Leefbaarheid en
#: Veiligheid) spans several wijken of one gemeente, a wijk several buurten.
PLACE_PARENTS = {
    "gemeente": (),
    "focusgebied": ("gemeente",),
    "wijk": ("gemeente", "focusgebied"),
    "buurt": ("wijk", "focusgebied"),
}
#: How deep the hierarchy goes below a gemeente: gemeente → focusgebied → wijk → buurt.
PLACE_DEPTH = 3


class PlaceQuerySet(models.QuerySet):
    def within(self, ids) -> "PlaceQuerySet":
        """The places `ids` (ids or a queryset of them) and every place that lies in one of them:
        one condition per level, so it is a single query or subquery."""
        condition = models.Q(pk__in=ids)
        for depth in range(1, PLACE_DEPTH + 1):
            condition |= models.Q(**{"__".join(["parent"] * depth) + "__in": ids})
        return self.filter(condition)


class Place(Term):
    """A gemeente, an NPLV focusgebied, a wijk or a buurt that pages are about. A place's page
    and its followers take in everything about the places that lie in it."""

    level = models.CharField("niveau", max_length=12, choices=PLACE_LEVELS, default="gemeente")
    parent = models.ForeignKey(
        "self",
        verbose_name="ligt in",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=(
            "De gemeente van een focusgebied of wijk; de wijk of het focusgebied van een buurt."
        ),
    )

    kind_label = "gebied"
    url_segment = "gebieden"
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]

    objects = PlaceQuerySet.as_manager()

    class Meta(Term.Meta):
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"

    def __str__(self):
        if self.parent_id and self.level != "gemeente":
            return f"{self.name} ({self.parent.name})"
        return self.name

    def clean(self):
        super().clean()
        allowed = PLACE_PARENTS.get(self.level, ())
        if allowed and not self.parent_id:
            raise ValidationError(
                {"parent": f"Kies waarin deze {self.level} ligt: een {' of een '.join(allowed)}."}
            )
        if not allowed and self.parent_id:
            raise ValidationError({"parent": "Een gemeente ligt niet in een ander gebied."})
        if allowed and self.parent_id and self.parent.level not in allowed:
            raise ValidationError(
                {"parent": f"Een {self.level} ligt in een {' of een '.join(allowed)}."}
            )
        if self.pk:
            misplaced = [
                child.name
                for child in self.children.all()
                if self.level not in PLACE_PARENTS.get(child.level, ())
            ]
            if misplaced:
                raise ValidationError(
                    {
                        "level": f"In dit gebied liggen {', '.join(sorted(misplaced))}: "
                        f"die kunnen niet in een {self.level} liggen."
                    }
                )

    @property
    def gemeente(self) -> "Place":
        """The gemeente the place lies in (itself for a gemeente)."""
        place = self
        while place.parent_id is not None:
            place = place.parent
        return place


#: The kinds of term, by `Term.kind()`: what term pages, filters, search, feeds, follows and
#: intents all read.
TERM_KINDS: dict[str, type[Term]] = {model.kind(): model for model in (Theme, Organisation, Author)}


#: What a member can follow by its name: the terms, and places.
FOLLOW_KINDS: dict[str, type[Term]] = {**TERM_KINDS, Place.kind(): Place}


def term_model_for_label(label: str) -> type[Term] | None:
    """The kind of term or place whose Dutch word is `label` ("thema", "gebied"), or None."""
    return next((model for model in FOLLOW_KINDS.values() if model.kind_label == label), None)
