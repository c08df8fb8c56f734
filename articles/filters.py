"""The filters of the article and event listings, which search uses too.

Everything here only reads. Filters are plain GET parameters with Dutch names and slugs as values
(`?type=artikel&thema=wonen&jaar=2024`); several values of one filter mean "any of these",
different filters must all hold. Facet counts are disjunctive: the counts of one filter are those
of the results under all the *other* filters, so ticking a second theme shows what it adds.
Each facet costs one query, however many values or results it has.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
)
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
    "gemeente": "Gemeente",
    "thema": "Thema",
    "organisatie": "Organisatie",
    "auteur": "Auteur",
    "jaar": "Jaar",
}
ARTICLE_FACETS = ("soort", "thema", "organisatie", "auteur", "jaar")
EVENT_FACETS = ("thema", "organisatie", "jaar")
#: The filters that choose terms, by the kind of link (`term_paths`) they follow.
TERM_FACETS = {
    "thema": "theme",
    "organisatie": "organisation",
    "auteur": "author",
    "gemeente": "municipality",
}
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
        for raw in params.getlist(name)[: MAX_FILTER_VALUES * 2]:
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


def _term_counts(name: str, hit_ids: QuerySet, chosen: tuple, models) -> list[dict]:
    """Counts per term among the hits: one grouped query over the links of the hits (a UNION
    when articles and events both link the term), plus the chosen terms so they stay listed."""
    term_model = _term_models()[name]
    parts = [
        model.objects.filter(pk__in=hit_ids)
        .order_by()
        .values_list(f"{path}__slug", f"{path}__name")
        .annotate(n=Count("pk", distinct=True))
        for model, path in _relations()[name].items()
        if model in models
    ]
    parts.append(
        term_model.objects.filter(slug__in=chosen)
        .order_by()
        .values_list("slug", "name")
        .annotate(n=Value(0, output_field=IntegerField()))
    )
    query = parts[0].union(*parts[1:], all=True)
    counts, labels = Counter(), {}
    for slug, label, count in query:
        if slug is not None:
            counts[slug] += count
            labels[slug] = label
    return [
        {"value": slug, "label": labels[slug], "count": counts[slug], "checked": slug in chosen}
        for slug in sorted(counts, key=lambda slug: (-counts[slug], labels[slug]))
    ]


def _year_counts(hit_ids: QuerySet, chosen: tuple, models) -> list[dict]:
    from wagtail.models import Page

    year = _year_expression([(m, p) for m, p in _relations()["jaar"].items() if m in models])
    rows = (
        Page.objects.filter(pk__in=hit_ids)
        .annotate(year=year)
        .exclude(year=None)
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    counts = {row["year"]: row["count"] for row in rows}
    for value in chosen:
        counts.setdefault(value, 0)
    return [
        {"value": year, "label": str(year), "count": count, "checked": year in chosen}
        for year, count in sorted(counts.items(), reverse=True)
    ]


def _choice_counts(name: str, hit_ids: QuerySet, chosen: tuple, models) -> list[dict]:
    """Counts per choice of a field (an article's kind, a practice example's status), in the
    order of the choices; one grouped query."""
    from wagtail.models import Page

    paths = [(m, p) for m, p in _relations()[name].items() if m in models]
    labels = {}
    for model, path in paths:
        labels.update(model._meta.get_field(path).flatchoices)
    values = [F(f"{model._meta.model_name}__{path}") for model, path in paths]
    choice = values[0] if len(values) == 1 else Coalesce(*values, output_field=CharField())
    rows = (
        Page.objects.filter(pk__in=hit_ids)
        .annotate(choice=choice)
        .exclude(choice=None)
        .order_by()
        .values_list("choice")
        .annotate(count=Count("pk"))
    )
    counts = dict(rows)
    return [
        {"value": value, "label": label, "count": counts.get(value, 0), "checked": value in chosen}
        for value, label in labels.items()
        if counts.get(value) or value in chosen
    ]


def _type_counts(hit_ids: QuerySet, chosen: tuple) -> list[dict]:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    types = type_models()
    content_types = ContentType.objects.get_for_models(*types.values())
    slug_for = {content_types[model].pk: slug for slug, model in types.items()}
    rows = (
        Page.objects.filter(pk__in=hit_ids)
        .order_by()
        .values("content_type")
        .annotate(count=Count("pk"))
    )
    counts = {slug_for[row["content_type"]]: row["count"] for row in rows}
    return [
        {"value": slug, "label": label, "count": counts.get(slug, 0), "checked": slug in chosen}
        for slug, label in type_labels().items()
        if counts.get(slug) or slug in chosen
    ]


def facets(pages: QuerySet, filters: Filters, *, names, models) -> list[dict]:
    """Each facet of `names` with its values and counts over `pages`; one query per facet, and
    one for type and year together while neither is chosen.

    A term facet lists its `FACET_OPTIONS` most frequent values (and every chosen one): a list
    of 500 authors helps nobody, and each has its own page and turns up in search by name."""
    result = []
    together = {"type", "jaar"} <= set(names) and not (filters.get("type") or filters.get("jaar"))
    if together:
        hit_ids = pages.filter(filter_q(filters, models=models, exclude="type")).order_by()
        type_options, year_options = _type_and_year_counts(hit_ids.values("pk"), models)
    for name in names:
        hit_ids = pages.filter(filter_q(filters, models=models, exclude=name)).order_by()
        hit_ids = hit_ids.values("pk")
        chosen = filters.get(name)
        more = 0
        if name == "type":
            options = type_options if together else _type_counts(hit_ids, chosen)
        elif name == "jaar":
            options = year_options if together else _year_counts(hit_ids, chosen, models)
        elif name in CHOICE_FACETS:
            options = _choice_counts(name, hit_ids, chosen, models)
        else:
            options = _term_counts(name, hit_ids, chosen, models)
            shown = [o for i, o in enumerate(options) if i < FACET_OPTIONS or o["checked"]]
            options, more = shown, len(options) - len(shown)
        result.append(
            {"name": name, "legend": FACET_LEGENDS[name], "options": options, "more": more}
        )
    return result


def _type_and_year_counts(hit_ids: QuerySet, models) -> tuple[list, list]:
    """The type and the year facets from one grouped query, while neither filter is on."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    types = type_models()
    content_types = ContentType.objects.get_for_models(*types.values())
    slug_for = {content_types[model].pk: slug for slug, model in types.items()}
    year = _year_expression([(m, p) for m, p in _relations()["jaar"].items() if m in models])
    rows = (
        Page.objects.filter(pk__in=hit_ids)
        .annotate(year=year)
        .order_by()
        .values_list("content_type", "year")
        .annotate(count=Count("pk"))
    )
    by_type, by_year = Counter(), Counter()
    for content_type, year, count in rows:
        if content_type in slug_for:
            by_type[slug_for[content_type]] += count
        if year is not None:
            by_year[year] += count
    type_options = [
        {"value": slug, "label": label, "count": by_type[slug], "checked": False}
        for slug, label in type_labels().items()
        if by_type[slug]
    ]
    year_options = [
        {"value": year, "label": str(year), "count": count, "checked": False}
        for year, count in sorted(by_year.items(), reverse=True)
    ]
    return type_options, year_options
