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


@register.simple_tag
def change_follow_button(request, page):
    """ "Volg wijzigingen" / "Ontvolg wijzigingen" of one explainer, publication or dossier: as
    `follow_button`. Not on a page under a view restriction: following never reveals one."""
    from pagecache.memo import view_restrictions_of

    if view_restrictions_of(page):
        return ""
    context = {
        "action_on": reverse("follows:page_add"),
        "action_off": reverse("follows:page_remove"),
        "intent": "follow_page",
        "target": page.pk,
        "label_on": "Ontvolg wijzigingen",
        "label_off": "Volg wijzigingen",
        "context": f" van {page.title}",
        "message_on": f"Je volgt nu de wijzigingen van “{page.title}”.",
        "message_off": f"Je volgt de wijzigingen van “{page.title}” niet meer.",
        "key": f"volg-page-{page.pk}",
    }
    return toggle_button(request, context, state=("page", page.pk))
