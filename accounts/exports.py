"""AVG data export: every app that stores something about a member adds a section here.

An app registers its part once, in its `AppConfig.ready()`:

    register_export("leeslijst", lambda user: [...])

The callable gets the member and returns JSON-serialisable data about that member only.
"""

from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress

_sections: dict[str, Callable[[Any], Any]] = {}


def register_export(section: str, export: Callable[[Any], Any]) -> None:
    _sections[section] = export


def user_export(*, user) -> dict[str, Any]:
    return {section: export(user) for section, export in sorted(_sections.items())}


def _account(user) -> dict[str, Any]:
    return {
        "e-mailadres": user.email,
        "weergavenaam": user.display_name,
        "organisatie": user.organisation,
        "rol": user.role,
        "aangemaakt": user.date_joined.isoformat(),
        "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
    }


def _email_addresses(user) -> list[dict[str, Any]]:
    return [
        {"e-mailadres": address.email, "bevestigd": address.verified, "primair": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("pk")
    ]


register_export("account", _account)
register_export("e-mailadressen", _email_addresses)
