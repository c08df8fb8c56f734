"""Builds the demo site from code: the page tree, the terms and places, articles, events,
publications (with PDFs written here), practice examples, dossiers and featured pages.

Every function is idempotent: what exists (matched by slug, a document by its title) is left
alone, so a second run changes nothing. Two exceptions bring an older demo database up to date
without touching an editor's work: an explainer or information page whose body is still exactly
what an earlier builder wrote gets the current body (`_ensure_explainer`,
`_ensure_information_page`), and a demo article never edited in Wagtail gets its kind. The
hand-written content lives in `demo/data.py`; for benchmarks the `_top_up_*` functions add
generated items up to a requested total, created in bulk.
"""

import datetime
import hashlib
import json
import random
import re
import uuid
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search.backends import get_search_backend

from articles.models import (
    ARTICLE_KINDS,
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageOrganisation,
    ArticlePagePlace,
    Author,
    DossierIndexPage,
    DossierPage,
    EventIndexPage,
    EventPage,
    EventPageOrganisation,
    EventPagePlace,
    ExplainerIndexPage,
    ExplainerPage,
    HomePage,
    HomePageFeatured,
    InformationPage,
    Organisation,
    Place,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    PracticeExamplePartner,
    PublicationIndexPage,
    PublicationPage,
    PublicationPageAuthor,
    PublicationPageDocument,
    PublicationPagePlace,
    Theme,
    ThemeFeatured,
)
from demo import data as demo_data
from demo.changes import demo_change_notes_ensure
from demo.data import PageRef
from demo.pdfs import demo_pdf
from pagecache.versions import structure_changed
from search.index import documents_update

GENERATED_PREFIX = "demo"
BATCH_SIZE = 500


@transaction.atomic
def demo_content_load(
    *,
    articles: int = 0,
    events: int = 0,
    themes: int = 0,
    organisations: int = 0,
    authors: int = 0,
    places: int = 0,
    today: datetime.date | None = None,
) -> dict[str, int]:
    """Load the demo site; the numbers are totals to top up to with generated items."""
    today = today or timezone.localdate()
    home = _ensure_home()
    _ensure_terms()
    _ensure_places()
    explainer_index = _ensure_child(home, ExplainerIndexPage, demo_data.EXPLAINER_INDEX)
    article_index = _ensure_child(
        home,
        ArticleIndexPage,
        {
            "title": "Artikelen",
            "slug": "artikelen",
            "intro": "Nieuws, achtergronden en praktijkverhalen over de integrale wijkaanpak.",
        },
    )
    event_index = _ensure_child(
        home,
        EventIndexPage,
        {
            "title": "Evenementen",
            "slug": "evenementen",
            "intro": "Bijeenkomsten, webinars en wijkwandelingen voor iedereen die aan wijken werkt.",
        },
    )
    for info in demo_data.INFORMATION_PAGES:
        _ensure_information_page(home, info)
    publication_index = _ensure_child(home, PublicationIndexPage, demo_data.PUBLICATION_INDEX)
    example_index = _ensure_child(home, PracticeExampleIndexPage, demo_data.PRACTICE_EXAMPLE_INDEX)
    dossier_index = _ensure_child(home, DossierIndexPage, demo_data.DOSSIER_INDEX)

    for article in demo_data.ARTICLES:
        _ensure_article(article_index, article, today)
    _update_article_kinds()
    for event in demo_data.EVENTS:
        _ensure_event(event_index, event, today)
    links = _PageLinks()
    for publication in demo_data.PUBLICATIONS:
        _ensure_publication(publication_index, publication, today, links)
    for example in demo_data.PRACTICE_EXAMPLES:
        _ensure_practice_example(example_index, example, today)
    for explainer in demo_data.EXPLAINERS:
        _ensure_explainer(explainer_index, explainer, links)
    for dossier in demo_data.DOSSIERS:
        _ensure_dossier(dossier_index, dossier, links)
    links.fill()
    demo_change_notes_ensure(today)
    _ensure_page_places(ArticlePage, ArticlePagePlace, demo_data.ARTICLES)
    _ensure_page_places(EventPage, EventPagePlace, demo_data.EVENTS)
    _ensure_page_places(PublicationPage, PublicationPagePlace, demo_data.PUBLICATIONS)
    _ensure_featured(home)

    _top_up_terms(Theme, themes, "Thema")
    _top_up_terms(Organisation, organisations, "Organisatie")
    _top_up_terms(Author, authors, "Auteur")
    _top_up_places(places)
    _top_up_articles(article_index, articles, today)
    _top_up_events(event_index, events, today)
    # Pages made here are not published through Wagtail's signals: retire cached pages by hand.
    structure_changed()
    return {
        "articles": ArticlePage.objects.count(),
        "events": EventPage.objects.count(),
        "publications": PublicationPage.objects.count(),
        "practice examples": PracticeExamplePage.objects.count(),
        "dossiers": DossierPage.objects.count(),
        "themes": Theme.objects.count(),
        "organisations": Organisation.objects.count(),
        "authors": Author.objects.count(),
        "places": Place.objects.count(),
    }


