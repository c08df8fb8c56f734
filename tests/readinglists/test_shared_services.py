"""Shared lists ("gedeelde leeslijsten"): what each role may do, the last owner, invitations by
mail and accepting them, the team's order and notes, and what `shared_list_rows` shows."""

import hashlib
import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from emails.models import OutgoingMail
from pagecache.versions import content_changed
from readinglists import shared_selectors, shared_services
from readinglists.models import (
    TEAM_NOTE_MAX_LENGTH,
    Role,
    SharedList,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from readinglists.selectors import HIDDEN_TITLE
from readinglists.shared_services import (
    INVITATION_BATCH,
    INVITATION_DAYS,
    INVITATION_EXPIRED,
    INVITATION_OTHER_ADDRESS,
    INVITATION_UNKNOWN,
    INVITATION_USED,
    INVITATION_WINDOW,
    INVITATION_WITHDRAWN,
    INVITATIONS_PER_WINDOW,
    LAST_OWNER,
    InvitationError,
    SharedListForbidden,
)
from tests.conftest import make_member
from tests.factories import ArticlePageFactory, EventPageFactory, pages_bulk
from tests.readinglists.shared import (
    invitation_make,
    list_state,
    member_add,
    team_make,
    token_hash,
    token_in,
)

pytestmark = pytest.mark.django_db

NOT_A_MEMBER = "Je bent geen lid van deze lijst."
READ_ONLY = "Je mag deze lijst alleen lezen."
OWNERS_ONLY = "Alleen een eigenaar van de lijst mag dit doen."


@pytest.fixture
def team(django_user_model, member):
    member.display_name = "Sanne de Vries"
    member.save(update_fields=["display_name"])
    return team_make(django_user_model, member)


def bulk_pages(factory, parent, *titles) -> list:
    """Live pages titled `titles` under `parent`, made in bulk: quicker than one by one."""
    model = factory._meta.model
    made = [page.pk for page in pages_bulk(factory, parent, len(titles))]
    for pk, title in zip(made, titles, strict=True):
        model.objects.filter(pk=pk).update(title=title, draft_title=title)
    content_changed()
    return list(model.objects.filter(pk__in=made).order_by("path"))


@pytest.fixture
def world(team, article_index, event_index):
    """The team's list with two items (the owner added them), a note by the owner and one by
    the bewerker on the first, an open invitation, and a page that is not on the list yet."""
    first_page, spare = bulk_pages(
        ArticlePageFactory, article_index, "Eerste stuk", "Nog niet op de lijst"
    )
    [second_page] = bulk_pages(EventPageFactory, event_index, "Tweede stuk")
    first, _ = shared_services.shared_list_item_add(
        shared_list=team.shared_list, actor=team.owner, page=first_page
    )
    second, _ = shared_services.shared_list_item_add(
        shared_list=team.shared_list, actor=team.owner, page=second_page
    )
    owner_note = shared_services.shared_list_note_add(
        item=first, actor=team.owner, text="Bespreken op dinsdag."
    )
    editor_note = shared_services.shared_list_note_add(
        item=first, actor=team.editor, text="Ik neem de cijfers mee."
    )
    invitation, _ = invitation_make(team.shared_list, team.owner, "open@example.org")
    return SimpleNamespace(
        team=team,
        list=team.shared_list,
        first=first,
        second=second,
        owner_note=owner_note,
        editor_note=editor_note,
        invitation=invitation,
        spare=spare,
    )


def another_member(world, actor):
    """A member of the list other than `actor` (and not the owner)."""
    team = world.team
    return team.membership(team.reader if actor != team.reader else team.editor)


S = shared_services

#: Every service, called by `actor` on the world's list.
ACTIONS = {
    "add_item": lambda w, a: S.shared_list_item_add(shared_list=w.list, actor=a, page=w.spare),
    "remove_item": lambda w, a: S.shared_list_item_remove(item=w.first, actor=a),
    "move_item": lambda w, a: S.shared_list_item_move(item=w.second, actor=a, position=1),
    "add_note": lambda w, a: S.shared_list_note_add(item=w.first, actor=a, text="Mijn mening."),
    "invite": lambda w, a: S.shared_list_invite(
        shared_list=w.list, actor=a, addresses="nieuw@example.org"
    ),
    "withdraw": lambda w, a: S.shared_list_invitation_withdraw(invitation=w.invitation, actor=a),
    "rename": lambda w, a: S.shared_list_update(
        shared_list=w.list, actor=a, name="Overgenomen lijst", purpose=""
    ),
    "delete": lambda w, a: S.shared_list_delete(shared_list=w.list, actor=a),
    "make_reader_owner": lambda w, a: S.shared_list_member_role_set(
        shared_list=w.list, actor=a, member=w.team.membership(w.team.reader), role=Role.OWNER
    ),
    "make_editor_owner": lambda w, a: S.shared_list_member_role_set(
        shared_list=w.list, actor=a, member=w.team.membership(w.team.editor), role=Role.OWNER
    ),
    "demote_owner": lambda w, a: S.shared_list_member_role_set(
        shared_list=w.list, actor=a, member=w.team.membership(w.team.owner), role=Role.READER
    ),
    "remove_other": lambda w, a: S.shared_list_member_remove(
        shared_list=w.list, actor=a, member=another_member(w, a)
    ),
    "remove_owner": lambda w, a: S.shared_list_member_remove(
        shared_list=w.list, actor=a, member=w.team.membership(w.team.owner)
    ),
    "remove_owners_note": lambda w, a: S.shared_list_note_remove(note=w.owner_note, actor=a),
    "remove_editors_note": lambda w, a: S.shared_list_note_remove(note=w.editor_note, actor=a),
}
#: What a bewerker may do too (and removing their own note); everything else is the owners'.
EDITING = {"add_item", "remove_item", "move_item", "add_note"}
MANAGING = set(ACTIONS) - EDITING
FORBIDDEN = (
    [("reader", action) for action in ACTIONS]
    + [("editor", action) for action in sorted(MANAGING - {"remove_editors_note"})]
    + [("outsider", action) for action in ACTIONS]
)


@pytest.mark.parametrize(("who", "action"), FORBIDDEN)
def test_a_role_that_does_not_allow_it_is_refused_and_nothing_changes(
    world, mailoutbox, django_capture_on_commit_callbacks, who, action
):
    actor = getattr(world.team, who)
    before = list_state(world.list)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(SharedListForbidden) as refused,
    ):
        ACTIONS[action](world, actor)
    assert list_state(world.list) == before
    assert mailoutbox == []
    if who == "outsider":
        assert refused.value.args == (NOT_A_MEMBER,)
    elif action in MANAGING:
        assert refused.value.args == (OWNERS_ONLY,)
    else:
        assert refused.value.args == (READ_ONLY,)


