"""The JSON-LD data blocks in a real browser: the strict CSP lets them be (a data block is not a
script to run), so no page logs a violation, and each block parses as the JSON it claims to be."""

import json

import pytest

from tests.e2e.support import PAGES

pytestmark = pytest.mark.e2e

#: Pages that describe no content of their own: the 404, the sitemap for people and the
#: account forms. They are still checked for errors in the console.
NOT_CONTENT = {"niet-gevonden", "sitemap", "inloggen", "account-aanmaken", "wachtwoord-vergeten"}


def test_json_ld_parses_and_breaks_no_content_security_policy(page, site_paths):
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"{page.url}: {message.text}"),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    for key in PAGES:
        if key == "niet-gevonden":  # the browser logs the 404 status itself
            continue
        page.goto(site_paths[key])
        page.wait_for_load_state("load")
        if key in NOT_CONTENT:
            continue
        blocks = page.eval_on_selector_all(
            'script[type="application/ld+json"]', "nodes => nodes.map(n => n.textContent)"
        )
        assert len(blocks) == 1, f"{key}: {len(blocks)} JSON-LD blocks"
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@graph"], key
        assert page.locator('link[rel="canonical"]').count() == 1, key
        assert page.locator('meta[property="og:url"]').count() == 1, key
    assert problems == []
