"""A visitor who presses "Volg ..." follows the term once they have logged in."""

from articles.models import Author, Organisation, Theme
from follows.services import follow_add

#: Intent name → the kind of term; each posts the term's id as `target`.
INTENT_MODELS = {
    "follow_theme": Theme,
    "follow_organisation": Organisation,
    "follow_author": Author,
}


def _handler(model):
    def handle(user, payload: dict) -> str:
        term = model.objects.filter(pk=payload.get("target")).first()
        if term is None:
            return ""
        follow_add(user=user, term=term)
        return f"Je volgt nu {term.kind_label} {term.name}."

    return handle


INTENTS = {name: _handler(model) for name, model in INTENT_MODELS.items()}
