from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutgoingMail(models.Model):
    """One mail the site sends, from the moment it is queued until the mail server took it.

    A request only writes this row; a task sends it (`emails.services`), and a failed attempt
    leaves it queued for a later one. Once sent, the row keeps who got which subject when, but
    not the text: that held one-time links and codes.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "In de wachtrij"
        SENDING = "sending", "Wordt verstuurd"
        SENT = "sent", "Verstuurd"
        FAILED = "failed", "Opgegeven"

    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    from_email = models.CharField("afzender", max_length=320)
    to = models.JSONField("aan")
    subject = models.TextField("onderwerp")
    body = models.TextField("tekst", blank=True)
    html = models.TextField("HTML", blank=True)
    headers = models.JSONField("kopregels", default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    #: When to try (again). While "sending" it is when the claim lapses: a worker that died
    #: mid-send never marks its row, which is then taken again.
    next_attempt_at = models.DateTimeField("volgende poging", default=timezone.now)
    last_error = models.TextField("laatste fout", blank=True)
    created_at = models.DateTimeField("aangemaakt", default=timezone.now)
    sent_at = models.DateTimeField("verstuurd", null=True, blank=True)

    class Meta:
        verbose_name = "uitgaande e-mail"
        verbose_name_plural = "uitgaande e-mails"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="outgoing_mail_sent_has_sent_at",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=["queued", "sending"]),
                name="outgoing_mail_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.subject} aan {', '.join(self.to)}"
