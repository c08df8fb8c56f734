"""Reads of shared lists. Everything here starts from the member who asks: a list they are not
in is None, as if it did not exist, whatever its id."""

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from readinglists.models import (
    Role,
    SharedList,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from readinglists.selectors import (
    HIDDEN_TITLE,
    _theme_names,
    item_shown,
    saveable_content_types,
)
from readinglists.shared_services import CAN_EDIT, CAN_MANAGE

#: Stands for the writer of a note, or who added an item, once they deleted their account.
GONE_MEMBER = "verwijderd lid"


def shared_lists_for_user(*, user) -> list[SharedListMember]:
    """The member's memberships, each with its list and the list's numbers of items and
    members, by the lists' names: one query."""
    return list(
        SharedListMember.objects.filter(user=user)
        .select_related("shared_list")
        .annotate(
            item_count=Count("shared_list__items", distinct=True),
            member_count=Count("shared_list__members", distinct=True),
        )
        .order_by("shared_list__name", "shared_list__pk")
    )


def shared_lists_editable(*, user, page_id=None) -> list[dict]:
    """The lists the member may add to ({"list", "has_page"}), by name: for "Bewaar in …"."""
    memberships = (
        SharedListMember.objects.filter(user=user, role__in=CAN_EDIT)
        .select_related("shared_list")
        .order_by("shared_list__name", "shared_list__pk")
    )
    if page_id is not None:
        memberships = memberships.annotate(
            has_page=Count("shared_list__items", filter=Q(shared_list__items__page_id=page_id))
        )
    return [
        {"list": m.shared_list, "has_page": bool(getattr(m, "has_page", 0))} for m in memberships
    ]


def shared_list_membership(*, user, pk) -> SharedListMember | None:
    """The member's membership of list `pk` (with the list), or None for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        SharedListMember.objects.filter(user=user, shared_list_id=pk)
        .select_related("shared_list")
        .first()
    )


def shared_list_item(*, user, list_pk, item_pk) -> SharedListItem | None:
    """An item of a list the member is in, or None."""
    return (
        SharedListItem.objects.filter(
            pk=item_pk, shared_list_id=list_pk, shared_list__members__user=user
        )
        .select_related("shared_list", "page")
        .first()
    )


def shared_list_note(*, user, list_pk, note_pk) -> SharedListNote | None:
    return (
        SharedListNote.objects.filter(
            pk=note_pk, item__shared_list_id=list_pk, item__shared_list__members__user=user
        )
        .select_related("item__shared_list")
        .first()
    )


def shared_list_members(*, shared_list) -> list[SharedListMember]:
    """The members, owners first, then by how long they have been in the list."""
    order = {Role.OWNER: 0, Role.EDITOR: 1, Role.READER: 2}
    members = list(SharedListMember.objects.filter(shared_list=shared_list).select_related("user"))
    return sorted(members, key=lambda m: (order[m.role], m.joined_at, m.pk))


def shared_list_member(*, shared_list, pk) -> SharedListMember | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return SharedListMember.objects.filter(shared_list=shared_list, pk=pk).first()


def shared_list_invitations_pending(*, shared_list, now=None) -> list[SharedListInvitation]:
    now = now or timezone.now()
    return list(
        SharedListInvitation.objects.filter(
            shared_list=shared_list,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=now,
        )
        .select_related("invited_by")
        .order_by("-created_at", "-pk")
    )


def shared_list_invitation(*, shared_list, pk) -> SharedListInvitation | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        SharedListInvitation.objects.filter(shared_list=shared_list, pk=pk)
        .select_related("shared_list")
        .first()
    )


def member_name(user) -> str:
    """How a list names a member: their display name, else their address; a deleted account
    is "verwijderd lid"."""
    if user is None:
        return GONE_MEMBER
    return user.display_name or user.email


def _summaries(pages: dict[int, type]) -> dict[int, str]:
    """{page id: its intro} for `pages` ({id: model}): one query per kind of page on the list."""
    by_model = {}
    for page_id, model in pages.items():
        by_model.setdefault(model, []).append(page_id)
    summaries = {}
    for model, ids in by_model.items():
        if any(field.name == "intro" for field in model._meta.get_fields()):
            summaries.update(model.objects.filter(pk__in=ids).values_list("pk", "intro"))
    return summaries


def shared_list_rows(
    *,
    shared_list,
    user,
    passed=frozenset(),
    request=None,
    summaries=False,
    absolute=False,
    only=None,
):
    """The items of the list in the team's order, each with who added it and when, its notes
    (oldest first, with their writers) and what the reader may see of its page: an item whose
    page `user` may not view shows neither its title nor its address. A fixed number of
    queries, however many items, notes and members (`summaries`: one more per kind of page).
    `absolute`: full addresses, from BASE_URL, for print and downloads; `only`: the row of that
    item alone (numbered 1: see `shared_list_item_row`)."""
    notes = SharedListNote.objects.select_related("author").order_by("created_at", "pk")
    items = (
        SharedListItem.objects.filter(shared_list=shared_list)
        .select_related("page", "added_by")
        .prefetch_related(Prefetch("notes", queryset=notes))
        .order_by("position", "pk")
    )
    if only is not None:
        items = items.filter(pk=only)
    models = saveable_content_types()
    rows = []
    for number, item in enumerate(items, start=1):
        shown = item_shown(item, models=models, user=user, passed=passed, request=request)
        if absolute and shown["url"].startswith("/"):
            shown["url"] = settings.BASE_URL + shown["url"]
        rows.append(
            {
                "item": item,
                "number": number,
                **shown,
                "added_by": member_name(item.added_by),
                "notes": [
                    {"note": note, "author": member_name(note.author)} for note in item.notes.all()
                ],
                "summary": "",
                "themes": [],
            }
        )
    pages = {
        row["item"].page_id: models[row["item"].page.content_type_id]
        for row in rows
        if row["available"]
    }
    themes = _theme_names(pages)
    texts = _summaries(pages) if summaries else {}
    for row in rows:
        if row["available"]:
            row["themes"] = themes.get(row["item"].page_id, [])
            row["summary"] = texts.get(row["item"].page_id, "")
    return rows


def shared_list_item_row(*, shared_list, item_pk, user, passed=frozenset(), request=None):
    """(One item's row, with its summary and its number in the team's order; the number of
    items on the list), reading no other item: (None, count) for an item not on the list."""
    siblings = SharedListItem.objects.filter(shared_list=shared_list)
    rows = shared_list_rows(
        shared_list=shared_list,
        user=user,
        passed=passed,
        request=request,
        summaries=True,
        only=item_pk,
    )
    if not rows:
        return None, siblings.count()
    row, item = rows[0], rows[0]["item"]
    before = Q(position__lt=item.position) | Q(position=item.position, pk__lt=item.pk)
    row["number"] = siblings.filter(before).count() + 1
    return row, siblings.count()


def shared_list_export(*, user) -> list[dict]:
    """For the AVG export: each list the member is in, with their role, and what they wrote in
    it: the items they added and their notes."""
    from readinglists.selectors import reading_list_item_title

    def title(item) -> str:
        # A page the member may no longer view is named as on the list: never its title.
        return reading_list_item_title(item, user=user) or HIDDEN_TITLE

    memberships = SharedListMember.objects.filter(user=user).select_related("shared_list")
    items = {}
    for item in (
        SharedListItem.objects.filter(added_by=user)
        .select_related("page")
        .order_by("added_at", "pk")
    ):
        items.setdefault(item.shared_list_id, []).append(
            {"titel": title(item), "toegevoegd_op": item.added_at.isoformat()}
        )
    notes = {}
    for note in (
        SharedListNote.objects.filter(author=user)
        .select_related("item__page")
        .order_by("created_at", "pk")
    ):
        notes.setdefault(note.item.shared_list_id, []).append(
            {
                "bij": title(note.item),
                "notitie": note.text,
                "geschreven_op": note.created_at.isoformat(),
            }
        )
    lists = []
    seen = set()
    for membership in memberships.order_by("joined_at", "pk"):
        shared_list = membership.shared_list
        seen.add(shared_list.pk)
        lists.append(
            {
                "naam": shared_list.name,
                "doel": shared_list.purpose,
                "rol": membership.get_role_display().lower(),
                "lid_sinds": membership.joined_at.isoformat(),
                "door_jou_toegevoegd": items.get(shared_list.pk, []),
                "jouw_notities": notes.get(shared_list.pk, []),
            }
        )
    # What they wrote in lists they have left stays with those teams, and is theirs too.
    for shared_list in SharedList.objects.filter(pk__in=(set(items) | set(notes)) - seen):
        lists.append(
            {
                "naam": shared_list.name,
                "doel": shared_list.purpose,
                "rol": None,
                "lid_sinds": None,
                "door_jou_toegevoegd": items.get(shared_list.pk, []),
                "jouw_notities": notes.get(shared_list.pk, []),
            }
        )
    return lists


def can_edit(membership) -> bool:
    return membership.role in CAN_EDIT


def can_manage(membership) -> bool:
    return membership.role in CAN_MANAGE
