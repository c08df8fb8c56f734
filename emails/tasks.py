from django.utils import timezone
from django_tasks import task

from emails.services import email_claim, email_deliver


@task()
def email_send_task(*, mail_id: int) -> bool:
    """Send one queued mail now. Nothing to do when it went already or another worker has it;
    a failure leaves it for `send_queued_mail`."""
    now = timezone.now()
    mail = email_claim(now=now, pk=mail_id)
    return mail is not None and email_deliver(mail=mail, now=now)
