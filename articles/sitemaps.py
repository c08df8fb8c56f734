"""The sitemaps: `/sitemap.xml` for search engines (Wagtail's pages and `TermSitemap`) and the
page tree and term lists of the sitemap for people at `/sitemap/`."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Q
from django.db.models.functions import Length, Substr
from django.urls import reverse
from wagtail.models import Page

from articles.models import FOLLOW_KINDS
from pagecache.memo import public, site_root_paths


class TermSitemap(Sitemap):
    """The public pages of themes, organisations, authors and places, each kind's index before
    its terms, next to Wagtail's pages.

    Addresses are built from BASE_URL, like the pages' (the Wagtail site takes it from there too).
    """

    def items(self):
        items = []
        for kind, model in FOLLOW_KINDS.items():
            items.append(reverse(f"articles:{kind}_index"))
            items.extend(model.objects.only("slug").order_by("pk"))
        return items

    def location(self, item):
        return item if isinstance(item, str) else item.get_absolute_url()

    def get_protocol(self, protocol=None):
        return urlsplit(settings.BASE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.BASE_URL).netloc


@dataclass
class TreeNode:
    title: str
    url: str
    path: str = ""
    children: list["TreeNode"] = field(default_factory=list)
    #: For a listing's index: how many items it lists (they are not each listed here).
    count: int | None = None


#: Content that lives in listings by the thousand: the sitemap names its index and the number of
#: items, and leaves the items to the index (and to /sitemap.xml).
LISTED = ("articlepage", "eventpage", "publicationpage", "practiceexamplepage")


def page_tree(site) -> list[TreeNode]:
    """The live pages anybody may read below the home page of `site`, in tree order, each with
    its children, but for the items of the listings (articles, events, publications, practice
    examples), which their index counts: two queries however many pages. A page whose parent is
    not listed (a draft) hangs under its nearest listed ancestor."""
    root_path = next(
        (root.root_path for root in site_root_paths() if root.site_id == site.pk), None
    )
    if root_path is None:
        return []
    pages = public(Page.objects.live().filter(url_path__startswith=root_path)).exclude(
        url_path=root_path
    )
    listed = Q(content_type__app_label="articles", content_type__model__in=LISTED)
    rows = pages.exclude(listed).order_by("path").values_list("title", "url_path", "path")
    counts = dict(
        pages.filter(listed)
        .annotate(parent=Substr("path", 1, Length("path") - Page.steplen))
        .order_by()
        .values_list("parent")
        .annotate(n=Count("pk"))
    )
    top: list[TreeNode] = []
    open_nodes: list[TreeNode] = []
    for title, url_path, path in rows:
        node = TreeNode(
            title=title,
            url=url_path.removeprefix(root_path[:-1]),
            path=path,
            count=counts.get(path),
        )
        while open_nodes and not path.startswith(open_nodes[-1].path):
            open_nodes.pop()
        (open_nodes[-1].children if open_nodes else top).append(node)
        open_nodes.append(node)
    return top


def term_trees() -> list[TreeNode]:
    """Each kind of term's index (and the places') with all its terms by name: one query per
    kind."""
    return [
        TreeNode(
            title=model.heading(),
            url=reverse(f"articles:{kind}_index"),
            children=[
                TreeNode(title=term.name, url=term.get_absolute_url())
                for term in model.objects.only("name", "slug").order_by("name")
            ],
        )
        for kind, model in FOLLOW_KINDS.items()
    ]
