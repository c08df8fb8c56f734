"""Every page is valid HTML by the Nu HTML Checker (vnu.jar, from the npm package vnu-jar), for a
visitor and for a member: the HTML the server sends, checked in one run of the checker. Warnings
are allowed; errors are listed in the failure."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.support import PAGES, log_in

pytestmark = pytest.mark.e2e

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Besides PAGES: listings narrowed by a filter, search with and without results, the forms.
VISITOR_EXTRA = {
    "artikelen-gefilterd": "/artikelen/?thema=wonen",
    "evenementen-afgelopen": "/evenementen/?periode=afgelopen",
    "zoeken": "/zoeken/",
    "zoeken-resultaten": "/zoeken/?q=wijk&type=artikel",
    "zoeken-niets": "/zoeken/?q=xyzzyquux",
    "themas": "/themas/",
    "privacy": "/privacy/",
}
#: A member's view of a few pages (their account menu, pressed buttons, their own pages).
MEMBER_PAGES = ("home", "artikel", "thema", "publicatie")
MEMBER_EXTRA = {
    "leeslijst": "/leeslijst/",
    "volgend": "/volgend/",
    "e-mailinstelling": "/volgend/instellingen/",
    "account": "/accounts/",
    "e-mailadressen": "/accounts/email/",
    "wachtwoord-wijzigen": "/accounts/password/change/",
    "account-verwijderen": "/accounts/verwijderen/",
}


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    java = shutil.which("java")
    if not java:
        pytest.fail(
            "Java is needed for the Nu HTML Checker: `apt-get install default-jre-headless` "
            "(make test installs it when it runs as root).",
            pytrace=False,
        )
    if not VNU_JAR.exists():
        pytest.fail(f"vnu.jar not found at {VNU_JAR}: run `npm ci`.", pytrace=False)
    return [java, "-jar", str(VNU_JAR)]


def html_errors(vnu: list[str], documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """{document name: ["line 12: message (extract)", ...]} for every document with errors."""
    for name, html in documents.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            *vnu,
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *(str(p) for p in folder.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no report ({result.returncode}):\n{result.stderr}", pytrace=False)
    errors: dict[str, list[str]] = {}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = Path(urlsplit(message.get("url", "")).path).stem or "?"
        extract = " ".join(message.get("extract", "").split())
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']} [{extract}]"
        )
    return errors


def fetch(context, path: str, *, expected: int = 200) -> str:
    response = context.request.get(path)
    assert response.status == expected, f"{path} answered {response.status}"
    return response.text()


def describe(errors: dict[str, list[str]], paths: dict[str, str]) -> str:
    lines = []
    for name, found in sorted(errors.items()):
        lines.append(f"{name} ({paths.get(name, '?')}): {len(found)} error(s)")
        lines.extend(f"  {line}" for line in found)
    return "\n".join(lines)


def test_checker_finds_errors(vnu, tmp_path):
    """The checker runs and reports what it should: an empty form action is an error."""
    bad = '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><form action=""></form></body></html>'
    errors = html_errors(vnu, {"leeg": bad}, tmp_path)
    assert list(errors) == ["leeg"]
    assert "action" in errors["leeg"][0]


def test_every_page_is_valid_html_for_a_visitor(context, site_paths, vnu, tmp_path):
    paths = {**site_paths, **VISITOR_EXTRA}
    documents = {
        name: fetch(context, path, expected=404 if name == "niet-gevonden" else 200)
        for name, path in paths.items()
    }
    assert set(PAGES) <= set(documents)
    errors = html_errors(vnu, documents, tmp_path)
    assert not errors, "The Nu HTML Checker found errors:\n" + describe(errors, paths)


def test_a_members_pages_are_valid_html(browser, base_url, site_paths, member, vnu, tmp_path):
    """Logged in, with a message on the page after a form post without JavaScript."""
    context = browser.new_context(base_url=base_url, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        log_in(page, member)
        paths = {name: site_paths[name] for name in MEMBER_PAGES} | MEMBER_EXTRA
        documents = {f"lid-{name}": fetch(context, path) for name, path in paths.items()}

        page.goto(site_paths["artikel"])
        with page.expect_navigation() as navigation:
            page.locator("main").get_by_role("button", name="Bewaar in leeslijst").first.click()
        response = navigation.value
        assert response is not None and 'id="bericht"' in response.text()
        documents["lid-met-bericht"] = response.text()
        paths["met-bericht"] = site_paths["artikel"]
        documents["lid-leeslijst-gevuld"] = fetch(context, "/leeslijst/")
        paths["leeslijst-gevuld"] = "/leeslijst/"
    finally:
        context.close()
    errors = html_errors(vnu, documents, tmp_path)
    named = {f"lid-{name}": path for name, path in paths.items()}
    assert not errors, "The Nu HTML Checker found errors:\n" + describe(errors, named)
