from django import template
from django.urls import reverse

from articles import personal
from readinglists import selectors
from readinglists.services import INTENT_ADD

register = template.Library()


@register.simple_tag(takes_context=True)
def account_nav(context, request):
    """The header's account menu, with the leeslijst count that shares its one query with every
    button on the page; a personal slot in a shared render. Its CSRF token is the page's own."""
    from django.template.loader import get_template

    template = get_template("components/account_nav.html")
    render = personal.shared_render(request)
    if render is None:
        member = request.user.is_authenticated
        return template.render(
            {
                "request": request,
                "member": member,
                "count": selectors.reading_list_count_for_request(request),
                "csrf_token": context.get("csrf_token", "") if member else "",
            }
        )
    return render.slot(
        visitor=template.render({"request": request, "member": False}),
        member_on=template.render(
            {
                "request": request,
                "member": True,
                "count": render.placeholder(selectors.STATE_COUNT),
                "csrf_token": render.placeholder(personal.CSRF),
            }
        ),
    )


@register.simple_tag
def reading_list_button(request, page_id, title: str):
    """The leeslijst button for one article or event: no query for visitors, one per request
    for members however many buttons the page has; a personal slot in a shared render."""
    context = {
        "action_on": reverse("readinglists:add"),
        "action_off": reverse("readinglists:remove"),
        "intent": INTENT_ADD,
        "target": page_id,
        "next": request.get_full_path(),
        "label_on": "Verwijder uit leeslijst",
        "label_off": "Bewaar in leeslijst",
        "context": f": {title}",
        "message_on": f"“{title}” staat nu in je leeslijst.",
        "message_off": f"“{title}” is uit je leeslijst gehaald.",
        "key": f"leeslijst-{page_id}",
    }
    return personal.toggle_button(request, context, state=(selectors.STATE, page_id))
