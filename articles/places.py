"""Places (gebieden): the hierarchy gemeente → focusgebied or wijk → buurt as each process keeps it,
and what the place pages show.

A place stands for everything that lies in it: its page lists what is about it and about its
wijken and buurten, its filter (`?gebied=`) finds them, and a member who follows a gemeente
follows its wijken and buurten too. The tree is small (hundreds of places) and changes rarely: each
process reads it in one query per content version (`pagecache.versions.CONTENT`, which every change
to a snippet retires), kept as the listing indexes are (`articles.listing_index.process_copy`).
"""

from dataclasses import dataclass, field

from articles import listing_index
from articles.models import PLACE_LEVELS, Place

#: The order of the levels, for sorting a place's children (focusgebieden before wijken).
LEVEL_ORDER = {level: n for n, (level, _) in enumerate(PLACE_LEVELS)}


@dataclass
class PlaceTree:
    """Every place (with its name, slug, level and parent; no description) and its children."""

    places: dict[int, Place]
    children: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self):
        for place in sorted(self.places.values(), key=_place_order):
            if place.parent_id in self.places:
                self.children.setdefault(place.parent_id, []).append(place.pk)

    def get(self, place_id: int) -> Place | None:
        return self.places.get(place_id)

    def ancestors(self, place_id: int) -> list[Place]:
        """The places `place_id` lies in, the nearest first."""
        found, seen = [], {place_id}
        place = self.places.get(place_id)
        while place is not None and place.parent_id is not None and place.parent_id not in seen:
            seen.add(place.parent_id)
            place = self.places.get(place.parent_id)
            if place is not None:
                found.append(place)
        return found

    def within(self, ids) -> frozenset[int]:
        """The places `ids` and every place that lies in one of them."""
        found = set()
        stack = [pk for pk in ids if pk in self.places]
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(self.children.get(pk, ()))
        return frozenset(found)

    def followed_ancestors(self, place_id: int, followed) -> list[Place]:
        """Of the places `followed` (ids), those `place_id` is or lies in, the nearest first."""
        chain = [self.places[place_id]] if place_id in self.places else []
        chain += self.ancestors(place_id)
        return [place for place in chain if place.pk in followed]

    def children_of(self, place_id: int) -> list[Place]:
        return [self.places[pk] for pk in self.children.get(place_id, ())]

    def gemeenten(self) -> list[Place]:
        """The places that lie in no other, by name."""
        return sorted(
            (place for place in self.places.values() if place.parent_id is None), key=_place_order
        )


def _place_order(place: Place):
    return (LEVEL_ORDER.get(place.level, len(LEVEL_ORDER)), place.name.lower(), place.pk)


def place_tree() -> PlaceTree:
    """The tree of all places under the current content version: one query when it changed."""
    return listing_index.process_copy("places", _place_tree_build)


def _place_tree_build() -> PlaceTree:
    rows = Place.objects.order_by().values_list("pk", "name", "slug", "level", "parent_id")
    return PlaceTree(
        places={
            pk: Place(pk=pk, name=name, slug=slug, level=level, parent_id=parent_id)
            for pk, name, slug, level, parent_id in rows
        }
    )


@dataclass
class PlaceNode:
    """A place in the list of all places, with what it counts and the places in it."""

    place: Place
    count: int
    children: list["PlaceNode"] = field(default_factory=list)


def places_by_gemeente() -> list[PlaceNode]:
    """Every gemeente with its focusgebieden, wijken and buurten, each with the number of items
    about it and the places in it (from the index of all content: no query once it is built)."""
    from articles import listing_index

    tree = place_tree()
    index = listing_index.content()

    def node(place: Place) -> PlaceNode:
        return PlaceNode(
            place=place,
            count=len(index.term_set("place", place.pk)),
            children=[node(child) for child in tree.children_of(place.pk)],
        )

    return [node(place) for place in tree.gemeenten()]


def place_counts(places) -> dict[int, int]:
    """{place id: the number of items about it and the places in it}."""
    from articles import listing_index

    index = listing_index.content()
    return {place.pk: len(index.term_set("place", place.pk)) for place in places}