def _ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a placeholder welcome page where the home page belongs.
        for placeholder in root.get_children().filter(
            content_type=ContentType.objects.get_for_model(Page)
        ):
            placeholder.delete()
        data = demo_data.HOME
        home = root.add_child(
            instance=HomePage(
                title=data["title"], slug="home", intro=data["intro"], body=data["body"]
            )
        )
    # The site's address comes from BASE_URL, so the sitemap and feeds name the real host.
    base = urlsplit(settings.BASE_URL)
    wanted = {
        "hostname": base.hostname or "localhost",
        "port": base.port or (443 if base.scheme == "https" else 80),
        "root_page_id": home.pk,
        "site_name": "Wijkportaal",
    }
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
    return home


def _ensure_terms() -> None:
    for data in demo_data.THEMES:
        Theme.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
    for data in demo_data.ORGANISATIONS:
        Organisation.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "website": data.get("website", ""),
            },
        )
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for data in demo_data.AUTHORS:
        Author.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "role": data["role"],
                "description": data["bio"],
                "organisation": organisations.get(data["organisation"]),
            },
        )


def _ensure_places() -> None:
    """Gemeenten, focusgebieden, wijken and buurten, each after the place it lies in. A place
    that still reads exactly as an earlier builder wrote it (`demo_data.EARLIER_PLACES`: before
    the focusgebieden, a wijk lay in its gemeente) is brought up to date; one an editor changed
    is left alone."""
    places = {
        place.slug: place
        for place in Place.objects.filter(
            slug__in=[data["slug"] for data in demo_data.PLACES]
        ).select_related("parent")
    }
    for data in demo_data.PLACES:
        place = places.get(data["slug"])
        if place is None:
            places[data["slug"]], _ = Place.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "level": data["level"],
                    "parent": places.get(data["parent"]),
                    "description": data["description"],
                },
            )
        elif _as_written(place) == demo_data.EARLIER_PLACES.get(data["slug"]):
            place.name, place.level = data["name"], data["level"]
            place.parent, place.description = places.get(data["parent"]), data["description"]
            place.save()


def _as_written(place: Place) -> tuple:
    parent = place.parent.slug if place.parent_id else None
    return (place.name, place.level, parent, place.description)


def _place_links(model, slugs: list[str]) -> list:
    """Orderable links to the places with these slugs, in this order."""
    found = {place.slug: place for place in Place.objects.filter(slug__in=slugs)}
    return [
        model(place=found[slug], sort_order=order)
        for order, slug in enumerate(slug for slug in slugs if slug in found)
    ]


def _ensure_page_places(model, link_model, items: list[dict]) -> None:
    """Give the demo pages of `model` made before pages named places their places, unless an
    editor has saved them since (any edit in Wagtail leaves a revision)."""
    wanted = {data["slug"]: data.get("places", []) for data in items if data.get("places")}
    pages = list(
        model.objects.filter(
            slug__in=wanted, latest_revision__isnull=True, place_links__isnull=True
        )
    )
    if not pages:
        return
    links = []
    for page in pages:
        for link in _place_links(link_model, wanted[page.slug]):
            link.page = page
            links.append(link)
    link_model.objects.bulk_create(links)
    documents_update(pages)


