from django import forms
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles import dashboard, documents
from articles.admin_views import SAVES, saved_pages_viewset
from articles.models import Author, ChangeNote, Organisation, Place, Theme

# Choosers -----------------------------------------------------------------------------------


class ChooserListingMixin:
    """A chooser's list: searched on the name as typed (the models' autocomplete field), in
    alphabetical order, with the columns that tell two of the same name apart, and the related
    rows those columns show read in the same query."""

    extra_columns = ()
    related = ()

    def get_object_list(self):
        return super().get_object_list().select_related(*self.related)

    @property
    def columns(self):
        return [*super().columns, *self.extra_columns]


class TermChooseView(ChooserListingMixin, ChooseView):
    pass


class TermChooseResultsView(ChooserListingMixin, ChooseResultsView):
    pass


class TermChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TermChooseView
    choose_results_view_class = TermChooseResultsView
    extra_columns = ()
    related = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            extra_columns=self.extra_columns, related=self.related, **kwargs
        )


def chooser(*, columns=(), related=()):
    """A chooser viewset class with these extra columns and related rows."""
    return type(
        "ChooserViewSet",
        (TermChooserViewSet,),
        {"extra_columns": tuple(columns), "related": tuple(related)},
    )


# Terms and places ---------------------------------------------------------------------------


def reader_columns():
    """How many members follow a term, and how often pages with it were saved: counts only."""
    return [
        Column("followers", label="Volgers", sort_key="followers", width="10%"),
        Column("saves", label="Bewaard", sort_key="saves", width="10%"),
    ]


class TermViewSet(SnippetViewSet):
    """A kind of term, listed with the counts of `reader_columns`, each an annotation of the
    listing's own query."""

    list_per_page = 50
    chooser_per_page = 20
    related = ()

    def get_queryset(self, request):
        kind = self.model.kind()
        return self.model._default_manager.select_related(*self.related).annotate(
            followers=dashboard.term_followers_count(kind),
            saves=dashboard.term_saves_count(kind),
        )


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", *reader_columns()]
    search_fields = ["name", "description"]
    chooser_viewset_class = chooser()


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "slug", "website", *reader_columns()]
    search_fields = ["name", "description"]
    chooser_viewset_class = chooser()


class AuthorViewSet(TermViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "organisation", *reader_columns()]
    list_filter = ["organisation"]
    search_fields = ["name", "role"]
    related = ("organisation",)
    chooser_viewset_class = chooser(
        columns=[
            Column("role", label="Rol"),
            Column("organisation", label="Organisatie"),
        ],
        related=["organisation"],
    )


class PlaceViewSet(TermViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "level", "parent", *reader_columns()]
    list_filter = ["level"]
    search_fields = ["name"]
    # A place's name shows its parent, and the parent's its own parent.
    related = ("parent__parent",)
    chooser_viewset_class = chooser(
        columns=[
            Column("level", label="Niveau", accessor="get_level_display"),
            Column("parent", label="Ligt in"),
        ],
        related=["parent__parent"],
    )


class TermViewSetGroup(SnippetViewSetGroup):
    menu_label = "Termen"
    menu_icon = "tag"
    menu_order = 200
    items = (ThemeViewSet, OrganisationViewSet, AuthorViewSet, PlaceViewSet)


register_snippet(TermViewSetGroup)


# What readers save and follow ---------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_saved_pages_report():
    return saved_pages_viewset


@hooks.register("construct_homepage_panels")
def add_reader_interest_panel(request, panels):
    panels.append(dashboard.ReaderInterestPanel())


@hooks.register("construct_explorer_page_queryset")
def explorer_page_saves(parent_page, pages, request):
    """The explorer's pages with how many members saved each (read in the listing's query):
    Wagtail's explorer has no hook for columns, so the count is shown as a button."""
    return pages.annotate(**{SAVES: dashboard.page_saves_count()})


@hooks.register("register_page_listing_buttons")
def page_saves_button(page, user, next_url=None):
    saves = getattr(page, SAVES, None)
    if saves is None:  # a listing without the count
        return []
    return [
        ListingButton(
            f"Bewaard: {saves}",
            url=saved_pages_viewset.menu_url,
            icon_name="doc-full",
            attrs={"aria-label": f"{saves} keer bewaard door lezers; naar het overzicht"},
            priority=5,
        )
    ]


# Documents ----------------------------------------------------------------------------------


@hooks.register("before_serve_document")
def document_restricted_pages(document, request):
    """A document on restricted pages only for those who may see one of them."""
    return documents.document_serve_check(document, request)


# Change notes -------------------------------------------------------------------------------


class ChangeNotePermissionPolicy(ModelPermissionPolicy):
    """Change notes are made by publishing a change in substance (`articles.changes`); here an
    editor may only correct a note's wording or delete one noted by mistake."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ChangeNote, ChangeNotePermissionPolicy(ChangeNote))


class ChangeNoteViewSet(SnippetViewSet):
    model = ChangeNote
    icon = "history"
    menu_label = "Wijzigingsnotities"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["note", "page", "published_at"]
    list_per_page = 50
    ordering = ["-published_at", "-pk"]
    search_fields = ["note"]
    panels = [FieldPanel("note", widget=forms.Textarea(attrs={"rows": 3}))]

    def get_queryset(self, request):
        return ChangeNote.objects.select_related("page")


register_snippet(ChangeNoteViewSet)
