"""Sharing tags and machine-readable pages: every content page and term page carries Open Graph
tags, one canonical link and schema.org JSON-LD that a validator would accept.

The JSON-LD is checked against a small table of schema.org: the properties each type may have
(its own and its parents', as schema.org lists them; only those this site could use) and what
Google's rich results ask for (an event's name, start and location; an article's headline of at
most 110 characters; dates in ISO 8601 with a time zone; breadcrumbs numbered from 1 with
absolute addresses).
"""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail_factories import ImageFactory

from articles import structured_data
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
)

pytestmark = pytest.mark.django_db

# --- schema.org, as much as this site uses ---------------------------------------------------

_THING = {"@type", "@id", "name", "description", "url", "image", "sameAs", "alternateName"}
_THING |= {"identifier", "mainEntityOfPage"}
_CREATIVE_WORK = _THING | {
    "about",
    "abstract",
    "associatedMedia",
    "author",
    "contributor",
    "copyrightYear",
    "creativeWorkStatus",
    "dateModified",
    "datePublished",
    "encoding",
    "genre",
    "hasPart",
    "headline",
    "inLanguage",
    "isPartOf",
    "keywords",
    "mentions",
    "publisher",
    "sourceOrganization",
    "spatialCoverage",
    "temporalCoverage",
    "thumbnailUrl",
}
_ARTICLE = _CREATIVE_WORK | {"articleBody", "articleSection", "wordCount", "speakable"}
_WEB_PAGE = _CREATIVE_WORK | {"breadcrumb", "lastReviewed", "primaryImageOfPage", "significantLink"}
_MEDIA_OBJECT = _CREATIVE_WORK | {"contentUrl", "contentSize", "encodingFormat", "uploadDate"}
PROPERTIES = {
    "Thing": _THING,
    "CreativeWork": _CREATIVE_WORK,
    "Article": _ARTICLE,
    "NewsArticle": _ARTICLE | {"dateline", "printSection"},
    "Report": _ARTICLE | {"reportNumber"},
    "WebPage": _WEB_PAGE,
    "CollectionPage": _WEB_PAGE,
    "WebSite": _CREATIVE_WORK | {"issn"},
    "MediaObject": _MEDIA_OBJECT,
    "ImageObject": _MEDIA_OBJECT | {"caption"},
    "Event": _THING
    | {
        "about",
        "endDate",
        "eventAttendanceMode",
        "eventStatus",
        "inLanguage",
        "location",
        "offers",
        "organizer",
        "performer",
        "startDate",
    },
    "Organization": _THING | {"address", "logo", "email", "parentOrganization"},
    "Person": _THING | {"affiliation", "jobTitle", "worksFor"},
    "Place": _THING | {"address", "containedInPlace", "geo"},
    "VirtualLocation": _THING,
    "BreadcrumbList": _THING | {"itemListElement", "numberOfItems"},
    "ListItem": _THING | {"item", "position"},
}
#: What a type must carry here: Google's required properties and what this site promises.
REQUIRED = {
    "Article": {"headline", "datePublished", "dateModified", "url", "publisher", "inLanguage"},
    "NewsArticle": {"headline", "datePublished", "dateModified", "url", "publisher", "author"},
    "Report": {"headline", "name", "url", "associatedMedia"},
    "CreativeWork": {"name", "url"},
    "WebPage": {"name", "url", "inLanguage"},
    "CollectionPage": {"name", "url", "inLanguage"},
    "WebSite": {"name", "url"},
    "Event": {"name", "startDate", "endDate", "location", "eventAttendanceMode", "eventStatus"},
    "Organization": {"name"},
    "Person": {"name", "url"},
    "Place": {"name"},
    "VirtualLocation": {"url"},
    "MediaObject": {"contentUrl", "encodingFormat"},
    "ImageObject": {"url"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "Thing": {"name"},
}
DATES = {"datePublished", "dateModified", "startDate", "endDate"}
#: Addresses on this site, which must be absolute and start with BASE_URL.
OWN_URLS = {"item", "mainEntityOfPage", "contentUrl"}
ENUMERATIONS = {
    "eventAttendanceMode": {
        "https://schema.org/OfflineEventAttendanceMode",
        "https://schema.org/OnlineEventAttendanceMode",
        "https://schema.org/MixedEventAttendanceMode",
    },
    "eventStatus": {
        "https://schema.org/EventScheduled",
        "https://schema.org/EventCancelled",
        "https://schema.org/EventPostponed",
        "https://schema.org/EventRescheduled",
        "https://schema.org/EventMovedOnline",
    },
}


def validate(node, path="$") -> None:
    """Fail unless every typed object under `node` uses only its type's properties, has the
    required ones, and gives dates, addresses and enumerations in the expected form."""
    if isinstance(node, list):
        for number, item in enumerate(node):
            validate(item, f"{path}[{number}]")
        return
    if not isinstance(node, dict):
        return
    type_ = node.get("@type")
    assert type_ in PROPERTIES, f"{path}: unknown type {type_!r}"
    unknown = set(node) - PROPERTIES[type_]
    assert not unknown, f"{path}: {type_} has no properties {unknown}"
    missing = REQUIRED[type_] - set(node)
    assert not missing, f"{path}: {type_} lacks {missing}"
    for name, value in node.items():
        if name in DATES:
            moment = datetime.datetime.fromisoformat(value)
            assert moment.tzinfo is not None, f"{path}.{name}: {value} has no time zone"
        if name in OWN_URLS or (name == "url" and type_ not in ("VirtualLocation",)):
            assert value.startswith(settings.BASE_URL + "/"), f"{path}.{name}: {value}"
        if name in ENUMERATIONS:
            assert value in ENUMERATIONS[name], f"{path}.{name}: {value}"
        if name == "headline":
            assert len(value) <= structured_data.HEADLINE_MAX
        validate(value, f"{path}.{name}")
    if type_ == "BreadcrumbList":
        items = node["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert all(item["@type"] == "ListItem" for item in items)


# --- Reading a page's head -------------------------------------------------------------------


class Head(HTMLParser):
    """The tags of a page's <head> that sharing and search engines read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.properties: list[tuple[str, str]] = []
        self.names: dict[str, list[str]] = {}
        self.canonicals: list[str] = []
        self.json_ld: list[str] = []
        self.scripts = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "property" in attrs:
            self.properties.append((attrs["property"], attrs.get("content", "")))
        elif tag == "meta" and "name" in attrs:
            self.names.setdefault(attrs["name"], []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonicals.append(attrs["href"])
        elif tag == "script":
            self.scripts += 1
            self._in_json_ld = attrs.get("type") == "application/ld+json"
            if self._in_json_ld:
                self.json_ld.append("")

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def property(self, name: str) -> str | None:
        values = [value for key, value in self.properties if key == name]
        assert len(values) <= 1, f"{name} appears {len(values)} times"
        return values[0] if values else None


def head_of(client, url: str) -> tuple[Head, list[dict], str]:
    """The parsed head of `url`, the nodes of its JSON-LD graph (validated), and the HTML."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    head = Head()
    head.feed(html)
    assert len(head.canonicals) == 1, head.canonicals
    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])
    assert data["@context"] == "https://schema.org"
    validate(data["@graph"])
    return head, data["@graph"], html


