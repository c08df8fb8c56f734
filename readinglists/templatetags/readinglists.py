from django import template
from django.middleware.csrf import get_token
from django.urls import reverse

from readinglists import selectors
from readinglists.services import INTENT_ADD

register = template.Library()


@register.simple_tag
def reading_list_count(request) -> int:
    """The size of the member's leeslijst; shares its one query with every button on the page."""
    return len(selectors.reading_list_page_ids_for_request(request))


@register.inclusion_tag("components/toggle_button.html")
def reading_list_button(request, page_id, title: str) -> dict:
    """The leeslijst button for one article or event: no query for visitors, one per request
    for members however many buttons the page has."""
    member = request.user.is_authenticated
    return {
        "member": member,
        "csrf_token": get_token(request) if member else "",
        "action_on": reverse("readinglists:add"),
        "action_off": reverse("readinglists:remove"),
        "intent": INTENT_ADD,
        "target": page_id,
        "next": request.get_full_path(),
        "pressed": member and page_id in selectors.reading_list_page_ids_for_request(request),
        "label_on": "Verwijder uit leeslijst",
        "label_off": "Bewaar in leeslijst",
        "context": f": {title}",
        "message_on": f"“{title}” staat nu in je leeslijst.",
        "message_off": f"“{title}” is uit je leeslijst gehaald.",
        "key": f"leeslijst-{page_id}",
    }
