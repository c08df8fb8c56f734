"""Reads for the public pages: each returns a queryset whose cost does not grow with its size."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, Window
from django.utils import timezone

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
    query for the types and one per type present (their cards read the terms they need)."""
    from wagtail.models import Page

    if not ids:
        return []
    rows = (
        public(Page.objects.live())
        .filter(pk__in=ids)
        .values_list("pk", "content_type__model", named=True)
    )
    found = {row.pk: row for row in rows}
    return pages_from_rows(
        [found[pk] for pk in dict.fromkeys(ids) if pk in found], with_terms=False
    )


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
    from articles.models import DossierPage

    theme_ids = frozenset(dossier.themes.values_list("pk", flat=True))
    if not theme_ids:
        return []
    rows = pages_of_terms(terms={"theme": theme_ids}, exclude=(DossierPage,))
    if shown:
        rows = rows.exclude(pk__in=shown)
    return pages_from_rows(list(rows[:DOSSIER_NEW_ITEMS]), with_terms=False)


def theme_dossier(theme):
    """The first dossier of `theme` that anybody may see, or None."""
    return dossiers().filter(themes=theme).first()


def content_cards(model) -> QuerySet:
    """Live, public pages of one dated content type, newest first."""
    return public(model.objects.live()).order_by("-publication_date", "-pk")


def linked_organisations(links) -> list:
    """The organisations of an orderable relation (`page.organisation_links`), in order."""
    return [link.organisation for link in links.select_related("organisation")]


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


def term_pages(term) -> QuerySet:
    """(pk, content type, total) rows of everything but events linked to one term, newest
    first: its articles, publications, practice examples and dossiers."""
    from articles.models import EventPage

    return pages_of_terms(terms={term.kind(): frozenset([term.pk])}, exclude=(EventPage,))


def term_events_upcoming(term) -> QuerySet:
    """The coming events of one term; none for a kind of term that events do not have."""
    from articles.models import EventPage

    path = EventPage.term_paths.get(term.kind())
    if path is None:
        return event_cards_upcoming().none()
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


def filtered_listing(request, pages: QuerySet, *, names, models) -> dict:
    """A listing narrowed by the filters in the query string, with its filter form's facets."""
    from articles import filters as listing_filters

    filters = listing_filters.filters_from_query(request.GET, facets=names)
    return {
        "filters": filters,
        "facets": listing_filters.facets(pages, filters, names=names, models=models),
        "filtered": paginate(
            request, pages.filter(listing_filters.filter_q(filters, models=models))
        ),
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
