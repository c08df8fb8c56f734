"""What the browser tests look at, built in the test server's database before it starts:
`manage.py shell -c "from tests.e2e.content import build; build()"`.

One or more of every kind of page and term, with bodies that use every block, so axe and the
layout checks see what real content puts on the screen; two pages of articles; events to come
and past ones; the theme Wonen the follow test follows; the word "buurten" the search test
looks for; places (a gemeente, a focusgebied, a wijk and a buurt that pages name); and the
knowledge base (publications with a real PDF, a praktijkvoorbeeld, a dossier,
"Uitgelicht" rows) that test_knowledge.py uses.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from fpdf import FPDF
from wagtail.documents.models import Document

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    DossierIndexPage,
    EventIndexPage,
    EventPage,
    ExplainerIndexPage,
    HomePageFeatured,
    PracticeExampleIndexPage,
    PublicationIndexPage,
    ThemeFeatured,
)
from demo.data import ACCESSIBILITY_STATEMENT
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    DossierPageFactory,
    EventPageFactory,
    ExplainerPageFactory,
    InformationPageFactory,
    OrganisationFactory,
    PlaceFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    ThemeFactory,
    page_tree_build,
)

RICH_BODY = [
    {"type": "heading", "value": {"text": "Waar het om gaat", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>In veel <b>buurten</b> werken bewoners, de gemeente en de corporatie samen. Lees "
            'ook de <a href="/integrale-wijkaanpak/">uitleg over de wijkaanpak</a>.</p>'
            "<ul><li>Korte lijnen</li><li>Een gedeeld beeld</li><li>Geduld</li></ul>"
        ),
    },
    {"type": "heading", "value": {"text": "Wat bewoners zeggen", "level": "h3"}},
    {
        "type": "quote",
        "value": {"quote": "Je moet elkaar eerst leren kennen.", "attribution": "Een bewoner"},
    },
    {
        "type": "paragraph",
        "value": "<ol><li>Luisteren</li><li>Afspreken</li><li>Terugkijken</li></ol>",
    },
]


#: The video tests/e2e/test_embed.py plays.
VIDEO = {
    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "title": "Wijkaanpak in Havenstad",
    "transcript": "<p>Een bewoner vertelt hoe de buurt samen met de gemeente aan de slag ging.</p>",
}


def blocks_body(document, page) -> list[dict]:
    """RICH_BODY and one of each of the other body blocks (articles.blocks), for the explainer
    page the accessibility checks and the video test visit."""
    return [
        *RICH_BODY,
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "table",
            "value": {
                "data": [
                    ["Periode", "Programma", "Wijken"],
                    ["2007–2011", "Krachtwijken", "40"],
                    ["2022–2032", "Leefbaarheid en veiligheid", "20"],
                ],
                "table_caption": "Landelijke wijkprogramma's",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
        {
            "type": "accordion",
            "value": {
                "title": "Veelgestelde vragen",
                "panels": [
                    {
                        "title": "Wie betaalt de aanpak?",
                        "text": "<p>Gemeente en partners samen.</p>",
                    },
                    {"title": "Hoe lang duurt het?", "text": "<p>Vaak tien jaar of langer.</p>"},
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "title": "In vijf stappen naar een wijkaanpak",
                "intro": "Zo begin je in je eigen wijk.",
                "steps": [
                    {
                        "title": title,
                        "text": f"<p>{text}</p>",
                        "links": [{"page": page.pk, "title": ""}] if n == 0 else [],
                    }
                    for n, (title, text) in enumerate(
                        [
                            ("Verken de wijk", "Praat met bewoners en verzamel cijfers."),
                            ("Zoek partners", "Corporatie, zorg, school en politie."),
                            ("Maak een gedeeld beeld", "Wat gaat goed, wat moet beter?"),
                            ("Spreek doelen af", "Concreet en voor tien jaar."),
                            ("Kijk terug", "Meet elk jaar en stel bij."),
                        ]
                    )
                ],
            },
        },
        {
            "type": "timeline",
            "value": {
                "title": "Beleid door de jaren",
                "entries": [
                    {
                        "period": "2007–2011",
                        "title": "Krachtwijken",
                        "text": "<p>Veertig wijken.</p>",
                    },
                    {"period": "sinds 2022", "title": "Leefbaarheid en veiligheid", "text": ""},
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Zelf aan de slag?",
                "text": "Lees wat een wijkaanpak vraagt.",
                "page": page.pk,
                "url": "",
                "label": "Naar de uitleg",
            },
        },
        {"type": "video", "value": VIDEO},
    ]


@transaction.atomic
def build() -> None:
    home = page_tree_build()
    wonen = ThemeFactory(name="Wonen", slug="wonen", description="Betaalbaar en prettig wonen.")
    themes = [wonen, ThemeFactory(name="Werk & participatie", slug="werk-en-participatie")]
    organisations = [OrganisationFactory(name=f"Buurtteam {n}") for n in ("Noord", "Zuid")]
    authors = [
        AuthorFactory(name=name, organisation=organisation)
        for name, organisation in zip(
            ("Sanne de Vries", "Ruben Kalkman"), organisations, strict=True
        )
    ]

    explainers = ExplainerIndexPage.objects.get()
    explainer = ExplainerPageFactory(
        parent=explainers,
        title="Wat is een integrale wijkaanpak?",
        slug="wat-is-een-integrale-wijkaanpak",
        body=RICH_BODY,
    )
    other = ExplainerPageFactory(parent=explainers, title="Wijk of buurt?", slug="wijk-of-buurt")
    changed_explainer_build(explainers)
    pdf = b"%PDF-1.4\n" + b"0" * 250_000
    document = Document.objects.create(
        title="Handreiking wijkaanpak",
        file=ContentFile(pdf, name="handreiking-wijkaanpak.pdf"),
        file_size=len(pdf),
    )
    explainer.body = blocks_body(document, other)
    explainer.save()
    # The statement as the demo has it, so the checks see its lists and headings.
    InformationPageFactory(
        parent=home, title="Toegankelijkheid", slug="toegankelijkheid", body=ACCESSIBILITY_STATEMENT
    )
    InformationPageFactory(parent=home, title="Privacy", slug="privacy", body=RICH_BODY)

    articles = ArticleIndexPage.objects.get()
    today = timezone.localdate()
    for n in range(14):
        ArticlePageFactory(
            parent=articles,
            title=f"Samen werken in de buurten van Havenstad, deel {n + 1}",
            intro="Hoe bewoners en professionals in buurten samen optrekken.",
            body=RICH_BODY,
            publication_date=today - datetime.timedelta(days=n),
            terms__themes=themes[: 1 + n % 2],
            terms__organisations=[organisations[n % 2]],
            terms__authors=authors[: 1 + n % 2],
        )

    events = EventIndexPage.objects.get()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n, days in enumerate((7, 14, 30, -10, -40)):
        start = now + datetime.timedelta(days=days)
        EventPageFactory(
            parent=events,
            title=f"Buurtavond over wonen {n + 1}",
            body=RICH_BODY,
            start=start,
            end=start + datetime.timedelta(hours=2),
            online_url="https://wijkportaal.example/online/" if n == 1 else "",
            registration_url="https://wijkportaal.example/aanmelden/",
            terms__themes=themes[: 1 + n % 2],
            terms__organisations=[organisations[n % 2]],
        )

    knowledge_base_build(
        home=home,
        themes=themes,
        organisations=organisations,
        authors=authors,
        explainer=explainer,
        article=ArticlePage.objects.order_by("-publication_date", "-pk").first(),
    )


# Knowledge base (Kennisbank) ------------------------------------------------------------------
# Publications with a real PDF to download, a praktijkvoorbeeld in a wijk of a gemeente, a dossier
# with two sections, "Uitgelicht" rows on the home page and on a theme of their own. The addresses
# below are the ones tests/e2e/support.py (PAGES) and tests/e2e/test_knowledge.py visit.

PUBLICATION_SLUG = "handreiking-samen-werken-in-de-wijk"
OTHER_PUBLICATION_SLUG = "onderzoek-leefbaarheid-in-havenstad"
PRACTICE_EXAMPLE_SLUG = "buurtteams-in-oosterkwartier"
DOSSIER_SLUG = "leefbare-buurten"
FEATURED_THEME_SLUG = "leefbaarheid"


def _places_name(pages, choices) -> None:
    """Let each of `pages` name the places of `choices`, in turn (through their place links)."""
    for number, page in enumerate(pages):
        links = page._meta.get_field("place_links").related_model
        for order, place in enumerate(choices[number % len(choices)]):
            links.objects.create(page=page, place=place, sort_order=order)


def pdf_bytes(title: str) -> bytes:
    """A small but real PDF (one page, selectable text), as an editor would upload it."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Een testdocument van Wijkportaal over samenwerken in de wijk.")
    return bytes(pdf.output())


