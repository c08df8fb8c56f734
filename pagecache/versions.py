"""What cached pages are built from, as versions (`wijkportaal.cache`): retiring one retires
every page, card or copy stored under it."""

from wijkportaal.cache import version_retire

#: What pages show: retired when a page is published, unpublished, moved or deleted, and when a
#: snippet (a theme, an organisation, an author) changes.
CONTENT = "content"
#: The sites and view restrictions each process remembers (`pagecache.memo`).
STRUCTURE = "structure"
#: The cards of listings, each kept under its own page's publish time: retired only by what all
#: cards show (terms, sites).
CARDS = "cards"
PAGE_VERSIONS = (CONTENT, STRUCTURE)


def content_changed(**kwargs) -> None:
    version_retire(CONTENT)


def snippet_changed(**kwargs) -> None:
    version_retire(CONTENT, CARDS)


def structure_changed(**kwargs) -> None:
    version_retire(CONTENT, STRUCTURE, CARDS)
