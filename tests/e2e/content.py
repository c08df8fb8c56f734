"""What the browser tests look at, built in the test server's database before it starts:
`manage.py shell -c "from tests.e2e.content import build; build()"`.

One or more of every kind of page and term, with bodies that use every block, so axe and the
layout checks see what real content puts on the screen; two pages of articles; events to come
and past ones; the theme Wonen the follow test follows; and the word "buurten" the search test
looks for.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document

from articles.models import ArticleIndexPage, EventIndexPage, ExplainerIndexPage
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    ExplainerPageFactory,
    InformationPageFactory,
    OrganisationFactory,
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
    pdf = b"%PDF-1.4\n" + b"0" * 250_000
    document = Document.objects.create(
        title="Handreiking wijkaanpak",
        file=ContentFile(pdf, name="handreiking-wijkaanpak.pdf"),
        file_size=len(pdf),
    )
    explainer.body = blocks_body(document, other)
    explainer.save()
    for title, slug in (("Toegankelijkheid", "toegankelijkheid"), ("Privacy", "privacy")):
        InformationPageFactory(parent=home, title=title, slug=slug, body=RICH_BODY)

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