def pdf_document(title: str, filename: str) -> Document:
    content = pdf_bytes(title)
    return Document.objects.create(
        title=title, file=ContentFile(content, name=filename), file_size=len(content)
    )


def knowledge_base_build(*, home, themes, organisations, authors, explainer, article) -> None:
    theme = ThemeFactory(
        name="Leefbaarheid",
        slug=FEATURED_THEME_SLUG,
        description="Schone, hele en veilige buurten waar mensen elkaar kennen.",
    )
    housing = OrganisationFactory(name="Woonstichting Havenstad", slug="woonstichting-havenstad")

    publications = PublicationIndexPage.objects.get()
    publication = PublicationPageFactory(
        parent=publications,
        title="Handreiking: samen werken in de wijk",
        slug=PUBLICATION_SLUG,
        intro="Hoe gemeente, corporatie, zorg en bewoners een wijkaanpak samen opzetten.",
        body=RICH_BODY,
        kind="handreiking",
        year=2025,
        publisher=organisations[0],
        terms__themes=[theme, themes[0]],
        terms__authors=authors,
        files=[pdf_document("Handreiking samen werken in de wijk", "handreiking-wijk.pdf")],
    )
    PublicationPageFactory(
        parent=publications,
        title="Onderzoek: leefbaarheid in Havenstad",
        slug=OTHER_PUBLICATION_SLUG,
        intro="Wat bewoners van hun buurt vinden, in cijfers.",
        kind="onderzoek",
        year=2023,
        publisher=housing,
        terms__themes=[theme],
        files=[pdf_document("Onderzoek leefbaarheid in Havenstad", "onderzoek-havenstad.pdf")],
    )

    gemeente = PlaceFactory(
        name="Havenstad",
        slug="havenstad",
        level="gemeente",
        description="Een verzonnen gemeente aan het water.",
    )
    focus = PlaceFactory(
        name="Havenstad-Oost",
        slug="havenstad-oost",
        level="focusgebied",
        parent=gemeente,
        description="Een verzonnen focusgebied met drie wijken.",
    )
    wijk = PlaceFactory(name="Oosterkwartier", slug="oosterkwartier", level="wijk", parent=focus)
    buurt = PlaceFactory(name="Lindenhof", slug="lindenhof", level="buurt", parent=wijk)
    PlaceFactory(name="Rivierdal", slug="rivierdal", level="gemeente")
    _places_name(
        ArticlePage.objects.order_by("-publication_date", "-pk")[:6], [[buurt], [wijk], [focus]]
    )
    _places_name(EventPage.objects.order_by("-start")[:2], [[wijk], [buurt, focus]])
    example = PracticeExamplePageFactory(
        parent=PracticeExampleIndexPage.objects.get(),
        title="Buurtteams in Oosterkwartier",
        slug=PRACTICE_EXAMPLE_SLUG,
        intro="Een vast team per buurt, met de corporatie en het wijkteam aan één tafel.",
        body=RICH_BODY,
        municipality=gemeente,
        area=wijk,
        approach="<p>Elke buurt kreeg een vast team.</p><ul><li>Eén loket</li><li>Korte lijnen</li></ul>",
        results="<p>Meldingen worden sneller opgepakt.</p>",
        lessons="<ol><li>Begin klein.</li><li>Houd vol.</li></ol>",
        start_year=2020,
        end_year=2024,
        status="afgerond",
        fictional=True,
        contact_organisation=housing,
        contact_email="info@woonstichting-havenstad.example",
        contact_url="https://woonstichting-havenstad.example/contact/",
        terms__themes=[theme],
        terms__organisations=[housing, organisations[0]],
    )

    dossier = DossierPageFactory(
        parent=DossierIndexPage.objects.get(),
        title="Leefbare buurten",
        slug=DOSSIER_SLUG,
        intro="Alles over samen werken aan schone, hele en veilige buurten.",
        body=RICH_BODY[:2],
        themes=[theme],
        sections=[("Aan de slag", [publication, example]), ("Achtergrond", [explainer, article])],
    )

    _places_name([publication], [[wijk]])
    ThemeFeatured.objects.bulk_create(
        ThemeFeatured(theme=theme, linked_page=page, sort_order=order)
        for order, page in enumerate([dossier, publication, example])
    )
    HomePageFeatured.objects.bulk_create(
        HomePageFeatured(page=home, linked_page=page, sort_order=order)
        for order, page in enumerate([publication, example, dossier])
    )