def _ensure_child(parent: Page, model, data: dict):
    existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    page = model(
        title=data["title"],
        slug=data["slug"],
        intro=data.get("intro", ""),
        body=data.get("body", []),
    )
    parent.add_child(instance=page)
    return page


def _ensure_article(index: ArticleIndexPage, data: dict, today: datetime.date) -> None:
    if ArticlePage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    published = today - datetime.timedelta(days=data["days_ago"])
    page = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        kind=data["kind"],
        intro=data["intro"],
        body=data["body"],
        publication_date=published,
        first_published_at=_at(published, 9),
    )
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    page.organisation_links = _organisation_links(ArticlePageOrganisation, data["organisations"])
    page.place_links = _place_links(ArticlePagePlace, data.get("places", []))
    authors = {a.slug: a for a in Author.objects.filter(slug__in=data["authors"])}
    page.article_authors = [
        ArticlePageAuthor(author=authors[slug], sort_order=order)
        for order, slug in enumerate(data["authors"])
    ]
    index.add_child(instance=page)


def _update_article_kinds() -> None:
    """Demo articles made before articles had a kind are all news: give them their own kind,
    unless an editor has saved them since (any edit in Wagtail leaves a revision)."""
    slugs_by_kind: dict[str, list[str]] = {}
    for data in demo_data.ARTICLES:
        slugs_by_kind.setdefault(data["kind"], []).append(data["slug"])
    default = ArticlePage._meta.get_field("kind").default
    for kind, slugs in slugs_by_kind.items():
        if kind != default:
            ArticlePage.objects.filter(
                slug__in=slugs, kind=default, latest_revision__isnull=True
            ).update(kind=kind)


def _ensure_event(index: EventIndexPage, data: dict, today: datetime.date) -> None:
    if EventPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    start = _at(today + datetime.timedelta(days=data["days_from_now"]), data["start_hour"])
    page = EventPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=data["body"],
        start=start,
        end=start + datetime.timedelta(hours=data["duration_hours"]),
        location=data["location"],
        online_url="https://wijkportaal.example/online/" + data["slug"] if data["online"] else "",
        registration_url="https://wijkportaal.example/aanmelden/" + data["slug"],
    )
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    page.organisation_links = _organisation_links(EventPageOrganisation, data["organisations"])
    page.place_links = _place_links(EventPagePlace, data.get("places", []))
    index.add_child(instance=page)


def _ensure_publication(
    index: PublicationIndexPage, data: dict, today: datetime.date, links: "_PageLinks"
) -> None:
    if PublicationPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    publisher = Organisation.objects.filter(slug=data["publisher"]).first()
    document = _ensure_document(
        data["document"], slug=data["slug"], publisher=publisher.name if publisher else ""
    )
    published = today - datetime.timedelta(days=data["days_ago"])
    page = PublicationPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        kind=data["kind"],
        year=data["year"],
        publisher=publisher,
        publication_date=published,
        first_published_at=_at(published, 9),
    )
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    authors = {a.slug: a for a in Author.objects.filter(slug__in=data["authors"])}
    page.publication_authors = [
        PublicationPageAuthor(author=authors[slug], sort_order=order)
        for order, slug in enumerate(slug for slug in data["authors"] if slug in authors)
    ]
    page.documents = [
        PublicationPageDocument(document=document, label=data["document"]["label"], sort_order=0)
    ]
    page.place_links = _place_links(PublicationPagePlace, data.get("places", []))
    index.add_child(instance=page)
    links.add(page, body=data["body"])