def test_the_owner_may_do_everything(world, mailoutbox, django_capture_on_commit_callbacks):
    team, owner = world.team, world.team.owner
    S.shared_list_update(
        shared_list=world.list, actor=owner, name="  Wijkoverleg   Zuid ", purpose="Agenda"
    )
    assert SharedList.objects.values_list("name", "purpose").get() == ("Wijkoverleg Zuid", "Agenda")

    item, created = ACTIONS["add_item"](world, owner)
    assert created and item.position == 3
    ACTIONS["move_item"](world, owner)
    assert list(SharedListItem.objects.order_by("position").values_list("pk", flat=True)) == [
        world.second.pk,
        world.first.pk,
        item.pk,
    ]
    ACTIONS["add_note"](world, owner)
    ACTIONS["remove_editors_note"](world, owner)
    assert not SharedListNote.objects.filter(pk=world.editor_note.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        [invitation] = ACTIONS["invite"](world, owner)
    assert [mail.to for mail in mailoutbox] == [["nieuw@example.org"]]
    ACTIONS["withdraw"](world, owner)
    world.invitation.refresh_from_db()
    assert world.invitation.withdrawn_at is not None

    ACTIONS["make_editor_owner"](world, owner)
    assert team.membership(team.editor).role == Role.OWNER
    S.shared_list_member_role_set(
        shared_list=world.list, actor=owner, member=team.membership(team.editor), role=Role.READER
    )
    assert team.membership(team.editor).role == Role.READER
    ACTIONS["remove_other"](world, owner)
    assert not SharedListMember.objects.filter(user=team.reader).exists()
    ACTIONS["remove_item"](world, owner)
    assert not SharedListItem.objects.filter(pk=world.first.pk).exists()

    ACTIONS["delete"](world, owner)
    assert not SharedList.objects.exists()
    assert not SharedListMember.objects.exists()
    assert not SharedListItem.objects.exists()
    assert not SharedListInvitation.objects.exists()


def test_a_bewerker_keeps_the_items_and_their_own_notes(world):
    editor = world.team.editor
    item, created = ACTIONS["add_item"](world, editor)
    assert (created, item.position, item.added_by) == (True, 3, editor)
    S.shared_list_item_move(item=item, actor=editor, position=1)
    assert list(SharedListItem.objects.order_by("position").values_list("pk", "position")) == [
        (item.pk, 1),
        (world.first.pk, 2),
        (world.second.pk, 3),
    ]
    note = S.shared_list_note_add(item=item, actor=editor, text="  Lezen voor dinsdag.  ")
    assert (note.author, note.text) == (editor, "Lezen voor dinsdag.")
    S.shared_list_note_remove(note=note, actor=editor)
    ACTIONS["remove_editors_note"](world, editor)
    assert list(SharedListNote.objects.values_list("pk", flat=True)) == [world.owner_note.pk]
    S.shared_list_item_remove(item=item, actor=editor)
    assert not SharedListItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("who", ["reader", "editor"])
def test_any_member_may_leave_and_then_can_do_nothing_more(world, who):
    actor = getattr(world.team, who)
    S.shared_list_member_remove(
        shared_list=world.list, actor=actor, member=world.team.membership(actor)
    )
    assert not SharedListMember.objects.filter(shared_list=world.list, user=actor).exists()
    before = list_state(world.list)
    with pytest.raises(SharedListForbidden, match=NOT_A_MEMBER):
        ACTIONS["add_note"](world, actor)
    assert list_state(world.list) == before


def test_a_membership_of_another_list_is_out_of_reach(world, django_user_model):
    """An owner of one list cannot reach a member of another list through their own."""
    other = S.shared_list_create(user=world.team.outsider, name="Andere lijst")
    stranger = make_member(django_user_model, email="vreemde@example.org")
    stranger_membership = member_add(other, stranger, Role.EDITOR)
    before = list_state(other)
    S.shared_list_member_remove(
        shared_list=world.list, actor=world.team.owner, member=stranger_membership
    )
    with pytest.raises(SharedListMember.DoesNotExist):
        S.shared_list_member_role_set(
            shared_list=world.list,
            actor=world.team.owner,
            member=stranger_membership,
            role=Role.OWNER,
        )
    assert list_state(other) == before


# The last owner.


def test_the_last_owner_cannot_demote_themself(team):
    before = list_state(team.shared_list)
    with pytest.raises(ValidationError) as refused:
        S.shared_list_member_role_set(
            shared_list=team.shared_list,
            actor=team.owner,
            member=team.membership(team.owner),
            role=Role.EDITOR,
        )
    assert refused.value.messages == [LAST_OWNER]
    assert list_state(team.shared_list) == before


def test_the_last_owner_cannot_leave(team):
    before = list_state(team.shared_list)
    with pytest.raises(ValidationError) as refused:
        S.shared_list_member_remove(
            shared_list=team.shared_list, actor=team.owner, member=team.membership(team.owner)
        )
    assert refused.value.messages == [LAST_OWNER]
    assert list_state(team.shared_list) == before


def test_the_only_member_as_last_owner_cannot_leave_either(member):
    shared_list = S.shared_list_create(user=member, name="Alleen ik")
    with pytest.raises(ValidationError) as refused:
        S.shared_list_member_remove(
            shared_list=shared_list,
            actor=member,
            member=SharedListMember.objects.get(user=member),
        )
    assert refused.value.messages == [LAST_OWNER]
    assert SharedListMember.objects.filter(shared_list=shared_list, user=member).exists()


def test_with_another_owner_the_owner_can_step_down_and_leave(team):
    owner, editor = team.owner, team.editor
    S.shared_list_member_role_set(
        shared_list=team.shared_list, actor=owner, member=team.membership(editor), role=Role.OWNER
    )
    S.shared_list_member_role_set(
        shared_list=team.shared_list, actor=owner, member=team.membership(owner), role=Role.EDITOR
    )
    assert team.membership(owner).role == Role.EDITOR
    S.shared_list_member_role_set(
        shared_list=team.shared_list, actor=editor, member=team.membership(owner), role=Role.OWNER
    )
    S.shared_list_member_remove(
        shared_list=team.shared_list, actor=owner, member=team.membership(owner)
    )
    assert sorted(
        SharedListMember.objects.filter(shared_list=team.shared_list).values_list(
            "user__email", "role"
        )
    ) == [("bewerker@example.org", Role.OWNER), ("lezer@example.org", Role.READER)]


def test_an_unknown_role_is_refused(team):
    with pytest.raises(ValidationError, match="Kies een van de rollen"):
        S.shared_list_member_role_set(
            shared_list=team.shared_list,
            actor=team.owner,
            member=team.membership(team.reader),
            role="beheerder",
        )
    assert team.membership(team.reader).role == Role.READER


# Invitations.

VALID = "nieuw@example.org"
REFUSED_BATCHES = {
    "invalid": (f"{VALID}, geen-adres", "“geen-adres” is geen geldig e-mailadres."),
    "twice": (
        f"{VALID}; dubbel@example.org\nDUBBEL@example.org",
        "dubbel@example.org staat er twee keer in.",
    ),
    "own": (f"{VALID} lid@example.org", "lid@example.org is je eigen adres"),
    "member": (f"{VALID}, Lezer@Example.org", "lezer@example.org is al lid van deze lijst."),
    "pending": (f"{VALID}, open@example.org", "open@example.org is al uitgenodigd"),
    "too_many": (
        ", ".join(f"lid{n}@example.org" for n in range(INVITATION_BATCH + 1)),
        f"hoogstens {INVITATION_BATCH} mensen tegelijk uitnodigen (nu {INVITATION_BATCH + 1})",
    ),
    "empty": (" ,; \n", "Vul minstens één e-mailadres in."),
}


@pytest.mark.parametrize("case", REFUSED_BATCHES)
def test_a_batch_with_one_address_that_cannot_be_invited_is_refused_whole(
    world, mailoutbox, django_capture_on_commit_callbacks, case
):
    addresses, problem = REFUSED_BATCHES[case]
    before = list_state(world.list)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError) as refused,
    ):
        S.shared_list_invite(shared_list=world.list, actor=world.team.owner, addresses=addresses)
    assert any(problem in message for message in refused.value.messages), refused.value.messages
    assert list_state(world.list) == before
    assert SharedListInvitation.objects.count() == 1  # the world's open one
    assert not OutgoingMail.objects.exists()
    assert mailoutbox == []


