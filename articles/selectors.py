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


def terms_attach(*, articles=(), events=()) -> None:
    """Give these pages their themes, organisations and authors (in the editor's order) from one
    query, as `prefetch_related` would with five."""
    from articles.models import (
        TERM_KINDS,
        ArticlePage,
        ArticlePageAuthor,
        EventPage,
        Organisation,
        Theme,
    )

    article_ids = [page.pk for page in articles]
    event_ids = [page.pk for page in events]
    zero = Value(0, output_field=IntegerField())
    links = [
        (ArticlePage.themes.through, "articlepage_id", article_ids, "theme", zero),
        (ArticlePage.organisations.through, "articlepage_id", article_ids, "organisation", zero),
        (ArticlePageAuthor, "page_id", article_ids, "author", F("sort_order")),
        (EventPage.themes.through, "eventpage_id", event_ids, "theme", zero),
        (EventPage.organisations.through, "eventpage_id", event_ids, "organisation", zero),
    ]
    parts = [
        model.objects.filter(**{f"{page_field}__in": ids})
        .order_by()  # SQLite allows no ORDER BY inside a UNION
        .annotate(kind=Value(kind), order=order)
        .values_list(page_field, "kind", f"{kind}_id", f"{kind}__name", f"{kind}__slug", "order")
        for model, page_field, ids, kind, order in links
        if ids
    ]
    found = {}
    if parts:
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for page_id, kind, term_id, name, slug, _order in sorted(rows, key=lambda r: (r[5], r[3])):
            found.setdefault((page_id, kind), []).append((term_id, name, slug))

    def terms(page_id, kind):
        return [
            TERM_KINDS[kind](pk=pk, name=name, slug=slug)
            for pk, name, slug in found.get((page_id, kind), [])
        ]

    for page in [*articles, *events]:
        cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
        cache["themes"] = _prefetched(Theme, terms(page.pk, "theme"))
        cache["organisations"] = _prefetched(Organisation, terms(page.pk, "organisation"))
        if page.pk in article_ids:
            cache["article_authors"] = _prefetched(
                ArticlePageAuthor,
                [
                    ArticlePageAuthor(page_id=page.pk, author=author)
                    for author in terms(page.pk, "author")
                ],
            )


def _prefetched(model, objects: list) -> QuerySet:
    """A queryset that holds `objects` as if `prefetch_related` had read them."""
    queryset = model.objects.none()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset


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
    return article_cards().filter(**{term.article_lookup: term})


def term_events_upcoming(term) -> QuerySet:
    """The coming events of one term; none for a kind of term that events do not have."""
    if not term.event_lookup:
        return event_cards_upcoming().none()
    return event_cards_upcoming().filter(**{term.event_lookup: term})


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


def _term_links() -> list[tuple]:
    """(link model, term field, kind, page field) for every way a page links a term."""
    from articles.models import ArticlePage, ArticlePageAuthor, EventPage

    return [
        (ArticlePage.themes.through, "theme_id", "theme", "articlepage_id"),
        (ArticlePage.organisations.through, "organisation_id", "organisation", "articlepage_id"),
        (ArticlePageAuthor, "author_id", "author", "page_id"),
        (EventPage.themes.through, "theme_id", "theme", "eventpage_id"),
        (EventPage.organisations.through, "organisation_id", "organisation", "eventpage_id"),
    ]


def _pages_of_terms_q(terms: dict[str, frozenset]) -> Q:
    """Pages linked to any of `terms` ({kind: ids}): one semi-join per link table, read from its
    index. (One query joining all links and OR-ing them made PostgreSQL scan every article.)"""
    condition = Q(pk__in=[])
    for model, term_field, kind, page_field in _term_links():
        if ids := terms.get(kind):
            pages = model.objects.filter(**{f"{term_field}__in": ids}).values(page_field)
            condition |= Q(pk__in=pages)
    return condition


def pages_of_terms(*, terms: dict[str, frozenset], since=None, until=None) -> QuerySet:
    """(pk, content type, total) of the live, public articles and events linked to any of
    `terms` ({kind: ids}), newest first.

    "Newest" is when an item appeared on the site (`first_published_at`), so a backdated article
    published today is new today.
    """
    from wagtail.models import Page

    pages = public(Page.objects.live()).filter(_pages_of_terms_q(terms))
    if since is not None:
        pages = pages.filter(first_published_at__gt=since)
    if until is not None:
        pages = pages.filter(first_published_at__lte=until)
    return (
        with_total(pages)
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        .values_list("pk", "content_type__model", TOTAL, named=True)
    )


def pages_from_rows(rows) -> list:
    """The articles and events of `pages_of_terms` rows, in their order, with their terms: one
    query per kind of page and one for all their terms, whatever the number."""
    from articles.models import ArticlePage, EventPage

    ids = {"articlepage": [], "eventpage": []}
    for row in rows:
        ids[row.content_type__model].append(row.pk)
    articles = (
        list(ArticlePage.objects.filter(pk__in=ids["articlepage"])) if ids["articlepage"] else []
    )
    events = list(EventPage.objects.filter(pk__in=ids["eventpage"])) if ids["eventpage"] else []
    terms_attach(articles=articles, events=events)
    pages = {page.pk: page for page in [*articles, *events]}
    return [pages[row.pk] for row in rows if row.pk in pages]
