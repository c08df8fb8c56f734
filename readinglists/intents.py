"""What the login page tells a visitor who pressed "Bewaar in leeslijst" (accounts.intents)."""

from accounts.intents import IntentNotice
from readinglists import selectors

#: "dit artikel", "deze publicatie": each content type named with its demonstrative.
_THIS = {
    "artikel": "dit artikel",
    "evenement": "dit evenement",
    "publicatie": "deze publicatie",
    "praktijkvoorbeeld": "dit praktijkvoorbeeld",
    "dossier": "dit dossier",
    "uitleg": "deze uitleg",
}


def reading_list_intent_notice(payload: dict) -> IntentNotice | None:
    """ "Log in om dit artikel in je leeslijst te bewaren"; None for a page a visitor may not
    save (gone, or not public)."""
    page = selectors.reading_list_page(page_id=payload.get("target"))
    if page is None:
        return None
    this = _THIS.get(page.specific_class.type_label.lower(), "deze pagina")
    return IntentNotice(
        action=f"{this} in je leeslijst te bewaren", result=f"staat {this} in je leeslijst"
    )
