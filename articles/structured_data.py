"""What a shared link and a search engine read about a page: Open Graph tags and schema.org JSON-LD.

`page_meta` and `term_meta` give the tags of one page or term page (`articles.templatetags.meta`
renders them with `components/page_meta.html`). The JSON-LD of a page comes from the builder
registered for its class in `BUILDERS`; a page without one is described as a `WebPage`.

Pages are rendered once for every reader (`personal.slots`): nothing here reads the reader, and
every address is built from `BASE_URL`, never from the request's host. Builders read relations
through what the page's context already holds or through `_prefetch`, whose results the page's
own template reuses, so the tags cost no queries of their own (but an image's rendition).
Fields that a page type may not have are read with `getattr` defaults.
"""

import datetime
import json
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

SITE_NAME = "Wijkportaal"
OG_LOCALE = "nl_NL"
LANGUAGE = "nl"
#: The rendition shared links show: the size Facebook, LinkedIn and X ask for.
OG_IMAGE_SPEC = "fill-1200x630"
#: Google shows at most 110 characters of an article's headline.
HEADLINE_MAX = 110
DESCRIPTION_MAX = 300
SCHEMA = "https://schema.org/"

ARTICLE_NEWS_KIND = "nieuws"
PUBLICATION_REPORT_KIND = "onderzoek"
#: An event's `status` (when the model has one) as a schema.org EventStatusType.
EVENT_STATUSES = {
    "geannuleerd": "EventCancelled",
    "uitgesteld": "EventPostponed",
    "verplaatst": "EventRescheduled",
    "online": "EventMovedOnline",
}

#: JSON inside <script> must not close it: `</script>`, `<!--` and `&` become escapes, which
#: JSON parsers read back as the same characters.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_dumps(data) -> str:
    """`data` as JSON that is safe inside `<script type="application/ld+json">`."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def absolute_url(url: str) -> str:
    """`url` on the public site: a path gets `BASE_URL` in front; a full address is kept."""
    if not url:
        return ""
    if url.startswith("//"):
        return f"{urlsplit(settings.BASE_URL).scheme or 'https'}:{url}"
    if url.startswith("/"):
        return settings.BASE_URL + url
    return url


def _path(url: str) -> str:
    """The path of `url`, which Wagtail may give with or without its site's root."""
    return urlsplit(url).path or "/"


def _moment(value) -> datetime.datetime | None:
    """A date or time in the site's time zone; a date is its midnight."""
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value)


def _iso(value) -> str | None:
    """ISO 8601 with the time zone, as Google asks for."""
    moment = _moment(value)
    return moment.isoformat(timespec="seconds") if moment else None


def _published(page):
    """When the page appeared: the moment it went live on its publication date, or that date."""
    first = getattr(page, "first_published_at", None)
    date = getattr(page, "publication_date", None)
    if date is None:
        return first or getattr(page, "go_live_at", None)
    if first is not None and timezone.localdate(first) == date:
        return first
    return date


def _modified(page, published):
    modified = getattr(page, "last_published_at", None) or getattr(
        page, "latest_revision_created_at", None
    )
    if modified is None or (published is not None and _moment(modified) < _moment(published)):
        return published
    return modified


def _text(value, limit: int = DESCRIPTION_MAX) -> str:
    return Truncator(" ".join(str(value or "").split())).chars(limit)


def _display(page, field: str) -> str:
    """The label of a choice field's value ("Interview"), or "" for a page without it."""
    display = getattr(page, f"get_{field}_display", None)
    return str(display()) if display and getattr(page, field, "") else ""


