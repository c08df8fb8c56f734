import ipaddress
from urllib.parse import quote

from allauth import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.emails import email_greeting_name, email_html_from_text, email_url
from accounts.intents import intent_complete
from emails.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """allauth's mails in Dutch, each with an HTML part built from its plain text.

    Logging in also completes the visitor's pending intent (`accounts.intents`) and, when no
    `next` was passed along (e.g. a new account confirmed after signing up through the header's
    link), returns them to its page.
    """

    def login(self, request, user):
        super().login(request, user)
        # Whether to show Wagtail's user bar, decided once per login: checking the permission
        # on every page would cost every member two queries for a bar only editors see.
        request.session["may_edit"] = user.has_perm("wagtailadmin.access_admin")
        request.intent_next = intent_complete(request=request, user=user)

    def get_login_redirect_url(self, request):
        return getattr(request, "intent_next", None) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        """After confirming a new account (which logs in: ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION)
        without a `next`, e.g. signed up through the header's link: the intent's page."""
        return getattr(request, "intent_next", None) or super().get_signup_redirect_url(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Count failed logins per address only. allauth prefixes the request's host (with its
        port), so each host name or port a process answers on would count on its own."""
        return credentials.get("email", credentials.get("username", "")).lower()

    # Every absolute link in a mail starts with BASE_URL. allauth builds its links from the
    # request (`build_absolute_uri`), that is from the Host header, which a visitor chooses.

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return email_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return email_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email):
        context = {
            "signup_url": email_url(reverse("account_signup")),
            "password_reset_url": email_url(reverse("account_reset_password")),
        }
        self.send_mail("account/email/account_already_exists", email, context)

    def get_client_ip(self, request):
        """The address allauth's limits per IP address count: the one the outermost of the
        `TRUSTED_PROXY_COUNT` proxies appended to X-Forwarded-For, else the direct peer.

        Entries before those came from the client and are never read. A header that did not
        pass every trusted proxy, or holds something else than addresses where they write,
        counts as the peer's (allauth would answer it with a 500 or a 403)."""
        count = allauth_settings.TRUSTED_PROXY_COUNT
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")
        if count > 0 and len(forwarded) >= count:
            hops = [_address(entry) for entry in forwarded[-count:]]
            if all(hops):
                return hops[0]
        peer = _address(request.META.get("REMOTE_ADDR", ""))
        if peer is None:
            raise PermissionDenied("Onbekend adres.")
        return peer

    def send_mail(self, template_prefix, email, context):
        """Render the mail as allauth does, and queue it: the task worker sends it, and tries
        again later while the mail server is down, so no request fails on it."""
        request = self.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
            "base_url": settings.BASE_URL,
        }
        # Mail about an account greets its member (notifications leave `user` to the request).
        user = context.get("user") or getattr(request, "user", None)
        context["greeting_name"] = email_greeting_name(user=user, to=email)
        if "signup_url" in context:  # the unknown-account mail, built by allauth without a hook
            context["signup_url"] = email_url(reverse("account_signup"))
        email_queue(message=self.render_mail(template_prefix, email, context))

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not getattr(message, "alternatives", None) and message.content_subtype == "plain":
            message.attach_alternative(
                email_html_from_text(subject=message.subject, text=message.body), "text/html"
            )
        return message


def _address(value: str) -> str | None:
    """An IP address as proxies write it (`192.0.2.1`, `192.0.2.1:3456`, `[2001:db8::1]:3456`,
    `2001:db8::1`), or None."""
    value = value.strip()
    if value.startswith("[") and "]:" in value:
        value = value[1:].partition("]:")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
