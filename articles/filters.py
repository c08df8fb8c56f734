"""The filters of the article and event listings, which search uses too.

Everything here only reads. Filters are plain GET parameters with Dutch names and slugs as values
(`?type=artikel&thema=wonen&jaar=2024`); several values of one filter mean "any of these",
different filters must all hold. Facet counts are disjunctive: the counts of one filter are those
of the results under all the *other* filters, so ticking a second theme shows what it adds.
The listings filter and count in memory (`articles.listing_index`): no query per facet, and a
cost that hardly grows with the number of pages; `filter_q` says the same in SQL.
"""

import functools
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, IntegerField, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

MAX_FILTER_VALUES = 20
#: How many values a term facet lists (the most frequent), besides the chosen ones.
FACET_OPTIONS = 10
SLUG_VALUE = re.compile(r"[-a-zA-Z0-9_]{1,150}")
YEAR_VALUE = re.compile(r"(19|20)\d\d")

#: The GET parameters, in the order the filter form shows them, with their legends.
FACET_LEGENDS = {
    "type": "Type",
    "soort": "Soort",
    "status": "Status",
    "gebied": "Gebied",
    "thema": "Thema",
    "organisatie": "Organisatie",
    "auteur": "Auteur",
    "jaar": "Jaar",
}
ARTICLE_FACETS = ("soort", "gebied", "thema", "organisatie", "auteur", "jaar")
EVENT_FACETS = ("gebied", "thema", "organisatie", "jaar")
#: The filters that choose terms, by the kind of term they choose (`Term.kind()`). A place
#: chooses the pages about it and about the places that lie in it.
TERM_FACETS = {
    "thema": "theme",
    "organisatie": "organisation",
    "auteur": "author",
    "gebied": "place",
}
#: Earlier names of filters, still read from old addresses: {old name: filter}.
FACET_ALIASES = {"gemeente": "gebied"}
#: The filters that choose among a field's choices, by the field.
CHOICE_FACETS = {"soort": "kind", "status": "status"}


def type_models() -> dict:
    """{filter word: content type} in the order filters and search list them."""
    from articles.models import CONTENT_MODELS

    return {model.type_slug: model for model in CONTENT_MODELS}


def type_labels() -> dict:
    """{filter word: label}: "artikel": "Artikel"."""
    return {slug: model.type_label for slug, model in type_models().items()}


def _term_models() -> dict:
    from articles.models import LINK_KINDS

    return {label: LINK_KINDS[kind] for label, kind in TERM_FACETS.items()}


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


@functools.cache
def _relations() -> dict:
    """How each content type reaches the values of each facet: {facet: {model: path}}. Read
    from the model classes once per process (they do not change after start-up); callers only
    read it."""
    from articles.models import CONTENT_MODELS

    relations = {
        label: {
            model: model.term_paths[kind] for model in CONTENT_MODELS if kind in model.term_paths
        }
        for label, kind in TERM_FACETS.items()
    }
    relations["jaar"] = {model: model.year_field for model in CONTENT_MODELS if model.year_field}
    for label, field_name in CHOICE_FACETS.items():
        relations[label] = {
            model: field_name for model in CONTENT_MODELS if _has_field(model, field_name)
        }
    return relations


def _year_is_number(model, path: str) -> bool:
    return isinstance(model._meta.get_field(path), IntegerField)


def _year_expression(models_and_paths):
    """The year of a page, from whichever of these types it is: the year of a date, or a year."""
    years = [
        F(f"{model._meta.model_name}__{path}")
        if _year_is_number(model, path)
        else ExtractYear(f"{model._meta.model_name}__{path}")
        for model, path in models_and_paths
    ]
    if len(years) == 1:
        return years[0]
    return Coalesce(*years, output_field=IntegerField())


@dataclass(frozen=True)
class Filters:
    """The chosen filter values, already checked for shape (not for existence)."""

    values: dict[str, tuple] = field(default_factory=dict)

    def get(self, name: str) -> tuple:
        return self.values.get(name, ())

    @property
    def active(self) -> bool:
        return any(self.values.values())


def filters_from_query(params, *, facets) -> Filters:
    """Read the filter parameters of `facets` from a QueryDict, dropping malformed values."""
    values = {}
    for name in facets:
        chosen = []
        raws = params.getlist(name)[: MAX_FILTER_VALUES * 2]
        for alias in (alias for alias, target in FACET_ALIASES.items() if target == name):
            raws += params.getlist(alias)[: MAX_FILTER_VALUES * 2]
        for raw in raws:
            value = raw.strip()
            if name == "type":
                ok = value in type_labels()
            elif name == "jaar":
                ok = bool(YEAR_VALUE.fullmatch(value))
            else:
                ok = bool(SLUG_VALUE.fullmatch(value))
            if ok and value not in chosen:
                chosen.append(int(value) if name == "jaar" else value)
        values[name] = tuple(chosen[:MAX_FILTER_VALUES])
    return Filters(values)


