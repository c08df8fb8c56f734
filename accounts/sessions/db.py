"""Sessions in the database, with their member (see `accounts.sessions`)."""

from django.contrib.sessions.backends import db

from accounts.sessions import MemberSessionMixin


class SessionStore(MemberSessionMixin, db.SessionStore):
    pass
