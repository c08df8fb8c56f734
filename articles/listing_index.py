"""Listings from memory: the filters, facet counts and pages of a listing as set operations.

Each process keeps, for each listing order, the live public pages in that order (a position per
page) and, for every filter value (a theme, an organisation, a year, a kind, a type), the set of
the positions of its pages as a compressed bitmap (`pyroaring.BitMap`). Filtering is a union per
filter and an intersection across filters, a facet count is the size of an intersection, and a
page of results is the n-th to m-th position of the result: all in memory, in a time that grows
with the number of filter values, hardly with the number of pages. The database only reads the
rows of the pages shown, in one query whatever their types.

An index is built with two queries (the pages in order; the terms, the links to them and the
themes' chosen pages as one UNION) the first time a process needs it under the current content
version (`pagecache.versions.CONTENT`), which publishing, unpublishing, moving or deleting a page
and changing a term retire. While the cache that holds the versions does not answer, an index is
kept for `UNVERSIONED_MAX_AGE` seconds.
"""

import bisect
import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast
from django.utils import timezone
from pyroaring import BitMap
from wagtail.models import Page

from pagecache.memo import public, versions_stamp

#: Seconds an index is used while the content version cannot be read (the cache is down).
UNVERSIONED_MAX_AGE = 5.0
#: Rows fetched at a time while building (hundreds of thousands of links at scale).
CHUNK = 20_000


@dataclass(frozen=True)
class Order:
    """Which pages an index holds (`models`) and in which order (`order_by` arguments on
    `Page`)."""

    name: str
    models: tuple
    ordering: tuple


class ListingIndex:
    """The live, public pages of some content types in one order, with the sets of positions of
    each filter value. Built by `_build`; only read afterwards, by any thread of the process."""

    def __init__(self, *, models, ids, types, values, terms, term_sets, events, featured):
        self.models = models
        #: position -> page id, and -> the index in `models` of the page's type
        self.ids = ids
        self.types = types
        #: {facet: {value: BitMap}} for "type", "jaar" and the choice facets
        self.values = values
        #: {link kind: {slug: (id, name)}} of every term, and {link kind: {id: BitMap}}
        self.terms = terms
        self.term_sets = term_sets
        #: the events' (ends in order, their positions) and {position: (start, id)}
        self._ends, self._event_positions, self._starts = events
        #: {theme id: [page id, ...]} in the editor's order
        self._featured = featured
        self.everything = BitMap(range(len(ids)))
        self._upcoming = (None, BitMap())
        self._positions = None

    def __len__(self) -> int:
        return len(self.ids)

    # Sets of positions -------------------------------------------------------------------------

    def term_set(self, kind: str, term_id: int) -> BitMap:
        """The pages linked to a term; for a place, to it or to any place that lies in it."""
        return self.term_sets.get(kind, {}).get(term_id) or BitMap()

    def type_set(self, *models) -> BitMap:
        found = self.values["type"]
        return BitMap.union(BitMap(), *(found.get(model.type_slug, BitMap()) for model in models))

    def upcoming(self, now=None) -> BitMap:
        """The events that have not ended at `now`."""
        first = bisect.bisect_left(self._ends, (now or timezone.now()).timestamp())
        known, found = self._upcoming
        if known != first:
            found = BitMap(self._event_positions[first:])
            self._upcoming = (first, found)
        return found

    def soonest(self, positions: BitMap, limit: int) -> list[int]:
        """The first `limit` of these events by start."""
        return sorted(positions, key=self._starts.__getitem__)[:limit]

    def position_map(self) -> dict[int, int]:
        """{page id: position}."""
        if self._positions is None:
            self._positions = {pk: position for position, pk in enumerate(self.ids)}
        return self._positions

    def positions_of(self, ids) -> BitMap:
        """The positions of these page ids (those the index holds)."""
        positions = self.position_map()
        return BitMap(positions[pk] for pk in ids if pk in positions)

    def featured(self, theme_id: int) -> list[int]:
        """The positions of a theme's chosen pages that anybody may see, in the editor's order."""
        positions = self.position_map()
        chosen = self._featured.get(theme_id, ())
        return [positions[pk] for pk in dict.fromkeys(chosen) if pk in positions]

    # Filters and facets ------------------------------------------------------------------------

    def chosen(self, name: str, values) -> BitMap:
        """The pages with any of `values` for the filter `name` (nothing for unknown values)."""
        from articles.filters import TERM_FACETS

        if name in TERM_FACETS:
            kind = TERM_FACETS[name]
            known = self.terms.get(kind, {})
            sets = [self.term_set(kind, known[slug][0]) for slug in values if slug in known]
        else:
            found = self.values.get(name, {})
            sets = [found[value] for value in values if value in found]
        return BitMap.union(BitMap(), *sets)

    def options(self, name: str):
        """(value, label, set or None) of every value of the facet `name`."""
        from articles.filters import TERM_FACETS, value_labels

        if name in TERM_FACETS:
            kind = TERM_FACETS[name]
            sets = self.term_sets.get(kind, {})
            for slug, (term_id, label) in self.terms.get(kind, {}).items():
                yield slug, label, sets.get(term_id)
        elif name == "jaar":
            for year, found in self.values["jaar"].items():
                yield year, str(year), found
        else:
            found = self.values.get(name, {})
            for value, label in value_labels(name, self.models).items():
                yield value, label, found.get(value)

    # Pages -------------------------------------------------------------------------------------

    def pages(self, positions) -> dict[int, Page]:
        """{position: page} of these positions, each page as its own type, from one query (the
        tables of the types present joined to the pages). Pages unpublished since are left out."""
        positions = list(positions)
        if not positions:
            return {}
        ids = [self.ids[p] for p in positions]
        models = {self.models[self.types[p]] for p in positions}
        if len(models) == 1:  # read from the type's own table
            (model,) = models
            found = {page.pk: page for page in public(model.objects.live()).filter(pk__in=ids)}
            return {p: found[self.ids[p]] for p in positions if self.ids[p] in found}
        names = sorted(model._meta.model_name for model in models)
        rows = public(Page.objects.live()).filter(pk__in=ids).select_related(*names)
        found = {page.pk: page for page in rows}
        pages = {}
        for position in positions:
            page = found.get(self.ids[position])
            if page is not None:
                pages[position] = getattr(page, self.models[self.types[position]]._meta.model_name)
        return pages

    def pages_in_order(self, positions) -> list[Page]:
        positions = list(positions)
        found = self.pages(positions)
        return [found[p] for p in positions if p in found]


