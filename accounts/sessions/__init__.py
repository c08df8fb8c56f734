"""Session engines that record which member a session is logged in as (`MemberSession.user`).

`SESSION_ENGINE` is `accounts.sessions.db` (sessions in the database) or, with Redis,
`accounts.sessions.cached_db` (in the database, read through the `pages` cache). Ending a
member's sessions (`SessionStore.user_sessions_delete`) then costs one indexed delete,
whatever the number of sessions on the site.

Both stores are named `SessionStore`, as Django's are: the class name is part of the salt that
signs the session data, so sessions written by Django's engines stay readable and back.
"""

from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router


def _user_id(value):
    """The member pk in a session's data (`_auth_user_id`), or None."""
    if value is None:
        return None
    try:
        return get_user_model()._meta.pk.to_python(value)
    except ValidationError:
        return None


class MemberSessionMixin:
    @classmethod
    def get_model_class(cls):
        from accounts.models import MemberSession

        return MemberSession

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        instance.user_id = _user_id(data.get(SESSION_KEY))
        return instance

    @classmethod
    def user_sessions_delete(cls, *, user_id) -> int:
        """Delete every session logged in as `user_id`; return how many there were.

        One statement that returns exactly the keys it deleted (PostgreSQL, SQLite 3.35+), on
        the database that is written to: no session created meanwhile, nor a replica lagging
        behind, leaves a cached copy alive.
        """
        model = cls.get_model_class()
        connection = connections[router.db_for_write(model)]
        quote = connection.ops.quote_name
        table, user, key = (
            quote(model._meta.db_table),
            quote(model._meta.get_field("user").column),
            quote(model._meta.pk.column),
        )
        with connection.cursor() as cursor:
            # Names from the model, the member as a parameter.
            sql = f"DELETE FROM {table} WHERE {user} = %s RETURNING {key}"  # noqa: S608
            cursor.execute(sql, [user_id])
            keys = [session_key for (session_key,) in cursor.fetchall()]
        if keys:
            cls._copies_forget(keys)
        return len(keys)

    @classmethod
    def _copies_forget(cls, session_keys: list[str]) -> None:
        """Retire any other copies of these (deleted) sessions."""