def node(graph: list[dict], type_: str) -> dict:
    found = [item for item in graph if item["@type"] == type_]
    assert len(found) == 1, [item["@type"] for item in graph]
    return found[0]


def crumbs(graph: list[dict]) -> list[tuple[str, str]]:
    return [
        (item["name"], item["item"]) for item in node(graph, "BreadcrumbList")["itemListElement"]
    ]


def absolute(path: str) -> str:
    return settings.BASE_URL + path


# --- Articles --------------------------------------------------------------------------------


def test_article_is_described_with_its_authors_themes_and_breadcrumbs(client, article, author):
    head, graph, _ = head_of(client, article.url)
    data = node(graph, "NewsArticle")
    url = absolute(article.url)
    assert data["headline"] == "Samen wonen in de Rivierbuurt"
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["inLanguage"] == "nl"
    assert data["description"] == article.intro
    assert data["author"] == [
        {
            "@type": "Person",
            "name": author.name,
            "url": absolute(f"/auteurs/{author.slug}/"),
            "jobTitle": author.role,
        }
    ]
    assert data["publisher"]["name"] == "Wijkportaal"
    assert data["about"] == [{"@type": "Thing", "name": "Wonen", "url": absolute("/themas/wonen/")}]
    published = article.first_published_at.replace(microsecond=0)
    assert datetime.datetime.fromisoformat(data["datePublished"]) == published
    assert crumbs(graph) == [
        ("Home", absolute("/")),
        ("Artikelen", absolute("/artikelen/")),
        ("Samen wonen in de Rivierbuurt", url),
    ]
    assert head.canonicals == [url]
    assert head.property("og:url") == url
    assert head.property("og:type") == "article"
    assert head.property("og:title") == "Samen wonen in de Rivierbuurt"
    assert head.property("og:locale") == "nl_NL"
    assert head.property("og:site_name") == "Wijkportaal"
    assert head.property("og:description") == article.intro
    assert head.names["description"] == [article.intro]
    assert head.property("article:published_time") == data["datePublished"]


