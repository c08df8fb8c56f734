"""Shared lists under simultaneous requests: each thread has its own database connection (and
closes it), all start together (`tests.concurrency.at_once`)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticlePage
from readinglists import shared_services
from readinglists.models import (
    Role,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
)
from readinglists.shared_services import (
    INVITATION_USED,
    INVITATIONS_PER_WINDOW,
    LAST_OWNER,
    InvitationError,
    SharedListForbidden,
)
from tests.concurrency import at_once, taking_turns
from tests.conftest import make_member
from tests.readinglists.shared import invitation_make, member_add, token_hash

pytestmark = pytest.mark.django_db(transaction=True)

S = shared_services
ROUNDS = 6


@pytest.fixture
def crew(django_user_model, page_root):
    """An owner, two bewerkers, their list and two pages (built here: the test flushes)."""
    owner = make_member(django_user_model, email="eigenaar@example.org")
    first = make_member(django_user_model, email="bewerker1@example.org")
    second = make_member(django_user_model, email="bewerker2@example.org")
    shared_list = S.shared_list_create(user=owner, name="Tegelijk")
    member_add(shared_list, first, Role.EDITOR)
    member_add(shared_list, second, Role.EDITOR)
    pages = [
        page_root.add_child(instance=ArticlePage(title=f"Tegelijk {n}", slug=f"tegelijk-{n}"))
        for n in range(8)
    ]
    return owner, first, second, shared_list, pages


def test_two_bewerkers_adding_the_same_page_at_once_make_one_item(crew):
    """And pages added at once each get a position of their own: 1..n, none twice."""
    _, first, second, shared_list, pages = crew
    for page in pages[:ROUNDS]:
        call = taking_turns(
            lambda page=page: S.shared_list_item_add(
                shared_list=shared_list, actor=first, page=page
            ),
            lambda page=page: S.shared_list_item_add(
                shared_list=shared_list, actor=second, page=page
            ),
        )
        assert at_once(call, 4) == []
        assert SharedListItem.objects.filter(shared_list=shared_list, page=page).count() == 1

    SharedListItem.objects.all().delete()
    call = taking_turns(
        *(
            lambda page=page, actor=(first, second)[n % 2]: S.shared_list_item_add(
                shared_list=shared_list, actor=actor, page=page
            )
            for n, page in enumerate(pages)
        )
    )
    assert at_once(call, len(pages)) == []
    positions = SharedListItem.objects.filter(shared_list=shared_list).values_list(
        "position", flat=True
    )
    assert sorted(positions) == list(range(1, len(pages) + 1))


def test_two_accepts_of_one_invitation_at_once_make_one_member(crew, django_user_model):
    owner, *_ = crew
    joiner = make_member(django_user_model, email="nieuw@example.org")
    for n in range(ROUNDS):
        shared_list = S.shared_list_create(user=owner, name=f"Uitnodiging {n}")
        invitation, token = invitation_make(
            shared_list, owner, "nieuw@example.org", role=Role.READER
        )
        errors = at_once(
            lambda token=token: S.shared_list_invitation_accept(token=token, user=joiner), 2
        )
        assert [(type(e), e.messages) for e in errors] == [(InvitationError, [INVITATION_USED])]
        assert list(
            SharedListMember.objects.filter(shared_list=shared_list, user=joiner).values_list(
                "role", flat=True
            )
        ) == [Role.READER]
        invitation.refresh_from_db()
        assert invitation.accepted_by == joiner and invitation.accepted_at is not None


def test_two_owners_demoting_each_other_at_once_leave_an_owner(crew):
    """Each demotes the other: one goes first, the other is no owner by then. Each steps down
    (one by a new role, one by leaving): one goes first, the other is the last owner by then."""
    owner, first, _, shared_list, _ = crew
    mine = SharedListMember.objects.get(shared_list=shared_list, user=owner)
    theirs = SharedListMember.objects.get(shared_list=shared_list, user=first)

    def owners() -> int:
        return SharedListMember.objects.filter(shared_list=shared_list, role=Role.OWNER).count()

    for _ in range(ROUNDS):
        SharedListMember.objects.filter(pk__in=[mine.pk, theirs.pk]).update(role=Role.OWNER)
        call = taking_turns(
            lambda: S.shared_list_member_role_set(
                shared_list=shared_list, actor=owner, member=theirs, role=Role.EDITOR
            ),
            lambda: S.shared_list_member_role_set(
                shared_list=shared_list, actor=first, member=mine, role=Role.EDITOR
            ),
        )
        errors = at_once(call, 2)
        assert [type(error) for error in errors] == [SharedListForbidden]
        assert owners() == 1

    for _ in range(ROUNDS):
        SharedListMember.objects.filter(pk__in=[mine.pk, theirs.pk]).update(role=Role.OWNER)
        call = taking_turns(
            lambda: S.shared_list_member_role_set(
                shared_list=shared_list, actor=owner, member=mine, role=Role.READER
            ),
            lambda theirs=theirs: S.shared_list_member_remove(
                shared_list=shared_list, actor=first, member=theirs
            ),
        )
        errors = at_once(call, 2)
        assert [error.messages for error in errors] == [[LAST_OWNER]]
        assert owners() == 1
        if not SharedListMember.objects.filter(pk=theirs.pk).exists():  # they left: back in
            theirs = member_add(shared_list, first, Role.OWNER)


def test_two_invitation_batches_at_once_stay_within_the_limit(crew, mailoutbox):
    """Four short of the limit, two batches of three on two lists at the same moment: one is
    sent, the other refused, never 102."""
    owner, *_ = crew
    lists = [S.shared_list_create(user=owner, name=f"Lijst {n}") for n in range(2)]
    for n in range(ROUNDS):
        SharedListInvitation.objects.all().delete()
        now = timezone.now()
        SharedListInvitation.objects.bulk_create(
            SharedListInvitation(
                shared_list=lists[0],
                email=f"eerder{k}@example.org",
                token_hash=token_hash(f"eerder-{n}-{k}"),
                invited_by=owner,
                created_at=now,
                expires_at=now + timedelta(days=14),
            )
            for k in range(INVITATIONS_PER_WINDOW - 4)
        )
        mailoutbox.clear()
        call = taking_turns(
            lambda: S.shared_list_invite(
                shared_list=lists[0],
                actor=owner,
                addresses="a1@example.org a2@example.org a3@example.org",
            ),
            lambda: S.shared_list_invite(
                shared_list=lists[1],
                actor=owner,
                addresses="b1@example.org b2@example.org b3@example.org",
            ),
        )
        errors = at_once(call, 2)
        [refused] = errors  # the other batch was sent first: 99 sent, one left
        assert refused.messages == [
            "Je hebt het afgelopen etmaal al 99 uitnodigingen verstuurd; je kunt er nu nog 1 "
            "versturen. Probeer het morgen opnieuw."
        ]
        assert SharedListInvitation.objects.filter(invited_by=owner).count() == (
            INVITATIONS_PER_WINDOW - 1
        )
        assert len(mailoutbox) == 3
