import functools
from dataclasses import dataclass

from .changes import CHANGE_NOTE_MAX_LENGTH, ChangeKind, ChangeNote, ChangeNoted
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
    PublicationPagePlace,
)
from .pages import (
    ARTICLE_KINDS,
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageOrganisation,
    ArticlePagePlace,
    EventIndexPage,
    EventPage,
    EventPageOrganisation,
    EventPagePlace,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    HomePageFeatured,
    InformationPage,
)
from .terms import (
    FOLLOW_KINDS,
    PLACE_LEVELS,
    PLACE_PARENTS,
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

#: What each kind of link in `term_paths` leads to: the followable terms, and places (those a
#: page names, and a practice example's gemeente and area).
LINK_KINDS = {**TERM_KINDS, "place": Place, "municipality": Place, "area": Place}
#: The kinds of link that lead to a place: a place's page, filter and followers take them all in.
PLACE_LINKS = tuple(kind for kind, model in LINK_KINDS.items() if model is Place)


def link_family(kind: str) -> str:
    """The kind of what a link of `kind` leads to: "place" for "municipality" and "area", the
    kind itself for the others."""
    return LINK_KINDS[kind].kind()


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
    "CHANGE_NOTE_MAX_LENGTH",
    "ARTICLE_KINDS",
    "CONTENT_MODELS",
    "EXAMPLE_STATUSES",
    "FOLLOW_KINDS",
    "LINK_KINDS",
    "PLACE_LEVELS",
    "PLACE_LINKS",
    "PLACE_PARENTS",
    "PUBLICATION_KINDS",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticlePageOrganisation",
    "ArticlePagePlace",
    "Author",
    "ChangeKind",
    "ChangeNote",
    "ChangeNoted",
    "DossierIndexPage",
    "DossierPage",
    "EventIndexPage",
    "EventPage",
    "EventPageOrganisation",
    "EventPagePlace",
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
    "PublicationPagePlace",
    "TERM_KINDS",
    "Term",
    "TermLink",
    "Theme",
    "ThemeFeatured",
    "content_model_for_slug",
    "link_family",
    "term_links",
    "term_model_for_label",
]
