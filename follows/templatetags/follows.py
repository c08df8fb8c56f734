from django import template
from django.urls import reverse

from articles import personal

register = template.Library()


@register.simple_tag
def follow_button(request, term):
    """ "Volg thema Wonen" / "Ontvolg thema Wonen": no query for visitors, one per request for
    members however many buttons the page has; a personal slot in a shared render."""
    label = f"{term.kind_label} {term.name}"
    kind = term._meta.model_name
    context = {
        "action_on": reverse("follows:add", kwargs={"kind": term.kind_label}),
        "action_off": reverse("follows:remove", kwargs={"kind": term.kind_label}),
        "intent": f"follow_{kind}",
        "target": term.pk,
        "next": request.get_full_path(),
        "label_on": f"Ontvolg {label}",
        "label_off": f"Volg {label}",
        "message_on": f"Je volgt nu {label}.",
        "message_off": f"Je volgt {label} niet meer.",
        "key": f"volg-{kind}-{term.pk}",
    }
    return personal.toggle_button(request, context, state=(kind, term.pk))


@register.simple_tag
def term_feed_url(term) -> str:
    return reverse(f"follows:{term._meta.model_name}_feed", kwargs={"slug": term.slug})


@register.simple_tag
def term_calendar_url(term) -> str:
    """The iCalendar of the term's coming events; "" for a kind of term without events."""
    if not term.event_lookup:
        return ""
    return reverse(f"follows:{term._meta.model_name}_calendar", kwargs={"slug": term.slug})
