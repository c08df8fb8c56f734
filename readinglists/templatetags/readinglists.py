from django import template
from django.urls import reverse
from django.utils.html import format_html

from personal.buttons import toggle_button
from personal.slots import shared_render
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


@register.simple_tag
def save_elsewhere_link(request, page_id, title: str):
    """ "Bewaar in …" beside the leeslijst button on a page: for members, a link to the page
    that chooses between their own leeslijst and the shared lists they add to (the same with
    and without JavaScript); nothing for visitors. A slot in a shared render."""
    link = format_html(
        '<a class="utrecht-link save-elsewhere" href="{}">Bewaar in …'
        '<span class="visually-hidden"> een lijst naar keuze: {}</span></a>',
        reverse("readinglists:shared_save", args=[page_id]),
        title,
    )
    render = shared_render(request)
    if render is None:
        return link if request.user.is_authenticated else ""
    return render.slot(visitor="", member_on=link)
