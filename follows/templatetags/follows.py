from django import template
from django.urls import reverse

from personal.buttons import toggle_button

register = template.Library()


@register.simple_tag
def follow_button(request, term):
    """ "Volg thema Wonen" / "Ontvolg thema Wonen": no query for visitors, one per request for
    members however many buttons the page has; a personal slot in a shared render."""
    label = f"{term.kind_label} {term.name}"
    kind = term.kind()
    context = {
        "action_on": reverse("follows:add", kwargs={"kind": term.kind_label}),
        "action_off": reverse("follows:remove", kwargs={"kind": term.kind_label}),
        "intent": f"follow_{kind}",
        "target": term.pk,
        "label_on": f"Ontvolg {label}",
        "label_off": f"Volg {label}",
        "message_on": f"Je volgt nu {label}.",
        "message_off": f"Je volgt {label} niet meer.",
        "key": f"volg-{kind}-{term.pk}",
    }
    return toggle_button(request, context, state=(kind, term.pk))
