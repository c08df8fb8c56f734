from django import forms

from readinglists.models import (
    SHARED_NAME_MAX_LENGTH,
    SHARED_PURPOSE_MAX_LENGTH,
    TEAM_NOTE_MAX_LENGTH,
    Role,
)
from readinglists.shared_services import INVITATION_BATCH

_TOO_LONG = "Dit is te lang: gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."


class SharedListForm(forms.Form):
    name = forms.CharField(
        label="Naam",
        max_length=SHARED_NAME_MAX_LENGTH,
        help_text="Bijvoorbeeld: Wijkteam Rivierbuurt – voorbereiding wijkoverleg in maart.",
        error_messages={"required": "Geef de lijst een naam.", "max_length": _TOO_LONG},
    )
    purpose = forms.CharField(
        label="Doel",
        required=False,
        max_length=SHARED_PURPOSE_MAX_LENGTH,
        help_text="Waarvoor jullie de lijst gebruiken, in een zin.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _TOO_LONG},
    )


class InviteForm(forms.Form):
    addresses = forms.CharField(
        label="E-mailadressen",
        max_length=INVITATION_BATCH * 260,
        help_text=(
            f"Een of meer adressen, gescheiden door komma's of op aparte regels; hoogstens "
            f"{INVITATION_BATCH} tegelijk. Ieder krijgt een eigen link die 14 dagen geldig is."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
        error_messages={"required": "Vul minstens één e-mailadres in.", "max_length": _TOO_LONG},
    )
    role = forms.ChoiceField(
        label="Rol",
        choices=Role.choices,
        initial=Role.EDITOR,
        error_messages={"invalid_choice": "Kies een van de rollen: eigenaar, bewerker of lezer."},
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Nieuwe notitie",
        max_length=TEAM_NOTE_MAX_LENGTH,
        help_text=(
            f"Het hele team ziet je notitie, met je naam; hoogstens {TEAM_NOTE_MAX_LENGTH} tekens."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf eerst je notitie.", "max_length": _TOO_LONG},
    )
