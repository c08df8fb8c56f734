"""The toggle button component (leeslijst, volgen) as a personal slot."""

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString

from personal.slots import CSRF, NEXT, shared_render
from personal.state import member_state


def toggle_button(request, context: dict, *, state: tuple) -> SafeString:
    """Render the toggle button component for this request, or as a slot in a shared render.

    `context` is the component's context without `member`, `pressed`, `csrf_token` and `next`;
    `state` is (kind, id): the button is pressed when the id is in the member's state of that
    kind."""
    template = get_template("components/toggle_button.html")
    render = shared_render(request)
    if render is None:
        member = request.user.is_authenticated
        pressed = member and state[1] in member_state(request).get(state[0], ())
        csrf_token = get_token(request) if member else ""
        return template.render(
            {
                **context,
                "member": member,
                "pressed": pressed,
                "csrf_token": csrf_token,
                "next": request.get_full_path(),
            }
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
