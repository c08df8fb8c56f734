"""Personal slots: the few places where a reader's page differs from anybody else's.

A page that everyone may read is rendered once without a reader: a *shared render*. Each
personal part (the account menu, every leeslijst and volg button) is rendered there in all its
variants and left in the page as a numbered slot. `articles.page_cache` caches that shared copy,
and every request fills the slots for its own reader, from one query per kind of state on the
page. Members so get fresh pages with their own state without the page being rendered again for
each of them.

The apps that own a kind of state register how to read it for a request: `register_state` for a
set the slots test membership of (`("leeslijst", page_id) in saved`), `register_value` for a text
put in place of a placeholder (the leeslijst count). The CSRF token and the address of the page
(`NEXT`) are built in.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_states: dict[str, Callable] = {}
_values: dict[str, Callable] = {}
CSRF = "csrf"
#: The address of the page the reader is on, for the forms' `next`: a cached fragment is shown
#: on many pages.
NEXT = "next"


def register_state(kind: str, read: Callable) -> None:
    """`read(request)` returns what the member has of `kind`: a container of ids."""
    _states[kind] = read


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

    def _marker(self, number: int) -> str:
        return f"<!--slot:{self.nonce}:{number}-->"

    def page(self, html: str, headers: list) -> "SharedPage":
        """The finished render cut at its markers, ready to be cached and filled."""
        chunks = []
        rest = html
        for number in range(len(self.slots)):
            before, marker, rest = rest.partition(self._marker(number))
            if not marker:
                raise ValueError(f"slot {number} is not in the page")
            chunks.append(before)
        chunks.append(rest)
        member_parts = [part for slot in self.slots for part in (slot.member_on, slot.member_off)]
        names = {
            name
            for name in [CSRF, NEXT, *_values]
            if any(self.placeholder(name) in part for part in [*chunks, *member_parts])
        }
        kinds = {slot.state[0] for slot in self.slots if slot.state}
        return SharedPage(self.nonce, chunks, self.slots, names, kinds, headers)


@dataclass
class SharedPage:
    nonce: str
    chunks: list[str]
    slots: list[Slot]
    placeholders: set[str]
    kinds: set[str]
    headers: list

    def fill(self, request) -> str:
        """The page for this request's reader: visitors get the visitor variants; members their
        own state, read once per kind, and their own CSRF token."""
        parts = [self.chunks[0]]
        member = request.user.is_authenticated
        if member:
            states = {kind: _states[kind](request) for kind in self.kinds}
            for slot, chunk in zip(self.slots, self.chunks[1:], strict=True):
                on = slot.state is None or slot.state[1] in states[slot.state[0]]
                parts += (slot.member_on if on else slot.member_off, chunk)
        else:
            for slot, chunk in zip(self.slots, self.chunks[1:], strict=True):
                parts += (slot.visitor, chunk)
        html = "".join(parts)
        for name in self.placeholders:
            if name == NEXT:
                value = escape(request.get_full_path())
            elif not member:
                continue  # only in the members' variants
            elif name == CSRF:
                value = get_token(request)
            else:
                value = str(_values[name](request))
            html = html.replace(f"@@{self.nonce}:{name}@@", value)
        return html


def toggle_button(request, context: dict, *, state: tuple) -> SafeString:
    """Render the toggle button component for this request, or as a slot in a shared render.

    `context` is the component's context without `member`, `pressed` and `csrf_token`."""
    from django.template.loader import get_template

    template = get_template("components/toggle_button.html")
    render = shared_render(request)
    if render is None:
        member = request.user.is_authenticated
        pressed = member and state[1] in _states[state[0]](request)
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
