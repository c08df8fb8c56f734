"""Shared by the browser tests: the pages every check covers and how axe findings are shown."""

import json

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Pages every check runs on. A tuple is (listing, link selector): the first item in that listing.
PAGES = {
    "home": "/",
    "uitleg": "/integrale-wijkaanpak/",
    "uitlegpagina": "/integrale-wijkaanpak/wat-is-een-integrale-wijkaanpak/",
    # An explainer with change notes (tests/e2e/content.py, changed_explainer_build).
    "uitleg-gewijzigd": "/integrale-wijkaanpak/beleidsgeschiedenis/",
    "artikelen": "/artikelen/",
    "artikel": ("/artikelen/", "main .card__title a"),
    "evenementen": "/evenementen/",
    "evenement": ("/evenementen/", "main .card__title a"),
    "thema": "/themas/wonen/",
    "organisatie": ("/organisaties/", "main .term-list__title a"),
    "auteur": ("/auteurs/", "main .term-list__title a"),
    "niet-gevonden": "/bestaat-niet/",
    "toegankelijkheid": "/toegankelijkheid/",
    "sitemap": "/sitemap/",
    # The knowledge base (tests/e2e/content.py, knowledge_base_build); the home page above carries
    # its "Uitgelicht" row.
    "publicaties": "/publicaties/",
    "publicatie": "/publicaties/handreiking-samen-werken-in-de-wijk/",
    "praktijkvoorbeelden": "/praktijkvoorbeelden/",
    "praktijkvoorbeeld": "/praktijkvoorbeelden/buurtteams-in-oosterkwartier/",
    "dossiers": "/dossiers/",
    "dossier": "/dossiers/leefbare-buurten/",
    "thema-uitgelicht": "/themas/leefbaarheid/",
    # Places (tests/e2e/content.py): all of them by gemeente, and a focusgebied with a wijk and a
    # buurt in it.
    "gebieden": "/gebieden/",
    "gebied": "/gebieden/havenstad-oost/",
    # The visitor's account pages (tests/e2e/test_account_forms.py checks all of them, and the
    # member's, with and without errors).
    "inloggen": "/accounts/login/",
    "account-aanmaken": "/accounts/signup/",
    "wachtwoord-vergeten": "/accounts/password/reset/",
}

#: Pages axe also checks at a phone's width: all of them.
NARROW_PAGES = tuple(PAGES)
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:300]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"      {line}" for line in summary.splitlines())
    return "\n".join(lines)


def log_in(page, member: dict[str, str], *, path: str = "/accounts/login/") -> None:
    """Fill in the login form at `path` (or the one the page is on when path is None)."""
    if path:
        page.goto(path)
    page.get_by_label("E-mail").fill(member["email"])
    page.get_by_label("Wachtwoord", exact=True).fill(member["password"])
    page.locator("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
