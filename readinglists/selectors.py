from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page

from readinglists.models import ReadingListItem

#: The names of the leeslijst state in personal slots (personal.state, personal.slots).
STATE = "leeslijst"
STATE_ITEMS = "leeslijst_items"
STATE_COUNT = "leeslijst_count"
STATUS_READ = "gelezen"
STATUS_UNREAD = "ongelezen"


def _saveable_models() -> dict:
    from articles.models import ArticlePage, EventPage

    return {ArticlePage: "Artikel", EventPage: "Evenement"}


def reading_list_page(*, page_id) -> Page | None:
    """The live article or event with `page_id`, or None: only those can be saved."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    return Page.objects.live().type(*_saveable_models()).filter(pk=page_id).first()


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
    from articles.models import ArticlePage, EventPage

    items = ReadingListItem.objects.filter(user=user).select_related("page")
    if status == STATUS_READ:
        items = items.filter(read_at__isnull=False)
    elif status == STATUS_UNREAD:
        items = items.filter(read_at__isnull=True)
    if theme is not None:
        items = items.filter(
            Q(page__in=ArticlePage.objects.filter(themes=theme).values("pk"))
            | Q(page__in=EventPage.objects.filter(themes=theme).values("pk"))
        )
    return items.order_by("-created_at", "-pk")


def reading_list_item(*, user, pk: int) -> ReadingListItem | None:
    return ReadingListItem.objects.filter(user=user, pk=pk).first()


def reading_list_rows(items, *, request=None) -> list[dict]:
    """What the list shows per item; URLs resolved with the request (cached site root paths)."""
    labels = {
        content_type.pk: _saveable_models()[model]
        for model, content_type in ContentType.objects.get_for_models(*_saveable_models()).items()
    }
    rows = []
    for item in items:
        page = item.page
        available = page is not None and page.live and page.content_type_id in labels
        rows.append(
            {
                "item": item,
                "available": available,
                "title": page.title if available else item.title,
                "url": page.get_url(request=request) if available else "",
                "type": labels.get(page.content_type_id, "") if available else "",
            }
        )
    return rows


def reading_list_export(*, user) -> list[dict]:
    """The member's leeslijst for the AVG export and the CSV download."""
    rows = reading_list_rows(reading_list_items(user=user))
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
