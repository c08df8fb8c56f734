"""Writes to shared lists: a leeslijst a team keeps together (`readinglists.models.SharedList`).

Every service takes the member who acts (`actor`) and checks their role itself, so a view, the
admin or a command cannot forget to: `SharedListForbidden` (a `PermissionDenied`) when the role
does not allow the action, `ValidationError` with a Dutch message when the input is wrong. A
member who is not in the list never gets this far: the selectors give them nothing, the views
a 404. Changes that touch the order of the list, its members or its owners lock the list's row
first, so two requests at the same moment are taken one after the other. After each change the
list's version is retired, which retires every member's cached page of it.
"""

import hashlib
import re
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from accounts.emails import email_send, email_url
from readinglists.models import (
    SHARED_NAME_MAX_LENGTH,
    SHARED_PURPOSE_MAX_LENGTH,
    TEAM_NOTE_MAX_LENGTH,
    Role,
    SharedList,
    SharedListInvitation,
    SharedListItem,
    SharedListMember,
    SharedListNote,
)
from wijkportaal.cache import version_retire

#: How long an invitation link can be used.
INVITATION_DAYS = 14
#: Addresses in one invitation at most.
INVITATION_BATCH = 50
#: Invitations one member may send in INVITATION_WINDOW, over all their lists: counted in the
#: database, so no flood of other requests can make it forget, and Redis being down changes nothing.
INVITATIONS_PER_WINDOW = 100
INVITATION_WINDOW = timedelta(hours=24)
#: Invitations that can no longer be used are removed this long after they ended (with the
#: address they were sent to); the rate limit's window is far shorter.
INVITATIONS_KEPT = timedelta(days=30)

#: What each role may do, from the least to the most.
CAN_READ = frozenset(Role)
CAN_EDIT = frozenset({Role.OWNER, Role.EDITOR})
CAN_MANAGE = frozenset({Role.OWNER})


class SharedListForbidden(PermissionDenied):
    """The member is in the list, but their role does not allow this."""


def shared_list_version(shared_list_id: int) -> str:
    """The version of everything kept of one list: every member's cached page of it."""
    return f"shared-list:{shared_list_id}"


def shared_list_changed(*, shared_list_id: int) -> None:
    """Retire every kept copy of the list: at once, and again after the commit
    (`version_retire`), so no copy made from before the commit survives it."""
    version_retire(shared_list_version(shared_list_id))


def _role_require(
    shared_list: SharedList, user, allowed: frozenset, *, lock=False
) -> SharedListMember:
    """The actor's membership, when their role is among `allowed`; with `lock`, the list's row is
    locked first (inside the caller's transaction)."""
    if lock:
        SharedList.objects.select_for_update().filter(pk=shared_list.pk).first()
    member = SharedListMember.objects.filter(shared_list=shared_list, user=user).first()
    if member is None:
        raise SharedListForbidden("Je bent geen lid van deze lijst.")
    if member.role not in allowed:
        if allowed == CAN_MANAGE:
            raise SharedListForbidden("Alleen een eigenaar van de lijst mag dit doen.")
        raise SharedListForbidden("Je mag deze lijst alleen lezen.")
    return member


def _clean_name(name: str, purpose: str) -> tuple[str, str]:
    name, purpose = " ".join(name.split()), " ".join(purpose.split())
    if not name:
        raise ValidationError({"name": "Geef de lijst een naam."})
    if len(name) > SHARED_NAME_MAX_LENGTH:
        raise ValidationError(
            {"name": f"De naam is te lang: gebruik hoogstens {SHARED_NAME_MAX_LENGTH} tekens."}
        )
    if len(purpose) > SHARED_PURPOSE_MAX_LENGTH:
        raise ValidationError(
            {
                "purpose": f"Het doel is te lang: gebruik hoogstens {SHARED_PURPOSE_MAX_LENGTH} tekens."
            }
        )
    return name, purpose