def _ensure_document(data: dict, *, slug: str, publisher: str):
    """The publication's demo PDF in the default collection, written once: found again by its
    title, so a second run (or a deleted page) adds no second document. A new database beside
    the same media (a fresh `make run`) uses the file already there when it is the same file."""
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    document = Document.objects.filter(title=data["title"], collection=collection).first()
    if document is not None:
        return document
    content = demo_pdf(
        title=data["title"],
        publisher=publisher,
        notice=demo_data.PDF_NOTICE,
        paragraphs=data["paragraphs"],
    )
    document = Document(title=data["title"], collection=collection)
    storage, name = document.file.storage, f"documents/{slug}.pdf"
    if storage.exists(name) and _file_content(storage, name) == content:
        document.file.name = name
    else:
        document.file.save(name.removeprefix("documents/"), ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _file_content(storage, name: str) -> bytes:
    with storage.open(name, "rb") as file:
        return file.read()


def _ensure_practice_example(
    index: PracticeExampleIndexPage, data: dict, today: datetime.date
) -> None:
    if PracticeExamplePage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    places = {
        place.slug: place
        for place in Place.objects.filter(slug__in=[data["municipality"], data["area"]])
    }
    contact = Organisation.objects.filter(slug=data["contact"]).first()
    published = today - datetime.timedelta(days=data["days_ago"])
    page = PracticeExamplePage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        municipality=places[data["municipality"]],
        area=places.get(data["area"]),
        approach=data["approach"],
        results=data["results"],
        lessons=data["lessons"],
        start_year=data["start_year"],
        end_year=data["end_year"],
        status=data["status"],
        fictional=True,
        contact_organisation=contact,
        # A general address of the (invented) organisation, on a domain that never exists.
        contact_email=f"info@{data['contact']}.example" if contact else "",
        contact_url=f"https://{data['contact']}.example/contact" if contact else "",
        publication_date=published,
        first_published_at=_at(published, 9),
    )
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    page.partner_links = _organisation_links(PracticeExamplePartner, data["partners"])
    index.add_child(instance=page)


def _ensure_information_page(home: HomePage, data: dict) -> None:
    """Add the page, or publish the current body on one whose body is still one an earlier
    builder wrote (as `_ensure_explainer`): an editor's changes are never replaced."""
    page = InformationPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if page is None:
        _ensure_child(home, InformationPage, data)
        return
    earlier = demo_data.EARLIER_INFORMATION_BODIES.get(data["slug"], ())
    if not page.has_unpublished_changes and stored_fingerprint(page.body.raw_data) in earlier:
        page.body = data["body"]
        page.save_revision(log_action=True).publish()


def _ensure_explainer(index: ExplainerIndexPage, data: dict, links: "_PageLinks") -> None:
    """Add the explainer, or give an existing one the current body while its body is still one an
    earlier builder wrote: an editor's changes (published or in a draft) are never replaced."""
    page = ExplainerPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        page = _ensure_child(index, ExplainerPage, {**data, "body": []})
        links.add(page, body=data["body"])
        return
    earlier = demo_data.EARLIER_EXPLAINER_BODIES.get(data["slug"], ())
    if not page.has_unpublished_changes and stored_fingerprint(page.body.raw_data) in earlier:
        links.add(page, body=data["body"], publish=True)


def body_fingerprint(blocks: list) -> str:
    """The SHA-256 of stream data as `demo/data.py` writes it: the blocks' types and values, pages
    named by their address (block ids left out). What `EARLIER_EXPLAINER_BODIES` records."""
    blocks = [{"type": block["type"], "value": block["value"]} for block in blocks]
    text = json.dumps(
        blocks,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=lambda ref: {"page": ref.path},
    )
    return hashlib.sha256(text.encode()).hexdigest()


def stored_fingerprint(raw_data) -> str:
    """`body_fingerprint` of a stored stream: the same for the same data in any database, as
    page ids are read back as addresses."""
    return body_fingerprint(_with_page_addresses(list(raw_data)))


_RICH_TEXT_PAGE_ID = re.compile(r'(<a linktype="page" id=")(\d+)(")')


