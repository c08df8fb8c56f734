"""Helpers for the shared-list tests: a team of four (an owner, a bewerker, a lezer and someone
outside the list), invitations with a known token, and the state of a list to compare."""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from readinglists import shared_services
from readinglists.models import (
    Role,
    SharedList,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from tests.conftest import make_member

INVITATION_PATH = re.compile(r"/leeslijst/gedeeld/uitnodiging/([^/\s]+)/")


@dataclass
class Team:
    shared_list: SharedList
    owner: object
    editor: object
    reader: object
    outsider: object

    def membership(self, user) -> SharedListMember:
        return SharedListMember.objects.get(shared_list=self.shared_list, user=user)


def team_make(django_user_model, owner, *, name="Wijkoverleg Noord") -> Team:
    """`owner`'s new list with a bewerker and a lezer in it, and a member outside it."""
    shared_list = shared_services.shared_list_create(
        user=owner, name=name, purpose="Stukken voor het wijkoverleg"
    )
    editor = make_member(django_user_model, email="bewerker@example.org")
    reader = make_member(django_user_model, email="lezer@example.org")
    outsider = make_member(django_user_model, email="buiten@example.org")
    member_add(shared_list, editor, Role.EDITOR)
    member_add(shared_list, reader, Role.READER)
    return Team(shared_list, owner, editor, reader, outsider)


def member_add(shared_list, user, role, *, joined_at=None) -> SharedListMember:
    return SharedListMember.objects.create(
        shared_list=shared_list, user=user, role=role, joined_at=joined_at or timezone.now()
    )


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_make(
    shared_list, inviter, email, *, role=Role.EDITOR, created_at=None
) -> tuple[SharedListInvitation, str]:
    """An open invitation as `shared_list_invite` stores it, and the token its mail held."""
    token = secrets.token_urlsafe(32)
    created_at = created_at or timezone.now()
    invitation = SharedListInvitation.objects.create(
        shared_list=shared_list,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=inviter,
        created_at=created_at,
        expires_at=created_at + timedelta(days=shared_services.INVITATION_DAYS),
    )
    return invitation, token


def token_in(mail) -> str:
    """The invitation token in a mail's link (which starts with BASE_URL)."""
    match = re.search(re.escape(settings.BASE_URL) + INVITATION_PATH.pattern, mail.body)
    assert match, mail.body
    return match.group(1)


def list_state(shared_list) -> dict:
    """Everything a service could change about a list, to compare before and after."""
    pk = shared_list.pk
    row = SharedList.objects.filter(pk=pk).values("name", "purpose").first()
    return {
        "list": row,
        "members": sorted(
            SharedListMember.objects.filter(shared_list_id=pk).values_list("user_id", "role")
        ),
        "items": list(
            SharedListItem.objects.filter(shared_list_id=pk)
            .order_by("position", "pk")
            .values_list("pk", "page_id", "position")
        ),
        "notes": sorted(
            SharedListNote.objects.filter(item__shared_list_id=pk).values_list(
                "pk", "author_id", "text"
            )
        ),
        "invitations": sorted(
            SharedListInvitation.objects.filter(shared_list_id=pk).values_list(
                "pk", "email", "role", "accepted_at", "withdrawn_at"
            )
        ),
    }