def _compact(data: dict) -> dict:
    """`data` without empty values, so a missing field leaves its property out."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _related(page, name: str, attribute: str | None = None) -> list:
    """The objects of the page's relation `name` (optionally each link's `attribute`)."""
    manager = getattr(page, name, None)
    if manager is None or not hasattr(manager, "all"):
        return []
    items = list(manager.all())
    if attribute:
        items = [getattr(item, attribute, None) for item in items]
    return [item for item in items if item is not None]


def _prefetch(page, lookups: Iterable[str]) -> None:
    """Read the page's relations once, here, so the template's own `page.x.all` reuses them.

    A preview holds its relations in memory (modelcluster): those are left as they are, as is a
    relation this page type does not have.
    """
    if page.pk is None:
        return
    in_memory = getattr(page, "_cluster_related_objects", {})
    wanted = [
        lookup
        for lookup in lookups
        if hasattr(type(page), lookup.split("__")[0]) and lookup.split("__")[0] not in in_memory
    ]
    if wanted:
        prefetch_related_objects([page], *wanted)


# --- Things the pages mention ------------------------------------------------------------


def publisher() -> dict:
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "url": absolute_url("/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(static("img/logo.svg"))},
    }


def website() -> dict:
    return {"@type": "WebSite", "name": SITE_NAME, "url": absolute_url("/"), "inLanguage": LANGUAGE}


def person(author) -> dict:
    return _compact(
        {
            "@type": "Person",
            "name": author.name,
            "url": absolute_url(author.get_absolute_url()),
            "jobTitle": getattr(author, "role", ""),
        }
    )


def organisation(term) -> dict:
    return _compact(
        {
            "@type": "Organization",
            "name": term.name,
            "url": absolute_url(term.get_absolute_url()),
            "sameAs": getattr(term, "website", ""),
        }
    )


def theme(term) -> dict:
    return {"@type": "Thing", "name": term.name, "url": absolute_url(term.get_absolute_url())}


def place(value) -> dict | None:
    """A place of the page tree's taxonomy (gemeente, wijk, buurt), inside its parent if it
    names one."""
    if value is None:
        return None
    url = value.get_absolute_url() if hasattr(value, "get_absolute_url") else ""
    return _compact(
        {"@type": "Place", "name": str(getattr(value, "name", value)), "url": absolute_url(url)}
    )


def _file_size(size: int | None) -> str:
    if not size:
        return ""
    for unit in ("B", "kB", "MB"):
        if size < 1000 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return ""


def media_object(link) -> dict | None:
    """A downloadable document of a publication (a link with `.document`, maybe named)."""
    document = getattr(link, "document", None)
    if document is None:
        return None
    return _compact(
        {
            "@type": "MediaObject",
            "name": getattr(link, "name", "") or document.title,
            "contentUrl": absolute_url(document.url),
            "encodingFormat": document.content_type,
            "contentSize": _file_size(getattr(document, "file_size", None)),
        }
    )


# --- The page being described ------------------------------------------------------------


class PageInfo:
    """What every description of a page starts from: its address, title, text and image."""

    def __init__(self, page, context):
        self.page = page
        self.context = context
        request = context.get("request")
        parts = page.get_url_parts(request) if page.pk else None
        path = parts[2] if parts else (request.path if request is not None else "/")
        self.url = absolute_url(_path(path))
        self.title = getattr(page, "seo_title", "") or page.title
        self.description = _text(
            getattr(page, "search_description", "") or getattr(page, "intro", "")
        )
        self.image = _image(getattr(page, "image", None))

    @property
    def image_url(self) -> str:
        return self.image["url"] if self.image else ""


def _image(image) -> dict | None:
    """The page's image as shared links show it, or None (also when its file is missing)."""
    if image is None:
        return None
    from wagtail.images.models import SourceImageIOError

    try:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
    except (SourceImageIOError, OSError, ValueError):
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def _creative_work(info: PageInfo, type_: str, **extra) -> dict:
    published = _published(info.page)
    return _compact(
        {
            "@type": type_,
            "name": info.title,
            "description": info.description,
            "url": info.url,
            "inLanguage": LANGUAGE,
            "image": info.image_url,
            "datePublished": _iso(published),
            "dateModified": _iso(_modified(info.page, published)),
            **extra,
        }
    )


def web_page(info: PageInfo, type_: str = "WebPage", **extra) -> dict:
    return _creative_work(info, type_, isPartOf=website(), **extra)


def _themes(page) -> list[dict]:
    return [theme(term) for term in _related(page, "themes")]


def _authors(page, context, link_name: str, *, otherwise: list[dict]) -> list[dict]:
    """The page's authors as people; `otherwise` (organisations) for a page without any, as
    Google wants every article to have an author."""
    authors = _from_context(context, "authors", page, link_name, "author")
    return [person(author) for author in authors] or otherwise


def _from_context(context, name: str, page, relation: str, attribute: str | None = None) -> list:
    """What the page's context holds under `name` (what its template shows), or else the
    page's `relation`."""
    if (found := context.get(name)) is not None:
        return list(found)
    return _related(page, relation, attribute)


def _organisations(page, context) -> list:
    """The page's organisations, in the editor's order where links keep one."""
    if hasattr(page, "organisation_links"):
        return _from_context(context, "organisations", page, "organisation_links", "organisation")
    return _from_context(context, "organisations", page, "organisations")


def article_data(info: PageInfo) -> dict:
    page = info.page
    _prefetch(page, ["themes"])
    kind = getattr(page, "kind", "")
    return _creative_work(
        info,
        "NewsArticle" if kind == ARTICLE_NEWS_KIND else "Article",
        headline=_text(page.title, HEADLINE_MAX),
        author=_authors(
            page,
            info.context,
            "article_authors",
            otherwise=[organisation(term) for term in _organisations(page, info.context)]
            or [publisher()],
        ),
        publisher=publisher(),
        mainEntityOfPage=info.url,
        about=_themes(page),
        articleSection=_display(page, "kind"),
    )


