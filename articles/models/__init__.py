import functools
from dataclasses import dataclass

from .knowledge import (
    EXAMPLE_STATUSES,
    PUBLICATION_KINDS,
    DossierIndexPage,
    DossierPage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    PracticeExamplePartner,
    PublicationIndexPage,
    PublicationPage,
    PublicationPageAuthor,
    PublicationPageDocument,
)
from .pages import (
    ARTICLE_KINDS,
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageOrganisation,
    EventIndexPage,
    EventPage,
    EventPageOrganisation,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    HomePageFeatured,
    InformationPage,
)
from .terms import (
    PLACE_LEVELS,
    TERM_KINDS,
    Author,
    Organisation,
    Place,
    Term,
    Theme,
    ThemeFeatured,
    term_model_for_label,
)

#: The content types, in the order filters and search list them: what cards, listings, search,
#: the leeslijst and follows all read.
CONTENT_MODELS = (
    ExplainerPage,
    ArticlePage,
    EventPage,
    PublicationPage,
    PracticeExamplePage,
    DossierPage,
)

#: What each kind of link in `term_paths` leads to: the followable terms, and places.
LINK_KINDS = {**TERM_KINDS, "municipality": Place, "area": Place}


def content_model_for_slug(slug: str):
    """The content type whose filter word is `slug` ("artikel"), or None."""
    return next((model for model in CONTENT_MODELS if model.type_slug == slug), None)


@dataclass(frozen=True)
class TermLink:
    """One way a content type links terms of one kind: the table that holds the link, its column
    naming the page, its column naming the term, and whether the editor chose an order."""

    kind: str
    model: type
    page_field: str
    term_field: str
    ordered: bool


@functools.cache
def term_links(model) -> tuple[TermLink, ...]:
    """The links of `model` to its terms, derived from its `term_paths`: a many-to-many field, an
    orderable (`organisation_links__organisation`) or a foreign key on the page itself."""
    links = []
    for kind, path in model.term_paths.items():
        head, _, tail = path.partition("__")
        field = model._meta.get_field(head)
        if field.many_to_many:
            through = field.remote_field.through
            links.append(
                TermLink(
                    kind, through, field.m2m_field_name(), field.m2m_reverse_field_name(), False
                )
            )
        elif field.one_to_many:
            links.append(TermLink(kind, field.related_model, field.field.name, tail, True))
        else:
            links.append(TermLink(kind, model, "page_ptr", head, False))
    return tuple(links)


__all__ = [
    "ARTICLE_KINDS",
    "CONTENT_MODELS",
    "EXAMPLE_STATUSES",
    "LINK_KINDS",
    "PLACE_LEVELS",
    "PUBLICATION_KINDS",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticlePageOrganisation",
    "Author",
    "DossierIndexPage",
    "DossierPage",
    "EventIndexPage",
    "EventPage",
    "EventPageOrganisation",
    "ExplainerIndexPage",
    "ExplainerPage",
    "HomePage",
    "HomePageFeatured",
    "InformationPage",
    "Organisation",
    "Place",
    "PracticeExampleIndexPage",
    "PracticeExamplePage",
    "PracticeExamplePartner",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationPageAuthor",
    "PublicationPageDocument",
    "TERM_KINDS",
    "Term",
    "TermLink",
    "Theme",
    "ThemeFeatured",
    "content_model_for_slug",
    "term_links",
    "term_model_for_label",
]