class Selection(Sequence):
    """The pages at a set of positions in the index's order (or the reverse), read only for the
    slice asked for: what a `Paginator` pages through without a count query. With `load` off a
    slice gives positions, for the caller to read together with others (`ListingIndex.pages`)."""

    def __init__(
        self, index: ListingIndex, positions: BitMap, *, reverse: bool = False, load: bool = True
    ):
        self.index = index
        self.positions = positions
        self.reverse = reverse
        self.load = load

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        size = len(self.positions)
        start, stop, _ = item.indices(size)
        if self.reverse:
            chosen = [self.positions[size - 1 - rank] for rank in range(start, stop)]
        else:
            chosen = list(self.positions[start:stop]) if start < stop else []
        return self.index.pages_in_order(chosen) if self.load else chosen


# The indexes -----------------------------------------------------------------------------------

_built: dict[str, tuple] = {}
_lock = threading.Lock()


def dated(model) -> ListingIndex:
    """The pages of one dated content type, newest publication date first (the listings of
    articles, publications and practice examples)."""
    name = model._meta.model_name
    return _index(
        Order(
            name=f"dated:{name}",
            models=(model,),
            ordering=(F(f"{name}__publication_date").desc(), F("pk").desc()),
        )
    )


def events() -> ListingIndex:
    """Events by start, soonest first; `upcoming()` tells which have not ended."""
    from articles.models import EventPage

    return _index(
        Order(
            name="events",
            models=(EventPage,),
            ordering=(F("eventpage__start").asc(), F("pk").asc()),
        )
    )


def content() -> ListingIndex:
    """Every content type, newest on the site first (`first_published_at`): what the term pages
    list, and the facets of search."""
    from articles.models import CONTENT_MODELS

    return _index(
        Order(
            name="content",
            models=CONTENT_MODELS,
            ordering=(F("first_published_at").desc(nulls_last=True), F("pk").desc()),
        )
    )


