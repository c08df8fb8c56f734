"""Mail to members: a Dutch subject, a plain-text body, and the same text as HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def email_url(path: str) -> str:
    """An absolute link for a mail: BASE_URL and a path, never the host a request named."""
    return settings.BASE_URL + path


def email_html_from_text(*, subject: str, text: str) -> str:
    """The HTML part of every mail: the plain text in the site's mail layout, links clickable."""
    return render_to_string("account/email/layout.html", {"subject": subject, "text": text})


def email_send(*, template_prefix: str, to: str, context: dict) -> None:
    """Send `<prefix>_subject.txt` and `<prefix>_message.txt` outside a request (no allauth)."""
    context = {"base_url": settings.BASE_URL, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"
    text = render_to_string(f"{template_prefix}_message.txt", context).strip()
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(email_html_from_text(subject=subject, text=text), "text/html")
    message.send()