def test_every_problem_in_a_batch_is_named(world):
    with pytest.raises(ValidationError) as refused:
        S.shared_list_invite(
            shared_list=world.list,
            actor=world.team.owner,
            addresses="fout@, lid@example.org, bewerker@example.org, open@example.org",
        )
    problems = refused.value.messages
    assert len(problems) == 1 and "fout@" in problems[0]  # invalid addresses are named first
    with pytest.raises(ValidationError) as refused:
        S.shared_list_invite(
            shared_list=world.list,
            actor=world.team.owner,
            addresses="lid@example.org, bewerker@example.org, open@example.org",
        )
    assert len(refused.value.messages) == 3


def test_a_member_s_other_confirmed_address_counts_as_a_member(world):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=world.team.reader, email="Thuis@Example.org", verified=True)
    with pytest.raises(ValidationError, match="thuis@example.org is al lid"):
        S.shared_list_invite(
            shared_list=world.list, actor=world.team.owner, addresses="thuis@example.org"
        )
    assert SharedListInvitation.objects.count() == 1


def test_a_valid_batch_makes_one_invitation_and_one_mail_each(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    addresses = ["een@example.org", "twee@example.org", "drie@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        invitations = S.shared_list_invite(
            shared_list=world.list,
            actor=world.team.owner,
            addresses="Een@Example.org;\ntwee@example.org  <drie@example.org>",
            role=Role.READER,
        )
    assert [i.email for i in invitations] == addresses
    assert OutgoingMail.objects.count() == 3
    assert [mail.to for mail in mailoutbox] == [[address] for address in addresses]

    tokens = set()
    for invitation, mail in zip(invitations, mailoutbox, strict=True):
        token = token_in(mail)
        tokens.add(token)
        assert f"{settings.BASE_URL}/leeslijst/gedeeld/uitnodiging/{token}/" in mail.body
        assert "Wijkoverleg Noord" in mail.subject
        assert "Wijkoverleg Noord" in mail.body
        assert "Sanne de Vries" in mail.body
        assert "Je wordt lezer van de lijst" in mail.body
        invitation.refresh_from_db()
        assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert (invitation.role, invitation.invited_by) == (Role.READER, world.team.owner)
        assert invitation.expires_at == invitation.created_at + timedelta(days=INVITATION_DAYS)
        row = SharedListInvitation.objects.filter(pk=invitation.pk).values().get()
        assert token not in json.dumps(row, default=str)
        # The mail ledger keeps no text once sent, so no link either.
        assert token not in json.dumps(list(OutgoingMail.objects.values()), default=str)
    assert len(tokens) == 3


def test_an_invitation_mail_names_its_role(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        S.shared_list_invite(
            shared_list=world.list, actor=world.team.owner, addresses=VALID, role=Role.OWNER
        )
    [mail] = mailoutbox
    assert "Je wordt eigenaar van de lijst" in mail.body


@pytest.fixture
def sender(django_user_model):
    """A member with three lists of their own and no invitations sent yet."""
    user = make_member(django_user_model, email="zender@example.org")
    lists = [S.shared_list_create(user=user, name=f"Lijst {n}") for n in range(3)]
    return user, lists


def batch(first, n) -> str:
    return ", ".join(f"persoon{k}@example.org" for k in range(first, first + n))


def test_invitations_are_limited_per_member_over_all_their_lists(sender):
    user, (a, b, c) = sender
    start = timezone.now()
    S.shared_list_invite(shared_list=a, actor=user, addresses=batch(0, 50), now=start)
    S.shared_list_invite(
        shared_list=b, actor=user, addresses=batch(0, 40), now=start + timedelta(hours=1)
    )
    assert INVITATIONS_PER_WINDOW == 100
    # 90 sent: 11 more is one too many, on any of the lists.
    with pytest.raises(ValidationError) as refused:
        S.shared_list_invite(
            shared_list=c, actor=user, addresses=batch(0, 11), now=start + timedelta(hours=2)
        )
    [message] = refused.value.messages
    assert "al 90 uitnodigingen verstuurd" in message
    assert "nog 10 versturen" in message
    assert SharedListInvitation.objects.filter(shared_list=c).count() == 0

    S.shared_list_invite(
        shared_list=c, actor=user, addresses=batch(0, 10), now=start + timedelta(hours=2)
    )
    with pytest.raises(ValidationError, match="nog 0 versturen"):
        S.shared_list_invite(
            shared_list=c, actor=user, addresses=batch(10, 1), now=start + timedelta(hours=3)
        )
    assert SharedListInvitation.objects.filter(invited_by=user).count() == INVITATIONS_PER_WINDOW

    # A day after the first 50, those no longer count.
    later = start + INVITATION_WINDOW + timedelta(seconds=1)
    S.shared_list_invite(shared_list=c, actor=user, addresses=batch(10, 50), now=later)
    with pytest.raises(ValidationError, match="nog 0 versturen"):
        S.shared_list_invite(shared_list=c, actor=user, addresses=batch(60, 1), now=later)
    assert SharedListInvitation.objects.filter(invited_by=user).count() == 150


def test_the_limit_is_per_member(sender, django_user_model):
    user, (a, _, _) = sender
    S.shared_list_invite(shared_list=a, actor=user, addresses=batch(0, 50))
    S.shared_list_invite(shared_list=a, actor=user, addresses=batch(50, 50))
    co_owner = make_member(django_user_model, email="mede@example.org")
    member_add(a, co_owner, Role.OWNER)
    [invitation] = S.shared_list_invite(shared_list=a, actor=co_owner, addresses=batch(100, 1))
    assert invitation.invited_by == co_owner


# Accepting an invitation.


@pytest.fixture
def invited(team, django_user_model):
    """An open invitation (as lezer) for nieuw@example.org, its token, and that member."""
    invitation, token = invitation_make(team.shared_list, team.owner, VALID, role=Role.READER)
    user = make_member(django_user_model, email=VALID)
    return SimpleNamespace(invitation=invitation, token=token, user=user, team=team)


def assert_refused_with(problem, invited, **kwargs):
    before = list_state(invited.team.shared_list)
    kwargs.setdefault("user", invited.user)
    kwargs.setdefault("token", invited.token)
    with pytest.raises(InvitationError) as refused:
        S.shared_list_invitation_accept(**kwargs)
    assert refused.value.messages == [problem]
    assert list_state(invited.team.shared_list) == before


def test_the_invited_member_joins_with_the_role_once(invited):
    member = S.shared_list_invitation_accept(token=invited.token, user=invited.user)
    assert (member.shared_list, member.user, member.role) == (
        invited.team.shared_list,
        invited.user,
        Role.READER,
    )
    invited.invitation.refresh_from_db()
    assert invited.invitation.accepted_at is not None
    assert invited.invitation.accepted_by == invited.user
    assert_refused_with(INVITATION_USED, invited)
    assert SharedListMember.objects.filter(user=invited.user).count() == 1


def test_the_address_is_matched_whatever_its_case(invited, django_user_model):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=invited.user).update(email="Nieuw@Example.ORG")
    member = S.shared_list_invitation_accept(token=invited.token, user=invited.user)
    assert member.role == Role.READER


def test_an_expired_invitation_is_refused(invited):
    late = invited.invitation.created_at + timedelta(days=INVITATION_DAYS, seconds=1)
    assert_refused_with(INVITATION_EXPIRED, invited, now=late)
    just_in_time = invited.invitation.created_at + timedelta(days=INVITATION_DAYS, seconds=-1)
    assert S.shared_list_invitation_accept(
        token=invited.token, user=invited.user, now=just_in_time
    ).role == (Role.READER)


def test_a_withdrawn_invitation_is_refused(invited):
    S.shared_list_invitation_withdraw(invitation=invited.invitation, actor=invited.team.owner)
    assert_refused_with(INVITATION_WITHDRAWN, invited)


@pytest.mark.parametrize(
    "token",
    ["", "x" * 10_240, "üñíçødé-🙂-\u202e", "\x00", "../../etc/passwd", "' OR 1=1 --"],
    ids=["empty", "10kb", "unicode", "nul", "path", "sql"],
)
def test_an_unknown_or_hostile_token_is_refused(invited, token):
    assert_refused_with(INVITATION_UNKNOWN, invited, token=token)


def test_the_stored_hash_is_not_a_token(invited):
    assert_refused_with(INVITATION_UNKNOWN, invited, token=invited.invitation.token_hash)
    assert invited.invitation.token_hash == token_hash(invited.token)


def test_another_member_cannot_use_the_invitation(invited):
    assert_refused_with(INVITATION_OTHER_ADDRESS, invited, user=invited.team.outsider)
    invited.invitation.refresh_from_db()
    assert invited.invitation.accepted_at is None


def test_an_unconfirmed_matching_address_is_not_enough(invited, django_user_model):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=invited.user).update(verified=False)
    assert_refused_with(INVITATION_OTHER_ADDRESS, invited)
    # Nor an address added to another account and left unconfirmed.
    claimer = make_member(django_user_model, email="claimer@example.org")
    EmailAddress.objects.create(user=claimer, email="NIEUW@example.org", verified=False)
    assert_refused_with(INVITATION_OTHER_ADDRESS, invited, user=claimer)
    invited.invitation.refresh_from_db()
    assert invited.invitation.accepted_at is None


