"""What editors see in the Wagtail admin beyond the page and snippet forms: the document upload
form, the users list, the listings with what readers save and follow, the dashboard panel."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import (
    PageStatusColumn,
    PageTitleColumn,
    PageTypeColumn,
    ParentPageColumn,
)
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Page
from wagtail.users.views import users as users_views
from wagtail.users.views.users import UserFilterSet

from articles import dashboard, documents

# Documents ----------------------------------------------------------------------------------

ACCEPTED_FILES = (
    ".pdf,.docx,.odt,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
    "application/vnd.oasis.opendocument.text"
)


class DocumentFileField(WagtailDocumentField):
    """Wagtail's file field with our limit and Dutch messages (also for the multiple
    uploader, which checks the size in the browser first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = settings.DOCUMENT_MAX_UPLOAD_SIZE
        self.max_upload_size_text = documents.max_upload_size_text()
        self.help_text = (
            f"Een PDF-, DOCX- of ODT-bestand van hoogstens {self.max_upload_size_text}."
        )
        self.error_messages["file_too_large_unknown_size"] = (
            f"Dit bestand is te groot. De grens is {self.max_upload_size_text}."
        )
        self.widget.attrs["accept"] = ACCEPTED_FILES

    def check_document_file_size(self, f):
        if error := documents.document_size_error(f.size):
            raise ValidationError(error, code="file_too_large")


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), for one upload and for the
    multiple uploader: a new file must be a PDF, DOCX or ODT by name and content, and small
    enough. A refused file is stored nowhere: the errors belong to the file field, so the
    multiple uploader does not keep it aside either."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            old = self.fields["file"]
            self.fields["file"] = DocumentFileField(
                label=old.label, required=old.required, widget=old.widget
            )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or "file" not in self.changed_data:
            return file
        if error := documents.document_upload_error(file, name=file.name):
            raise ValidationError(error, code="invalid_document")
        return file

    def _post_clean(self):
        refused = "file" in self._errors
        super()._post_clean()
        if refused:
            # The model's own extension check, run on the empty file, adds nothing useful.
            del self._errors["file"][1:]


# Users --------------------------------------------------------------------------------------

#: The users list shows these by default: the people with access to the admin.
USERS_EDITORS = ""
USERS_MEMBERS = "leden"
USERS_ALL = "iedereen"


def admin_access_q() -> Q:
    """Users who may use the admin: superusers, and those with `wagtailadmin.access_admin`
    through one of their groups or on their own."""
    User = get_user_model()
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    via_group = Group.permissions.through.objects.filter(
        group__user=OuterRef("pk"), permission__in=access
    )
    own = User.user_permissions.through.objects.filter(user=OuterRef("pk"), permission__in=access)
    return Q(is_superuser=True) | Exists(via_group) | Exists(own)


class EditorFilterSet(UserFilterSet):
    kind = django_filters.ChoiceFilter(
        field_name="pk",
        label="Soort account",
        empty_label="Met toegang tot het beheer",
        choices=[(USERS_MEMBERS, "Leden zonder toegang"), (USERS_ALL, "Iedereen")],
        widget=forms.RadioSelect,
        method="filter_kind",
    )

    def filter_kind(self, queryset, name, value):
        return queryset  # applied by UserIndexView, which also applies the default


class UserIndexView(users_views.IndexView):
    """Wagtail's users list, by default without the members: site accounts without access to
    the admin are many, and not the editors' business to manage here."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        kind = USERS_EDITORS
        if self.filters is not None and self.filters.is_valid():
            kind = self.filters.form.cleaned_data.get("kind") or USERS_EDITORS
        if kind == USERS_ALL:
            return queryset
        if kind == USERS_MEMBERS:
            return queryset.exclude(admin_access_q())
        return queryset.filter(admin_access_q())


class UserViewSet(users_views.UserViewSet):
    """Wagtail's user views with the list above (`articles.admin_apps.WagtailUsersConfig`)."""

    index_view_class = UserIndexView
    filterset_class = EditorFilterSet


# What readers save --------------------------------------------------------------------------

SAVES = "reader_saves"


class SavedPagesIndexView(PageIndexView):
    """Every content page with the number of members who saved it, most saved first; a page's
    count is an annotation of the listing's own query."""

    default_ordering = f"-{SAVES}"
    page_title = "Bewaard door lezers"

    def get_base_queryset(self):
        from articles.models import CONTENT_MODELS

        pages = super().get_base_queryset().type(*CONTENT_MODELS)
        return pages.annotate(**{SAVES: dashboard.page_saves_count()})

    def get_ordering(self):
        ordering = super().get_ordering()
        if self.is_searching and ordering and ordering.lstrip("-") == SAVES:
            return None  # search results cannot be ordered by an annotation: by relevance
        return ordering

    def get_add_url(self):
        return None


class SavedPagesViewSet(PageListingViewSet):
    """The report "Bewaard door lezers" (menu Rapporten)."""

    model = Page
    index_view_class = SavedPagesIndexView
    icon = "doc-full"
    menu_label = "Bewaard door lezers"
    menu_name = "bewaard-door-lezers"
    menu_hook = "register_reports_menu_item"
    columns = [
        PageTitleColumn("title", label="Titel", sort_key="title", classname="title"),
        ParentPageColumn("parent", label="Bovenliggende pagina"),
        PageTypeColumn("type", label="Type", accessor="page_type_display_name", width="14%"),
        PageStatusColumn("status", label="Status", sort_key="live", width="12%"),
        Column(SAVES, label="Bewaard", sort_key=SAVES, width="10%"),
    ]


saved_pages_viewset = SavedPagesViewSet("bewaard_door_lezers", url_prefix="bewaard-door-lezers")