@transaction.atomic
def shared_list_create(*, user, name: str, purpose: str = "") -> SharedList:
    """A new list with `user` as its only member and owner."""
    name, purpose = _clean_name(name, purpose)
    shared_list = SharedList.objects.create(name=name, purpose=purpose)
    SharedListMember.objects.create(shared_list=shared_list, user=user, role=Role.OWNER)
    return shared_list


@transaction.atomic
def shared_list_update(*, shared_list: SharedList, actor, name: str, purpose: str) -> SharedList:
    _role_require(shared_list, actor, CAN_MANAGE)
    shared_list.name, shared_list.purpose = _clean_name(name, purpose)
    shared_list.save(update_fields=["name", "purpose"])
    shared_list_changed(shared_list_id=shared_list.pk)
    return shared_list


@transaction.atomic
def shared_list_delete(*, shared_list: SharedList, actor) -> None:
    _role_require(shared_list, actor, CAN_MANAGE, lock=True)
    pk = shared_list.pk
    shared_list.delete()
    shared_list_changed(shared_list_id=pk)


# Members and their roles.


def _owners_besides(shared_list: SharedList, member: SharedListMember) -> int:
    return (
        SharedListMember.objects.filter(shared_list=shared_list, role=Role.OWNER)
        .exclude(pk=member.pk)
        .count()
    )


LAST_OWNER = (
    "Een lijst heeft altijd minstens één eigenaar. Maak eerst een ander lid eigenaar, "
    "of verwijder de lijst."
)


@transaction.atomic
def shared_list_member_role_set(
    *, shared_list: SharedList, actor, member: SharedListMember, role: str
) -> SharedListMember:
    """Give `member` another role; the last owner cannot be made anything less."""
    _role_require(shared_list, actor, CAN_MANAGE, lock=True)
    if role not in Role.values:
        raise ValidationError("Kies een van de rollen: eigenaar, bewerker of lezer.")
    member = SharedListMember.objects.get(pk=member.pk, shared_list=shared_list)
    if (
        member.role == Role.OWNER
        and role != Role.OWNER
        and not _owners_besides(shared_list, member)
    ):
        raise ValidationError(LAST_OWNER)
    member.role = role
    member.save(update_fields=["role"])
    shared_list_changed(shared_list_id=shared_list.pk)
    return member


@transaction.atomic
def shared_list_member_remove(*, shared_list: SharedList, actor, member: SharedListMember) -> None:
    """An owner removes a member, or a member leaves (removes themself). Their access ends at
    once: every page of the list asks for their membership anew. The last owner cannot leave."""
    if member.user_id == actor.pk:
        _role_require(shared_list, actor, CAN_READ, lock=True)
    else:
        _role_require(shared_list, actor, CAN_MANAGE, lock=True)
    member = SharedListMember.objects.filter(pk=member.pk, shared_list=shared_list).first()
    if member is None:
        return
    if member.role == Role.OWNER and not _owners_besides(shared_list, member):
        raise ValidationError(LAST_OWNER)
    member.delete()
    shared_list_changed(shared_list_id=shared_list.pk)


def shared_lists_user_leave_all(*, user) -> None:
    """Before an account is deleted: in each list where the member is the last owner, the
    longest-standing other member becomes owner; a list with no other member is deleted. Their
    items and notes stay with the team (without their name, as the foreign keys go empty)."""
    with transaction.atomic():
        for member in SharedListMember.objects.filter(user=user, role=Role.OWNER).select_related(
            "shared_list"
        ):
            shared_list = member.shared_list
            SharedList.objects.select_for_update().filter(pk=shared_list.pk).first()
            if _owners_besides(shared_list, member):
                continue
            heir = (
                SharedListMember.objects.filter(shared_list=shared_list)
                .exclude(pk=member.pk)
                .order_by("joined_at", "pk")
                .first()
            )
            if heir is None:
                shared_list.delete()
            else:
                heir.role = Role.OWNER
                heir.save(update_fields=["role"])
        for shared_list_id in SharedListMember.objects.filter(user=user).values_list(
            "shared_list_id", flat=True
        ):
            shared_list_changed(shared_list_id=shared_list_id)