def test_an_article_dated_by_the_editor_is_published_that_day(client, article_index):
    article = ArticlePageFactory(
        parent=article_index, kind="achtergrond", publication_date=datetime.date(2024, 3, 1)
    )
    _, graph, _ = head_of(client, article.url)
    data = node(graph, "Article")
    assert data["articleSection"] == "Achtergrond"
    assert data["datePublished"] == "2024-03-01T00:00:00+01:00"
    assert data["dateModified"] >= data["datePublished"]


def test_a_long_title_is_cut_to_google_headline_length(client, article_index):
    title = "Wonen in de wijk " * 12
    article = ArticlePageFactory(parent=article_index, title=title.strip())
    _, graph, _ = head_of(client, article.url)
    headline = graph[0]["headline"]
    assert len(headline) == structured_data.HEADLINE_MAX
    assert headline.endswith("…")
    assert graph[0]["name"] == title.strip()


def test_a_title_cannot_break_out_of_the_json_ld(client, article_index):
    title = 'Wonen </script><script>alert("x")</script><!-- & meer'
    article = ArticlePageFactory(parent=article_index, title=title)
    head, graph, html = head_of(client, article.url)
    assert graph[0]["headline"] == title
    assert "<script>alert" not in html
    assert head.scripts == len(html.split("<script")) - 1
    assert head.property("og:title") == title


@pytest.mark.parametrize("kind", ["achtergrond", "interview", "opinie", "column"])
def test_only_news_is_a_news_article(client, article_index, kind):
    article = ArticlePageFactory(parent=article_index, kind=kind)
    _, graph, _ = head_of(client, article.url)
    assert [item["@type"] for item in graph] == ["Article", "BreadcrumbList"]


def test_an_article_without_authors_is_by_its_organisations(client, article_index, organisation):
    article = ArticlePageFactory(parent=article_index, terms__organisations=[organisation])
    _, graph, _ = head_of(client, article.url)
    assert [author["name"] for author in graph[0]["author"]] == [organisation.name]
    alone = ArticlePageFactory(parent=article_index)
    _, graph, _ = head_of(client, alone.url)
    assert [author["name"] for author in graph[0]["author"]] == ["Wijkportaal"]


# --- Images ----------------------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_og_image_is_an_absolute_rendition_when_the_page_has_an_image(
    client, article_index, media_root
):
    image = ImageFactory(title="Bewoners in gesprek", file__width=1600, file__height=1000)
    article = ArticlePageFactory(parent=article_index, image=image)
    head, graph, _ = head_of(client, article.url)
    og_image = head.property("og:image")
    assert og_image.startswith(absolute("/media/images/"))
    assert ".fill-1200x630" in og_image
    assert (head.property("og:image:width"), head.property("og:image:height")) == ("1200", "630")
    assert head.property("og:image:alt") == "Bewoners in gesprek"
    assert head.names["twitter:card"] == ["summary_large_image"]
    assert graph[0]["image"] == og_image


