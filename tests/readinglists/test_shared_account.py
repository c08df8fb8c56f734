"""Shared lists and the member's account: deleting it hands each list it owned alone to the
longest-standing other member (or deletes a list with no one left), and the AVG export holds
the member's lists with what they added and wrote, and nothing of anyone else's."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.exports import user_export
from accounts.services import user_delete
from readinglists import shared_selectors, shared_services
from readinglists.models import (
    Role,
    SharedList,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from tests.conftest import make_member
from tests.factories import ArticlePageFactory
from tests.readinglists.shared import member_add

pytestmark = pytest.mark.django_db

S = shared_services


def roles(shared_list) -> list[tuple[str, str]]:
    return sorted(
        SharedListMember.objects.filter(shared_list=shared_list).values_list("user__email", "role")
    )


def delete_by_service_then_model(user):
    shared_services.shared_lists_user_leave_all(user=user)
    user.delete()


#: Every way an account goes: the service the deletion hook calls, the member's own deletion,
#: and a plain delete (the admin's).
DELETIONS = {
    "service": delete_by_service_then_model,
    "user_delete": lambda user: user_delete(user=user),
    "model": lambda user: user.delete(),
}


@pytest.fixture
def leaving(member, django_user_model, article_index):
    """`member` (lid@) owns three lists alone: one with a bewerker and a lezer who joined before
    the bewerker, one shared with a second owner, and one with no one else. On the first they
    added a page, and wrote a note on it and on the bewerker's page."""
    now = timezone.now()
    editor = make_member(django_user_model, email="bewerker@example.org")
    reader = make_member(django_user_model, email="lezer@example.org")
    co_owner = make_member(django_user_model, email="mede@example.org")
    team = S.shared_list_create(user=member, name="Wijkteam")
    # The lezer's row is made last, but they have been in the list longest.
    member_add(team, editor, Role.EDITOR, joined_at=now - timedelta(days=10))
    member_add(team, reader, Role.READER, joined_at=now - timedelta(days=20))
    shared = S.shared_list_create(user=member, name="Samen beheerd")
    member_add(shared, co_owner, Role.OWNER)
    member_add(shared, editor, Role.EDITOR, joined_at=now - timedelta(days=30))
    alone = S.shared_list_create(user=member, name="Alleen van mij")
    mine, _ = S.shared_list_item_add(
        shared_list=team,
        actor=member,
        page=ArticlePageFactory(parent=article_index, title="Door het lid bewaard"),
    )
    theirs, _ = S.shared_list_item_add(
        shared_list=team,
        actor=editor,
        page=ArticlePageFactory(parent=article_index, title="Door de bewerker bewaard"),
    )
    S.shared_list_note_add(item=mine, actor=member, text="Mijn eigen notitie.")
    S.shared_list_note_add(item=theirs, actor=member, text="Mijn notitie bij jouw stuk.")
    S.shared_list_note_add(item=theirs, actor=editor, text="Notitie van de bewerker.")
    S.shared_list_item_add(
        shared_list=alone,
        actor=member,
        page=ArticlePageFactory(parent=article_index, title="Alleen bewaard"),
    )
    return {"team": team, "shared": shared, "alone": alone, "mine": mine, "theirs": theirs}


@pytest.mark.parametrize("how", DELETIONS)
def test_a_deleted_last_owner_hands_the_list_to_the_longest_standing_member(member, leaving, how):
    DELETIONS[how](member)
    assert roles(leaving["team"]) == [
        ("bewerker@example.org", Role.EDITOR),
        ("lezer@example.org", Role.OWNER),
    ]


@pytest.mark.parametrize("how", DELETIONS)
def test_a_list_with_another_owner_keeps_its_roles(member, leaving, how):
    DELETIONS[how](member)
    assert roles(leaving["shared"]) == [
        ("bewerker@example.org", Role.EDITOR),
        ("mede@example.org", Role.OWNER),
    ]


@pytest.mark.parametrize("how", DELETIONS)
def test_a_list_with_no_one_else_goes_with_the_account(member, leaving, how):
    DELETIONS[how](member)
    assert set(SharedList.objects.values_list("name", flat=True)) == {"Wijkteam", "Samen beheerd"}
    assert not SharedListItem.objects.filter(title="Alleen bewaard").exists()


@pytest.mark.parametrize("how", DELETIONS)
def test_what_the_deleted_member_added_and_wrote_stays_without_their_name(member, leaving, how):
    DELETIONS[how](member)
    mine, theirs = leaving["mine"], leaving["theirs"]
    mine.refresh_from_db()
    assert mine.added_by is None
    assert list(
        SharedListNote.objects.filter(item__in=[mine, theirs])
        .order_by("pk")
        .values_list("author__email", "text")
    ) == [
        (None, "Mijn eigen notitie."),
        (None, "Mijn notitie bij jouw stuk."),
        ("bewerker@example.org", "Notitie van de bewerker."),
    ]
    heir = SharedListMember.objects.get(shared_list=leaving["team"], role=Role.OWNER).user
    rows = shared_selectors.shared_list_rows(shared_list=leaving["team"], user=heir)
    assert [(row["title"], row["added_by"]) for row in rows] == [
        ("Door het lid bewaard", "verwijderd lid"),
        ("Door de bewerker bewaard", "bewerker@example.org"),
    ]
    assert [note["author"] for note in rows[1]["notes"]] == [
        "verwijderd lid",
        "bewerker@example.org",
    ]
    assert shared_selectors.member_name(None) == "verwijderd lid"


