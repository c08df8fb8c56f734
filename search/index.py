"""Keeping the search documents (`SearchDocument`): one row per live content page, made from the
fields each page type declares in Wagtail's `search_fields`.

Weights: the title (A) above the intro (B) above the body, the other fields and the names of the
page's terms (C) above the text of attached documents (D). On PostgreSQL each word is stored as
the Dutch dictionary reads it (lemmas, compound parts: `search.textsearch`) and as Snowball's
stemmer does: the dictionary reads "krachtwijken" as kracht + wijken, the stemmer as krachtwijk,
and a reader may type either form. Rows follow the pages through
`document_update_task` (queued when a content page is saved, published or unpublished, and when
a term is renamed); `documents_rebuild` makes them all anew (`manage.py rebuild_search_index`).
"""

import logging
import re

import snowballstemmer
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task
from modelsearch import index as model_index

from search.models import SearchDocument
from search.textsearch import CONFIG

logger = logging.getLogger(__name__)

#: Characters kept of each part: a tsvector holds at most 1 MB, and ranking reads it whole.
PART_LIMITS = {"A": 300, "B": 5_000, "C": 200_000, "D": 300_000}
BATCH = 500
WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("dutch")


def content_models() -> tuple:
    from articles.models import CONTENT_MODELS

    return CONTENT_MODELS


def _values(obj, fields) -> list[str]:
    """The text of `fields` (Wagtail SearchField/RelatedFields) of `obj`, following relations."""
    texts = []
    for field in fields:
        if isinstance(field, model_index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                texts += _values(item, field.fields)
        elif isinstance(field, model_index.SearchField):
            value = getattr(obj, field.field_name, None)
            if callable(value):
                value = value()
            if value:
                texts.append(str(value))
    return texts


def document_parts(page) -> dict[str, str]:
    """The page's words by weight: {"A": title, "B": intro, "C": body and the rest, "D": files}."""
    parts = {"A": page.title, "B": getattr(page, "intro", "") or page.search_description}
    rest, files = [], []
    for field in page.get_search_fields():
        name = getattr(field, "field_name", "")
        if name in ("title", "intro"):
            continue
        target = files if name == "documents_text" else rest
        target += _values(page, [field])
    parts["C"] = " ".join(rest)
    parts["D"] = " ".join(files)
    return {
        weight: text.replace("\x00", " ")[: PART_LIMITS[weight]] for weight, text in parts.items()
    }


def document_date(page):
    """The date a "newest first" search sorts by."""
    date = getattr(page, "publication_date", None)
    if date is None and getattr(page, "start", None) is not None:
        date = timezone.localdate(page.start)
    if date is None and page.first_published_at is not None:
        date = timezone.localdate(page.first_published_at)
    return date or timezone.localdate()


def stems(text: str) -> list[str]:
    """Snowball's Dutch stems of the words of `text` (SQLite, and the query on SQLite)."""
    return _stemmer.stemWords(WORD.findall(text.lower()))


def _stems_field(text: str) -> str:
    """Distinct stems between spaces, so `LIKE '% stem %'` finds a word."""
    return " " + " ".join(dict.fromkeys(stems(text))) + " "


# CONFIG is a constant; every value is a parameter.
_UPSERT = f"""
    INSERT INTO search_searchdocument
        (page_id, title, date, document, title_document, stems, title_stems)
    SELECT t.id, t.title, t.date,
        setweight(to_tsvector('{CONFIG}', t.a) || to_tsvector('dutch', t.a), 'A')
            || setweight(to_tsvector('{CONFIG}', t.b) || to_tsvector('dutch', t.b), 'B')
            || setweight(to_tsvector('{CONFIG}', t.c) || to_tsvector('dutch', t.c), 'C')
            || setweight(to_tsvector('{CONFIG}', t.d) || to_tsvector('dutch', t.d), 'D'),
        to_tsvector('{CONFIG}', t.a) || to_tsvector('dutch', t.a), '', ''
    FROM unnest(%s::int[], %s::text[], %s::date[], %s::text[], %s::text[], %s::text[], %s::text[])
        AS t(id, title, date, a, b, c, d)
    ON CONFLICT (page_id) DO UPDATE SET
        title = EXCLUDED.title, date = EXCLUDED.date, document = EXCLUDED.document,
        title_document = EXCLUDED.title_document
"""  # noqa: S608


def _store(pages) -> None:
    rows = []
    for page in pages:
        parts = document_parts(page)
        rows.append((page.pk, page.title[:255], document_date(page), parts))
    if not rows:
        return
    if connection.vendor == "postgresql":
        columns = list(
            zip(*[(pk, title, date, *p.values()) for pk, title, date, p in rows], strict=True)
        )
        with connection.cursor() as cursor:
            cursor.execute(_UPSERT, [list(column) for column in columns])
        return
    with transaction.atomic():
        for pk, title, date, parts in rows:
            SearchDocument.objects.update_or_create(
                page_id=pk,
                defaults={
                    "title": title,
                    "date": date,
                    "stems": _stems_field(" ".join(parts.values())),
                    "title_stems": _stems_field(parts["A"]),
                },
            )


def _prefetch(model) -> list[str]:
    """The relations a page type's search fields follow, to read them for many pages at once."""
    names = [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, model_index.RelatedFields)
    ]
    if any(
        getattr(field, "field_name", "") == "documents_text" for field in model.get_search_fields()
    ):
        names.append("documents__document")
    return names