def test_no_og_image_without_an_image(client, article):
    head, graph, _ = head_of(client, article.url)
    assert head.property("og:image") is None
    assert head.names["twitter:card"] == ["summary"]
    assert "image" not in graph[0]


# --- Events ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "online_url", "mode", "places"),
    [
        ("Buurthuis De Schakel", "", "Offline", ["Place"]),
        ("", "https://meet.example.org/wijk", "Online", ["VirtualLocation"]),
        (
            "Buurthuis De Schakel",
            "https://meet.example.org/wijk",
            "Mixed",
            ["Place", "VirtualLocation"],
        ),
    ],
)
def test_event_has_its_times_place_and_way_of_attending(
    client, event_index, location, online_url, mode, places
):
    organiser = OrganisationFactory(website="https://wijkteam.example.org/")
    start = timezone.make_aware(datetime.datetime(2031, 6, 12, 19, 30))
    event = EventPageFactory(
        parent=event_index,
        start=start,
        end=start + datetime.timedelta(hours=2),
        location=location,
        online_url=online_url,
        terms__organisations=[organiser],
    )
    head, graph, _ = head_of(client, event.url)
    data = node(graph, "Event")
    assert data["startDate"] == "2031-06-12T19:30:00+02:00"
    assert data["endDate"] == "2031-06-12T21:30:00+02:00"
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    found = data["location"] if isinstance(data["location"], list) else [data["location"]]
    assert [place["@type"] for place in found] == places
    if location:
        assert found[0]["address"] == location
    if online_url:
        assert found[-1]["url"] == online_url
    assert data["organizer"] == [
        {
            "@type": "Organization",
            "name": organiser.name,
            "url": absolute(f"/organisaties/{organiser.slug}/"),
            "sameAs": "https://wijkteam.example.org/",
        }
    ]
    assert [name for name, _ in crumbs(graph)] == ["Home", "Evenementen", event.title]
    assert head.property("og:type") == "website"


# --- Publications, practice examples, dossiers ----------------------------------------------


@pytest.fixture
def report_file(media_root):
    content = b"%PDF-1.4 " + b"x" * 1_250_000
    return Document.objects.create(
        title="Rapport wijkaanpak",
        file=ContentFile(content, name="rapport.pdf"),
        file_size=len(content),
    )


@pytest.mark.parametrize(
    ("kind", "type_"), [("onderzoek", "Report"), ("factsheet", "CreativeWork")]
)
def test_publication_lists_its_documents(
    client, publication_index, report_file, organisation, author, wonen, kind, type_
):
    publication = PublicationPageFactory(
        parent=publication_index,
        kind=kind,
        year=2023,
        publisher=organisation,
        files=[report_file],
        terms__authors=[author],
        terms__themes=[wonen],
    )
    head, graph, _ = head_of(client, publication.url)
    data = node(graph, type_)
    assert data["name"] == publication.title
    assert data["copyrightYear"] == 2023
    assert data["publisher"]["name"] == organisation.name
    assert [person["name"] for person in data["author"]] == [author.name]
    assert data["about"][0]["name"] == "Wonen"
    assert data["associatedMedia"] == [
        {
            "@type": "MediaObject",
            "name": "Rapport wijkaanpak",
            "contentUrl": absolute(report_file.url),
            "encodingFormat": "application/pdf",
            "contentSize": "1.3 MB",
        }
    ]
    assert datetime.datetime.fromisoformat(data["datePublished"]).tzinfo is not None
    assert [name for name, _ in crumbs(graph)] == ["Home", "Publicaties", publication.title]
    assert head.property("og:type") == "article"
    assert head.property("article:author") == absolute(f"/auteurs/{author.slug}/")