def test_a_member_who_is_not_an_owner_just_leaves(member, leaving):
    editor = SharedListMember.objects.get(shared_list=leaving["team"], role=Role.EDITOR).user
    user_delete(user=editor)
    assert roles(leaving["team"]) == [
        ("lezer@example.org", Role.READER),
        ("lid@example.org", Role.OWNER),
    ]
    leaving["theirs"].refresh_from_db()
    assert leaving["theirs"].added_by is None


# The AVG export.


def test_the_export_holds_the_lists_roles_and_what_the_member_added_and_wrote(member, leaving):
    export = user_export(user=member)
    lists = {entry["naam"]: entry for entry in export["gedeelde_leeslijsten"]}
    assert set(lists) == {"Wijkteam", "Samen beheerd", "Alleen van mij"}
    team = lists["Wijkteam"]
    assert team["rol"] == "eigenaar"
    assert [item["titel"] for item in team["door_jou_toegevoegd"]] == ["Door het lid bewaard"]
    assert [(note["bij"], note["notitie"]) for note in team["jouw_notities"]] == [
        ("Door het lid bewaard", "Mijn eigen notitie."),
        ("Door de bewerker bewaard", "Mijn notitie bij jouw stuk."),
    ]
    assert lists["Samen beheerd"]["door_jou_toegevoegd"] == []
    assert lists["Samen beheerd"]["jouw_notities"] == []

    dump = json.dumps(export, ensure_ascii=False)
    assert "Notitie van de bewerker." not in dump
    assert "bewerker@example.org" not in dump
    assert "lezer@example.org" not in dump


def test_the_export_of_a_bewerker_holds_their_role_and_only_their_own(member, leaving):
    editor = SharedListMember.objects.get(shared_list=leaving["team"], role=Role.EDITOR).user
    export = user_export(user=editor)
    lists = {entry["naam"]: entry for entry in export["gedeelde_leeslijsten"]}
    assert {name: entry["rol"] for name, entry in lists.items()} == {
        "Wijkteam": "bewerker",
        "Samen beheerd": "bewerker",
    }
    assert [item["titel"] for item in lists["Wijkteam"]["door_jou_toegevoegd"]] == [
        "Door de bewerker bewaard"
    ]
    dump = json.dumps(export, ensure_ascii=False)
    assert "Notitie van de bewerker." in dump
    assert "Mijn eigen notitie." not in dump
    assert "Mijn notitie bij jouw stuk." not in dump
    assert "Alleen van mij" not in dump


def test_what_a_member_wrote_in_a_list_they_left_is_still_theirs(member, leaving):
    editor = SharedListMember.objects.get(shared_list=leaving["team"], role=Role.EDITOR).user
    S.shared_list_member_remove(
        shared_list=leaving["team"],
        actor=editor,
        member=SharedListMember.objects.get(shared_list=leaving["team"], user=editor),
    )
    [left] = [
        entry
        for entry in user_export(user=editor)["gedeelde_leeslijsten"]
        if entry["naam"] == "Wijkteam"
    ]
    assert (left["rol"], left["lid_sinds"]) == (None, None)
    assert [note["notitie"] for note in left["jouw_notities"]] == ["Notitie van de bewerker."]


SECRET_TITLE = "Vertrouwelijk verslag wijkteam"


def test_the_export_names_no_page_the_member_may_not_view(member, leaving, article_index):
    """A page only a group may view, put on the list by the bewerker (in that group): the list
    shows the member "Niet meer beschikbaar" in its place, and so must their export, also where
    it says which item their note is on."""
    group = Group.objects.create(name="Wijkteam Noord")
    editor = SharedListMember.objects.get(shared_list=leaving["team"], role=Role.EDITOR).user
    editor.groups.add(group)
    secret = ArticlePageFactory(parent=article_index, title=SECRET_TITLE, slug="vertrouwelijk")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    item, _ = S.shared_list_item_add(shared_list=leaving["team"], actor=editor, page=secret)
    S.shared_list_note_add(item=item, actor=member, text="Wat staat hierin?")

    rows = shared_selectors.shared_list_rows(shared_list=leaving["team"], user=member)
    assert SECRET_TITLE not in [row["title"] for row in rows]
    dump = json.dumps(user_export(user=member), ensure_ascii=False)
    assert "Wat staat hierin?" in dump
    assert SECRET_TITLE not in dump
