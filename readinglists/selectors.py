import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from wagtail.models import Page

from pagecache.memo import visible_to
from readinglists.models import ReadingListItem

#: The names of the leeslijst state in personal slots (personal.state, personal.slots).
STATE = "leeslijst"
STATE_ITEMS = "leeslijst_items"
STATE_COUNT = "leeslijst_count"
STATUS_READ = "gelezen"
STATUS_UNREAD = "ongelezen"
#: Stands for the title of an item whose page the member may not view.
HIDDEN_TITLE = "Niet meer beschikbaar"
#: The orders of the list (`?sorteer=`): the value, and what the choice says.
SORT_SAVED = "bewaard"
SORT_PUBLISHED = "gepubliceerd"
SORT_EVENT = "evenement"
SORTS = {
    SORT_SAVED: "Laatst bewaard eerst",
    SORT_PUBLISHED: "Nieuwste publicatie eerst",
    SORT_EVENT: "Eerstvolgend evenement eerst",
}


def _saveable_models() -> dict:
    """{content type: its label}: every content type can be saved."""
    from articles.models import CONTENT_MODELS

    return {model: model.type_label for model in CONTENT_MODELS}


def reading_list_page(*, page_id, user=None, passed=frozenset()) -> Page | None:
    """The live content page with `page_id` that `user` may view, or None: only those can be
    saved. `passed`: the password restrictions the member passed in this session; without a
    user, only a page anybody may view."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    page = Page.objects.live().type(*_saveable_models()).filter(pk=page_id).first()
    if page is None or not visible_to(page, user=user, passed=passed):
        return None
    return page


def reading_list_state(*, user) -> dict:
    """For the member's cached state (personal.state), in one query: the ids of the saved
    pages (for the buttons) and of the items (for the count: a deleted page leaves its item)."""
    rows = list(ReadingListItem.objects.filter(user=user).values_list("pk", "page_id"))
    return {
        STATE: frozenset(page_id for _, page_id in rows if page_id is not None),
        STATE_ITEMS: frozenset(pk for pk, _ in rows),
    }


def reading_list_page_ids_for_request(request) -> frozenset:
    """The saved page ids for every button: the member's cached state."""
    from personal.state import member_state

    if not request.user.is_authenticated:
        return frozenset()
    return member_state(request).get(STATE, frozenset())


def reading_list_count_for_request(request) -> int:
    """The number of items, for the header: the member's cached state."""
    from personal.state import member_state

    if not request.user.is_authenticated:
        return 0
    return len(member_state(request).get(STATE_ITEMS, ()))


def reading_list_count(*, user) -> int:
    return ReadingListItem.objects.filter(user=user).count()


def _dates() -> dict:
    """The dates a row shows and sorts by, read in the items' own query through the joins to
    the pages' own tables: `event_start`/`event_end` for events, `published_on` for the rest
    (the publication date of a dated page, else the day it went live)."""
    from articles.models import CONTENT_MODELS, EventPage
    from articles.models.pages import DatedPage

    event = EventPage._meta.model_name
    dated = [
        F(f"page__{model._meta.model_name}__publication_date")
        for model in CONTENT_MODELS
        if issubclass(model, DatedPage)
    ]
    went_live = TruncDate("page__first_published_at", tzinfo=ZoneInfo(settings.TIME_ZONE))
    return {
        "event_start": F(f"page__{event}__start"),
        "event_end": F(f"page__{event}__end"),
        "published_on": Coalesce(*dated, went_live),
    }


