from django import template
from django.middleware.csrf import get_token
from django.urls import reverse

from follows import selectors

register = template.Library()


@register.inclusion_tag("components/toggle_button.html")
def follow_button(request, term) -> dict:
    """ "Volg thema Wonen" / "Ontvolg thema Wonen": no query for visitors, one per request for
    members however many buttons the page has."""
    member = request.user.is_authenticated
    label = f"{term.kind_label} {term.name}"
    kind = term._meta.model_name
    return {
        "member": member,
        "csrf_token": get_token(request) if member else "",
        "action_on": reverse("follows:add", kwargs={"kind": term.kind_label}),
        "action_off": reverse("follows:remove", kwargs={"kind": term.kind_label}),
        "intent": f"follow_{kind}",
        "target": term.pk,
        "next": request.get_full_path(),
        "pressed": member and term in selectors.followed_for_request(request),
        "label_on": f"Ontvolg {label}",
        "label_off": f"Volg {label}",
        "message_on": f"Je volgt nu {label}.",
        "message_off": f"Je volgt {label} niet meer.",
        "key": f"volg-{kind}-{term.pk}",
    }


@register.simple_tag
def term_feed_url(term) -> str:
    return reverse(f"follows:{term._meta.model_name}_feed", kwargs={"slug": term.slug})


@register.simple_tag
def term_calendar_url(term) -> str:
    """The iCalendar of the term's coming events; "" for a kind of term without events."""
    if not term.event_lookup:
        return ""
    return reverse(f"follows:{term._meta.model_name}_calendar", kwargs={"slug": term.slug})
