from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from accounts.emails import email_greeting_name, email_send
from accounts.models import User


def user_profile_update(*, user: User, display_name: str, organisation: str, role: str) -> User:
    user.display_name = display_name
    user.organisation = organisation
    user.role = role
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "organisation", "role"])
    return user


def user_sessions_end(*, user: User) -> int:
    """End every session of the member, on any device.

    Sessions live in the database (with a Redis copy when REDIS_URL is set): each one is deleted
    through the session engine, so a cached copy goes too.
    """
    user_id = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session_key in ended:
        store(session_key=session_key).delete()
    return len(ended)


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