def _index(order: Order) -> ListingIndex:
    return process_copy(order.name, lambda: _build(order))


def process_copy(name: str, build):
    """This process's own copy of what `build()` makes from published content (an index, the
    tree of places), made again once the content version changed; while the cache that holds
    the versions does not answer, kept for UNVERSIONED_MAX_AGE seconds."""
    stamp = versions_stamp()
    now = time.monotonic()
    known = _built.get(name)
    if known is not None:
        known_stamp, built_at, value = known
        if stamp is not None and known_stamp == stamp:
            return value
        if stamp is None and known_stamp is None and now - built_at < UNVERSIONED_MAX_AGE:
            return value
    value = build()
    with _lock:
        _built[name] = (stamp, now, value)
    return value


def forget() -> None:
    """Drop every index (and every other `process_copy`) this process holds."""
    with _lock:
        _built.clear()


def _build(order: Order) -> ListingIndex:
    from django.contrib.contenttypes.models import ContentType

    from articles.filters import CHOICE_FACETS, choice_expression, year_expression
    from articles.models import EventPage

    models = order.models
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    type_of = {content_types[model].pk: i for i, model in enumerate(models)}
    none = Value(None, output_field=IntegerField())
    columns = {"year": Cast(year_expression(models) or none, output_field=IntegerField())}
    for name in CHOICE_FACETS:
        columns[name] = choice_expression(name, models) or Value(None, output_field=CharField())
    with_events = EventPage in models
    if with_events:
        columns["start"], columns["end"] = F("eventpage__start"), F("eventpage__end")
    rows = (
        public(Page.objects.live())
        .filter(content_type_id__in=list(type_of))
        .annotate(**columns)
        .order_by(*order.ordering)
        .values_list("pk", "content_type_id", *columns)
    )

    ids, types = array("q"), array("H")
    positions: dict[int, int] = {}
    collected: dict[str, dict] = {"type": {}, "jaar": {}, **{name: {} for name in CHOICE_FACETS}}
    slugs = [model.type_slug for model in models]
    choices = list(CHOICE_FACETS)
    ends, starts = [], {}
    for position, (pk, content_type_id, year, *rest) in enumerate(rows.iterator(CHUNK)):
        model_index = type_of[content_type_id]
        ids.append(pk)
        types.append(model_index)
        positions[pk] = position
        collected["type"].setdefault(slugs[model_index], []).append(position)
        if year is not None:
            collected["jaar"].setdefault(year, []).append(position)
        for name, value in zip(choices, rest, strict=False):
            if value:
                collected[name].setdefault(value, []).append(position)
        if with_events and rest[-1] is not None:
            ends.append((rest[-1].timestamp(), position))
            starts[position] = (rest[-2].timestamp(), pk)

    terms, linked, featured = _terms_and_links(models, positions)
    ends.sort()
    index = ListingIndex(
        models=models,
        ids=ids,
        types=types,
        values={
            name: {value: BitMap(found) for value, found in by_value.items()}
            for name, by_value in collected.items()
        },
        terms=terms,
        term_sets={
            kind: {term_id: BitMap(found) for term_id, found in by_term.items()}
            for kind, by_term in linked.items()
        },
        events=(array("d", (end for end, _ in ends)), array("I", (p for _, p in ends)), starts),
        featured=featured,
    )
    if len(models) > 1:  # the index of all content maps page ids often (search, term pages)
        index._positions = positions
    return index


#: The `part` of a row of `_terms_and_links`: below TERM_PART a link of that kind (by number),
#: TERM_PART + n a term of that kind, FEATURED_PART a theme's chosen page.
TERM_PART = 100
FEATURED_PART = 200


