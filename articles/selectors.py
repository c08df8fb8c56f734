"""Reads for the public pages: each returns a queryset whose cost does not grow with its size."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, Window
from django.utils import timezone
from pyroaring import BitMap

from pagecache.memo import private_q, public

PAGE_SIZE = 12


TOTAL = "listing_total"
MAX_OFFSET = 10**9


def with_total(queryset: QuerySet) -> QuerySet:
    """`queryset` with each row carrying the size of the whole (for `values_list`, call this
    before it and name `TOTAL` among the fields)."""
    return queryset.annotate(**{TOTAL: Window(Count("*"))})


class CountingPaginator(Paginator):
    """Reads a page and the total in one query (`COUNT(*) OVER ()`) instead of counting first.

    A page past the end has no row to carry the total: then it counts, and gives the last page.
    """

    def get_page(self, number) -> PaginatorPage:
        try:
            number = self.validate_number_floor(number)
        except (PageNotAnInteger, EmptyPage):
            number = 1
        bottom = (number - 1) * self.per_page
        if bottom > MAX_OFFSET:  # far past any end, and past what an OFFSET can hold
            return super().get_page(number)
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if not rows and number > 1:
            return super().get_page(number)
        self.__dict__["count"] = getattr(rows[0], TOTAL) if rows else 0
        return self._get_page(rows, number, self)

    def validate_number_floor(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger from None
        if number < 1:
            raise EmptyPage
        return number


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> PaginatorPage:
    """One page of `queryset` for `?page=`; nonsense or out-of-range numbers give a valid page.

    A queryset annotated `with_total` is read with its total in one query: worth it where the
    query is costly either way. Elsewhere an index serves the page and a count is cheap.
    """
    if isinstance(queryset, QuerySet) and TOTAL in queryset.query.annotations:
        return CountingPaginator(queryset, per_page).get_page(request.GET.get("page"))
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def article_cards() -> QuerySet:
    """Live, public articles, newest first. Their cards come from `articles.cards`, which reads
    the terms of the cards it has to render."""
    from articles.models import ArticlePage

    return public(ArticlePage.objects.live()).order_by("-publication_date", "-pk")


def terms_attach(pages) -> None:
    """Give each page its terms as `page.card_terms` ({kind: [term, ...]}, each list in the
    editor's order) from one query, whatever the number and the types of the pages."""
    from articles.models import LINK_KINDS, term_links

    pages = list(pages)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.pk)
    zero = Value(0, output_field=IntegerField())
    parts = []
    for model, ids in by_model.items():
        for link in term_links(model):
            parts.append(
                link.model.objects.filter(
                    **{f"{link.page_field}__in": ids, f"{link.term_field}__isnull": False}
                )
                .order_by()  # SQLite allows no ORDER BY inside a UNION
                .annotate(
                    link_kind=Value(link.kind), link_order=F("sort_order") if link.ordered else zero
                )
                .values_list(
                    f"{link.page_field}_id",
                    "link_kind",
                    f"{link.term_field}_id",
                    f"{link.term_field}__name",
                    f"{link.term_field}__slug",
                    "link_order",
                )
            )
    found = {}
    if parts:
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for page_id, kind, term_id, name, slug, _order in sorted(rows, key=lambda r: (r[5], r[3])):
            found.setdefault((page_id, kind), []).append(
                LINK_KINDS[kind](pk=term_id, name=name, slug=slug)
            )
    for page in pages:
        page.card_terms = {kind: found.get((page.pk, kind), []) for kind in type(page).term_paths}


def featured_pages(links) -> list:
    """The live pages anybody may see among an editor's chosen `links` (a related manager of
    `FeaturedLink`s), in the editor's order, as their own types with their terms."""
    ids = [link.linked_page_id for link in links.all()]
    return pages_in_order(ids)


def pages_in_order(ids) -> list:
    """The live, public content pages with these ids, in this order, as their own types: one
    query, the table of every content type joined to the pages (their cards read the terms they
    need)."""
    from wagtail.models import Page

    from articles.models import CONTENT_MODELS

    if not ids:
        return []
    names = [model._meta.model_name for model in CONTENT_MODELS]
    rows = public(Page.objects.live()).filter(pk__in=ids).select_related(*names)
    found = {}
    for page in rows:
        specific = next((c for name in names if (c := getattr(page, name, None))), None)
        if specific is not None:
            found[page.pk] = specific
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def dossiers() -> QuerySet:
    from articles.models import DossierPage

    return public(DossierPage.objects.live()).order_by("title")


