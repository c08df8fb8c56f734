"""Sessions in the database, with their member, read through a cache (see `accounts.sessions`)."""

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches
from django.db import transaction

from accounts.sessions import MemberSessionMixin


class SessionStore(MemberSessionMixin, cached_db.SessionStore):
    @classmethod
    def _copies_forget(cls, session_keys):
        # After the rows are gone, and again once that commits: a request that read a row just
        # before could otherwise put it back in the cache. `wijkportaal.cache` deletes what a
        # Redis outage kept it from deleting as soon as Redis answers again.
        keys = [cls.cache_key_prefix + key for key in session_keys]
        cache = caches[settings.SESSION_CACHE_ALIAS]
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