def _ordered(items: QuerySet, sort: str, *, now) -> QuerySet:
    if sort == SORT_PUBLISHED:
        return items.order_by(F("published_on").desc(nulls_last=True), "-created_at", "-pk")
    if sort == SORT_EVENT:
        # Events to come, the first first; then past events, the latest first; then the rest.
        coming = Q(event_end__gte=now)
        return items.annotate(
            event_group=Case(
                When(coming, then=Value(0)),
                When(event_start__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            coming_start=Case(When(coming, then=F("event_start"))),
        ).order_by(
            "event_group",
            F("coming_start").asc(nulls_last=True),
            F("event_start").desc(nulls_last=True),
            "-created_at",
            "-pk",
        )
    return items.order_by("-created_at", "-pk")


def reading_list_items(
    *, user, status: str = "", theme=None, sort: str = SORT_SAVED, now=None
) -> QuerySet:
    """The member's items in the order `sort` names (newest saved first unless told), with
    their pages, their dates and whether they changed in substance since they were saved
    (`changed`) in the same query."""
    from articles.models import CONTENT_MODELS, ChangeNote

    changed = ChangeNote.objects.filter(
        page=OuterRef("page"), published_at__gt=OuterRef("created_at")
    )
    items = (
        ReadingListItem.objects.filter(user=user)
        .select_related("page")
        .annotate(**_dates(), changed=Exists(changed))
    )
    if status == STATUS_READ:
        items = items.filter(read_at__isnull=False)
    elif status == STATUS_UNREAD:
        items = items.filter(read_at__isnull=True)
    if theme is not None:
        of_theme = Q(pk__in=[])
        for model in CONTENT_MODELS:
            if path := model.term_paths.get("theme"):
                of_theme |= Q(page__in=model.objects.filter(**{path: theme}).values("pk"))
        items = items.filter(of_theme)
    return _ordered(items, sort, now=now or timezone.now())


def reading_list_item(*, user, pk: int) -> ReadingListItem | None:
    return ReadingListItem.objects.filter(user=user, pk=pk).select_related("page").first()


def reading_list_item_title(item, *, user, passed=frozenset()) -> str:
    """The title to show for `item`, or "" when its page is one `user` may not view."""
    if item.page is not None and not visible_to(item.page, user=user, passed=passed):
        return ""
    return item.title


def saveable_content_types() -> dict[int, type]:
    """{content type id: page model} of every kind of page a leeslijst keeps."""
    return {
        content_type.pk: model
        for model, content_type in ContentType.objects.get_for_models(*_saveable_models()).items()
    }


def item_shown(item, *, models, user, passed=frozenset(), request=None) -> dict:
    """What `user` may see of a saved item (of a leeslijst or a shared list): `available`,
    `title`, `url` and `type`. An item whose page they may not view (or no longer: a view
    restriction added since, a group left) shows neither its title nor its address; a page gone
    or unpublished shows the title it had when it was saved. `models` from
    `saveable_content_types`; `passed` as for `reading_list_page`."""
    page = item.page
    hidden = page is not None and not visible_to(page, user=user, passed=passed)
    available = not hidden and page is not None and page.live
    available = available and page.content_type_id in models
    if available:
        title = page.title
    elif hidden:
        title = HIDDEN_TITLE
    else:
        title = item.title
    return {
        "available": available,
        "title": title,
        "url": (page.get_url(request=request) or "") if available else "",
        "type": models[page.content_type_id].type_label if available else "",
    }


def reading_list_rows(
    items, *, request=None, user=None, passed=frozenset(), now=None
) -> list[dict]:
    """What the list shows per item; URLs resolved with the request (cached site root paths).

    An item whose page `user` may not view (or no longer: a view restriction added since, a
    group left) shows neither its title nor its address, nor its date or themes. `passed` as
    for `reading_list_page`. Items come from `reading_list_items` (their dates); the themes of
    all of them are read in one query.
    """
    models = saveable_content_types()
    now = now or timezone.now()
    rows = []
    for item in items:
        shown = item_shown(item, models=models, user=user, passed=passed, request=request)
        available = shown["available"]
        event_start = getattr(item, "event_start", None) if available else None
        event_end = getattr(item, "event_end", None) if available else None
        rows.append(
            {
                "item": item,
                **shown,
                "event": event_start is not None,
                "date": event_start or (getattr(item, "published_on", None) if available else None),
                "past": event_end is not None and event_end < now,
                "themes": [],
                "changes": [],
            }
        )
    themes = _theme_names(
        {
            row["item"].page_id: models[row["item"].page.content_type_id]
            for row in rows
            if row["available"]
        }
    )
    for row in rows:
        row["themes"] = themes.get(row["item"].page_id, []) if row["available"] else []
    _changes_attach(
        [row for row in rows if row["available"] and getattr(row["item"], "changed", False)]
    )
    return rows


def _changes_attach(rows: list[dict]) -> None:
    """Give each row the change notes of its page since the item was saved, newest first: one
    query for all of them, and none when no item changed."""
    from articles.models import ChangeNote

    if not rows:
        return
    by_page = {row["item"].page_id: row for row in rows}  # one item per member and page
    changes = ChangeNote.objects.filter(
        page_id__in=by_page, published_at__gt=min(row["item"].created_at for row in rows)
    ).order_by("-published_at", "-pk")
    for change in changes:
        row = by_page[change.page_id]
        if change.published_at > row["item"].created_at:
            row["changes"].append(change)


def _theme_names(pages: dict[int, type]) -> dict[int, list[str]]:
    """{page id: the names of its themes, in alphabetical order} for `pages` ({id: content
    type}), from one query whatever their number and types."""
    from articles.models import term_links

    by_model = {}
    for page_id, model in pages.items():
        by_model.setdefault(model, []).append(page_id)
    parts = [
        link.model.objects.filter(**{f"{link.page_field}_id__in": ids})
        .order_by()  # SQLite allows no ORDER BY inside a UNION
        .values_list(f"{link.page_field}_id", f"{link.term_field}__name")
        for model, ids in by_model.items()
        for link in term_links(model)
        if link.kind == "theme"
    ]
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    names = {}
    for page_id, name in sorted(rows, key=lambda row: row[1].casefold()):
        names.setdefault(page_id, []).append(name)
    return names


def _local(moment) -> str | None:
    """A moment as the member's clock shows it, to the second: "2026-11-28T14:05:00+01:00"."""
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).replace(microsecond=0).isoformat()
    return moment.isoformat()


def reading_list_export(*, user, passed=frozenset()) -> list[dict]:
    """The member's leeslijst for the AVG export and the CSV and JSON downloads, newest saved
    first (`passed` as for `reading_list_page`). Moments in Dutch time, to the second; `datum`
    is when an event starts, or the publication date of anything else."""
    rows = reading_list_rows(reading_list_items(user=user), user=user, passed=passed)
    return [
        {
            "titel": row["title"],
            "soort": row["type"],
            "datum": _local(row["date"]),
            "themas": row["themes"],
            "adres": f"{settings.BASE_URL}{row['url']}"
            if row["url"].startswith("/")
            else row["url"],
            "beschikbaar": row["available"],
            "bewaard_op": _local(row["item"].created_at),
            "gelezen_op": _local(row["item"].read_at),
            "notitie": row["item"].note,
        }
        for row in rows
    ]
