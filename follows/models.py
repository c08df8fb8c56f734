"""A member follows themes, organisations, authors and places (gebieden), and the changes to single
pages (explainers, publications, dossiers), and chooses how often to get a digest."""

import functools
import operator

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models.terms import TERM_KINDS

#: The kinds of term a member can follow, by the name of the foreign key on `Follow`.
KINDS = tuple(TERM_KINDS)
#: Everything a follow can name: the terms, a place (with the places in it), or one page's
#: changes in substance.
TARGETS = (*KINDS, "place", "page")


def _exactly_one(fields) -> Q:
    """Exactly one of `fields` is set."""
    return functools.reduce(
        operator.or_,
        [Q(**{f"{field}__isnull": field != chosen for field in fields}) for chosen in fields],
    )


class Follow(models.Model):
    """One member following exactly one thing: one of the foreign keys of `TARGETS` is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lid",
        on_delete=models.CASCADE,
        related_name="follows",
    )
    theme = models.ForeignKey(
        "articles.Theme",
        verbose_name="thema",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    organisation = models.ForeignKey(
        "articles.Organisation",
        verbose_name="organisatie",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    author = models.ForeignKey(
        "articles.Author",
        verbose_name="auteur",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    place = models.ForeignKey(
        "articles.Place",
        verbose_name="gebied",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="wijzigingen van pagina",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="change_follows",
    )
    created_at = models.DateTimeField("gevolgd sinds", auto_now_add=True)

    class Meta:
        verbose_name = "gevolgd onderwerp"
        verbose_name_plural = "gevolgde onderwerpen"
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one(TARGETS), name="follow_exactly_one_target"
            ),
            models.UniqueConstraint(fields=["user", "theme"], name="unique_follow_theme"),
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_follow_organisation"
            ),
            models.UniqueConstraint(fields=["user", "author"], name="unique_follow_author"),
            models.UniqueConstraint(fields=["user", "place"], name="unique_follow_place"),
            models.UniqueConstraint(fields=["user", "page"], name="unique_follow_page"),
        ]

    def __str__(self):
        label = {"place": "gebied", "page": "de wijzigingen van"}.get(self.kind)
        return f"{self.user} volgt {label or self.term.kind_label} {self.term}"

    @property
    def kind(self) -> str:
        return next(kind for kind in TARGETS if getattr(self, f"{kind}_id") is not None)

    @property
    def term(self):
        """What is followed: a term, a place or a page."""
        return getattr(self, self.kind)


class FollowSettings(models.Model):
    """How often a member wants a digest, and what they have seen."""

    class Digest(models.TextChoices):
        DAILY = "daily", "Elke dag"
        WEEKLY = "weekly", "Elke week"
        NEVER = "never", "Nooit"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="lid",
        on_delete=models.CASCADE,
        related_name="follow_settings",
    )
    digest = models.CharField(
        "e-mail met nieuwe items", max_length=10, choices=Digest.choices, default=Digest.WEEKLY
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    #: Counts how often digests were switched on again after "never": an unsubscribe link names
    #: the subscription its digest was sent for, and does nothing for a later one.
    subscription = models.PositiveIntegerField("aanmelding", default=0)
    #: The end of the period the last digest covered; the next one lists what came after.
    digest_until = models.DateTimeField("laatste e-mail tot", null=True, blank=True)
    #: The latest request to /volgend/, and the boundary before which items are no longer new.
    visit_at = models.DateTimeField("laatste bezoek", null=True, blank=True)
    new_since = models.DateTimeField("nieuw sinds", null=True, blank=True)

    class Meta:
        verbose_name = "volginstellingen"
        verbose_name_plural = "volginstellingen"

    def __str__(self):
        return f"Volginstellingen van {self.user}"


class DigestDelivery(models.Model):
    """The ledger of digests: one row per member and period, so no run sends a period twice."""

    class Status(models.TextChoices):
        PENDING = "pending", "Wacht"
        SENDING = "sending", "Wordt verstuurd"
        SENT = "sent", "Verstuurd"
        EMPTY = "empty", "Niets nieuws"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lid",
        on_delete=models.CASCADE,
        related_name="digest_deliveries",
    )
    #: "dag-2026-05-04" or "week-2026-W19": the period this digest belongs to.
    period = models.CharField("periode", max_length=20)
    since = models.DateTimeField("nieuw sinds")
    until = models.DateTimeField("nieuw tot")
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    item_count = models.PositiveIntegerField("aantal items", default=0)
    created_at = models.DateTimeField("gepland", auto_now_add=True)
    #: When a run took the row to send it; a row "sending" for long after is taken again.
    claimed_at = models.DateTimeField("opgepakt", null=True, blank=True)
    sent_at = models.DateTimeField("verstuurd", null=True, blank=True)

    class Meta:
        verbose_name = "verstuurde samenvatting"
        verbose_name_plural = "verstuurde samenvattingen"
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="unique_digest_per_period"),
        ]
        indexes = [models.Index(fields=["status", "id"], name="digest_status_idx")]

    def __str__(self):
        return f"Samenvatting {self.period} voor {self.user}"
