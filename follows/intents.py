"""A visitor who presses "Volg ..." follows the term once they have logged in."""

from accounts.intents import IntentNotice
from articles.models import FOLLOW_KINDS
from follows.selectors import followable_page
from follows.services import follow_add, follow_page_add


def _handler(model):
    def handle(user, payload: dict) -> str:
        term = model.objects.filter(pk=payload.get("target")).first()
        if term is None:
            return ""
        follow_add(user=user, term=term)
        return f"Je volgt nu {term.kind_label} {term.name}."

    return handle


def _notice(model):
    def describe(payload: dict) -> IntentNotice | None:
        """ "Log in om thema Wonen te volgen." """
        term = model.objects.filter(pk=payload.get("target")).first()
        if term is None:
            return None
        label = f"{term.kind_label} {term.name}"
        return IntentNotice(action=f"{label} te volgen", result=f"volg je {label}")

    return describe


#: Intent name ("follow_theme") → its handler; each posts the term's id as `target`.
INTENTS = {f"follow_{kind}": _handler(model) for kind, model in FOLLOW_KINDS.items()}
#: Intent name → what the login page says it will do.
NOTICES = {f"follow_{kind}": _notice(model) for kind, model in FOLLOW_KINDS.items()}


def _page_handler(user, payload: dict) -> str:
    page = followable_page(page_id=payload.get("target"))
    if page is None:
        return ""
    follow_page_add(user=user, page=page)
    return f"Je volgt nu de wijzigingen van “{page.title}”."


def _page_notice(payload: dict) -> IntentNotice | None:
    """ "Log in om de wijzigingen van “Wijk of buurt?” te volgen." """
    page = followable_page(page_id=payload.get("target"))
    if page is None:
        return None
    label = f"de wijzigingen van “{page.title}”"
    return IntentNotice(action=f"{label} te volgen", result=f"volg je {label}")


INTENTS["follow_page"] = _page_handler
NOTICES["follow_page"] = _page_notice