def filter_q(filters: Filters, *, models, exclude: str = "") -> Q:
    """A condition on page ids for every active filter but `exclude`; subqueries, so no duplicates."""
    relations = _relations()
    condition = Q()
    for name, chosen in filters.values.items():
        if not chosen or name == exclude:
            continue
        if name == "type":
            from django.contrib.contenttypes.models import ContentType

            chosen_models = [type_models()[value] for value in chosen]
            content_types = ContentType.objects.get_for_models(*chosen_models).values()
            condition &= Q(content_type__in=[ct.pk for ct in content_types])
            continue
        if TERM_FACETS.get(name) == "place":
            condition &= _place_q(chosen, models=models)
            continue
        any_of = Q(pk__in=[])
        for model, path in relations[name].items():
            if model not in models:
                continue
            if name == "jaar":
                suffix = "__in" if _year_is_number(model, path) else "__year__in"
            elif name in CHOICE_FACETS:
                suffix = "__in"
            else:
                suffix = "__slug__in"
            pages = model.objects.filter(**{path + suffix: chosen}).values("pk")
            any_of |= Q(pk__in=pages)
        condition &= any_of
    return condition


def _place_q(slugs, *, models) -> Q:
    """Pages of `models` about the places `slugs` or a place that lies in one of them, through
    every way a page names a place: subqueries only."""
    from articles.models import Place, link_family, term_links

    places = Place.objects.within(Place.objects.filter(slug__in=slugs).values("pk")).values("pk")
    any_of = Q(pk__in=[])
    for model in models:
        for link in term_links(model):
            if link_family(link.kind) == "place":
                pages = link.model.objects.filter(**{f"{link.term_field}_id__in": places})
                any_of |= Q(pk__in=pages.values(f"{link.page_field}_id"))
    return any_of


def facets(pages, filters: Filters, *, names, models) -> list[dict]:
    """Each facet of `names` with its values and counts over `pages` (a queryset of pages, or
    their ids), from the index of all content (`articles.listing_index`): one query for the ids
    of a queryset, none for ids."""
    from articles import listing_index

    index = listing_index.content()
    ids = pages.values_list("pk", flat=True) if isinstance(pages, QuerySet) else pages
    base = index.positions_of(ids) & index.type_set(*models)
    return facets_of(index, filters, names=names, base=base)[0]


def facets_of(index, filters: Filters, *, names, base) -> tuple[list[dict], object]:
    """The facets of `names` over the pages of `index` at the positions `base`, and the
    positions that pass every filter.

    A term facet lists its `FACET_OPTIONS` most frequent values (and every chosen one): a list
    of 500 authors helps nobody, and each has its own page and turns up in search by name."""
    chosen = {name: index.chosen(name, values) for name, values in filters.values.items() if values}
    matching = base
    for found in chosen.values():
        matching = matching & found
    result = []
    for name in names:
        within = base
        for other, found in chosen.items():
            if other != name:
                within = within & found
        options = _options(index, name, within, filters.get(name))
        more = 0
        if name in TERM_FACETS:
            shown = [o for i, o in enumerate(options) if i < FACET_OPTIONS or o["checked"]]
            options, more = shown, len(options) - len(shown)
        result.append(
            {"name": name, "legend": FACET_LEGENDS[name], "options": options, "more": more}
        )
    return result, matching


def _options(index, name: str, within, chosen: tuple) -> list[dict]:
    """The values of one facet with their counts among the positions `within`: those with
    pages there and the chosen ones; terms by count, years newest first, choices and types in
    their own order."""
    options = []
    for value, label, found in index.options(name):
        count = found.intersection_cardinality(within) if found else 0
        if count or value in chosen:
            options.append(
                {"value": value, "label": label, "count": count, "checked": value in chosen}
            )
    if name in TERM_FACETS:
        options.sort(key=lambda option: (-option["count"], option["label"]))
    elif name == "jaar":
        listed = {option["value"] for option in options}
        options += [
            {"value": year, "label": str(year), "count": 0, "checked": True}
            for year in chosen
            if year not in listed
        ]
        options.sort(key=lambda option: -option["value"])
    return options


def year_expression(models):
    """The year of a page of any of `models` (None when none has a year), read from `Page`."""
    pairs = [(model, path) for model, path in _relations()["jaar"].items() if model in models]
    return _year_expression(pairs) if pairs else None


def choice_expression(name: str, models):
    """The value of the choice facet `name` of a page of any of `models` (None when none has
    it), read from `Page`."""
    paths = [(model, path) for model, path in _relations()[name].items() if model in models]
    values = [F(f"{model._meta.model_name}__{path}") for model, path in paths]
    if not values:
        return None
    return values[0] if len(values) == 1 else Coalesce(*values, output_field=CharField())


def value_labels(name: str, models) -> dict:
    """{value: label} of the type facet or a choice facet over `models`, in the order the
    filters list them."""
    if name == "type":
        return type_labels()
    labels = {}
    for model, path in _relations()[name].items():
        if model in models:
            labels.update(model._meta.get_field(path).flatchoices)
    return labels