def event_data(info: PageInfo) -> dict:
    page = info.page
    _prefetch(page, ["themes"])
    where = []
    if location := getattr(page, "location", ""):
        where.append({"@type": "Place", "name": location, "address": location})
    if online_url := getattr(page, "online_url", ""):
        where.append({"@type": "VirtualLocation", "url": online_url})
    mode = (
        "MixedEventAttendanceMode"
        if len(where) == 2
        else "OnlineEventAttendanceMode"
        if online_url
        else "OfflineEventAttendanceMode"
    )
    status = EVENT_STATUSES.get(getattr(page, "status", ""), "EventScheduled")
    return _compact(
        {
            "@type": "Event",
            "name": info.title,
            "description": info.description,
            "url": info.url,
            "inLanguage": LANGUAGE,
            "image": info.image_url,
            "startDate": _iso(getattr(page, "start", None)),
            "endDate": _iso(getattr(page, "end", None)),
            "eventAttendanceMode": SCHEMA + mode,
            "eventStatus": SCHEMA + status,
            "location": where[0] if len(where) == 1 else where,
            "organizer": [organisation(term) for term in _organisations(page, info.context)],
            "about": _themes(page),
        }
    )


def publication_data(info: PageInfo) -> dict:
    page = info.page
    _prefetch(page, ["themes"])
    publisher_term = getattr(page, "publisher", None)
    issuer = organisation(publisher_term) if publisher_term else None
    documents = [
        media_object(link) for link in _from_context(info.context, "files", page, "documents")
    ]
    return _creative_work(
        info,
        "Report" if getattr(page, "kind", "") == PUBLICATION_REPORT_KIND else "CreativeWork",
        headline=_text(page.title, HEADLINE_MAX),
        author=_authors(
            page, info.context, "publication_authors", otherwise=[issuer] if issuer else []
        ),
        publisher=issuer,
        copyrightYear=getattr(page, "year", None),
        genre=_display(page, "kind"),
        mainEntityOfPage=info.url,
        about=_themes(page),
        associatedMedia=[document for document in documents if document],
    )


def practice_example_data(info: PageInfo) -> dict:
    page = info.page
    _prefetch(page, ["themes"])
    municipality = place(getattr(page, "municipality", None))
    area = place(getattr(page, "area", None))
    if area and municipality:
        area["containedInPlace"] = municipality
    partners = _from_context(info.context, "partners", page, "partner_links", "organisation")
    contact = getattr(page, "contact_organisation", None)
    start, end = getattr(page, "start_year", None), getattr(page, "end_year", None)
    return _creative_work(
        info,
        "Article",
        headline=_text(page.title, HEADLINE_MAX),
        # Written up by the portal's editors; the partners did the work.
        author=[publisher()],
        publisher=publisher(),
        mainEntityOfPage=info.url,
        about=_themes(page),
        spatialCoverage=area or municipality,
        contributor=[organisation(term) for term in partners],
        sourceOrganization=organisation(contact) if contact else None,
        creativeWorkStatus=_display(page, "status"),
        temporalCoverage=f"{start}/{end or '..'}" if start else "",
    )


def dossier_data(info: PageInfo) -> dict:
    _prefetch(info.page, ["themes"])
    return web_page(info, "CollectionPage", about=_themes(info.page))


def collection_data(info: PageInfo) -> dict:
    return web_page(info, "CollectionPage")


def explainer_data(info: PageInfo) -> dict:
    return _creative_work(
        info,
        "Article",
        headline=_text(info.page.title, HEADLINE_MAX),
        publisher=publisher(),
        mainEntityOfPage=info.url,
    )


def home_data(info: PageInfo) -> dict:
    return web_page(info, publisher=publisher())


