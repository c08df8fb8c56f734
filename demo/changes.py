"""Change notes for the demo: an explainer and a publication that changed in substance twice, so
the "Wijzigingen" list, "Laatst inhoudelijk gewijzigd op" and the leeslijst mark have something
to show. Written as rows (the demo pages have no revisions); days are counted back from the day
the demo is loaded."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from articles.models import ChangeNote

#: {the page's address: [(days before loading, the note)]}.
CHANGE_NOTES = {
    "/integrale-wijkaanpak/beleidsgeschiedenis/": [
        (
            96,
            "Het Nationaal Programma Leefbaarheid en Veiligheid heeft een eigen periode in de "
            "tijdlijn gekregen, met de twintig stedelijke focusgebieden en hoe gemeenten en Rijk "
            "daar samenwerken.",
        ),
        (
            12,
            "De alinea over de Volkshuisvestingsfondsen is herschreven: wat de regeling betaalt, "
            "voor welke wijken, en hoe die aansluit op de wijkaanpak van gemeenten.",
        ),
    ],
    "/publicaties/75-jaar-stedelijke-vernieuwing-en-wijkaanpak/": [
        (
            58,
            "Het hoofdstuk over de Wijkenaanpak van 2007 is aangevuld met de evaluaties die "
            "daarna verschenen.",
        ),
        (
            4,
            "Nieuw slothoofdstuk over de eerste jaren van het Nationaal Programma Leefbaarheid en "
            "Veiligheid; de literatuurlijst is bijgewerkt.",
        ),
    ],
}


def demo_change_notes_ensure(today: datetime.date) -> None:
    """Give each page above its notes, unless it has change notes already (a second run, or an
    editor noted changes of their own)."""
    root = Site.objects.get(is_default_site=True).root_page.url_path.rstrip("/")
    pages = dict(
        Page.objects.filter(url_path__in=[root + path for path in CHANGE_NOTES]).values_list(
            "url_path", "pk"
        )
    )
    noted = set(
        ChangeNote.objects.filter(page_id__in=pages.values()).values_list("page_id", flat=True)
    )
    ChangeNote.objects.bulk_create(
        ChangeNote(
            page_id=pages[root + path],
            published_at=timezone.make_aware(
                datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time(10))
            ),
            note=note,
        )
        for path, notes in CHANGE_NOTES.items()
        if root + path in pages and pages[root + path] not in noted
        for days, note in notes
    )
