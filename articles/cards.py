"""The cards of every listing (articles, events, publications, practice examples, dossiers), rendered once and kept in the cache.

A card is kept under its page's `last_published_at` and `url_path`, so publishing or moving one
article renews that card and leaves every other one in place. What all cards show (the names of
terms, the sites' addresses) retires them all (`pagecache.versions.CARDS`). The leeslijst button
on a card is a personal slot (`personal.slots`), so one cached card serves every reader.

A listing reads all its cards in one cache read; only the cards it misses need their terms, read
for all of them in one query (`selectors.terms_attach`). Without Redis (`CARD_CACHE` off) the
cards are rendered with their page, which the shared-page cache keeps whole.
"""

from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from pagecache.versions import CARDS
from personal.slots import SharedPage, SharedRender, readerless_request, shared_render
from wijkportaal.cache import entries_lookup, entries_store

TIMEOUT = 24 * 60 * 60
TEMPLATES = {
    "articlepage": "components/article_card.html",
    "eventpage": "components/event_card.html",
    "publicationpage": "components/publication_card.html",
    "practiceexamplepage": "components/practice_example_card.html",
    "dossierpage": "components/page_card.html",
    "explainerpage": "components/page_card.html",
}
CONTEXT_NAMES = {"articlepage": "article", "eventpage": "event"}


def cards_render(request, pages, *, level: int = 3) -> list[SafeString]:
    """The card of each article or event in `pages`, for this request's reader."""
    pages = list(pages)
    if not pages:
        return []
    found = _cards(request, pages, level)
    return [_place(request, found[_key(page, level)]) for page in pages]


def cards_prefetch(request, pages, *, level: int = 3) -> None:
    """Read the cards of `pages` now, for every listing of this request that shows them: a page
    with several listings (a term's page: chosen pages, events, items) then reads the cache
    once and the terms of the cards it misses in one query."""
    if pages := list(pages):
        request._prefetched_cards = {
            **getattr(request, "_prefetched_cards", {}),
            **_cards(request, pages, level),
        }


def _cards(request, pages, level: int) -> dict:
    """{key: card} of `pages`: prefetched, cached or rendered now."""
    keys = {page.pk: _key(page, level) for page in pages}
    prefetched = getattr(request, "_prefetched_cards", {})
    found = {key: prefetched[key] for key in keys.values() if key in prefetched}
    pages = [page for page in pages if keys[page.pk] not in found]
    if not pages:
        return found
    if not settings.CARD_CACHE:
        _terms_attach(pages)
        found.update((keys[page.pk], _render(request, page, level)) for page in pages)
        return found
    cached, stamp = entries_lookup({keys[page.pk] for page in pages}, versions=[CARDS])
    found.update(cached)
    missing = [page for page in pages if keys[page.pk] not in found]
    if missing:
        _terms_attach(missing)
        rendered = {keys[page.pk]: _render(request, page, level) for page in missing}
        entries_store(rendered, stamp=stamp, timeout=TIMEOUT)
        found.update(rendered)
    return found


def _terms_attach(pages) -> None:
    """Read the terms of the pages whose terms were not read yet (the feed reads them first)."""
    from articles.selectors import terms_attach

    terms_attach([page for page in pages if not hasattr(page, "card_terms")])


def _kind(page) -> str:
    return page._meta.model_name


def _key(page, level: int) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    # An event's card changes when it is over (no registration, a report link instead).
    past = ":voorbij" if getattr(page, "is_past", False) else ""
    return f"card:{_kind(page)}:{page.pk}:{level}:{published}:{page.url_path}{past}"


def _render(request, page, level: int) -> SharedPage:
    """The card as a shared fragment: rendered for nobody, its button left as a slot."""
    kind = _kind(page)
    render = SharedRender()
    html = get_template(TEMPLATES[kind]).render(
        {
            CONTEXT_NAMES.get(kind, "page"): page,
            "item": page,
            "level": level,
            "request": readerless_request(request, render),
        }
    )
    return render.page(html, headers=[])


def _place(request, card: SharedPage) -> SafeString:
    outer = shared_render(request)
    if outer is not None:
        return mark_safe(outer.adopt(card))  # noqa: S308 (rendered by our own templates)
    return mark_safe(card.fill(request))  # noqa: S308 (rendered by our own templates)
