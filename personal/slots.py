"""Personal slots: the few places where a reader's page differs from anybody else's.

A page that everyone may read is rendered once without a reader: a *shared render*. Each
personal part (the account menu, every leeslijst and volg button) is rendered there in all its
variants and left in the page as a numbered slot. The page cache (`pagecache`) keeps that shared
copy, and every request fills the slots for its own reader, from their state (`personal.state`).

A shared render is safe by construction: it runs on a copy of the request that holds nothing of
the reader (`readerless_request`): an anonymous user, no cookies, no messages, and a session and
CSRF state that raise `SharedRenderError` when anything reads them. The reader's CSRF token and
the page's address reach the page as placeholders, filled per request.
"""

import copy
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.base import BaseStorage
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import mark_safe

from personal.state import member_state
from wijkportaal.cache import entry_get, entry_store

logger = logging.getLogger(__name__)

_values: dict[str, Callable] = {}
#: How long a member's page is kept; its versions retire it sooner.
PAGE_TIMEOUT = 10 * 60
CSRF = "csrf"
#: The address of the page the reader is on, for the forms' `next`: a cached fragment is shown
#: on many pages.
NEXT = "next"
#: What a shared render must not read: the reader's cookies and CSRF secret.
_READER_META = frozenset({"HTTP_COOKIE", "CSRF_COOKIE"})


class SharedRenderError(RuntimeError):
    """Code read something of the reader while rendering a page for nobody in particular."""


def _refused(render: "SharedRender", what: str) -> SharedRenderError:
    """Note the violation on the render (a template's `{% if %}` swallows the exception) and
    give the exception to raise."""
    error = SharedRenderError(f"a shared render used {what}")
    render.violations.append(str(error))
    return error


class _ReaderlessSession:
    """The session of a shared render: any use of it is a bug, reported at once."""

    session_key = None
    is_empty = True

    def __init__(self, render: "SharedRender"):
        object.__setattr__(self, "_render", render)

    def __getattr__(self, name):
        raise _refused(self._render, f"the session ({name})")

    def _refuse(self, *args, **kwargs):
        raise _refused(self._render, "the session")

    __getitem__ = __setitem__ = __delitem__ = __contains__ = __iter__ = __len__ = _refuse


