"""A member's state: the ids of what they saved and follow, read once per request.

The apps that own a kind of state register how to read it from the database
(`register_state_source`) and call `member_state_changed` after every change. The state is kept
in the page cache under the member's version (`wijkportaal.cache`), so a read that began before
a change can never keep the old state: it is stored under the version the change retired.
"""

from collections.abc import Callable

from wijkportaal.cache import entry_get, entry_store, version_retire

_sources: dict[str, Callable] = {}
#: How long a member's state is kept at most; every change retires it at once.
STATE_TIMEOUT = 5 * 60


def register_state_source(name: str, read: Callable) -> None:
    """`read(user)` returns {kind: ids} of what the member has, from the database."""
    _sources[name] = read


def member_version(user_id: int) -> str:
    """The version of everything kept for one member: their state and their own pages."""
    return f"member:{user_id}"


def member_state(request) -> dict[str, frozenset]:
    """{kind: ids} for the member of this request: read once per request, from the cache unless
    it changed since, else from every source (one query each)."""
    state = getattr(request, "_member_state", None)
    if state is None:
        user_id = request.user.pk
        key = f"member-state:{user_id}"
        state, stamp = entry_get(key, versions=[member_version(user_id)])
        if state is None:
            state = {}
            for read in _sources.values():
                state.update({kind: frozenset(ids) for kind, ids in read(request.user).items()})
            entry_store(key, state, stamp=stamp, timeout=STATE_TIMEOUT)
        request._member_state = state
    return state


def member_state_changed(*, user_id: int) -> None:
    """The member saved, removed, followed or unfollowed something: read their state anew."""
    version_retire(member_version(user_id))
