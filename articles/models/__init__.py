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
from .terms import Author, Organisation, Term, Theme

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
    "Term",
    "Theme",
]
