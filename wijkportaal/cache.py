"""The caches, and the one way to retire what they hold.

Two caches (see `settings.CACHES`): `default`, in the database, holds what must not be lost to a
flood or an outage (allauth's rate limits and locks); `pages` holds what can be rebuilt at any
time (rendered pages, cards, members' state, copies of sessions), in Redis when there is one.

Redis is a cache, not a single point of failure: `TolerantRedisCache` waits at most a quarter of
a second for an answer, and after a failure stops asking for a few seconds. Meanwhile a read finds
nothing and a write is dropped, so pages are rendered without the cache and sessions come from
the database. What it missed (a version retired, a session ended) is deleted from it as soon as it
answers again, so nothing older comes back.

Cached things are retired with versions (`version_retire`): an entry is stored with the versions
of what it was built from (`entries_lookup`/`entries_store`) and is only used while those are still
current. A read that started before a change therefore never stores the old state as new: its
entry carries the old version.

What is read again and again (a visitor's page) a process also keeps in its own memory
(`entry_get_recent`), and serves from there without asking Redis while the versions it last read
are at most `RECENT_TRUST` seconds old: a change made by another process shows that much later.
Asking Redis costs a round trip, which on a busy host is most of what serving a cached page costs.
"""

import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction

logger = logging.getLogger(__name__)

#: After a failure, Redis is left alone this long (seconds) before it is asked again.
PAUSE_AFTER_FAILURE = 5.0
#: Connect and read timeouts (seconds): a hung Redis costs a request at most this, once.
SOCKET_TIMEOUT = 0.25
VERSION_PREFIX = "version:"


def pages_cache():
    return caches["pages"]


#: Keys whose writes were dropped that a process remembers to delete; past this, it empties the
#: whole cache once Redis answers again.
MAX_PENDING = 10_000
#: How often (seconds) a process that missed writes tries to tell Redis, whether or not it
#: serves requests meanwhile: other processes read Redis too.
CATCH_UP_INTERVAL = 0.2


class _Breaker:
    """Whether Redis may be asked now, and what it missed; shared by the threads of a process."""

    def __init__(self):
        self.down_until = 0.0
        self.lock = threading.Lock()
        #: Keys written or deleted while Redis did not answer: Redis may still hold an older
        #: value (a session ended since, a version retired since), so they are deleted as soon
        #: as it answers. Deleting a version retires it.
        self.pending: set[str] = set()
        self.overflow = False
        self._catching_up: threading.Thread | None = None

    @property
    def open(self) -> bool:
        return time.monotonic() < self.down_until

    def trip(self, error: Exception) -> None:
        recent.forget()  # changes made elsewhere meanwhile cannot be learnt
        with self.lock:
            if not self.open:
                logger.warning("Redis does not answer (%s); going on without it", error)
            self.down_until = time.monotonic() + PAUSE_AFTER_FAILURE

    def remember(self, client: "_TolerantClient", keys, *, overflow: bool = False) -> None:
        """Keep `keys` to delete once Redis answers, and make sure `client` keeps trying."""
        with self.lock:
            if overflow:
                self.overflow, self.pending = True, set()
            if not self.overflow:
                self.pending.update(keys)
                if len(self.pending) > MAX_PENDING:
                    self.overflow, self.pending = True, set()
            if (self.pending or self.overflow) and self._catching_up is None:
                self._catching_up = threading.Thread(
                    target=self._catch_up_loop, args=(client,), daemon=True
                )
                self._catching_up.start()

    def _catch_up_loop(self, client: "_TolerantClient") -> None:
        while True:
            time.sleep(CATCH_UP_INTERVAL)
            with self.lock:
                if not (self.pending or self.overflow):
                    self._catching_up = None
                    return
            if client._catch_up():
                self.down_until = 0.0  # it answers: no need to wait out the pause

    def take(self) -> tuple[set[str], bool]:
        with self.lock:
            taken = self.pending, self.overflow
            self.pending, self.overflow = set(), False
        return taken


breaker = _Breaker()