def _terms_and_links(models, positions: dict[int, int]) -> tuple[dict, dict, dict]:
    """Every term of the kinds the filters choose from ({kind: {slug: (id, label)}}), the
    positions linked to each ({kind: {term id: [positions]}}) and the pages each theme's editor
    chose ({theme id: [page ids]}), from one query: the terms, every link table of `models` and
    the chosen pages as one UNION ALL, read as plain rows (no conversion per row).

    Every way of linking a place (a page's places, a practice example's gemeente and area)
    counts for "place", and a place holds the positions of the places that lie in it as well
    (`_places_roll_up`)."""
    from articles.filters import TERM_FACETS
    from articles.models import LINK_KINDS, ThemeFeatured, link_family, term_links

    kinds = sorted(set(TERM_FACETS.values()))
    # Typed, or PostgreSQL takes a NULL in the first part of a UNION for text.
    no_number = Cast(Value(None), output_field=IntegerField())
    no_text = Cast(Value(None), output_field=CharField())
    # Every column an annotation, so each part of the UNION lists them in this order.
    columns = ("part", "first", "second", "rank", "slug_text", "name_text")

    def part(queryset, number, first, second, rank=no_number, slug=no_text, name=no_text):
        return (
            queryset.order_by()
            .annotate(
                part=Value(number),
                first=first,
                second=second,
                rank=rank,
                slug_text=slug,
                name_text=name,
            )
            .values_list(*columns)
        )

    parts = [
        part(
            LINK_KINDS[kind].objects.all(),
            TERM_PART + n,
            F("pk"),
            F("parent_id") if kind == "place" else no_number,
            slug=F("slug"),
            name=F("name"),
        )
        for n, kind in enumerate(kinds)
    ]
    for model in models:
        for link in term_links(model):
            if link_family(link.kind) in kinds:
                parts.append(
                    part(
                        link.model.objects.filter(**{f"{link.term_field}__isnull": False}),
                        kinds.index(link_family(link.kind)),
                        F(f"{link.page_field}_id"),
                        F(f"{link.term_field}_id"),
                    )
                )
    parts.append(
        part(
            ThemeFeatured.objects.all(),
            FEATURED_PART,
            F("theme_id"),
            F("linked_page_id"),
            rank=F("sort_order"),
        )
    )
    terms = [{} for _ in kinds]
    linked = [{} for _ in kinds]
    parents = {}
    chosen = {}
    position_of = positions.get
    for number, first, second, rank, slug, name in _plain_rows(
        parts[0].union(*parts[1:], all=True)
    ):
        if number < TERM_PART:
            position = position_of(first)
            if position is not None:
                by_term = linked[number]
                found = by_term.get(second)
                if found is None:
                    found = by_term[second] = []
                found.append(position)
        elif number < FEATURED_PART:
            terms[number - TERM_PART][slug] = (first, name)
            if second is not None:
                parents[first] = second
        else:
            chosen.setdefault(first, []).append((rank or 0, second))
    featured = {theme: [pk for _, pk in sorted(pages)] for theme, pages in chosen.items()}
    terms, linked = dict(zip(kinds, terms, strict=True)), dict(zip(kinds, linked, strict=True))
    if "place" in kinds:
        _places_roll_up(terms["place"], linked["place"], parents)
    return terms, linked, featured


def _places_roll_up(places: dict, linked: dict, parents: dict) -> None:
    """Give each place the positions of the places that lie in it, and label the places that lie
    in a gemeente with its name ("Bloemhof (Rotterdam)"), so two wijken called "West" differ."""
    from articles.models.terms import PLACE_DEPTH

    def ancestors(place_id):
        found, place_id = [], parents.get(place_id)
        while place_id is not None and place_id not in found and len(found) <= PLACE_DEPTH:
            found.append(place_id)
            place_id = parents.get(place_id)
        return found

    own = {place_id: list(found) for place_id, found in linked.items()}
    for place_id, found in own.items():
        for ancestor in ancestors(place_id):
            linked.setdefault(ancestor, []).extend(found)
    names = dict(places.values())
    for slug, (place_id, name) in places.items():
        if found := ancestors(place_id):
            places[slug] = (place_id, f"{name} ({names.get(found[-1], '')})")


def _plain_rows(queryset):
    """The rows of `queryset` as the database driver gives them, fetched in chunks (through a
    server-side cursor where the database has them)."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    cursor = connections[queryset.db].chunked_cursor()
    try:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows
    finally:
        cursor.close()
