"""Mail to members: a Dutch subject, a plain-text body, and the same text as HTML."""

import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from emails.services import email_queue


def email_url(path: str) -> str:
    """An absolute link for a mail: BASE_URL and a path, never the host a request named."""
    return settings.BASE_URL + path


def email_greeting_name(*, user, to: str) -> str:
    """The name a mail to `to` greets `user` by: their display name only when `to` is an address
    they have confirmed. What a member writes never goes to an address that may be someone
    else's (an address they added, or asked a new password for)."""
    if user is None or not getattr(user, "pk", None) or not user.display_name:
        return ""
    confirmed = EmailAddress.objects.filter(user=user, email__iexact=to, verified=True).exists()
    return user.display_name if confirmed else ""


def _own_links(text: str) -> str:
    """`text` as HTML, escaped, with our own addresses (BASE_URL and a path) made links; nothing
    else is linked, so no text a member wrote or a browser sent becomes a link."""
    own = re.compile(re.escape(settings.BASE_URL) + r"(?=[/\s]|$)[^\s<>\"']*")
    parts, start = [], 0
    for match in own.finditer(text):
        url = match.group(0).rstrip(".,;:!?)")
        parts += [escape(text[start : match.start()]), f'<a href="{escape(url)}">{escape(url)}</a>']
        start = match.start() + len(url)
    parts.append(escape(text[start:]))
    return "".join(parts)


def email_html_from_text(*, subject: str, text: str) -> str:
    """The HTML part of every mail: the plain text in the site's mail layout, our links clickable."""
    html = mark_safe(linebreaks(_own_links(text)))  # noqa: S308 - escaped by _own_links
    return render_to_string("account/email/layout.html", {"subject": subject, "html": html})


def email_send(*, template_prefix: str, to: str, context: dict) -> None:
    """Send `<prefix>_subject.txt` and `<prefix>_message.txt` outside a request (no allauth),
    through the queue as every mail goes."""
    context = {"base_url": settings.BASE_URL, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"
    text = render_to_string(f"{template_prefix}_message.txt", context).strip()
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(email_html_from_text(subject=subject, text=text), "text/html")
    email_queue(message=message)
