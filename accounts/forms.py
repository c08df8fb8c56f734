from allauth.account import forms as allauth_forms
from allauth.account.adapter import get_adapter
from django import forms
from django.contrib.auth.hashers import make_password

from accounts.models import User

#: What to fill in, said per field, instead of Django's "Dit is een verplicht veld.": the error
#: summary lists these, so each must make sense on its own.
REQUIRED_MESSAGES = {
    "login": "Vul je e-mailadres in.",
    "email": "Vul je e-mailadres in.",
    "password": "Vul je wachtwoord in.",
    "oldpassword": "Vul je huidige wachtwoord in.",
    "password1": "Kies een wachtwoord.",
    "password2": "Vul het wachtwoord nog een keer in.",
    "code": "Vul de code uit de e-mail in.",
}


class RequiredMessagesMixin:
    """Says for each empty required field what to fill in (`REQUIRED_MESSAGES`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in REQUIRED_MESSAGES:
                field.error_messages["required"] = REQUIRED_MESSAGES[name]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "organisation", "role"]
        labels = {"display_name": "Weergavenaam", "organisation": "Organisatie", "role": "Rol"}
        help_texts = {"display_name": "Zo zie je jouw naam op de site."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "Geen keuze"), *User.Role.choices]


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Je wachtwoord",
        help_text="Zo weten we zeker dat jij het bent.",
        error_messages={"required": REQUIRED_MESSAGES["password"]},
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


class SignupForm(RequiredMessagesMixin, allauth_forms.SignupForm):
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


# allauth's other forms, each only with the messages above (settings.ACCOUNT_FORMS).


class LoginForm(RequiredMessagesMixin, allauth_forms.LoginForm):
    pass


class ResetPasswordForm(RequiredMessagesMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(RequiredMessagesMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(RequiredMessagesMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(RequiredMessagesMixin, allauth_forms.SetPasswordForm):
    pass


class AddEmailForm(RequiredMessagesMixin, allauth_forms.AddEmailForm):
    pass


class ReauthenticateForm(RequiredMessagesMixin, allauth_forms.ReauthenticateForm):
    pass


class RequestLoginCodeForm(RequiredMessagesMixin, allauth_forms.RequestLoginCodeForm):
    pass


class ConfirmLoginCodeForm(RequiredMessagesMixin, allauth_forms.ConfirmLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A short code from the mail, which phones offer to fill in.
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "class": "form-input--10ch"}
        )