def _with_page_addresses(value):
    """Stored stream data with the pages it chooses or links to as `PageRef`s and addresses,
    as in `demo/data.py`: the inverse of `_with_page_ids`."""
    ids = set()

    def collect(item, key=None):
        if key == "page" and isinstance(item, int):
            ids.add(item)
        elif isinstance(item, str):
            ids.update(int(match[2]) for match in _RICH_TEXT_PAGE_ID.finditer(item))
        elif isinstance(item, dict):
            for inner_key, inner in item.items():
                collect(inner, inner_key)
        elif isinstance(item, list):
            for inner in item:
                collect(inner)

    collect(value)
    root = _site_root_path()
    paths = {
        pk: url_path.removeprefix(root)
        for pk, url_path in Page.objects.filter(pk__in=ids).values_list("pk", "url_path")
    }

    def convert(item, key=None):
        if key == "page" and isinstance(item, int):
            return PageRef(paths.get(item, f"/?{item}/"))
        if isinstance(item, str):
            return _RICH_TEXT_PAGE_ID.sub(
                lambda m: m[1] + paths.get(int(m[2]), f"/?{m[2]}/") + m[3], item
            )
        if isinstance(item, dict):
            if set(item) <= {"type", "value", "id"} and item.get("type") == "item":
                return convert(item["value"])  # a list item in Wagtail's stored form
            return {inner_key: convert(inner, inner_key) for inner_key, inner in item.items()}
        if isinstance(item, list):
            return [convert(inner) for inner in item]
        return item

    return convert(value)


def _ensure_dossier(index: DossierIndexPage, data: dict, links: "_PageLinks") -> None:
    if DossierPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return
    page = DossierPage(title=data["title"], slug=data["slug"], intro=data["intro"])
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    index.add_child(instance=page)
    links.add(
        page,
        body=data["body"],
        sections=[
            {
                "type": "section",
                "value": {
                    "heading": section["heading"],
                    "text": section["text"],
                    "pages": [PageRef(path) for path in section["pages"]],
                },
            }
            for section in data["sections"]
        ],
    )


def _ensure_featured(home: HomePage) -> None:
    """The home page's and some themes' "uitgelicht" rows, where the editor has chosen none."""
    if not home.featured_links.exists():
        ids = _page_ids(demo_data.HOME_FEATURED)
        HomePageFeatured.objects.bulk_create(
            HomePageFeatured(page=home, linked_page_id=ids[path], sort_order=order)
            for order, path in enumerate(path for path in demo_data.HOME_FEATURED if path in ids)
        )
    themes = Theme.objects.filter(slug__in=demo_data.THEME_FEATURED).exclude(
        featured_links__isnull=False
    )
    for theme in themes:
        paths = demo_data.THEME_FEATURED[theme.slug]
        ids = _page_ids(paths)
        ThemeFeatured.objects.bulk_create(
            ThemeFeatured(theme=theme, linked_page_id=ids[path], sort_order=order)
            for order, path in enumerate(path for path in paths if path in ids)
        )


# Links between demo pages --------------------------------------------------------------------

#: A rich-text link as `demo_data.link` writes it: to a page's address instead of its id.
_RICH_TEXT_PAGE_LINK = re.compile(r'<a linktype="page" id="(/[^"]*)">(.*?)</a>', re.DOTALL)


def _site_root_path() -> str:
    """The home page's `url_path` ("/home"): what the demo's addresses are below."""
    return Site.objects.get(is_default_site=True).root_page.url_path.rstrip("/")


def _page_ids(paths: Iterable[str]) -> dict[str, int]:
    """The ids of the pages at these addresses ("/publicaties/…/"), in one query."""
    root = _site_root_path()
    rows = Page.objects.filter(url_path__in=[root + path for path in paths]).values_list(
        "url_path", "pk"
    )
    return {url_path.removeprefix(root): pk for url_path, pk in rows}


def _page_refs(value) -> set[str]:
    if isinstance(value, PageRef):
        return {value.path}
    if isinstance(value, str):
        return {match[1] for match in _RICH_TEXT_PAGE_LINK.finditer(value)}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*(_page_refs(item) for item in value))
    return set()


class _PageLinks:
    """Stream data of demo pages that link to other demo pages by address. Pages link to each
    other both ways (an explainer to a publication and back), so the data is stored once every
    demo page exists: `fill` reads all the ids in one query."""

    def __init__(self):
        self.pending: list[tuple[Page, dict[str, list], bool]] = []

    def add(self, page: Page, *, publish: bool = False, **fields: list) -> None:
        """Store stream data in the page's fields: saved in place on a page made in this run, or
        published as a new revision (`publish`) on a page that was already live."""
        self.pending.append((page, fields, publish))

    def fill(self) -> None:
        ids = _page_ids(_page_refs([fields for _, fields, _ in self.pending]))
        for page, fields, publish in self.pending:
            for name, data in fields.items():
                setattr(page, name, _with_page_ids(data, ids))
            if publish:
                page.save_revision(log_action=True).publish()
            else:
                page.save(update_fields=list(fields), clean=False)
        self.pending.clear()