# Invitations.


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str) -> str:
    return reverse("readinglists:shared_invitation", args=[token])


def _addresses_clean(text: str) -> list[str]:
    """The addresses in `text` (separated by commas, semicolons, spaces or lines), lowercased and
    in their order, or a ValidationError listing every problem."""
    raw = re.split(r"[,;\s]+", text)
    addresses = [part.strip("<>").lower() for part in raw if part.strip("<>")]
    if not addresses:
        raise ValidationError("Vul minstens één e-mailadres in.")
    if len(addresses) > INVITATION_BATCH:
        raise ValidationError(
            f"Je kunt hoogstens {INVITATION_BATCH} mensen tegelijk uitnodigen (nu "
            f"{len(addresses)}). Verdeel ze over meer uitnodigingen."
        )
    problems = []
    seen = set()
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            problems.append(f"“{address[:100]}” is geen geldig e-mailadres.")
            continue
        if address in seen:
            problems.append(f"{address} staat er twee keer in.")
        seen.add(address)
    if problems:
        raise ValidationError(problems)
    return list(dict.fromkeys(addresses))


def _user_addresses(user) -> set[str]:
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()}
    addresses |= {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    return addresses


@transaction.atomic
def shared_list_invite(
    *, shared_list: SharedList, actor, addresses: str, role: str = Role.EDITOR, now=None
) -> list[SharedListInvitation]:
    """Invite the addresses in `addresses` with `role`, one mail each with a link of their own.
    All or nothing: one address that cannot be invited (invalid, twice, the actor's own, a
    member's, one with an open invitation) refuses the lot, each problem named."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    _role_require(shared_list, actor, CAN_MANAGE, lock=True)
    if role not in Role.values:
        raise ValidationError("Kies een van de rollen: eigenaar, bewerker of lezer.")
    now = now or timezone.now()
    emails = _addresses_clean(addresses)
    # The actor's own row serialises their invitations, so two requests cannot both stay
    # under the limit.
    User.objects.select_for_update().filter(pk=actor.pk).first()
    sent = SharedListInvitation.objects.filter(
        invited_by=actor, created_at__gt=now - INVITATION_WINDOW
    ).count()
    if sent + len(emails) > INVITATIONS_PER_WINDOW:
        left = max(INVITATIONS_PER_WINDOW - sent, 0)
        raise ValidationError(
            f"Je hebt het afgelopen etmaal al {sent} uitnodigingen verstuurd; je kunt er nu nog "
            f"{left} versturen. Probeer het morgen opnieuw."
        )
    own = _user_addresses(actor)
    member_ids = SharedListMember.objects.filter(shared_list=shared_list).values("user_id")
    members = {
        e.lower() for e in User.objects.filter(pk__in=member_ids).values_list("email", flat=True)
    }
    members |= {
        e.lower()
        for e in EmailAddress.objects.filter(user_id__in=member_ids).values_list("email", flat=True)
    }
    pending = {
        e.lower()
        for e in SharedListInvitation.objects.filter(
            shared_list=shared_list,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=now,
        ).values_list("email", flat=True)
    }
    problems = []
    for email in emails:
        if email in own:
            problems.append(f"{email} is je eigen adres: je bent al lid van deze lijst.")
        elif email in members:
            problems.append(f"{email} is al lid van deze lijst.")
        elif email in pending:
            problems.append(f"{email} is al uitgenodigd; die uitnodiging loopt nog.")
    if problems:
        raise ValidationError(problems)
    invitations = []
    for email in emails:
        token = secrets.token_urlsafe(32)
        invitation = SharedListInvitation.objects.create(
            shared_list=shared_list,
            email=email,
            role=role,
            token_hash=_token_hash(token),
            invited_by=actor,
            created_at=now,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
        invitations.append(invitation)
        _invitation_mail_on_commit(invitation, token, actor)
    shared_list_changed(shared_list_id=shared_list.pk)
    return invitations


def _invitation_mail_on_commit(invitation: SharedListInvitation, token: str, actor) -> None:
    shared_list = invitation.shared_list
    context = {
        "inviter": actor.display_name or actor.email,
        "list_name": shared_list.name,
        "purpose": shared_list.purpose,
        "role": invitation.get_role_display().lower(),
        "url": email_url(invitation_url(token)),
        "expires": timezone.localtime(invitation.expires_at),
        "greeting_name": "",
    }
    transaction.on_commit(
        lambda: email_send(
            template_prefix="readinglists/email/invitation", to=invitation.email, context=context
        )
    )


@transaction.atomic
def shared_list_invitation_withdraw(*, invitation: SharedListInvitation, actor) -> None:
    _role_require(invitation.shared_list, actor, CAN_MANAGE)
    SharedListInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    shared_list_changed(shared_list_id=invitation.shared_list_id)


def shared_list_invitations_prune(*, now=None) -> int:
    """Remove the invitations used, withdrawn or expired more than INVITATIONS_KEPT ago."""
    from django.db.models import Q

    before = (now or timezone.now()) - INVITATIONS_KEPT
    ended = Q(accepted_at__lt=before) | Q(withdrawn_at__lt=before) | Q(expires_at__lt=before)
    deleted, _ = SharedListInvitation.objects.filter(ended).delete()
    return deleted


class InvitationError(ValidationError):
    """Why an invitation link cannot be used; nothing was changed."""


INVITATION_UNKNOWN = (
    "Deze uitnodiging bestaat niet. Controleer of je de hele link uit de mail hebt gebruikt."
)
INVITATION_WITHDRAWN = (
    "Deze uitnodiging is ingetrokken. Vraag de eigenaar van de lijst om een nieuwe."
)
INVITATION_EXPIRED = (
    f"Deze uitnodiging is verlopen: een uitnodiging is {INVITATION_DAYS} dagen geldig. "
    "Vraag de eigenaar van de lijst om een nieuwe."
)
INVITATION_USED = "Deze uitnodiging is al gebruikt. Een uitnodiging werkt maar één keer."
INVITATION_OTHER_ADDRESS = (
    "Deze uitnodiging is voor een ander e-mailadres dan dat van je account. Log in met het "
    "account van het adres waar de uitnodiging naartoe is gestuurd."
)


def shared_list_invitation_for_token(token: str) -> SharedListInvitation | None:
    if not token or len(token) > 100:
        return None
    return (
        SharedListInvitation.objects.filter(token_hash=_token_hash(token))
        .select_related("shared_list", "invited_by")
        .first()
    )


def invitation_problem(invitation: SharedListInvitation | None, *, now=None) -> str:
    """Why `invitation` cannot be accepted by anyone, or ""."""
    now = now or timezone.now()
    if invitation is None:
        return INVITATION_UNKNOWN
    if invitation.withdrawn_at is not None:
        return INVITATION_WITHDRAWN
    if invitation.accepted_at is not None:
        return INVITATION_USED
    if invitation.expires_at <= now:
        return INVITATION_EXPIRED
    return ""


def invitation_matches(invitation: SharedListInvitation, user) -> bool:
    """Whether `user` has the invited address as a confirmed address of their account."""
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


@transaction.atomic
def shared_list_invitation_accept(*, token: str, user, now=None) -> SharedListMember:
    """`user` joins the list with the invitation's role. The invitation is used up in the same
    statement that checks it is still open, so two clicks at once make one member."""
    now = now or timezone.now()
    invitation = shared_list_invitation_for_token(token)
    if problem := invitation_problem(invitation, now=now):
        raise InvitationError(problem)
    if not invitation_matches(invitation, user):
        raise InvitationError(INVITATION_OTHER_ADDRESS)
    SharedList.objects.select_for_update().filter(pk=invitation.shared_list_id).first()
    claimed = SharedListInvitation.objects.filter(
        pk=invitation.pk,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=now,
    ).update(accepted_at=now, accepted_by=user)
    if not claimed:
        raise InvitationError(
            invitation_problem(shared_list_invitation_for_token(token), now=now) or INVITATION_USED
        )
    member, created = SharedListMember.objects.get_or_create(
        shared_list_id=invitation.shared_list_id,
        user=user,
        defaults={"role": invitation.role, "joined_at": now},
    )
    shared_list_changed(shared_list_id=invitation.shared_list_id)
    return member


# Items, their order and their notes.


@transaction.atomic
def shared_list_item_add(
    *, shared_list: SharedList, actor, page: Page
) -> tuple[SharedListItem, bool]:
    """Put `page` at the end of the list; a page already on it stays where it is (also when two
    members add it at the same moment: the list's row is locked, so one finds the other's)."""
    _role_require(shared_list, actor, CAN_EDIT, lock=True)
    item = SharedListItem.objects.filter(shared_list=shared_list, page=page).first()
    if item is not None:
        return item, False
    last = SharedListItem.objects.filter(shared_list=shared_list).aggregate(last=Max("position"))
    try:
        with transaction.atomic():
            item = SharedListItem.objects.create(
                shared_list=shared_list,
                page=page,
                title=page.title[:255],
                position=(last["last"] or 0) + 1,
                added_by=actor,
            )
    except IntegrityError:
        return SharedListItem.objects.get(shared_list=shared_list, page=page), False
    shared_list_changed(shared_list_id=shared_list.pk)
    return item, True


@transaction.atomic
def shared_list_item_remove(*, item: SharedListItem, actor) -> None:
    _role_require(item.shared_list, actor, CAN_EDIT, lock=True)
    SharedListItem.objects.filter(pk=item.pk).delete()
    shared_list_changed(shared_list_id=item.shared_list_id)


@transaction.atomic
def shared_list_item_move(*, item: SharedListItem, actor, position: int) -> None:
    """Move `item` to `position` (1 is the top) in the team's order; the others close up."""
    _role_require(item.shared_list, actor, CAN_EDIT, lock=True)
    ids = list(
        SharedListItem.objects.filter(shared_list_id=item.shared_list_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    if item.pk not in ids:
        return
    ids.remove(item.pk)
    position = min(max(int(position), 1), len(ids) + 1)
    ids.insert(position - 1, item.pk)
    current = dict(SharedListItem.objects.filter(pk__in=ids).values_list("pk", "position"))
    changed = [
        SharedListItem(pk=pk, position=number)
        for number, pk in enumerate(ids, start=1)
        if current.get(pk) != number
    ]
    SharedListItem.objects.bulk_update(changed, ["position"])
    shared_list_changed(shared_list_id=item.shared_list_id)


def _clean_note(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("Schrijf eerst je notitie.")
    if len(text) > TEAM_NOTE_MAX_LENGTH:
        raise ValidationError(
            f"Je notitie is te lang: gebruik hoogstens {TEAM_NOTE_MAX_LENGTH} tekens (nu {len(text)})."
        )
    return text


@transaction.atomic
def shared_list_note_add(*, item: SharedListItem, actor, text: str) -> SharedListNote:
    _role_require(item.shared_list, actor, CAN_EDIT)
    note = SharedListNote.objects.create(item=item, author=actor, text=_clean_note(text))
    shared_list_changed(shared_list_id=item.shared_list_id)
    return note


@transaction.atomic
def shared_list_note_remove(*, note: SharedListNote, actor) -> None:
    """Its writer removes a note, or an owner does."""
    shared_list = note.item.shared_list
    if note.author_id == actor.pk:
        _role_require(shared_list, actor, CAN_EDIT)
    else:
        _role_require(shared_list, actor, CAN_MANAGE)
    note.delete()
    shared_list_changed(shared_list_id=shared_list.pk)
