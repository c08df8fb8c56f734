from .pages import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    EventIndexPage,
    EventPage,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    InformationPage,
)
from .terms import TERM_KINDS, Author, Organisation, Term, Theme, term_model_for_label

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageAuthor",
    "Author",
    "EventIndexPage",
    "EventPage",
    "ExplainerIndexPage",
    "ExplainerPage",
    "HomePage",
    "InformationPage",
    "Organisation",
    "TERM_KINDS",
    "Term",
    "Theme",
    "term_model_for_label",
]
