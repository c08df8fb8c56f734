"""The demo's accessibility statement at /toegankelijkheid/: the parts of the Dutch model statement,
and an older demo database gets it unless an editor changed the page."""

import re

import pytest
from django.core.management import call_command

from articles.models import InformationPage
from demo import builder
from demo import data as demo_data

pytestmark = pytest.mark.django_db

#: The model statement's parts (DigiToegankelijk), as our headings name them.
REQUIRED_HEADINGS = [
    "Voor welke website deze verklaring geldt",
    "Status: voldoet gedeeltelijk",
    "Wat nog niet toegankelijk is",
    "Een probleem melden",
    "Hoe we de toegankelijkheid controleren",
    "Datum van de laatste controle",
]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", verbosity=0)


def statement(client) -> str:
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    return response.content.decode().split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]


def section(html: str, heading: str) -> str:
    """The text under one h2, up to the next."""
    after = html.split(f">{heading}</h2>", 1)[1]
    return re.sub(r"<[^>]+>", " ", after.split("<h2", 1)[0])


def test_the_statement_has_the_parts_of_the_model_in_its_order(client, demo):
    html = statement(client)
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    assert headings == REQUIRED_HEADINGS
    assert html.count("<h1") == 1


def test_the_statement_says_what_it_must(client, demo):
    html = statement(client)
    assert "https://wijkportaal.example" in section(html, REQUIRED_HEADINGS[0])
    status = section(html, REQUIRED_HEADINGS[1])
    assert "A: voldoet volledig" in status and "B: voldoet gedeeltelijk" in status
    assert "WCAG" in status and "onafhankelijke partij" in status
    known = re.findall(r"<li>(.*?)</li>", html.split(f">{REQUIRED_HEADINGS[2]}</h2>")[1])
    known_text = " ".join(known)
    assert len(known) >= 4
    for limitation in ("YouTube", "PDF", "inlogcode"):
        assert limitation in known_text, limitation
    report = section(html, REQUIRED_HEADINGS[3])
    assert "toegankelijkheid@wijkportaal.example" in report
    assert re.search(r"binnen \d+ werkdagen", report)
    assert 'href="mailto:toegankelijkheid@wijkportaal.example"' in html
    assert "WCAG-EM" in section(html, REQUIRED_HEADINGS[4])
    assert re.search(r"gecontroleerd op \d{1,2} \w+ \d{4}", section(html, REQUIRED_HEADINGS[5]))


OLD_BODY = [demo_data.h2("Oud"), demo_data.p("Wat een eerdere bouwer schreef.")]


@pytest.fixture
def older_builder(monkeypatch):
    """Pretend OLD_BODY is what an earlier builder wrote on the statement."""
    monkeypatch.setattr(
        demo_data,
        "EARLIER_INFORMATION_BODIES",
        {"toegankelijkheid": {builder.body_fingerprint(OLD_BODY)}},
    )


def stored_statement() -> InformationPage:
    return InformationPage.objects.get(slug="toegankelijkheid")


def test_an_older_demo_statement_gets_the_new_body(client, demo, older_builder):
    page = stored_statement()
    page.body = OLD_BODY
    page.save()

    call_command("load_demo_content", verbosity=0)

    page = stored_statement()
    assert builder.stored_fingerprint(page.body.raw_data) == builder.body_fingerprint(
        demo_data.ACCESSIBILITY_STATEMENT
    )
    assert page.live_revision is not None and not page.has_unpublished_changes
    assert "Status: voldoet gedeeltelijk" in statement(client)

    revisions = page.revisions.count()
    call_command("load_demo_content", verbosity=0)
    assert stored_statement().revisions.count() == revisions


def test_an_edited_statement_is_left_alone(demo, older_builder):
    page = stored_statement()
    page.body = [*OLD_BODY, demo_data.p("Een zin van de redactie.")]
    page.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    assert "Een zin van de redactie." in str(stored_statement().body.raw_data)


def test_a_draft_of_the_statement_is_left_alone(demo, older_builder):
    page = stored_statement()
    page.body = OLD_BODY
    page.save()
    page.body = [*OLD_BODY, demo_data.p("Een concept van de redactie.")]
    page.save_revision()

    call_command("load_demo_content", verbosity=0)

    page = stored_statement()
    assert page.has_unpublished_changes
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]


def test_the_statement_the_demo_stores_fingerprints_like_its_data(demo):
    """So a later builder can recognise today's statement."""
    assert builder.stored_fingerprint(stored_statement().body.raw_data) == (
        builder.body_fingerprint(demo_data.ACCESSIBILITY_STATEMENT)
    )
