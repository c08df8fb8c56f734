"""The demo content: idempotent, complete, in our own words, and fast to scale up.

The one place the tests run the demo command: every other test builds what it needs.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from articles.models import ArticlePage, Author, EventPage, ExplainerPage, Organisation, Theme
from demo import data as demo_data

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "integrale-wijkaanpak.txt"


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "pk", "path", "numchild", "title", "live", "latest_revision_id"
            )
        ),
        "themes": list(Theme.objects.order_by("pk").values_list("pk", "slug", "name")),
        "organisations": list(Organisation.objects.order_by("pk").values_list("pk", "slug")),
        "authors": list(Author.objects.order_by("pk").values_list("pk", "slug", "organisation")),
        "links": list(ArticlePage.themes.through.objects.order_by("pk").values_list("pk")),
    }


@pytest.fixture
def demo(db):
    """The demo site, built by its command on the bare page tree every test database has."""
    call_command("load_demo_content", verbosity=0)


def test_a_second_run_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_the_demo_has_what_the_issue_asks(demo):
    assert [t.name for t in Theme.objects.order_by("pk")] == [
        "Wonen",
        "Werk & participatie",
        "Onderwijs & opvoeding",
        "Veiligheid & criminaliteit",
        "Gezondheid, zorg & hulpverlening",
        "Samenleven & integratie",
        "Leefomgeving & openbare ruimte",
        "Duurzaamheid",
    ]
    explainers = ExplainerPage.objects.live().order_by("path")
    assert [p.url for p in explainers] == [
        "/integrale-wijkaanpak/wat-is-een-integrale-wijkaanpak/",
        "/integrale-wijkaanpak/wanneer-is-een-integrale-wijkaanpak-nodig/",
        "/integrale-wijkaanpak/welke-partijen-zijn-betrokken/",
        "/integrale-wijkaanpak/wijk-of-buurt/",
        "/integrale-wijkaanpak/beleidsgeschiedenis/",
        "/integrale-wijkaanpak/meer-informatie-en-handvatten/",
    ]
    assert ArticlePage.objects.live().count() >= 12
    events = list(EventPage.objects.live())
    assert len(events) >= 6
    assert any(e.is_past for e in events) and any(not e.is_past for e in events)
    for theme in Theme.objects.all():
        assert ArticlePage.objects.filter(themes=theme).exists(), theme
    assert Page.find_problems() == ([], [], [], [], [])


def test_demo_text_is_our_own_words():
    """No run of 12 words may come from the seed page (the same check the project's hook runs)."""
    if not SEED.exists():
        # The seed lives beside the repository in the team's workspace (and CI), not in it: its
        # sentences must not be copied in. Elsewhere there is nothing to compare with.
        if os.environ.get("CI"):
            pytest.fail(f"the seed page is missing at {SEED}")
        pytest.skip(f"no seed page at {SEED} to compare with")
    words = re.findall(r"\w+", SEED.read_text(encoding="utf-8").lower())
    runs = {" ".join(words[i : i + 12]) for i in range(len(words) - 11)}
    source = Path(demo_data.__file__).read_text(encoding="utf-8")
    ours = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", source).lower())
    copied = [" ".join(ours[i : i + 12]) for i in range(len(ours) - 11)]
    assert not [run for run in copied if run in runs]


def test_scaling_up_builds_a_valid_tree_in_bulk(client, demo):
    call_command(
        "load_demo_content",
        articles=300,
        events=40,
        themes=12,
        organisations=20,
        authors=15,
        verbosity=0,
    )
    assert ArticlePage.objects.count() == 300
    assert EventPage.objects.count() == 40
    assert (Theme.objects.count(), Organisation.objects.count(), Author.objects.count()) == (
        12,
        20,
        15,
    )
    assert Page.find_problems() == ([], [], [], [], [])
    generated = ArticlePage.objects.filter(slug__startswith="demo-artikel-").order_by("pk").last()
    response = client.get(generated.url)
    assert response.status_code == 200
    assert generated.article_authors.count() == 2
    assert "Pagina 1 van 25" in client.get("/artikelen/").content.decode()
    indexed = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), object_id=str(generated.pk)
    )
    assert indexed.exists(), "bulk-created pages must be in the search index"

    before = snapshot()
    call_command("load_demo_content", articles=300, events=40, verbosity=0)
    assert snapshot() == before
