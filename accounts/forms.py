from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password

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


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, costing the same whether or not the address has an account.

    With ACCOUNT_PREVENT_ENUMERATION both answer alike and queue one mail, but only a new
    account had its password hashed: the deliberately slow step, which made a known address
    answer some 300 ms sooner. Here a known address has the password hashed too (and thrown
    away), so both do the same work.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
