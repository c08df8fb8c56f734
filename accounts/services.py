from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction

from accounts.emails import email_greeting_name, email_send
from accounts.models import User


def user_profile_update(*, user: User, display_name: str, organisation: str, role: str) -> User:
    user.display_name = display_name
    user.organisation = organisation
    user.role = role
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "organisation", "role"])
    return user


@transaction.atomic
def user_email_confirm(*, user: User, using: str = DEFAULT_DB_ALIAS) -> EmailAddress:
    """Record the user's own address as confirmed and primary, as clicking the link in the
    confirmation mail would. Only for an address someone vouches for: `createsuperuser`."""
    addresses = EmailAddress.objects.using(using)
    address = addresses.filter(user=user, email__iexact=user.email).first()
    if address is None:
        address = EmailAddress(user=user, email=user.email)
    addresses.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
    address.verified = True
    address.primary = True
    address.save(using=using)
    return address


def user_sessions_end(*, user: User) -> int:
    """End every session of the member, on any device, with any cached copy of it.

    The session engine (`accounts.sessions`) records whose session each one is, so this reads
    no one else's: the same few queries with ten sessions on the site or ten million.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return store.user_sessions_delete(user_id=user.pk)


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Remove the member and every row that refers to them, end their sessions, confirm by mail."""
    email = user.email
    context = {"email": email, "greeting_name": email_greeting_name(user=user, to=email)}
    user_sessions_end(user=user)
    user.delete()
    transaction.on_commit(
        lambda: email_send(
            template_prefix="account/email/account_deleted", to=email, context=context
        )
    )