def _with_page_ids(value, ids: dict[str, int]):
    """`value` (stream data) with the ids of the pages it refers to by address. A reference to a
    page that is not there is left out: a link becomes its text, a chosen page disappears from its
    list (and a single choice becomes empty)."""

    def resolve(item):
        if isinstance(item, PageRef):
            return ids.get(item.path)
        if isinstance(item, str):
            return _RICH_TEXT_PAGE_LINK.sub(
                lambda m: (
                    f'<a linktype="page" id="{ids[m[1]]}">{m[2]}</a>' if m[1] in ids else m[2]
                ),
                item,
            )
        if isinstance(item, dict):
            return {key: resolve(inner) for key, inner in item.items()}
        if isinstance(item, list):
            return [resolve(inner) for inner in item if not _gone(inner, ids)]
        return item

    return resolve(value)


def _gone(item, ids: dict[str, int]) -> bool:
    """Whether a list item is (a link to) a page that is not there."""
    if isinstance(item, dict) and isinstance(item.get("page"), PageRef):
        item = item["page"]
    return isinstance(item, PageRef) and item.path not in ids


def _organisation_links(model, slugs: list[str]) -> list:
    """Orderable links to the organisations with these slugs, in this order."""
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    return [
        model(organisation=found[slug], sort_order=order)
        for order, slug in enumerate(slug for slug in slugs if slug in found)
    ]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# Generated content for benchmarks ---------------------------------------------------------------

PLACES = ["Havenstad", "Zuiderveen", "Bergdijk", "Lindeloo", "Oostermeer", "Kleiwaard", "Dijkhoven"]
DISTRICTS = ["Oosterkwartier", "De Horst", "Molenwijk", "Rivierbuurt", "Parkzicht", "Het Veld"]
SUBJECTS = [
    "bewonersinitiatieven",
    "de wijkagent",
    "schuldhulp in de buurt",
    "de brede school",
    "groen op het plein",
    "renovatie van portiekflats",
    "jongerenwerk",
    "het wijkteam",
    "taalcafés",
    "energiecoaches",
]
ANGLES = [
    "Zo pakt {district} in {place} {subject} aan",
    "Wat {place} leerde van {subject}",
    "Vijf lessen over {subject} uit {district}",
    "{subject_cap}: een jaar later in {district}",
    "Samen werken aan {subject} in {place}",
]


def _free_numbers(model, label: str, total: int) -> list[tuple[int, str]]:
    """Numbers and slugs for the generated items `model` lacks to reach `total`.

    Numbers already used by an earlier run are skipped, so topping up never collides.
    """
    missing = total - model.objects.count()
    if missing <= 0:
        return []
    prefix = f"{GENERATED_PREFIX}-{label}-"
    taken = set(model.objects.filter(slug__startswith=prefix).values_list("slug", flat=True))
    free, number = [], 0
    while len(free) < missing:
        number += 1
        slug = f"{prefix}{number:06d}"
        if slug not in taken:
            free.append((number, slug))
    return free


def _top_up_terms(model, total: int, label: str) -> None:
    organisations = list(Organisation.objects.order_by("pk")) if model is Author else []
    new = []
    for number, slug in _free_numbers(model, slugify(label), total):
        term = model(
            name=f"{label} {number}",
            slug=slug,
            description=f"Gegenereerde {label.lower()} voor tests en metingen.",
        )
        if organisations:
            term.organisation = organisations[number % len(organisations)]
            term.role = "Adviseur wijkaanpak"
        new.append(term)
    model.objects.bulk_create(new, batch_size=BATCH_SIZE)


