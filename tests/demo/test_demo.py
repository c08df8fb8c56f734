"""The demo content: idempotent, complete, in our own words, and fast to scale up.

The one place the tests run the demo command: every other test builds what it needs.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader
from wagtail.documents.models import Document
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from articles.documents import document_text
from articles.models import (
    PLACE_PARENTS,
    ArticlePage,
    ArticlePagePlace,
    Author,
    DossierPage,
    EventPage,
    EventPagePlace,
    ExplainerPage,
    HomePageFeatured,
    Organisation,
    Place,
    PracticeExamplePage,
    PracticeExamplePartner,
    PublicationPage,
    PublicationPageDocument,
    PublicationPagePlace,
    Theme,
    ThemeFeatured,
)
from demo import builder
from demo import data as demo_data
from pagecache.versions import content_changed

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "integrale-wijkaanpak.txt"
DEMO_SOURCES = sorted((Path(settings.BASE_DIR) / "demo").glob("*.py"))


def snapshot():
    def rows(model, *fields):
        return list(model.objects.order_by("pk").values_list("pk", *fields))

    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "pk", "path", "numchild", "title", "live", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "themes": rows(Theme, "slug", "name"),
        "organisations": rows(Organisation, "slug"),
        "authors": rows(Author, "slug", "organisation"),
        "places": rows(Place, "slug", "parent", "level", "name", "description"),
        "place links": rows(ArticlePagePlace, "page", "place", "sort_order")
        + rows(EventPagePlace, "page", "place", "sort_order")
        + rows(PublicationPagePlace, "page", "place", "sort_order"),
        "documents": rows(Document, "title", "file", "file_hash"),
        "links": rows(ArticlePage.themes.through),
        "kinds": rows(ArticlePage, "kind"),
        "files": rows(PublicationPageDocument, "page", "document"),
        "partners": rows(PracticeExamplePartner, "page", "organisation"),
        "featured": rows(HomePageFeatured, "linked_page") + rows(ThemeFeatured, "linked_page"),
    }


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def demo(media_root):
    """The demo site, built by its command on the bare page tree every test database has."""
    call_command("load_demo_content", verbosity=0)


def test_a_second_run_changes_nothing(demo, media_root):
    before = snapshot()
    files = sorted(media_root.rglob("*.pdf"))
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before
    assert sorted(media_root.rglob("*.pdf")) == files


def test_a_new_database_beside_the_same_media_writes_no_second_copy_of_a_pdf(demo, media_root):
    files = sorted(media_root.rglob("*.pdf"))
    assert len(files) == len(demo_data.PUBLICATIONS)
    PublicationPage.objects.all().delete()
    # Wagtail removes a deleted document's file on commit, which a test never reaches: the files
    # stay, as they do beside a new database.
    Document.objects.all().delete()

    call_command("load_demo_content", verbosity=0)

    assert sorted(media_root.rglob("*.pdf")) == files
    assert Document.objects.count() == len(files)
    for document in Document.objects.all():
        assert document.file.size == document.file_size and document.file_hash


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
    assert set(ArticlePage.objects.values_list("kind", flat=True)) == {
        "nieuws",
        "achtergrond",
        "interview",
        "opinie",
        "column",
    }
    events = list(EventPage.objects.live())
    assert len(events) >= 6
    assert any(e.is_past for e in events) and any(not e.is_past for e in events)
    for theme in Theme.objects.all():
        assert ArticlePage.objects.filter(themes=theme).exists(), theme

    publications = PublicationPage.objects.live()
    assert {p.url for p in publications} >= {
        "/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/",
        "/publicaties/perspectief-bieden/",
        "/publicaties/slagkracht-in-de-wijk/",
    }
    assert all(p.documents.count() == 1 and p.publisher_id for p in publications)
    assert 4 <= PracticeExamplePage.objects.live().count() <= 6
    assert 2 <= DossierPage.objects.live().count() <= 3
    assert Page.find_problems() == ([], [], [], [], [])


def test_practice_examples_are_invented_valid_and_placed(demo):
    for page in PracticeExamplePage.objects.select_related("area__parent", "municipality"):
        page.full_clean()
        assert page.fictional
        assert page.municipality.level == "gemeente" and page.municipality.parent_id is None
        assert page.area.level in ("focusgebied", "wijk", "buurt")
        assert page.partner_links.count() >= 2
        assert page.approach and page.results and page.lessons
        assert page.contact_email.startswith("info@") and page.contact_email.endswith(".example")
    for place in Place.objects.select_related("parent"):
        place.full_clean()
        if place.parent_id:
            assert place.parent.level in PLACE_PARENTS[place.level]


#: The 20 stedelijke focusgebieden of the Nationaal Programma Leefbaarheid en Veiligheid in their
#: 19 gemeenten (Staatscourant 2023-25879).
NPLV = {
    "Leeuwarden-Oost": "Leeuwarden",
    "Groningen Noord": "Groningen",
    "Arnhem Oost": "Arnhem",
    "Heerlen Noord": "Heerlen",
    "Breda Noord": "Breda",
    "Eindhoven Woensel-Zuid": "Eindhoven",
    "Tilburg Noordwest": "Tilburg",
    "Schiedam Nieuwland-Oost": "Schiedam",
    "Rotterdam-Zuid": "Rotterdam",
    "Den Haag Zuidwest": "Den Haag",
    "Amsterdam Zuidoost": "Amsterdam",
    "Amsterdam Nieuw-West": "Amsterdam",
    "Zaandam Oost": "Zaanstad",
    "Lelystad Oost": "Lelystad",
    "Utrecht Overvecht": "Utrecht",
    "Nieuwegein Centrale-As": "Nieuwegein",
    "Vlaardingen West": "Vlaardingen",
    "Delft West": "Delft",
    "Dordrecht West": "Dordrecht",
    "Roosendaal-stad": "Roosendaal",
}


def test_the_demo_names_the_nplv_focusgebieden_in_their_gemeenten(demo):
    focus = dict(Place.objects.filter(level="focusgebied").values_list("name", "parent__name"))
    assert focus == NPLV
    assert len(set(focus.values())) == 19
    assert not Place.objects.filter(level="focusgebied").exclude(parent__level="gemeente")
    # The earlier demo's wijken and buurten lie in their focusgebied now.
    bloemhof = Place.objects.get(slug="rotterdam-bloemhof")
    assert [bloemhof.parent.name, bloemhof.parent.parent.name] == ["Feijenoord", "Rotterdam-Zuid"]


def test_every_demo_article_names_one_or_two_invented_places(demo, client):
    invented = {"havenstad", "bergdijk"}
    for article in ArticlePage.objects.filter(slug__in=[a["slug"] for a in demo_data.ARTICLES]):
        places = [link.place for link in article.place_links.select_related("place")]
        assert 1 <= len(places) <= 2, article.slug
        assert {place.gemeente.slug for place in places} <= invented, article.slug
        assert all("erzonnen" in place.gemeente.description for place in places)
    html = client.get("/gebieden/havenstad/").content.decode()
    assert "Zo stelde Oosterkwartier samen een wijkprogramma op" in html  # about its wijk
    assert "Bewoners betrekken: vijf lessen uit Lindenhof" in html  # about a buurt in the wijk


def test_an_older_demo_database_gets_the_focusgebieden_and_the_places_of_its_pages(demo):
    """As an earlier builder left it: the wijken in their gemeente, no focusgebieden, pages
    that name no place. Places and pages an editor changed are left as they are."""
    earlier = demo_data.EARLIER_PLACES
    Place.objects.filter(level="focusgebied").exclude(slug="utrecht-overvecht").update(parent=None)
    for slug, (name, level, parent, description) in earlier.items():
        Place.objects.filter(slug=slug).update(
            name=name,
            level=level,
            description=description,
            parent=Place.objects.filter(slug=parent).first(),
        )
    Place.objects.filter(slug="den-haag-moerwijk").update(description="Door de redactie.")
    ArticlePagePlace.objects.all().delete()
    EventPagePlace.objects.all().delete()
    edited = ArticlePage.objects.get(slug="gezond-opgroeien-in-dijkzicht")
    edited.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    overvecht = Place.objects.select_related("parent").get(slug="utrecht-overvecht")
    assert (overvecht.name, overvecht.level, overvecht.parent.slug) == (
        "Utrecht Overvecht",
        "focusgebied",
        "utrecht",
    )
    assert Place.objects.get(slug="rotterdam-feijenoord").parent.slug == "rotterdam-zuid"
    assert Place.objects.get(slug="den-haag-moerwijk").parent.slug == "den-haag"  # edited
    assert (
        ArticlePagePlace.objects.filter(
            page__slug="tien-jaar-wijkaanpak-in-bergdijk-wat-hebben-we-geleerd"
        ).count()
        == 2
    )
    assert not ArticlePagePlace.objects.filter(page=edited).exists()
    assert EventPagePlace.objects.filter(page__slug="groendag-dijkzicht").exists()
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_explainers_dossiers_and_featured_rows_link_the_new_content(demo):
    def block_types(slug):
        return [block.block_type for block in ExplainerPage.objects.get(slug=slug).body]

    assert "timeline" in block_types("beleidsgeschiedenis")
    assert "steps" in block_types("wanneer-is-een-integrale-wijkaanpak-nodig")
    assert "accordion" in block_types("welke-partijen-zijn-betrokken")
    assert "table" in block_types("wijk-of-buurt")
    assert "video" in block_types("wat-is-een-integrale-wijkaanpak")

    more = ExplainerPage.objects.get(slug="meer-informatie-en-handvatten")
    linked = {int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', str(more.body.raw_data))}
    titles = set(Page.objects.filter(pk__in=linked).values_list("title", flat=True))
    assert {"75 jaar stedelijke vernieuwing en wijkaanpak", "Perspectief bieden"} <= titles
    assert "Slagkracht in de wijk" in titles
    # No address placeholder is left behind: every link and choice became a page id.
    for page in [*ExplainerPage.objects.all(), *DossierPage.objects.all()]:
        assert 'id="/' not in str(page.body.raw_data)

    for dossier in DossierPage.objects.all():
        sections = list(dossier.sections)
        assert 2 <= len(sections) <= 3
        chosen = [page for section in sections for page in section.value["pages"]]
        assert len({type(page.specific) for page in chosen}) >= 2
    home_row = HomePageFeatured.objects.order_by("sort_order")
    assert 3 <= home_row.count() <= 4
    assert len({row.linked_page.content_type_id for row in home_row}) >= 3
    assert ThemeFeatured.objects.values("theme").distinct().count() in (1, 2)


def test_every_page_the_demo_data_links_to_exists(demo):
    paths = builder._page_refs([demo_data.EXPLAINERS, demo_data.PUBLICATIONS])
    paths |= {
        path
        for dossier in demo_data.DOSSIERS
        for section in dossier["sections"]
        for path in section["pages"]
    }
    paths |= {*demo_data.HOME_FEATURED, *sum(demo_data.THEME_FEATURED.values(), [])}
    assert len(paths) > 30
    assert set(builder._page_ids(paths)) == paths


def every_demo_url():
    return [page.url for page in Page.objects.live().filter(depth__gt=1).specific()] + [
        "/themas/wonen/",
        "/themas/veiligheid-en-criminaliteit/",
        "/organisaties/platform31/",
    ]


def test_every_demo_page_renders(client, demo):
    urls = every_demo_url()
    assert "/dossiers/kansrijk-opgroeien/" in urls and "/praktijkvoorbeelden/" in urls
    for url in urls:
        assert client.get(url).status_code == 200, url
    example = client.get(
        "/praktijkvoorbeelden/samen-tegen-overlast-in-de-portiekflats-van-overvecht/"
    ).content.decode()
    assert "verzonnen voorbeeld" in example and "Overvecht, Utrecht" in example
    history = client.get("/integrale-wijkaanpak/beleidsgeschiedenis/").content.decode()
    assert "Sinds 2022" in history and "/publicaties/75-jaar-stedelijke" in history
    home = client.get("/").content.decode()
    assert "/publicaties/slagkracht-in-de-wijk/" in home


def render_queries(client, url) -> int:
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"  # past the visitors' page cache
    content_changed()
    client.get(url)
    content_changed()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", [PublicationPage, PracticeExamplePage])
def test_demo_pages_of_one_type_render_in_the_same_number_of_queries(client, demo, model):
    """Pages with more authors, partners or themes cost no extra queries."""
    counts = {page.url: render_queries(client, page.url) for page in model.objects.live()}
    assert len(set(counts.values())) == 1, counts


def test_a_demo_dossier_with_more_chosen_pages_costs_no_more_queries(client, demo):
    """A dossier reads its pages per content type, so twice the pages (of the same types) cost
    the same."""
    dossier = DossierPage.objects.get(slug="veiligheid-en-leefbaarheid")
    before = render_queries(client, dossier.url)
    sections = list(dossier.sections.raw_data)
    dossier.sections = sections + [{**section, "id": None} for section in sections]
    dossier.save_revision().publish()
    assert len(dossier.sections) == 2 * len(sections)
    assert render_queries(client, dossier.url) == before


def test_the_generated_pdfs_are_valid_demo_documents_with_text(demo, client):
    documents = Document.objects.filter(pk__in=PublicationPageDocument.objects.values("document"))
    assert documents.count() == len(demo_data.PUBLICATIONS)
    for document in documents:
        with document.open_file() as file:
            content = file.read()
        assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        reader = PdfReader(io.BytesIO(content))
        assert len(reader.pages) == 2
        text = " ".join(document_text(document).split()).lower()
        assert "demodocument van wijkportaal" in text
        assert "niet de oorspronkelijke publicatie" in text
        assert "samenvatting in eigen woorden" in text
        assert document.file_size == len(content)
        assert client.get(document.url).status_code == 200

    # A word that appears only in a PDF finds the publication it belongs to.
    response = client.get("/zoeken/", {"q": "lantaarn"})
    assert "/publicaties/factsheet-datatafels-in-de-wijk/" in response.content.decode()


def test_an_older_demo_database_gets_the_new_explainer_blocks_but_no_editor_is_overruled(
    demo, monkeypatch
):
    old_body = [demo_data.h2("Oud"), demo_data.p("Wat een eerdere bouwer schreef.")]
    earlier = {builder.body_fingerprint(old_body)}
    monkeypatch.setattr(
        demo_data, "EARLIER_EXPLAINER_BODIES", {e["slug"]: earlier for e in demo_data.EXPLAINERS}
    )
    pages = {page.slug: page for page in ExplainerPage.objects.all()}
    untouched = pages["beleidsgeschiedenis"]
    edited = pages["wijk-of-buurt"]
    drafted = pages["welke-partijen-zijn-betrokken"]
    for page in (untouched, edited, drafted):
        page.body = old_body
        page.save()
    edited.body = [*old_body, demo_data.p("Een zin van de redactie.")]
    edited.save_revision().publish()
    drafted.body = [*old_body, demo_data.p("Een concept van de redactie.")]
    drafted.save_revision()

    call_command("load_demo_content", verbosity=0)

    untouched.refresh_from_db()
    assert [b.block_type for b in untouched.body] == [
        block["type"]
        for block in next(e for e in demo_data.EXPLAINERS if e["slug"] == untouched.slug)["body"]
    ]
    assert untouched.live_revision is not None and not untouched.has_unpublished_changes
    edited.refresh_from_db()
    assert "Een zin van de redactie." in str(edited.body.raw_data)
    drafted.refresh_from_db()
    assert drafted.has_unpublished_changes
    assert "Een concept van de redactie." in str(
        drafted.get_latest_revision_as_object().body.raw_data
    )
    assert [b.block_type for b in drafted.body] == ["heading", "paragraph"]

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_a_stored_explainer_body_fingerprints_like_its_data_in_any_database(demo):
    """So a later builder can recognise today's bodies: their page ids are read back as the
    addresses the data names them by."""
    pages = {page.slug: page for page in ExplainerPage.objects.all()}
    for data in demo_data.EXPLAINERS:
        stored = builder.stored_fingerprint(pages[data["slug"]].body.raw_data)
        assert stored == builder.body_fingerprint(data["body"]), data["slug"]
    assert builder.stored_fingerprint([demo_data.p("Anders.")]) != stored


def test_old_demo_articles_get_their_kind_unless_an_editor_saved_them(demo):
    ArticlePage.objects.update(kind="nieuws")
    saved = ArticlePage.objects.get(slug="interview-een-wijkaanpak-vraagt-een-lange-adem")
    saved.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    kinds = dict(ArticlePage.objects.values_list("slug", "kind"))
    assert kinds[saved.slug] == "nieuws"
    assert kinds["de-brede-school-als-spil-in-hoge-akkers"] == "interview"
    assert kinds["renoveren-zonder-de-buurt-uit-elkaar-te-trekken"] == "opinie"


def test_demo_text_is_our_own_words():
    """No run of 12 words may come from the seed page (the same check the project's hook runs):
    not in the demo's data, nor in the text it writes into PDFs."""
    if not SEED.exists():
        # The seed lives beside the repository in the team's workspace (and CI), not in it: its
        # sentences must not be copied in. Elsewhere there is nothing to compare with.
        if os.environ.get("CI"):
            pytest.fail(f"the seed page is missing at {SEED}")
        pytest.skip(f"no seed page at {SEED} to compare with")
    words = re.findall(r"\w+", SEED.read_text(encoding="utf-8").lower())
    runs = {" ".join(words[i : i + 12]) for i in range(len(words) - 11)}
    assert any(path.name == "data.py" for path in DEMO_SOURCES)
    for path in DEMO_SOURCES:
        source = path.read_text(encoding="utf-8")
        ours = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", source).lower())
        copied = [" ".join(ours[i : i + 12]) for i in range(len(ours) - 11)]
        assert not [run for run in copied if run in runs], path


def test_scaling_up_builds_a_valid_tree_in_bulk(client, demo):
    call_command(
        "load_demo_content",
        articles=300,
        events=40,
        themes=12,
        organisations=20,
        authors=15,
        places=200,
        verbosity=0,
    )
    assert ArticlePage.objects.count() == 300
    assert Place.objects.count() == 200
    generated_places = Place.objects.filter(slug__startswith="demo-gebied-")
    assert {place.level for place in generated_places} == {"wijk", "buurt"}
    for place in generated_places.select_related("parent"):
        assert place.parent.level in PLACE_PARENTS[place.level]
    assert ArticlePagePlace.objects.filter(page__slug__startswith="demo-artikel-").count() > 280
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
    assert (
        ArticlePage.objects.filter(slug__startswith="demo-artikel-")
        .values("kind")
        .distinct()
        .count()
        == 5
    )
    assert "Pagina 1 van 25" in client.get("/artikelen/").content.decode()
    indexed = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), object_id=str(generated.pk)
    )
    assert indexed.exists(), "bulk-created pages must be in the search index"

    before = snapshot()
    call_command("load_demo_content", articles=300, events=40, places=200, verbosity=0)
    assert snapshot() == before