def test_an_invitation_from_the_mail_can_be_accepted(
    team, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        S.shared_list_invite(shared_list=team.shared_list, actor=team.owner, addresses=VALID)
    [mail] = mailoutbox
    user = make_member(django_user_model, email=VALID)
    member = S.shared_list_invitation_accept(token=token_in(mail), user=user)
    assert (member.shared_list, member.role) == (team.shared_list, Role.EDITOR)


# Items, their order and their notes.


@pytest.fixture
def pages(article_index):
    return bulk_pages(ArticlePageFactory, article_index, *(f"Stuk {n}" for n in range(4)))


def order(shared_list) -> list[tuple[int, int]]:
    return list(
        SharedListItem.objects.filter(shared_list=shared_list)
        .order_by("position")
        .values_list("page_id", "position")
    )


def test_adding_is_idempotent_and_appends_in_order(team, pages):
    for page in pages:
        S.shared_list_item_add(shared_list=team.shared_list, actor=team.editor, page=page)
    again, created = S.shared_list_item_add(
        shared_list=team.shared_list, actor=team.owner, page=pages[1]
    )
    assert not created
    assert (again.position, again.added_by) == (2, team.editor)
    assert order(team.shared_list) == [(page.pk, n) for n, page in enumerate(pages, start=1)]
    assert SharedListItem.objects.filter(page=pages[0]).values_list("title", flat=True).get() == (
        "Stuk 0"
    )


@pytest.mark.parametrize(
    ("moved", "position", "expected"),
    [
        (2, 1, [2, 0, 1, 3]),
        (0, 4, [1, 2, 3, 0]),
        (1, 3, [0, 2, 1, 3]),
        (3, 0, [3, 0, 1, 2]),
        (3, -7, [3, 0, 1, 2]),
        (0, 99, [1, 2, 3, 0]),
        (1, 2, [0, 1, 2, 3]),
    ],
    ids=["top", "bottom", "down", "zero", "negative", "beyond", "same"],
)
def test_moving_an_item_clamps_and_keeps_positions_one_to_n(team, pages, moved, position, expected):
    items = [
        S.shared_list_item_add(shared_list=team.shared_list, actor=team.editor, page=page)[0]
        for page in pages
    ]
    S.shared_list_item_move(item=items[moved], actor=team.editor, position=position)
    assert order(team.shared_list) == [
        (pages[n].pk, number) for number, n in enumerate(expected, start=1)
    ]


def test_removing_an_item_keeps_the_others_in_order(team, pages):
    items = [
        S.shared_list_item_add(shared_list=team.shared_list, actor=team.editor, page=page)[0]
        for page in pages
    ]
    S.shared_list_note_add(item=items[1], actor=team.editor, text="Weg ermee?")
    S.shared_list_item_remove(item=items[1], actor=team.editor)
    S.shared_list_item_remove(item=items[1], actor=team.editor)  # twice is no error
    assert [page_id for page_id, _ in order(team.shared_list)] == [
        pages[0].pk,
        pages[2].pk,
        pages[3].pk,
    ]
    assert not SharedListNote.objects.exists()
    S.shared_list_item_move(item=items[3], actor=team.editor, position=1)
    assert order(team.shared_list) == [(pages[3].pk, 1), (pages[0].pk, 2), (pages[2].pk, 3)]
    item, _ = S.shared_list_item_add(shared_list=team.shared_list, actor=team.editor, page=pages[1])
    assert item.position == 4


def test_a_note_may_be_as_long_as_the_maximum_and_not_longer(world):
    editor = world.team.editor
    longest = "a" * TEAM_NOTE_MAX_LENGTH
    note = S.shared_list_note_add(item=world.second, actor=editor, text=f"  {longest}\n")
    assert note.text == longest
    with pytest.raises(ValidationError) as refused:
        S.shared_list_note_add(item=world.second, actor=editor, text=longest + "b")
    assert refused.value.messages == [
        f"Je notitie is te lang: gebruik hoogstens {TEAM_NOTE_MAX_LENGTH} tekens "
        f"(nu {TEAM_NOTE_MAX_LENGTH + 1})."
    ]
    assert SharedListNote.objects.filter(item=world.second).count() == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_empty_note_is_refused(world, text):
    with pytest.raises(ValidationError) as refused:
        S.shared_list_note_add(item=world.second, actor=world.team.editor, text=text)
    assert refused.value.messages == ["Schrijf eerst je notitie."]
    assert not SharedListNote.objects.filter(item=world.second).exists()


@pytest.mark.parametrize(
    ("name", "purpose", "problem"),
    [
        ("   ", "", "Geef de lijst een naam."),
        ("x" * 121, "", "De naam is te lang"),
        ("Goed", "y" * 301, "Het doel is te lang"),
    ],
)
def test_a_list_needs_a_name_of_a_sensible_length(member, name, purpose, problem):
    with pytest.raises(ValidationError, match=problem):
        S.shared_list_create(user=member, name=name, purpose=purpose)
    assert not SharedList.objects.exists()


# What the selectors show.


def test_a_list_is_nothing_to_someone_outside_it(world):
    outsider, pk = world.team.outsider, world.list.pk
    assert shared_selectors.shared_list_membership(user=outsider, pk=pk) is None
    assert shared_selectors.shared_list_membership(user=outsider, pk="1 OR 1=1") is None
    assert (
        shared_selectors.shared_list_item(user=outsider, list_pk=pk, item_pk=world.first.pk) is None
    )
    assert (
        shared_selectors.shared_list_note(user=outsider, list_pk=pk, note_pk=world.owner_note.pk)
        is None
    )
    assert shared_selectors.shared_lists_for_user(user=outsider) == []
    reader = world.team.reader
    assert shared_selectors.shared_list_membership(user=reader, pk=pk).role == Role.READER


def rows_of(shared_list, user):
    return shared_selectors.shared_list_rows(shared_list=shared_list, user=user)


def test_rows_show_the_team_s_order_who_added_and_the_notes(world):
    rows = rows_of(world.list, world.team.reader)
    assert [(r["number"], r["title"], r["available"]) for r in rows] == [
        (1, "Eerste stuk", True),
        (2, "Tweede stuk", True),
    ]
    first = rows[0]
    assert first["url"] == world.first.page.url
    absolute = shared_selectors.shared_list_rows(
        shared_list=world.list, user=world.team.reader, absolute=True
    )
    assert absolute[0]["url"] == settings.BASE_URL + world.first.page.url
    assert first["added_by"] == "Sanne de Vries"
    assert [(n["author"], n["note"].text) for n in first["notes"]] == [
        ("Sanne de Vries", "Bespreken op dinsdag."),
        ("bewerker@example.org", "Ik neem de cijfers mee."),
    ]


def fill(shared_list, owner, *, items, members, user_model, indexes, theme):
    """`items` pages (three in four articles, the rest events) on the list, `members` members in
    it, and two notes on every other item by different members."""
    article_index, event_index = indexes
    users = [owner] + [
        make_member(user_model, email=f"teamlid{n}@example.org") for n in range(members - 1)
    ]
    for user in users[1:]:
        member_add(shared_list, user, Role.EDITOR)
    articles = pages_bulk(ArticlePageFactory, article_index, items - items // 4, themes=[theme])
    events = pages_bulk(EventPageFactory, event_index, items // 4, themes=[theme])
    content_changed()
    created = SharedListItem.objects.bulk_create(
        SharedListItem(
            shared_list=shared_list,
            page_id=page.pk,  # a bulk page's `id` is not set, its `pk` is
            title=page.title,
            position=n,
            added_by=users[n % len(users)],
        )
        for n, page in enumerate(articles + events, start=1)
    )
    SharedListNote.objects.bulk_create(
        SharedListNote(item=item, author=users[(n + k) % len(users)], text=f"Notitie {n}.{k}")
        for n, item in enumerate(created)
        if n % 2 == 0
        for k in range(2)
    )


#: The queries of `shared_list_rows`, measured with 5 items: the items with their pages and
#: who added them, the notes with their writers, the themes (and one per kind of page for the
#: summaries).
ROW_QUERIES = {False: 3, True: 5}


@pytest.mark.parametrize("summaries", [False, True], ids=["plain", "summaries"])
@pytest.mark.parametrize(("items", "members"), [(5, 2), (200, 20)], ids=["5", "200"])
def test_rows_take_a_fixed_number_of_queries(
    member,
    django_user_model,
    article_index,
    event_index,
    wonen,
    django_assert_num_queries,
    items,
    members,
    summaries,
):
    shared_list = S.shared_list_create(user=member, name="Groot overleg")
    fill(
        shared_list,
        member,
        items=items,
        members=members,
        user_model=django_user_model,
        indexes=(article_index, event_index),
        theme=wonen,
    )
    shared_selectors.shared_list_rows(shared_list=shared_list, user=member)  # warm the site
    with django_assert_num_queries(ROW_QUERIES[summaries]):
        rows = shared_selectors.shared_list_rows(
            shared_list=shared_list, user=member, summaries=summaries
        )
    assert len(rows) == items
    assert all(row["available"] and row["themes"] == ["Wonen"] for row in rows)
    assert sum(len(row["notes"]) for row in rows) == 2 * ((items + 1) // 2)
    if summaries:
        assert {row["summary"] for row in rows} == {
            "Een artikel om mee te testen.",
            "Een bijeenkomst om mee te testen.",
        }


SECRET_TITLE = "Vertrouwelijk verslag wijkteam"


@pytest.fixture
def secret_on_list(team, article_index):
    """A page only the group Wijkteam Noord may view, added to the list by the bewerker,
    who is in that group."""
    group = Group.objects.create(name="Wijkteam Noord")
    team.editor.groups.add(group)
    secret = ArticlePageFactory(parent=article_index, title=SECRET_TITLE, slug="vertrouwelijk")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    item, _ = S.shared_list_item_add(shared_list=team.shared_list, actor=team.editor, page=secret)
    return secret, item


def test_a_restricted_page_shows_no_title_or_address_to_a_member_who_may_not_view_it(
    team, secret_on_list
):
    secret, _ = secret_on_list
    [row] = rows_of(team.shared_list, team.reader)
    assert (row["title"], row["url"], row["available"], row["type"]) == (
        HIDDEN_TITLE,
        "",
        False,
        "",
    )
    assert row["themes"] == [] and row["summary"] == ""
    shown = {key: value for key, value in row.items() if key not in ("item", "notes")}
    assert SECRET_TITLE not in str(shown)
    assert secret.slug not in str(shown)


def test_a_restricted_page_shows_its_title_to_a_member_who_may_view_it(team, secret_on_list):
    secret, _ = secret_on_list
    [row] = rows_of(team.shared_list, team.editor)
    assert (row["title"], row["available"]) == (SECRET_TITLE, True)
    assert row["url"] == secret.url


def test_a_page_for_logged_in_readers_shows_to_every_member(team, article_index):
    page = ArticlePageFactory(parent=article_index, title="Alleen voor leden")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    S.shared_list_item_add(shared_list=team.shared_list, actor=team.owner, page=page)
    [row] = rows_of(team.shared_list, team.reader)
    assert (row["title"], row["available"]) == ("Alleen voor leden", True)


@pytest.mark.parametrize("gone", ["unpublished", "deleted"])
def test_an_unpublished_or_deleted_page_shows_the_title_as_saved(world, gone):
    page = world.first.page
    page.title = "Een nieuwe titel"
    page.save_revision().publish()
    if gone == "unpublished":
        page.unpublish()
    else:
        page.delete()
    first = rows_of(world.list, world.team.reader)[0]
    assert (first["title"], first["available"], first["url"], first["type"]) == (
        "Eerste stuk",
        False,
        "",
        "",
    )
    assert [n["note"].text for n in first["notes"]] == [
        "Bespreken op dinsdag.",
        "Ik neem de cijfers mee.",
    ]


def test_a_deleted_member_is_named_as_such():
    assert shared_selectors.member_name(None) == "verwijderd lid"