def dossier_sections(dossier) -> list[dict]:
    """The dossier's sections with their chosen pages that are live and public, read for all
    sections at once (from the stored ids: the blocks would read each section's pages apart)."""
    sections = []
    for block in dossier.sections.raw_data:
        if block.get("type") != "section":
            continue
        value = block.get("value") or {}
        ids = [_item_value(item) for item in value.get("pages") or []]
        sections.append(
            {
                "heading": value.get("heading", ""),
                "text": value.get("text", ""),
                "ids": [pk for pk in ids if isinstance(pk, int)],
            }
        )
    pages = {page.pk: page for page in pages_in_order([pk for s in sections for pk in s["ids"]])}
    for section in sections:
        section["pages"] = [pages[pk] for pk in section.pop("ids") if pk in pages]
    return sections


def _item_value(item):
    """A list item's value, stored either bare or as {"type": "item", "value": …}."""
    return item.get("value") if isinstance(item, dict) else item


DOSSIER_NEW_ITEMS = 6


def dossier_new_items(dossier, *, shown=()) -> list:
    """What appeared most recently under the dossier's themes, other dossiers and the pages its
    sections `shown` already left out."""
    from articles import listing_index
    from articles.models import DossierPage

    theme_ids = frozenset(dossier.themes.values_list("pk", flat=True))
    if not theme_ids:
        return []
    index = listing_index.content()
    found = BitMap.union(BitMap(), *(index.term_set("theme", pk) for pk in theme_ids))
    found -= index.type_set(DossierPage) | index.positions_of(shown)
    return index.pages_in_order(found[:DOSSIER_NEW_ITEMS])


def content_cards(model) -> QuerySet:
    """Live, public pages of one dated content type, newest first."""
    return public(model.objects.live()).order_by("-publication_date", "-pk")


def linked_organisations(links) -> list:
    """The organisations of an orderable relation (`page.organisation_links`), in order."""
    return [link.organisation for link in links.select_related("organisation")]


def linked_places(links) -> list:
    """The places of a page's `place_links`, in the editor's order."""
    return [link.place for link in links.select_related("place")]


def article_authors(article) -> list:
    return [link.author for link in article.article_authors.select_related("author")]


def _event_cards() -> QuerySet:
    from articles.models import EventPage

    return public(EventPage.objects.live())


def event_cards_upcoming(*, now=None) -> QuerySet:
    """Events that have not ended yet, soonest first."""
    return _event_cards().filter(end__gte=now or timezone.now()).order_by("start", "pk")


def event_cards_past(*, now=None) -> QuerySet:
    """Events that have ended, most recent first."""
    return _event_cards().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def explainers(*, parent=None) -> QuerySet:
    """The explainer pages in tree order, under `parent` or wherever they are."""
    from articles.models import ExplainerPage

    pages = public(ExplainerPage.objects.live())
    if parent is not None:
        pages = pages.child_of(parent)
    return pages.order_by("path")


def term_articles(term) -> QuerySet:
    """The articles of one theme, organisation or author."""
    from articles.models import ArticlePage

    path = ArticlePage.term_paths.get(term.kind())
    if path is None:
        return article_cards().none()
    return article_cards().filter(**{path: term})


#: How many coming events a term's page shows.
TERM_EVENTS = 5


def term_listing(request, term) -> dict:
    """What a term's page lists, from the index of all content (`articles.listing_index`): one
    page (`?page=`) of everything but events linked to the term, newest on the site first; its
    coming events (for a kind of term events have); for a theme its editor's chosen pages and
    its dossier. The pages of all of them are read together, in one query, and so are their
    cards (`articles.cards.cards_prefetch`)."""
    from articles import listing_index
    from articles.cards import cards_prefetch
    from articles.models import DossierPage, EventPage

    index = listing_index.content()
    linked = index.term_set(term.kind(), term.pk)
    events = index.type_set(EventPage)
    items = Paginator(listing_index.Selection(index, linked - events, load=False), PAGE_SIZE)
    items = items.get_page(request.GET.get("page"))
    coming = (
        index.soonest(linked & events & index.upcoming(), TERM_EVENTS) if term.has_events() else []
    )
    is_theme = term.kind() == "theme"
    featured = index.featured(term.pk) if is_theme else []
    dossiers = list(linked & index.type_set(DossierPage)) if is_theme else []
    pages = index.pages([*items.object_list, *coming, *featured, *dossiers])
    items.object_list = [pages[p] for p in items.object_list if p in pages]
    listing = {
        "items": items,
        "events": [pages[p] for p in coming if p in pages] if term.has_events() else None,
    }
    if is_theme:
        listing["featured"] = [pages[p] for p in featured if p in pages]
        found = [pages[p] for p in dossiers if p in pages]
        listing["dossier"] = min(found, key=lambda page: (page.title, page.pk)) if found else None
    cards_prefetch(
        request, [*listing.get("featured", ()), *(listing["events"] or ()), *items.object_list]
    )
    return listing


