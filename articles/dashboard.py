"""What readers save to their leeslijst and follow, for editors: counts only, never who.

The admin shows these on the dashboard ("Bewaard en gevolgd"), in the page explorer and the
"Bewaard door lezers" report, and as columns of the term listings; each is read in a fixed
number of queries (annotations, no query per row). Imported by the admin only: the content
app knows the leeslijst and follows only here.
"""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

#: The dashboard counts saves of this many days.
SAVED_DAYS = 30
#: The dashboard lists this many pages and terms.
TOP = 10


def _count(queryset, group_by: str):
    """A subquery counting the rows of `queryset` (already limited by an OuterRef), 0 if none."""
    counted = queryset.order_by().values(group_by).annotate(count=Count("pk")).values("count")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def page_saves_count(page_ref: str = "pk"):
    """An annotation: how many members have the page on their leeslijst."""
    from readinglists.models import ReadingListItem

    return _count(ReadingListItem.objects.filter(page_id=OuterRef(page_ref)), "page_id")


def term_followers_count(kind: str):
    """An annotation for a term of `kind` ("theme"): how many members follow it."""
    from follows.models import Follow

    return _count(Follow.objects.filter(**{kind: OuterRef("pk")}), kind)


def term_saves_count(kind: str):
    """An annotation for a term of `kind`: how many leeslijst items are pages with that term,
    through every way a content type links terms of that kind."""
    from articles.models import CONTENT_MODELS, term_links
    from readinglists.models import ReadingListItem

    linked = Q()
    for model in CONTENT_MODELS:
        for link in term_links(model):
            if link.kind == kind:
                pages = link.model.objects.filter(
                    **{link.term_field: OuterRef(OuterRef("pk"))}
                ).values(link.page_field)
                linked |= Q(page_id__in=pages)
    if not linked:
        return Value(0, output_field=IntegerField())
    items = ReadingListItem.objects.filter(linked).annotate(one=Value(1))
    return _count(items, "one")


def saved_pages_top(*, days: int = SAVED_DAYS, limit: int = TOP) -> list[dict]:
    """The pages saved most in the last `days` days, most first: title, edit link, count."""
    from readinglists.models import ReadingListItem

    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        ReadingListItem.objects.filter(created_at__gte=since, page__isnull=False)
        .values("page_id", "page__title")
        .annotate(saves=Count("pk"))
        .order_by("-saves", "page__title", "page_id")[:limit]
    )
    return [
        {
            "title": row["page__title"],
            "edit_url": reverse("wagtailadmin_pages:edit", args=[row["page_id"]]),
            "count": row["saves"],
        }
        for row in rows
    ]


def followed_terms_top(*, limit: int = TOP) -> list[dict]:
    """The terms and places followed by most members, most first: kind, name, edit link,
    count."""
    from articles.models import FOLLOW_KINDS
    from follows.models import Follow

    kinds = tuple(FOLLOW_KINDS)
    names = [f"{kind}__name" for kind in kinds]
    rows = (
        Follow.objects.filter(page__isnull=True)
        .values(*(f"{kind}_id" for kind in kinds), *names)
        .annotate(followers=Count("pk"))
        .order_by("-followers", *names)[:limit]
    )
    terms = []
    for row in rows:
        kind = next(kind for kind in kinds if row[f"{kind}_id"] is not None)
        terms.append(
            {
                "kind": FOLLOW_KINDS[kind].kind_label,
                "title": row[f"{kind}__name"],
                "edit_url": reverse(
                    f"wagtailsnippets_articles_{kind}:edit", args=[row[f"{kind}_id"]]
                ),
                "count": row["followers"],
            }
        )
    return terms


class ReaderInterestPanel(Component):
    """The dashboard panel "Bewaard en gevolgd"."""

    name = "bewaard_en_gevolgd"
    template_name = "admin/reader_interest_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {
            "saved_pages": saved_pages_top(),
            "followed_terms": followed_terms_top(),
            "days": SAVED_DAYS,
        }