def _top_up_places(total: int) -> None:
    """Generated wijken, each in a gemeente or focusgebied already there, and a buurt in each
    of them, up to `total` places."""
    free = _free_numbers(Place, "gebied", total)
    if not free:
        return
    wide = list(Place.objects.filter(level__in=["gemeente", "focusgebied"]).order_by("pk"))
    if not wide:
        wide = [Place.objects.create(name="Zuiderveen", slug=f"{GENERATED_PREFIX}-zuiderveen")]
    wijken, buurten = [], []
    for position, (number, slug) in enumerate(free):
        place = Place(slug=slug, description="Een gegenereerd gebied voor tests en metingen.")
        if position % 2 == 0 or not wijken:
            place.name = f"{DISTRICTS[number % len(DISTRICTS)]} {number}"
            place.level, place.parent = "wijk", wide[number % len(wide)]
            wijken.append(place)
        else:
            place.name, place.level, place.parent = f"Buurt {number}", "buurt", wijken[-1]
            buurten.append(place)
    Place.objects.bulk_create(wijken, batch_size=BATCH_SIZE)
    Place.objects.bulk_create(buurten, batch_size=BATCH_SIZE)


def _generated_body(rng: random.Random, subject: str, place: str) -> list[dict]:
    paragraphs = [
        f"In {place} werken gemeente, woningcorporatie, welzijn en bewoners al jaren samen. "
        f"Dit stuk gaat over {subject} en over wat daarbij goed ging en wat beter kan.",
        "Wie in de wijk werkt, weet dat geen enkele partij het alleen kan. Korte lijnen, een "
        "gedeeld beeld van de opgave en geduld maken het verschil.",
        "Bewoners gaven aan dat ze vooral willen weten bij wie ze terechtkunnen. Daarom komt er "
        "één aanspreekpunt per buurt, met vaste spreekuren in het buurthuis.",
        "De betrokken organisaties spraken af om elk half jaar samen terug te kijken en de "
        "plannen zo nodig bij te stellen.",
    ]
    rng.shuffle(paragraphs)
    return [
        {"type": "paragraph", "value": f"<p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>"},
        {"type": "heading", "value": {"text": "Wat we hebben geleerd", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{paragraphs[2]}</p><p>{paragraphs[3]}</p>"},
    ]


def _top_up_articles(index: ArticleIndexPage, total: int, today: datetime.date) -> None:
    free = _free_numbers(ArticlePage, "artikel", total)
    if not free:
        return
    themes = list(Theme.objects.order_by("pk"))
    organisations = list(Organisation.objects.order_by("pk"))
    authors = list(Author.objects.order_by("pk"))
    places = list(Place.objects.order_by("pk").values_list("pk", flat=True))
    pages, relations, page_places = [], [], []
    for number, slug in free:
        rng = random.Random(number)
        place, district, subject = (
            rng.choice(PLACES),
            rng.choice(DISTRICTS),
            rng.choice(SUBJECTS),
        )
        title = rng.choice(ANGLES).format(
            place=place, district=district, subject=subject, subject_cap=subject.capitalize()
        )
        published = today - datetime.timedelta(days=number % 1500)
        pages.append(
            ArticlePage(
                title=f"{title} ({number})",
                slug=slug,
                kind=ARTICLE_KINDS[number % len(ARTICLE_KINDS)][0],
                intro=f"Een praktijkverhaal uit {district} in {place} over {subject}.",
                body=_generated_body(rng, subject, place),
                publication_date=published,
                first_published_at=_at(published, 9),
                last_published_at=_at(published, 9),
            )
        )
        relations.append(
            (
                rng.sample(themes, k=min(2, len(themes))),
                rng.sample(organisations, k=min(1, len(organisations))),
                rng.sample(authors, k=min(2, len(authors))),
            )
        )
        page_places.append(rng.sample(places, k=min(1 + number % 2, len(places))))
    pages = _bulk_add_children(index, ArticlePage, pages)
    _bulk_place_links(ArticlePagePlace, pages, page_places)
    through_themes = ArticlePage.themes.through
    through_themes.objects.bulk_create(
        [
            through_themes(articlepage_id=page.pk, theme_id=theme.pk)
            for page, (page_themes, _, _) in zip(pages, relations, strict=True)
            for theme in page_themes
        ],
        batch_size=BATCH_SIZE,
    )
    ArticlePageOrganisation.objects.bulk_create(
        [
            ArticlePageOrganisation(page_id=page.pk, organisation_id=organisation.pk, sort_order=0)
            for page, (_, page_organisations, _) in zip(pages, relations, strict=True)
            for organisation in page_organisations
        ],
        batch_size=BATCH_SIZE,
    )
    ArticlePageAuthor.objects.bulk_create(
        [
            ArticlePageAuthor(page_id=page.pk, author_id=author.pk, sort_order=order)
            for page, (_, _, page_authors) in zip(pages, relations, strict=True)
            for order, author in enumerate(page_authors)
        ],
        batch_size=BATCH_SIZE,
    )
    _index_for_search(ArticlePage, [page.pk for page in pages])


def _top_up_events(index: EventIndexPage, total: int, today: datetime.date) -> None:
    free = _free_numbers(EventPage, "evenement", total)
    if not free:
        return
    themes = list(Theme.objects.order_by("pk"))
    places = list(Place.objects.order_by("pk").values_list("pk", flat=True))
    pages, page_themes, page_places = [], [], []
    for number, slug in free:
        rng = random.Random(-number)
        place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
        start = _at(today + datetime.timedelta(days=(number % 400) - 200), 10 + number % 8)
        pages.append(
            EventPage(
                title=f"Kennisbijeenkomst over {subject} in {place} ({number})",
                slug=slug,
                intro=f"Praktijkmensen uit {place} vertellen over {subject}.",
                body=_generated_body(rng, subject, place),
                start=start,
                end=start + datetime.timedelta(hours=2),
                location=f"Buurthuis De Schakel, {place}",
            )
        )
        page_themes.append(rng.sample(themes, k=min(2, len(themes))))
        page_places.append(rng.sample(places, k=min(1, len(places))))
    pages = _bulk_add_children(index, EventPage, pages)
    _bulk_place_links(EventPagePlace, pages, page_places)
    through = EventPage.themes.through
    through.objects.bulk_create(
        [
            through(eventpage_id=page.pk, theme_id=theme.pk)
            for page, chosen in zip(pages, page_themes, strict=True)
            for theme in chosen
        ],
        batch_size=BATCH_SIZE,
    )
    _index_for_search(EventPage, [page.pk for page in pages])


def _bulk_place_links(link_model, pages: list, page_places: list) -> None:
    link_model.objects.bulk_create(
        [
            link_model(page_id=page.pk, place_id=place_id, sort_order=order)
            for page, chosen in zip(pages, page_places, strict=True)
            for order, place_id in enumerate(chosen)
        ],
        batch_size=BATCH_SIZE,
    )


def _bulk_add_children(parent: Page, model, pages: list) -> list:
    """Insert live pages under `parent` in bulk: the tree paths are computed here, not per page.

    Django cannot bulk-create multi-table models, so the `wagtailcore_page` rows go in with
    `bulk_create` and the model's own rows with one multi-row insert per batch.
    """
    parent = Page.objects.get(pk=parent.pk)
    last_child = parent.get_last_child()
    first_step = 1 if last_child is None else int(last_child.path[-Page.steplen :], 36) + 1
    content_type = ContentType.objects.get_for_model(model)
    locale_id = parent.locale_id or Locale.get_default().pk
    now = timezone.now()
    depth = parent.depth + 1
    for step, page in enumerate(pages, start=first_step):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = None

    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    for batch in _batches(pages, BATCH_SIZE):
        bases = [Page(**{name: getattr(page, name) for name in base_fields}) for page in batch]
        Page.objects.bulk_create(bases)
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
            page._state.adding = False
        model._base_manager._insert(batch, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def _batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _index_for_search(model, pks: list[int]) -> None:
    backend = get_search_backend()
    for batch in _batches(pks, BATCH_SIZE):
        pages = model.objects.filter(pk__in=batch).prefetch_related(
            "themes", "organisation_links__organisation", "place_links__place"
        )
        backend.add_bulk(model, list(pages))