def term_events_upcoming(term) -> QuerySet:
    """The coming events of one term or place; none for a kind of term that events do not
    have."""
    from articles.models import EventPage

    path = EventPage.term_paths.get(term.kind())
    if path is None:
        return event_cards_upcoming().none()
    if term.kind() == "place":  # also the events of the places that lie in it
        from articles.places import place_tree

        linked = EventPage.objects.filter(**{f"{path}__in": place_tree().within([term.pk])})
        return event_cards_upcoming().filter(pk__in=linked.values("pk"))
    return event_cards_upcoming().filter(**{path: term})


def themes() -> QuerySet:
    from articles.models import Theme

    return Theme.objects.order_by("name")


def terms_with_counts(model) -> QuerySet:
    """All terms of one kind with the number of live articles each has that anybody may see
    (the term pages are rendered once for everyone)."""
    return model.objects.annotate(
        article_count=public_article_count(model.term_article_path)
    ).order_by("name")


def public_article_count(lookup: str) -> Count:
    """The number of live articles anybody may see through `lookup` ("articles"), to annotate."""
    condition = Q(**{f"{lookup}__live": True})
    if private := private_q(f"{lookup}__"):
        condition &= ~private
    return Count(lookup, filter=condition, distinct=True)


def filtered_listing(request, index, *, names, base=None, reverse: bool = False) -> dict:
    """A listing of the pages of `index` (`articles.listing_index`; those at the positions
    `base`, all by default) narrowed by the filters in the query string, with its filter form's
    facets. Filters and counts come from memory; the only query reads the page of results
    shown (one per type of page on it)."""
    from articles import filters as listing_filters
    from articles.listing_index import Selection

    filters = listing_filters.filters_from_query(request.GET, facets=names)
    facets, matching = listing_filters.facets_of(
        index, filters, names=names, base=index.everything if base is None else base
    )
    selection = Selection(index, matching, reverse=reverse)
    return {
        "filters": filters,
        "facets": facets,
        "filtered": Paginator(selection, PAGE_SIZE).get_page(request.GET.get("page")),
    }


def _pages_of_terms_q(terms: dict[str, frozenset]) -> Q:
    """Pages linked to any of `terms` ({kind: ids}): one semi-join per link table, read from its
    index. (One query joining all links and OR-ing them made PostgreSQL scan every article.)"""
    from articles.models import CONTENT_MODELS, term_links

    condition = Q(pk__in=[])
    for model in CONTENT_MODELS:
        for link in term_links(model):
            if ids := terms.get(link.kind):
                pages = link.model.objects.filter(**{f"{link.term_field}_id__in": ids})
                condition |= Q(pk__in=pages.values(f"{link.page_field}_id"))
    return condition


def pages_of_terms(*, terms: dict[str, frozenset], since=None, until=None, exclude=()) -> QuerySet:
    """(pk, content type, total) of the live, public content pages linked to any of `terms`
    ({kind: ids}), newest first; none of the types in `exclude`.

    "Newest" is when an item appeared on the site (`first_published_at`), so a backdated article
    published today is new today.
    """
    from wagtail.models import Page

    pages = public(Page.objects.live()).filter(_pages_of_terms_q(terms))
    if exclude:
        pages = pages.not_type(*exclude)
    if since is not None:
        pages = pages.filter(first_published_at__gt=since)
    if until is not None:
        pages = pages.filter(first_published_at__lte=until)
    return (
        with_total(pages)
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        .values_list("pk", "content_type__model", TOTAL, named=True)
    )


def pages_from_rows(rows, *, with_terms: bool = True) -> list:
    """The content pages of `pages_of_terms` rows, in their order, with their terms: one query
    per type of page present and one for all their terms, whatever the number. Without
    `with_terms` the terms are left to the cards, which need them only for cards not cached."""
    from articles.models import CONTENT_MODELS

    models = {model._meta.model_name: model for model in CONTENT_MODELS}
    ids = {}
    for row in rows:
        if row.content_type__model in models:
            ids.setdefault(row.content_type__model, []).append(row.pk)
    pages = {}
    for name, pks in ids.items():
        pages.update((page.pk, page) for page in models[name].objects.filter(pk__in=pks))
    ordered = [pages[row.pk] for row in rows if row.pk in pages]
    if with_terms:
        terms_attach(ordered)
    return ordered
