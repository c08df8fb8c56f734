"""Personal slots: the few places where a reader's page differs from anybody else's.

A page that everyone may read is rendered once without a reader: a *shared render*. Each
personal part (the account menu, every leeslijst and volg button) is rendered there in all its
variants and left in the page as a numbered slot. `articles.page_cache` caches that shared copy,
and every request fills the slots for its own reader. Members so get fresh pages with their own
state without the page being rendered again for each of them.

A member's state (the pages they saved, the terms they follow) is kept in the cache as one
entry (`member_state`); the apps that own a kind of state register how to read it from the
database (`register_state_source`) and drop the entry when it changes (`member_state_changed`).
A placeholder's text comes from `register_value` (the leeslijst count). The CSRF token and the
address of the page (`NEXT`) are built in.
"""

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_sources: dict[str, Callable] = {}
_values: dict[str, Callable] = {}
#: How long a member's state is kept at most; every change drops it at once.
STATE_TIMEOUT = 5 * 60
#: How long a member's page is kept; its key changes with whatever it shows.
PAGE_TIMEOUT = 10 * 60
CSRF = "csrf"
#: The address of the page the reader is on, for the forms' `next`: a cached fragment is shown
#: on many pages.
NEXT = "next"


def register_state_source(name: str, read: Callable) -> None:
    """`read(user)` returns {kind: ids} of what the member has, from the database."""
    _sources[name] = read


def member_state(request) -> dict[str, frozenset]:
    """{kind: ids} for the member of this request: read once per request, from the cache unless
    it changed since, else from every source (one query each)."""
    state = getattr(request, "_member_state", None)
    if state is None:
        key = _state_key(request.user.pk)
        state = cache.get(key)
        if state is None:
            state = {}
            for read in _sources.values():
                state.update({kind: frozenset(ids) for kind, ids in read(request.user).items()})
            cache.set(key, state, STATE_TIMEOUT)
        request._member_state = state
    return state


def member_state_changed(*, user_id: int) -> None:
    """The member saved, removed, followed or unfollowed something: read their state anew."""
    cache.delete(_state_key(user_id))


def _state_key(user_id: int) -> str:
    return f"member-state:{user_id}"


def register_value(name: str, read: Callable) -> None:
    """`read(request)` returns the text for placeholder `name` on a member's page."""
    _values[name] = read


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
        come in any order (a view can render cards before its template)."""
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


def personal_page(request, key: str, render_response: Callable) -> HttpResponse:
    """A page for one member, kept under `key` as a shared render: its slots, count and CSRF
    token are filled on every request. `key` must hold everything else the page shows."""
    page = cache.get(key)
    if page is None:
        render = request.shared_render = SharedRender()
        try:
            response = render_response()
        finally:
            del request.shared_render
        page = render.page(response.content.decode(response.charset), headers=[])
        cache.set(key, page, PAGE_TIMEOUT)
    return HttpResponse(page.fill(request))


def toggle_button(request, context: dict, *, state: tuple) -> SafeString:
    """Render the toggle button component for this request, or as a slot in a shared render.

    `context` is the component's context without `member`, `pressed` and `csrf_token`."""
    from django.template.loader import get_template

    template = get_template("components/toggle_button.html")
    render = shared_render(request)
    if render is None:
        member = request.user.is_authenticated
        pressed = member and state[1] in member_state(request).get(state[0], ())
        csrf_token = get_token(request) if member else ""
        return template.render(
            {**context, "member": member, "pressed": pressed, "csrf_token": csrf_token}
        )
    csrf_token = render.placeholder(CSRF)
    context = {**context, "next": render.placeholder(NEXT)}
    return render.slot(
        visitor=template.render({**context, "member": False, "pressed": False}),
        member_on=template.render(
            {**context, "member": True, "pressed": True, "csrf_token": csrf_token}
        ),
        member_off=template.render(
            {**context, "member": True, "pressed": False, "csrf_token": csrf_token}
        ),
        state=state,
    )
