from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
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


def reading_list_items(*, user, status: str = "", theme=None) -> QuerySet:
    """The member's items, newest saved first, with their pages in the same query."""
    from articles.models import CONTENT_MODELS

    items = ReadingListItem.objects.filter(user=user).select_related("page")
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
    return items.order_by("-created_at", "-pk")


def reading_list_item(*, user, pk: int) -> ReadingListItem | None:
    return ReadingListItem.objects.filter(user=user, pk=pk).select_related("page").first()


def reading_list_item_title(item, *, user, passed=frozenset()) -> str:
    """The title to show for `item`, or "" when its page is one `user` may not view."""
    if item.page is not None and not visible_to(item.page, user=user, passed=passed):
        return ""
    return item.title


def reading_list_rows(items, *, request=None, user=None, passed=frozenset()) -> list[dict]:
    """What the list shows per item; URLs resolved with the request (cached site root paths).

    An item whose page `user` may not view (or no longer: a view restriction added since, a
    group left) shows neither its title nor its address. `passed` as for `reading_list_page`.
    """
    labels = {
        content_type.pk: _saveable_models()[model]
        for model, content_type in ContentType.objects.get_for_models(*_saveable_models()).items()
    }
    rows = []
    for item in items:
        page = item.page
        hidden = page is not None and not visible_to(page, user=user, passed=passed)
        available = not hidden and page is not None and page.live
        available = available and page.content_type_id in labels
        if available:
            title = page.title
        elif hidden:
            title = HIDDEN_TITLE
        else:
            title = item.title  # as it was when saved: the page is gone or unpublished
        rows.append(
            {
                "item": item,
                "available": available,
                "title": title,
                "url": page.get_url(request=request) if available else "",
                "type": labels.get(page.content_type_id, "") if available else "",
            }
        )
    return rows


def reading_list_export(*, user, passed=frozenset()) -> list[dict]:
    """The member's leeslijst for the AVG export and the CSV download (`passed` as for
    `reading_list_page`)."""
    rows = reading_list_rows(reading_list_items(user=user), user=user, passed=passed)
    return [
        {
            "titel": row["title"],
            "soort": row["type"],
            "adres": f"{settings.BASE_URL}{row['url']}"
            if row["url"].startswith("/")
            else row["url"],
            "beschikbaar": row["available"],
            "bewaard_op": row["item"].created_at.isoformat(),
            "gelezen_op": row["item"].read_at.isoformat() if row["item"].read_at else None,
            "notitie": row["item"].note,
        }
        for row in rows
    ]