def documents_update(pages) -> None:
    """Make the rows of `pages` (content pages, any mix of types) match them now: stored for
    the live ones, removed for the others."""
    by_model: dict = {}
    for page in pages:
        by_model.setdefault(type(page.specific_deferred), []).append(page.pk)
    for model, ids in by_model.items():
        if model not in content_models():
            continue
        live = list(model.objects.live().filter(pk__in=ids).prefetch_related(*_prefetch(model)))
        _store(live)
        documents_remove(set(ids) - {page.pk for page in live})


def documents_remove(page_ids) -> None:
    SearchDocument.objects.filter(page_id__in=list(page_ids)).delete()


def documents_rebuild(*, stdout=None) -> int:
    """Every row anew, in batches; rows of pages that are no longer live go. Returns the count."""
    from search.textsearch import text_search_configure

    text_search_configure(connection)
    count = 0
    kept = set()
    for model in content_models():
        ids = list(model.objects.live().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            _store(model.objects.filter(pk__in=batch).prefetch_related(*_prefetch(model)))
            count += len(batch)
        kept.update(ids)
        if stdout is not None:
            stdout.write(f"{model._meta.verbose_name_plural}: {len(ids)}")
    stale = set(SearchDocument.objects.values_list("page_id", flat=True)) - kept
    documents_remove(stale)
    return count


def documents_missing() -> bool:
    """Whether some live content page has no search document (after a bulk load)."""
    live = sum(model.objects.live().count() for model in content_models())
    return SearchDocument.objects.count() < live


@task()
def document_update_task(*, page_ids: list[int]) -> None:
    """Bring the rows of these pages up to date (queued on the worker)."""
    from wagtail.models import Page

    pages = list(Page.objects.filter(pk__in=page_ids))
    documents_update(pages)
    documents_remove(set(page_ids) - {page.pk for page in pages})


def document_update_queue(page_ids) -> None:
    """Queue an update of these pages' rows. The database worker sees the task when the
    current transaction commits; a backend that runs tasks at once runs it now."""
    page_ids = sorted(set(page_ids))
    if page_ids:
        document_update_task.enqueue(page_ids=page_ids)


def page_unpublished(sender, instance, **kwargs) -> None:
    document_update_queue([instance.pk])


def term_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A renamed term changes the words of every page that names it."""
    if raw or created:
        return
    from articles.models import term_links

    page_ids = set()
    for model in content_models():
        for link in term_links(model):
            if issubclass(sender, link.model._meta.get_field(link.term_field).related_model):
                page_ids.update(
                    link.model.objects.filter(**{link.term_field: instance}).values_list(
                        link.page_field, flat=True
                    )
                )
    document_update_queue(page_ids)
