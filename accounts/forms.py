from allauth.account.adapter import get_adapter
from django import forms

from accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "organisation", "role"]
        labels = {"display_name": "Weergavenaam", "organisation": "Organisatie", "role": "Rol"}
        help_texts = {"display_name": "Zo zie je jouw naam op de site."}


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Je wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # allauth's reauthentication counts failures against the same rate limit as logins.
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError("Dit wachtwoord klopt niet.")
        return password