def test_a_publication_without_authors_is_by_its_publisher(
    client, publication_index, report_file, organisation
):
    publication = PublicationPageFactory(
        parent=publication_index, kind="onderzoek", publisher=organisation, files=[report_file]
    )
    _, graph, _ = head_of(client, publication.url)
    assert [author["name"] for author in node(graph, "Report")["author"]] == [organisation.name]


def test_practice_example_names_its_place_and_partners(client, example_index, wonen):
    gemeente = PlaceFactory(name="Havenstad")
    wijk = PlaceFactory(name="Rivierbuurt", level="wijk", parent=gemeente)
    partners = [OrganisationFactory(), OrganisationFactory()]
    contact = OrganisationFactory()
    example = PracticeExamplePageFactory(
        parent=example_index,
        municipality=gemeente,
        area=wijk,
        start_year=2019,
        end_year=2023,
        status="afgerond",
        contact_organisation=contact,
        terms__organisations=partners,
        terms__themes=[wonen],
    )
    head, graph, _ = head_of(client, example.url)
    data = node(graph, "Article")
    coverage = data["spatialCoverage"]
    assert (coverage["@type"], coverage["name"]) == ("Place", "Rivierbuurt")
    assert coverage["containedInPlace"]["name"] == "Havenstad"
    assert [partner["name"] for partner in data["contributor"]] == [p.name for p in partners]
    assert head.property("article:author") is None  # only people are authors in Open Graph
    assert data["sourceOrganization"]["name"] == contact.name
    assert data["creativeWorkStatus"] == "Afgerond"
    assert data["temporalCoverage"] == "2019/2023"
    assert [name for name, _ in crumbs(graph)] == ["Home", "Praktijkvoorbeelden", example.title]


def test_a_practice_example_in_a_whole_gemeente_covers_the_gemeente(client, example_index):
    example = PracticeExamplePageFactory(parent=example_index, start_year=2022)
    _, graph, _ = head_of(client, example.url)
    data = node(graph, "Article")
    assert data["spatialCoverage"]["name"] == example.municipality.name
    assert data["temporalCoverage"] == "2022/.."


def test_dossier_is_a_collection_page_about_its_themes(client, dossier_index, wonen, article):
    dossier = DossierPageFactory(
        parent=dossier_index, themes=[wonen], sections=[("Aan de slag", [article])]
    )
    _, graph, _ = head_of(client, dossier.url)
    data = node(graph, "CollectionPage")
    assert data["about"] == [{"@type": "Thing", "name": "Wonen", "url": absolute("/themas/wonen/")}]
    assert [name for name, _ in crumbs(graph)] == ["Home", "Dossiers", dossier.title]


# --- Other pages -----------------------------------------------------------------------------


def test_home_page_is_a_web_page_without_breadcrumbs(client, home):
    head, graph, _ = head_of(client, "/")
    assert [item["@type"] for item in graph] == ["WebPage"]
    assert graph[0]["isPartOf"] == {
        "@type": "WebSite",
        "name": "Wijkportaal",
        "url": absolute("/"),
        "inLanguage": "nl",
    }
    assert head.canonicals == [absolute("/")]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/artikelen/", "Artikelen"),
        ("/evenementen/", "Evenementen"),
        ("/integrale-wijkaanpak/", "Integrale wijkaanpak"),
        ("/publicaties/", "Publicaties"),
        ("/praktijkvoorbeelden/", "Praktijkvoorbeelden"),
        ("/dossiers/", "Dossiers"),
    ],
)
def test_index_pages_are_collection_pages(client, home, path, name):
    _, graph, _ = head_of(client, path)
    assert node(graph, "CollectionPage")["name"] == name
    assert crumbs(graph) == [("Home", absolute("/")), (name, absolute(path))]


