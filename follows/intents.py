"""A visitor who presses "Volg ..." follows the term once they have logged in."""

from articles.models import TERM_KINDS
from follows.services import follow_add


def _handler(model):
    def handle(user, payload: dict) -> str:
        term = model.objects.filter(pk=payload.get("target")).first()
        if term is None:
            return ""
        follow_add(user=user, term=term)
        return f"Je volgt nu {term.kind_label} {term.name}."

    return handle


#: Intent name ("follow_theme") → its handler; each posts the term's id as `target`.
INTENTS = {f"follow_{kind}": _handler(model) for kind, model in TERM_KINDS.items()}
