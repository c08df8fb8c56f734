from django import forms

from readinglists.models import NOTE_MAX_LENGTH
from readinglists.selectors import SORT_SAVED, SORTS


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Notitie",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": (
                "Je notitie is te lang: gebruik hoogstens %(limit_value)d tekens "
                "(nu %(show_value)d)."
            )
        },
    )


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alles"), ("ongelezen", "Ongelezen"), ("gelezen", "Gelezen")],
    )
    thema = forms.ChoiceField(label="Thema", required=False)
    sorteer = forms.ChoiceField(
        label="Volgorde",
        required=False,
        choices=list(SORTS.items()),
        initial=SORT_SAVED,
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", "Alle thema's")] + [
            (theme.slug, theme.name) for theme in themes
        ]
