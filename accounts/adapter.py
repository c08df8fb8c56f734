from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from accounts.emails import email_html_from_text


class AccountAdapter(DefaultAccountAdapter):
    """allauth's mails in Dutch, each with an HTML part built from its plain text."""

    def send_mail(self, template_prefix, email, context):
        super().send_mail(template_prefix, email, {"base_url": settings.BASE_URL, **context})

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not getattr(message, "alternatives", None) and message.content_subtype == "plain":
            message.attach_alternative(
                email_html_from_text(subject=message.subject, text=message.body), "text/html"
            )
        return message
