from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles import documents
from articles.models import Author, Organisation, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "description"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]


class TermViewSetGroup(SnippetViewSetGroup):
    menu_label = "Termen"
    menu_icon = "tag"
    menu_order = 200
    items = (ThemeViewSet, OrganisationViewSet, AuthorViewSet)


register_snippet(TermViewSetGroup)


@hooks.register("before_serve_document")
def document_restricted_pages(document, request):
    """A document on restricted pages only for those who may see one of them."""
    return documents.document_serve_check(document, request)
