"""The member's follows and digest settings in the AVG export."""

from django.conf import settings

from follows.models import FollowSettings
from follows.selectors import follows_for_user


def follows_export(user) -> dict:
    follow_settings = FollowSettings.objects.filter(user=user).first()
    return {
        "gevolgd": [
            _page(follow)
            if follow.kind == "page"
            else {
                "soort": follow.term.kind_label,
                "naam": follow.term.name,
                "slug": follow.term.slug,
                "sinds": follow.created_at.isoformat(),
            }
            for follow in follows_for_user(user=user).order_by("created_at", "pk")
        ],
        "e-mail": (
            {
                "frequentie": follow_settings.digest,
                "laatste_e-mail_tot": _iso(follow_settings.digest_until),
                "laatste_bezoek": _iso(follow_settings.visit_at),
            }
            if follow_settings
            else None
        ),
    }


def _iso(value):
    return value.isoformat() if value else None


def _page(follow) -> dict:
    """A page whose changes the member follows: its title and address as they are now."""
    url = follow.page.url or ""
    return {
        "soort": "wijzigingen van pagina",
        "naam": follow.page.title,
        "adres": f"{settings.BASE_URL}{url}" if url.startswith("/") else url,
        "sinds": follow.created_at.isoformat(),
    }