class _ReaderlessMeta(dict):
    """`request.META` without the reader's cookies and CSRF state; asking for them raises."""

    def __init__(self, items, render: "SharedRender"):
        super().__init__(items)
        self._render = render

    def _check(self, key):
        if key in _READER_META:
            raise _refused(self._render, key)

    def __getitem__(self, key):
        self._check(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._check(key)
        return super().__contains__(key)

    def __setitem__(self, key, value):
        self._check(key)
        super().__setitem__(key, value)

    def get(self, key, default=None):
        self._check(key)
        return super().get(key, default)


class _NoMessages(BaseStorage):
    def __init__(self, request, render: "SharedRender"):
        super().__init__(request)
        self._render = render

    def _get(self, *args, **kwargs):
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        if messages:
            raise _refused(self._render, "messages")
        return []


def readerless_request(request, render: "SharedRender", *, user=None):
    """A copy of `request` for a shared render: the same address, nothing of the reader (but
    `user`, for a page kept for one member)."""
    shared = copy.copy(request)
    shared.META = _ReaderlessMeta(
        (
            (key, value)
            for key, value in request.META.items()
            if key not in _READER_META and key != "CSRF_COOKIE_NEEDS_UPDATE"
        ),
        render,
    )
    shared.COOKIES = {}
    shared.session = _ReaderlessSession(render)
    shared.user = user or AnonymousUser()
    shared._messages = _NoMessages(shared, render)
    for name in ("_cached_user", "_acached_user", "_member_state"):
        shared.__dict__.pop(name, None)

    async def auser():
        return shared.user

    shared.auser = auser
    shared.shared_render = render
    return shared


def register_value(name: str, read: Callable) -> None:
    """`read(request)` returns the text for placeholder `name` on a member's page."""
    _values[name] = read


def values() -> dict[str, Callable]:
    return dict(_values)


def shared_render(request) -> "SharedRender | None":
    """The shared render in progress for this request, if the page is being rendered as one."""
    return getattr(request, "shared_render", None)


@dataclass
class Slot:
    visitor: str
    member_on: str
    member_off: str
    #: (kind, id): the member gets `member_on` when the id is in their state of that kind.
    state: tuple | None = None


@dataclass
class SharedRender:
    """Collects the slots while a page is rendered for nobody in particular."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    slots: list[Slot] = field(default_factory=list)
    #: What the render tried to read of the reader (`SharedRenderError`): such a render is a bug
    #: and is never kept.
    violations: list[str] = field(default_factory=list)

    def placeholder(self, name: str) -> str:
        """Text that stands in for a member's value (`CSRF`, or a registered value)."""
        return f"@@{self.nonce}:{name}@@"

    def slot(self, *, visitor: str, member_on: str, member_off: str = "", state=None):
        """Keep the variants and return the marker that stands in the page for them."""
        self.slots.append(Slot(str(visitor), str(member_on), str(member_off or member_on), state))
        return mark_safe(self._marker(len(self.slots) - 1))  # noqa: S308 (a comment we made)

    def adopt(self, fragment: "SharedPage") -> str:
        """Take a cached fragment's slots into this render; returns its HTML with their markers."""
        own = f"@@{self.nonce}:"

        def rename(text: str) -> str:
            return text.replace(f"@@{fragment.nonce}:", own)

        parts = [rename(fragment.chunks[0])]
        for slot, chunk in zip(fragment.slots, fragment.chunks[1:], strict=True):
            parts.append(
                self.slot(
                    visitor=rename(slot.visitor),
                    member_on=rename(slot.member_on),
                    member_off=rename(slot.member_off),
                    state=slot.state,
                )
            )
            parts.append(rename(chunk))
        return "".join(parts)

    def _found(self, parts: list[str]) -> set[str]:
        names = [CSRF, NEXT, *_values]
        return {name for name in names if any(self.placeholder(name) in p for p in parts)}

    def _marker(self, number: int) -> str:
        return f"<!--slot:{self.nonce}:{number}-->"

    def page(self, html: str, headers: list) -> "SharedPage":
        """The finished render cut at its markers, ready to be cached and filled. The markers may
        come in any order (a view can render cards before its template). Raises
        `SharedRenderError` when the render tried to read anything of the reader, even where a
        template swallowed the error."""
        if self.violations:
            raise SharedRenderError("; ".join(self.violations))
        parts = re.split(f"<!--slot:{self.nonce}:(\\d+)-->", html)
        chunks, slots = parts[0::2], [self.slots[int(number)] for number in parts[1::2]]
        everyone = [*chunks, *(slot.visitor for slot in slots)]
        members = [part for slot in slots for part in (slot.member_on, slot.member_off)]
        names = {"visitor": self._found(everyone), "member": self._found([*everyone, *members])}
        kinds = {slot.state[0] for slot in slots if slot.state}
        return SharedPage(self.nonce, chunks, slots, names, kinds, headers)


@dataclass
class SharedPage:
    nonce: str
    chunks: list[str]
    slots: list[Slot]
    #: The placeholders in what a visitor and what a member gets: {"visitor": …, "member": …}.
    placeholders: dict[str, set[str]]
    kinds: set[str]
    headers: list

    def fill(self, request) -> str:
        """The page for this request's reader: visitors get the visitor variants; members the
        variants for their own state (`member_state`) and their own CSRF token."""
        parts = [self.chunks[0]]
        member = request.user.is_authenticated
        if member:
            states = member_state(request) if self.kinds else {}
            for slot, chunk in zip(self.slots, self.chunks[1:], strict=True):
                on = slot.state is None or slot.state[1] in states.get(slot.state[0], ())
                parts += (slot.member_on if on else slot.member_off, chunk)
        else:
            for slot, chunk in zip(self.slots, self.chunks[1:], strict=True):
                parts += (slot.visitor, chunk)
        html = "".join(parts)
        for name in self.placeholders["member" if member else "visitor"]:
            if name == NEXT:
                value = escape(request.get_full_path())
            elif name == CSRF:
                value = get_token(request)
            else:
                value = str(_values[name](request))
            html = html.replace(f"@@{self.nonce}:{name}@@", value)
        return html


def csrf_token(request) -> dict:
    """Context processor: in a shared render `{% csrf_token %}` writes the placeholder, which
    each response fills with its reader's own token."""
    render = shared_render(request)
    return {"csrf_token": render.placeholder(CSRF)} if render else {}


def render_shared(
    request, render_response: Callable[[object], HttpResponse], *, user=None
) -> "SharedPage":
    """Call `render_response(readerless request)` as a shared render and cut the result."""
    render = SharedRender()
    response = render_response(readerless_request(request, render, user=user))
    return render.page(response.content.decode(response.charset), headers=[])


def personal_page(
    request, key: str, render_response: Callable[[object], HttpResponse], *, versions
) -> HttpResponse:
    """A page for one member, kept under `key` while `versions` hold: its slots, count and CSRF
    token are filled on every request. `key` and `versions` must cover everything else the page
    shows. `render_response(request)` gets a request that holds nothing of the member but the
    user: no session, cookies or CSRF state."""
    page, stamp = entry_get(key, versions=versions)
    if page is None:
        try:
            page = render_shared(request, render_response, user=request.user)
        except SharedRenderError:
            if settings.SHARED_RENDER_STRICT:
                raise
            logger.exception("Shared render of %s", request.path)
            return render_response(request)
        entry_store(key, page, stamp=stamp, timeout=PAGE_TIMEOUT)
    return HttpResponse(page.fill(request))


def personal_page_kept(request, key: str, *, versions) -> HttpResponse | None:
    """The page `personal_page` keeps under `key` while `versions` hold, filled for this
    request; None when there is none. For a view that may skip its own checks on a hit because
    every change that would fail them retires one of `versions`."""
    page, _ = entry_get(key, versions=versions)
    return None if page is None else HttpResponse(page.fill(request))