class _TolerantClient(RedisCacheClient):
    """One Redis client per connection pool (Django makes one per call, and redis-py builds a
    table of callbacks for each); calls that fail give what a cache miss gives."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        kwargs.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _guarded(self, name, fallback, *args, written=()):
        if not breaker.open and (breaker.pending or breaker.overflow):
            self._catch_up()
        if not breaker.open:
            try:
                return getattr(super(), name)(*args)
            except (self._lib.ConnectionError, self._lib.TimeoutError) as error:
                breaker.trip(error)
        if written:
            breaker.remember(self, written)
        return fallback

    def _catch_up(self) -> bool:
        """Delete what Redis may hold from before the writes it missed; whether it answered.
        Runs at the next use of the cache and, until it succeeds, every `CATCH_UP_INTERVAL`."""
        keys, overflow = breaker.take()
        client = self.get_client(write=True)
        try:
            if overflow:
                client.flushdb()
                recent.forget(entries=True)
            elif keys:
                client.delete(*keys)
        except (self._lib.ConnectionError, self._lib.TimeoutError) as error:
            breaker.trip(error)
            # Taken back, the overflow too: else a cache that was to be emptied never is.
            breaker.remember(self, keys, overflow=overflow)
            return False
        return True

    def get(self, key, default):
        return self._guarded("get", default, key, default)

    def get_many(self, keys):
        return self._guarded("get_many", {}, keys)

    def has_key(self, key):
        return self._guarded("has_key", False, key)

    def add(self, key, value, timeout):
        # A missed add leaves nothing older behind: nothing to delete later.
        return self._guarded("add", False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._guarded("set", None, key, value, timeout, written=[key])

    def set_many(self, data, timeout):
        return self._guarded("set_many", None, data, timeout, written=list(data))

    def touch(self, key, timeout):
        return self._guarded("touch", False, key, timeout)

    def delete(self, key):
        return self._guarded("delete", False, key, written=[key])

    def delete_many(self, keys):
        return self._guarded("delete_many", None, keys, written=list(keys))

    def clear(self):
        return self._guarded("clear", False)

    def incr(self, key, delta):
        if not breaker.open and (breaker.pending or breaker.overflow):
            self._catch_up()
        if not breaker.open:
            try:
                return super().incr(key, delta)
            except (self._lib.ConnectionError, self._lib.TimeoutError) as error:
                breaker.trip(error)
        breaker.remember(self, [key])
        raise ValueError("Redis does not answer")


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _TolerantClient

    def get_many(self, keys, version=None):
        """Django's, without checking each key for memcached (its characters and length): the
        keys are ours, and this runs on every request."""
        key_map = {self.make_key(key, version=version): key for key in keys}
        return {key_map[k]: v for k, v in self._cache.get_many(list(key_map)).items()}

    def clear(self):
        recent.forget(entries=True)
        return super().clear()


def redis_status() -> str:
    """ "ok", "uit" (not configured), or "onbereikbaar": asked now, past the breaker."""
    cache = pages_cache()
    if not isinstance(cache, RedisCache):
        return "uit"
    try:
        client = cache._cache.get_client(write=True)
        client.ping()
    except Exception:  # any failure means: not usable now
        return "onbereikbaar"
    return "ok"


def _token() -> str:
    """A new version: when it was made (readable on every host, `stamp_changed_within`) and a
    random part."""
    return f"{time.time():.3f}:{secrets.token_hex(8)}"


def _version_key(name: str) -> str:
    return VERSION_PREFIX + name


def version_retire(*names: str) -> None:
    """Whatever was cached under these versions is no longer used."""

    def retire():
        pages_cache().set_many({_version_key(name): _token() for name in names}, timeout=None)
        recent.forget()  # after: a stamp read meanwhile may be the old one

    # At once, so this request sees its own change, and again after the commit: a reader between
    # the two stores under the first new version, with data from before the commit.
    retire()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(retire)


Stamp = tuple[str, ...] | None

#: Told of every stamp `entries_lookup` reads, before the entry is built (wijkportaal.replica:
#: an entry built under a version retired moments ago is read from the primary).
_stamp_watchers: list = []


def stamps_watch(watcher) -> None:
    """Call `watcher(stamp)` with each stamp read from now on."""
    if watcher not in _stamp_watchers:
        _stamp_watchers.append(watcher)


def stamp_changed_within(stamp: Stamp, seconds: float) -> bool:
    """Whether a version in `stamp` was made less than `seconds` ago (the replica may not have
    replayed that change yet: wijkportaal.replica)."""
    now = time.time()
    for token in stamp or ():
        made, _, _ = str(token).partition(":")
        try:
            if now - float(made) < seconds:
                return True
        except ValueError:
            continue
    return False


def entries_lookup(keys: Iterable[str], *, versions: Iterable[str]) -> tuple[dict, Stamp]:
    """The entries of `keys` that were stored under the current `versions`, and the stamp to
    store new entries with (None when the cache does not answer: then store nothing). One round
    trip, plus one when a version is not known yet."""
    cache, keys, names = pages_cache(), list(keys), list(versions)
    version_keys = [_version_key(name) for name in names]
    found = cache.get_many([*version_keys, *keys])
    missing = [key for key in version_keys if key not in found]
    for key in missing:
        cache.add(key, _token(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    if any(key not in found for key in version_keys):
        return {}, None
    stamp = tuple(found[key] for key in version_keys)
    for watcher in _stamp_watchers:
        watcher(stamp)
    entries = {}
    for key in keys:
        entry = found.get(key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
            entries[key] = entry[1]
    return entries, stamp


def entries_store(entries: dict, *, stamp: Stamp, timeout: int) -> None:
    """Keep `entries` under the versions `entries_lookup` read before they were built."""
    if stamp is not None and entries:
        pages_cache().set_many(
            {key: (stamp, value) for key, value in entries.items()}, timeout=timeout
        )


def entry_get(key: str, *, versions: Iterable[str]) -> tuple[object | None, Stamp]:
    entries, stamp = entries_lookup([key], versions=versions)
    return entries.get(key), stamp


def entry_store(key: str, value, *, stamp: Stamp, timeout: int) -> None:
    entries_store({key: value}, stamp=stamp, timeout=timeout)


#: How long (seconds) a process serves entries from its own memory (`entry_get_recent`) on the
#: versions it read last; 0 turns that memory off. Another process's change shows this much later
#: (a change made here shows at once, and Varnish is purged only after the task worker picks the
#: purge up).
RECENT_TRUST = 0.05
#: How much of the entries (their `size`) a process keeps; the least recently served go first.
RECENT_MAX_BYTES = 16 * 1024 * 1024


class _Recent:
    """Entries this process read last, with the stamp each was read under, and the stamps of the
    versions read last with the time they were read; shared by the threads of a process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: OrderedDict[str, tuple[tuple, object, int]] = OrderedDict()
        self.size = 0
        self.stamps: dict[tuple[str, ...], tuple[tuple, float]] = {}
        #: Counts `forget`: a stamp read while this process retired a version is not kept.
        self.generation = 0

    def forget(self, *, entries: bool = False) -> None:
        """Trust no stamp read so far (a version retired here, Redis gone); with `entries`, also
        drop what is kept (the cache was emptied)."""
        with self.lock:
            self.generation += 1
            self.stamps = {}
            if entries:
                self.entries, self.size = OrderedDict(), 0

    def trusted_stamp(self, versions: tuple[str, ...]) -> Stamp:
        known = self.stamps.get(versions)
        if known is not None and time.monotonic() - known[1] < RECENT_TRUST:
            return known[0]
        return None

    def get(self, key: str, stamp: tuple):
        with self.lock:
            kept = self.entries.get(key)
            if kept is None:
                return None
            if kept[0] != stamp:
                del self.entries[key]
                self.size -= kept[2]
                return None
            self.entries.move_to_end(key)
            return kept[1]

    def keep(self, key: str, stamp: tuple, value, size: int) -> None:
        if size > RECENT_MAX_BYTES // 16:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= old[2]
            self.entries[key] = (stamp, value, size)
            self.size += size
            while self.size > RECENT_MAX_BYTES:
                _, (_, _, dropped) = self.entries.popitem(last=False)
                self.size -= dropped


recent = _Recent()


def entry_get_recent(
    key: str, *, versions: Iterable[str], size: Callable[[object], int | None]
) -> tuple[object | None, Stamp]:
    """`entry_get` for an entry that is read again and again: served from this process's memory
    while the versions it was read under were read at most `RECENT_TRUST` seconds ago, else read
    from the cache and kept (unless `size` gives None). Only with Redis: a cache in the process's
    own memory gains nothing, and the tests see every change at once."""
    cache = pages_cache()
    if not (RECENT_TRUST > 0 and isinstance(cache, TolerantRedisCache)):
        return entry_get(key, versions=versions)
    versions = tuple(versions)
    stamp = recent.trusted_stamp(versions)
    if stamp is not None:
        value = recent.get(key, stamp)
        if value is not None:
            return value, stamp
    generation, read_at = recent.generation, time.monotonic()
    value, stamp = entry_get(key, versions=versions)
    if stamp is not None:
        with recent.lock:
            if recent.generation == generation:
                recent.stamps[versions] = (stamp, read_at)
        if value is not None and (bytes_ := size(value)) is not None:
            recent.keep(key, stamp, value, bytes_)
    return value, stamp