#: The JSON-LD builder of each page type, by class name; any other page is a `WebPage`.
BUILDERS: dict[str, Callable[[PageInfo], dict]] = {
    "HomePage": home_data,
    "ArticlePage": article_data,
    "EventPage": event_data,
    "PublicationPage": publication_data,
    "PracticeExamplePage": practice_example_data,
    "DossierPage": dossier_data,
    "ExplainerPage": explainer_data,
    "ExplainerIndexPage": collection_data,
    "ArticleIndexPage": collection_data,
    "EventIndexPage": collection_data,
    "PublicationIndexPage": collection_data,
    "PracticeExampleIndexPage": collection_data,
    "DossierIndexPage": collection_data,
    "InformationPage": web_page,
}
#: The Open Graph type of a page type; any other is a "website".
OG_TYPES = {
    "ArticlePage": "article",
    "PublicationPage": "article",
    "PracticeExamplePage": "article",
}


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """schema.org's BreadcrumbList of (name, address) pairs, the page itself last."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _page_crumbs(info: PageInfo) -> list[tuple[str, str]]:
    """Home to the page, from the context's breadcrumbs (`IntroBodyMixin.get_context`)."""
    page, context = info.page, info.context
    crumbs = context.get("breadcrumbs")
    if crumbs is None:
        if page.pk is None or (page.depth or 0) <= 2:
            return []
        request = context.get("request")
        crumbs = [
            {
                "title": "Home" if ancestor.depth == 2 else ancestor.title,
                "url": ancestor.get_url(request),
            }
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]
    return [
        *((crumb["title"], absolute_url(_path(crumb["url"] or "/"))) for crumb in crumbs),
        (page.title, info.url),
    ]


def _graph(*nodes) -> str:
    return json_ld_dumps({"@context": "https://schema.org", "@graph": [n for n in nodes if n]})


def _open_graph(*, og_type, title, description, url, image) -> list[tuple[str, str]]:
    tags = [
        ("og:type", og_type),
        ("og:site_name", SITE_NAME),
        ("og:locale", OG_LOCALE),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
    ]
    if image:
        tags += [
            ("og:image", image["url"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
            ("og:image:alt", image["alt"]),
        ]
    return [(name, value) for name, value in tags if value]


def page_meta(page, context) -> dict:
    """The tags of a Wagtail page, for `components/page_meta.html`."""
    info = PageInfo(page, context)
    name = type(page).__name__
    data = BUILDERS.get(name, web_page)(info)
    og_type = OG_TYPES.get(name, "website")
    properties = _open_graph(
        og_type=og_type,
        title=info.title,
        description=info.description,
        url=info.url,
        image=info.image,
    )
    if og_type == "article":
        properties += [
            ("article:published_time", data.get("datePublished", "")),
            ("article:modified_time", data.get("dateModified", "")),
            *(
                ("article:author", author["url"])
                for author in data.get("author", [])
                if author["@type"] == "Person"
            ),
            *(("article:tag", subject["name"]) for subject in data.get("about", [])),
        ]
    crumbs = _page_crumbs(info)
    return {
        "canonical": info.url,
        "properties": [(name, value) for name, value in properties if value],
        "twitter_card": "summary_large_image" if info.image else "summary",
        "json_ld": _graph(data, breadcrumb_list(crumbs) if crumbs else None),
    }


def term_meta(term, context) -> dict:
    """The tags of a term page (`/themas/wonen/`): a CollectionPage about the term."""
    url = absolute_url(term.get_absolute_url())
    label = term.kind_label.capitalize()
    description = _text(term.description) or f"{label} {term.name}: artikelen en evenementen."
    subject = {"organisation": organisation, "author": person, "place": place}.get(
        term.kind(), theme
    )(term)
    data = _compact(
        {
            "@type": "CollectionPage",
            "name": f"{term.name} ({term.kind_label})",
            "description": description,
            "url": url,
            "inLanguage": LANGUAGE,
            "isPartOf": website(),
            "about": subject,
        }
    )
    crumbs = [
        ("Home", absolute_url("/")),
        (term.heading(), absolute_url(reverse(f"articles:{term.kind()}_index"))),
        (term.name, url),
    ]
    properties = _open_graph(
        og_type="website",
        title=f"{term.name} ({term.kind_label})",
        description=description,
        url=url,
        image=None,
    )
    return {
        "canonical": url,
        "description": description,
        "properties": properties,
        "twitter_card": "summary",
        "json_ld": _graph(data, breadcrumb_list(crumbs)),
    }


def collection_meta(title: str, path: str, description: str) -> dict:
    """The tags of a page that lists terms or places (`/themas/`, `/gebieden/`): a
    CollectionPage, one crumb below home."""
    url = absolute_url(path)
    data = _compact(
        {
            "@type": "CollectionPage",
            "name": title,
            "description": description,
            "url": url,
            "inLanguage": LANGUAGE,
            "isPartOf": website(),
        }
    )
    crumbs = [("Home", absolute_url("/")), (title, url)]
    return {
        "canonical": url,
        "description": description,
        "properties": _open_graph(
            og_type="website", title=title, description=description, url=url, image=None
        ),
        "twitter_card": "summary",
        "json_ld": _graph(data, breadcrumb_list(crumbs)),
    }
