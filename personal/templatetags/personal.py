from django import template
from django.template.loader import get_template

from personal import slots

register = template.Library()


@register.simple_tag(takes_context=True)
def account_nav(context, request):
    """The header's account menu; a personal slot in a shared render. Its registered values (the
    leeslijst count) share their one query with every button on the page; its CSRF token is the
    page's own."""
    nav = get_template("components/account_nav.html")
    render = slots.shared_render(request)
    if render is None:
        member = request.user.is_authenticated
        values = {name: read(request) for name, read in slots.values().items()} if member else {}
        return nav.render(
            {
                "request": request,
                "member": member,
                "values": values,
                "csrf_token": context.get("csrf_token", "") if member else "",
            }
        )
    return render.slot(
        visitor=nav.render({"request": request, "member": False}),
        member_on=nav.render(
            {
                "request": request,
                "member": True,
                "values": {name: render.placeholder(name) for name in slots.values()},
                "csrf_token": render.placeholder(slots.CSRF),
            }
        ),
    )
