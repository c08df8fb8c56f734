"""Changes in substance to living documents (explainers, publications, dossiers).

When publishing, the editor says whether the new version is a small correction or a change in
substance; a change in substance comes with a short public note. The choice and the note travel
with the revision (so a scheduled or moderated version brings its own), and every published
change in substance leaves one `ChangeNote`: what the page lists under "Wijzigingen" and what
reaches the members who follow the page.
"""

from django import forms
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

#: Longer than a sentence or two is an article, not a change note.
CHANGE_NOTE_MAX_LENGTH = 300


class ChangeKind(models.TextChoices):
    MINOR = "minor", "Kleine correctie"
    MAJOR = "major", "Inhoudelijke wijziging"


class ChangeNoted(models.Model):
    """A page whose changes in substance are noted in public and can be followed.

    `change_kind` and `change_note` describe the revision they are saved with, not the page: the
    edit form starts every new version as a small correction without a note
    (`ChangeNotedPageForm`), and once a change is noted the live row forgets them
    (`articles.changes.change_note_record`).
    """

    change_kind = models.CharField(
        "soort wijziging",
        max_length=10,
        choices=ChangeKind.choices,
        default=ChangeKind.MINOR,
        help_text=(
            "Een kleine correctie (taal, opmaak, een link) blijft stil. Een inhoudelijke "
            "wijziging komt met een notitie op de pagina en bij iedereen die de pagina volgt."
        ),
    )
    change_note = models.CharField(
        "wijzigingsnotitie",
        max_length=CHANGE_NOTE_MAX_LENGTH,
        blank=True,
        help_text=(
            "Alleen bij een inhoudelijke wijziging: wat is er veranderd, in één of twee zinnen "
            f"(hoogstens {CHANGE_NOTE_MAX_LENGTH} tekens). Lezers zien dit onder “Wijzigingen”."
        ),
    )

    #: A copy is a new page: it has no changes yet.
    exclude_fields_in_copy = ["change_kind", "change_note"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["change_notes"] = list(self.change_notes.order_by("-published_at", "-pk"))
        return context


def change_panel() -> MultiFieldPanel:
    """The choice and the note, at the end of the page's content panels."""
    return MultiFieldPanel(
        [
            FieldPanel("change_kind", widget=forms.RadioSelect),
            FieldPanel("change_note", widget=forms.Textarea(attrs={"rows": 3})),
        ],
        heading="Wat voor wijziging is dit?",
    )


class ChangeNotedPageForm(WagtailAdminPageForm):
    """The edit form of a `ChangeNoted` page.

    A page that was never published has nothing to note: the fields are left out. Every other
    version starts as a small correction without a note, unless the editor continues a version
    that is not live yet (a draft, a scheduled or submitted version) and chose already: what was
    noted for an earlier version is never offered again (also not when an old version is
    restored).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "change_kind" not in self.fields:
            return
        if self.instance.first_published_at is None:
            del self.fields["change_kind"]
            del self.fields["change_note"]
            return
        self.fields["change_note"].error_messages["max_length"] = (
            "Een wijzigingsnotitie is hoogstens %(limit_value)d tekens; deze heeft er "
            "%(show_value)d. Houd het bij één of twee zinnen."
        )
        if not self._continues_unpublished_choice():
            self.initial["change_kind"] = ChangeKind.MINOR
            self.initial["change_note"] = ""

    def _continues_unpublished_choice(self) -> bool:
        """Whether the form shows the page's latest version, not live yet, with the choice made
        for it (rather than the live version, or an older one being restored)."""
        from wagtail.models import Page

        instance = self.instance
        if instance.pk is None or instance.change_kind != ChangeKind.MAJOR:
            return False
        row = (
            Page.objects.filter(pk=instance.pk)
            .values_list("live_revision_id", "latest_revision_id", "latest_revision__content")
            .first()
        )
        if row is None:
            return False
        live_id, latest_id, content = row
        if latest_id is None or latest_id == live_id or not isinstance(content, dict):
            return False
        return (content.get("change_kind"), content.get("change_note")) == (
            instance.change_kind,
            instance.change_note,
        )

    def clean(self):
        cleaned_data = super().clean()
        if "change_kind" not in self.fields:
            return cleaned_data
        kind = cleaned_data.get("change_kind")
        note = " ".join((cleaned_data.get("change_note") or "").split())
        if "change_note" in cleaned_data:
            cleaned_data["change_note"] = note
        if kind == ChangeKind.MAJOR and not note and "change_note" not in self.errors:
            self.add_error(
                "change_note",
                "Schrijf in één of twee zinnen wat er inhoudelijk is veranderd: lezers en "
                "volgers zien die notitie. Of kies “Kleine correctie”.",
            )
        elif kind == ChangeKind.MINOR and note:
            self.add_error(
                "change_note",
                "Een kleine correctie krijgt geen notitie. Kies “Inhoudelijke wijziging” als "
                "lezers deze notitie moeten zien, of maak het veld leeg.",
            )
        return cleaned_data


class ChangeNote(models.Model):
    """One published change in substance to a page: the public note, and when it went live.

    One per revision, so publishing the same version again (a second run of the scheduler, a
    repeated publish) notes nothing new. The note outlives the revision when old revisions are
    purged.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        on_delete=models.CASCADE,
        related_name="change_notes",
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name="versie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_note",
    )
    published_at = models.DateTimeField("gepubliceerd op")
    note = models.CharField("notitie", max_length=CHANGE_NOTE_MAX_LENGTH)

    class Meta:
        verbose_name = "wijzigingsnotitie"
        verbose_name_plural = "wijzigingsnotities"
        indexes = [
            models.Index(fields=["page", "-published_at"], name="change_note_page_newest"),
        ]

    def __str__(self):
        return self.note
