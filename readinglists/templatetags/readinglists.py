from django import template
from django.urls import reverse

from personal.buttons import toggle_button
from readinglists import selectors
from readinglists.services import INTENT_ADD

register = template.Library()


@register.simple_tag
def reading_list_button(request, page_id, title: str):
    """The leeslijst button for one article or event: no query for visitors, one per request
    for members however many buttons the page has; a personal slot in a shared render."""
    context = {
        "action_on": reverse("readinglists:add"),
        "action_off": reverse("readinglists:remove"),
        "intent": INTENT_ADD,
        "target": page_id,
        "label_on": "Verwijder uit leeslijst",
        "label_off": "Bewaar in leeslijst",
        "context": f": {title}",
        "message_on": f"“{title}” staat nu in je leeslijst.",
        "message_off": f"“{title}” is uit je leeslijst gehaald.",
        "key": f"leeslijst-{page_id}",
    }
    return toggle_button(request, context, state=(selectors.STATE, page_id))