def test_explainer_is_an_article_and_an_information_page_a_web_page(client, explainer_index, home):
    explainer = ExplainerPageFactory(
        parent=explainer_index, title="Wat is het?", first_published_at=timezone.now()
    )
    information = InformationPageFactory(parent=home, title="Toegankelijkheid")
    _, graph, _ = head_of(client, explainer.url)
    assert node(graph, "Article")["headline"] == "Wat is het?"
    assert [name for name, _ in crumbs(graph)] == ["Home", "Integrale wijkaanpak", "Wat is het?"]
    _, graph, _ = head_of(client, information.url)
    assert node(graph, "WebPage")["name"] == "Toegankelijkheid"
    assert [name for name, _ in crumbs(graph)] == ["Home", "Toegankelijkheid"]


def test_the_search_description_wins_over_the_intro(client, article_index):
    article = ArticlePageFactory(parent=article_index, search_description="Voor zoekmachines.")
    head, graph, _ = head_of(client, article.url)
    assert head.names["description"] == ["Voor zoekmachines."]
    assert head.property("og:description") == "Voor zoekmachines."
    assert graph[0]["description"] == "Voor zoekmachines."


# --- Term pages ------------------------------------------------------------------------------


def test_theme_page_is_a_collection_page_about_the_theme(client, wonen):
    head, graph, _ = head_of(client, "/themas/wonen/")
    data = node(graph, "CollectionPage")
    assert data["url"] == absolute("/themas/wonen/")
    assert data["about"] == {"@type": "Thing", "name": "Wonen", "url": absolute("/themas/wonen/")}
    assert data["description"] == "Betaalbaar en prettig wonen."
    assert crumbs(graph) == [
        ("Home", absolute("/")),
        ("Thema's", absolute("/themas/")),
        ("Wonen", absolute("/themas/wonen/")),
    ]
    assert head.canonicals == [absolute("/themas/wonen/")]
    assert head.property("og:url") == absolute("/themas/wonen/")
    assert head.property("og:title") == "Wonen (thema)"
    assert head.names["description"] == ["Betaalbaar en prettig wonen."]


def test_organisation_and_author_pages_are_about_an_organization_and_a_person(client, home):
    organisation = OrganisationFactory(description="", website="https://wijkteam.example.org/")
    author = AuthorFactory(organisation=organisation)
    _, graph, _ = head_of(client, f"/organisaties/{organisation.slug}/")
    data = node(graph, "CollectionPage")
    assert data["about"]["@type"] == "Organization"
    assert data["about"]["sameAs"] == "https://wijkteam.example.org/"
    assert data["description"]  # a sentence of its own when the term has no description
    _, graph, _ = head_of(client, f"/auteurs/{author.slug}/")
    assert node(graph, "CollectionPage")["about"]["@type"] == "Person"
    assert [name for name, _ in crumbs(graph)] == ["Home", "Auteurs", author.name]


# --- Addresses and readers -------------------------------------------------------------------


def test_every_address_follows_base_url(client, settings, article):
    settings.BASE_URL = "https://wijkportaal.example.nl"
    head, graph, _ = head_of(client, article.url)
    url = "https://wijkportaal.example.nl/artikelen/samen-wonen-in-de-rivierbuurt/"
    assert head.canonicals == [url]
    assert head.property("og:url") == url
    assert graph[0]["url"] == url
    assert all(item.startswith("https://wijkportaal.example.nl/") for _, item in crumbs(graph))
    head, _, _ = head_of(client, "/themas/wonen/")
    assert head.canonicals == ["https://wijkportaal.example.nl/themas/wonen/"]


def test_a_member_gets_the_same_tags_as_a_visitor(client, member_client, article):
    visitor = client.get(article.url).content.decode()
    member = member_client.get(article.url).content.decode()
    assert visitor.split("</head>")[0] == member.split("</head>")[0]


def test_a_page_not_yet_saved_is_described_without_a_crash(rf, article_index):
    """A preview of a new page has no address or id yet."""
    page = ArticlePageFactory.build(title="Nieuw", intro="Nog niet gepubliceerd.")
    meta = structured_data.page_meta(page, {"request": rf.get("/admin/pages/preview/")})
    data = json.loads(meta["json_ld"])["@graph"]
    assert data[0]["headline"] == "Nieuw"
    assert meta["canonical"] == absolute("/admin/pages/preview/")
