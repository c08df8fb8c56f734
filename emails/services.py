"""Outgoing mail: every mail the site sends is written to a ledger (`OutgoingMail`) and sent by a
task, so no request waits for, or fails on, the mail server.

`email_queue` records a message and queues `email_send_task` for it (in production for
`db_worker`; with DEBUG and in the tests it runs at once). A failed attempt is recorded and the
mail waits with a growing delay; `send_queued_mail`, which the schedule runs every minute, sends
whatever is due. Rows are claimed (`SELECT ... FOR UPDATE SKIP LOCKED` where the database has it,
and a compare-and-set on the attempt count everywhere), so two workers never send the same row
at once. A claim lapses after `CLAIM_TIMEOUT`: a worker killed mid-send leaves its row to be
sent again, so a mail can, in that split second, go out twice, but is never lost.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from emails.models import OutgoingMail

logger = logging.getLogger(__name__)

#: How long a claimed row is left to its worker (far beyond the mail server's 10 s timeout).
CLAIM_TIMEOUT = timedelta(minutes=10)
#: Attempts before a mail is given up: with the delays below, about three days of trying.
MAX_ATTEMPTS = 20
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=6)
#: A run stops after this many failures in a row: the server is down, the rest can wait.
RUN_FAILURES = 3
#: Sent and given-up rows are removed this long after they were queued.
KEEP = timedelta(days=30)


@dataclass
class MailRun:
    sent: int = 0
    failed: int = 0


def email_retry_delay(*, attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4 ... minutes, at most 6 h."""
    return min(FIRST_DELAY * 2 ** min(attempts - 1, 20), LONGEST_DELAY)


def email_queue(*, message: EmailMessage) -> OutgoingMail:
    """Record `message` in the ledger and queue its sending. Never talks to the mail server
    itself, so it cannot fail because that server is down."""
    from emails.tasks import email_send_task

    html = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype != "text/html" or html:
            raise ValueError("Only one HTML part is supported.")
        html = content
    if message.cc or message.bcc or message.attachments or message.reply_to:
        raise ValueError("Cc, bcc, reply-to and attachments are not supported.")
    mail = OutgoingMail.objects.create(
        from_email=message.from_email,
        to=list(message.to),
        subject=message.subject,
        body=message.body,
        html=html,
        headers=dict(message.extra_headers),
    )
    email_send_task.enqueue(mail_id=mail.pk)
    return mail


def email_claim(*, now: datetime, pk: int | None = None) -> OutgoingMail | None:
    """Take one mail that is due at `now` (that one mail, with `pk`) for this worker."""
    due = OutgoingMail.objects.filter(
        status__in=[OutgoingMail.Status.QUEUED, OutgoingMail.Status.SENDING],
        next_attempt_at__lte=now,
    )
    if pk is not None:
        due = due.filter(pk=pk)
    while True:
        with transaction.atomic():
            mail = due.select_for_update(skip_locked=True).order_by("next_attempt_at", "pk").first()
            if mail is None:
                return None
            claimed = due.filter(pk=mail.pk, attempts=mail.attempts).update(
                status=OutgoingMail.Status.SENDING,
                attempts=F("attempts") + 1,
                next_attempt_at=now + CLAIM_TIMEOUT,
            )
        if claimed:
            mail.status, mail.attempts = OutgoingMail.Status.SENDING, mail.attempts + 1
            return mail


def email_deliver(*, mail: OutgoingMail, now: datetime) -> bool:
    """Hand a claimed mail to the mail server and record the outcome; never raises for it."""
    message = EmailMultiAlternatives(
        mail.subject, mail.body, mail.from_email, mail.to, headers=mail.headers
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    try:
        message.send()
    except Exception as error:
        given_up = mail.attempts >= MAX_ATTEMPTS
        # Only while still ours: a claim that lapsed meanwhile belongs to another worker now.
        mine = OutgoingMail.objects.filter(
            pk=mail.pk, status=OutgoingMail.Status.SENDING, attempts=mail.attempts
        )
        mine.update(
            status=OutgoingMail.Status.FAILED if given_up else OutgoingMail.Status.QUEUED,
            next_attempt_at=now if given_up else now + email_retry_delay(attempts=mail.attempts),
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        log = logger.error if given_up else logger.warning
        log("Mail %s, attempt %s, not sent: %r", mail.pk, mail.attempts, error)
        return False
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENT, sent_at=timezone.now(), body="", html="", last_error=""
    )
    return True


def emails_send_due(*, now: datetime | None = None) -> MailRun:
    """Send every mail due at `now`, and forget the ones sent or given up long ago."""
    now = now or timezone.now()
    OutgoingMail.objects.filter(
        status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED],
        created_at__lt=now - KEEP,
    ).delete()
    run, failures = MailRun(), 0
    while failures < RUN_FAILURES and (mail := email_claim(now=now)) is not None:
        if email_deliver(mail=mail, now=now):
            run.sent, failures = run.sent + 1, 0
        else:
            run.failed, failures = run.failed + 1, failures + 1
    return run