# Changes in substance -------------------------------------------------------------------------
# An explainer with two public change notes and a small correction between them: the page the
# checks in support.py (PAGES "uitleg-gewijzigd") and tests/e2e/test_changes.py visit.

CHANGED_EXPLAINER_SLUG = "beleidsgeschiedenis"


def changed_explainer_build(explainers) -> None:
    from articles.models import ChangeKind
    from tests.articles.changes import change_publish, published_before

    page = published_before(
        ExplainerPageFactory(
            parent=explainers,
            title="Beleidsgeschiedenis",
            slug=CHANGED_EXPLAINER_SLUG,
            intro="Van de Vogelaarwijken tot het Nationaal Programma Leefbaarheid en Veiligheid.",
            body=RICH_BODY,
        ),
        days=200,
    )
    now = timezone.now()
    change_publish(
        page,
        "Het Nationaal Programma Leefbaarheid en Veiligheid is toegevoegd, met de twintig "
        "stedelijke focusgebieden.",
        at=now - datetime.timedelta(days=90),
    )
    change_publish(page, kind=ChangeKind.MINOR)
    change_publish(
        page,
        "De paragraaf over de Volkshuisvestingsfondsen is bijgewerkt naar de regeling van dit jaar.",
        at=now - datetime.timedelta(days=6),
    )
