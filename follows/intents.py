"""A visitor who presses "Volg ..." follows the term once they have logged in."""

from accounts.intents import IntentNotice
from articles.models import FOLLOW_KINDS
from follows.services import follow_add


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
