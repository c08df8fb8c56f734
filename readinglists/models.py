from django.conf import settings
from django.db import models
from django.utils import timezone

NOTE_MAX_LENGTH = 500


class ReadingListItem(models.Model):
    """An article or event a member saved to read later.

    The page may be unpublished or deleted later; the item then stays, shown by its `title` as it
    was when saved, so the member's list does not silently shrink.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lid",
        on_delete=models.CASCADE,
        related_name="reading_list_items",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("titel", max_length=255)
    note = models.CharField("notitie", max_length=NOTE_MAX_LENGTH, blank=True)
    read_at = models.DateTimeField("gelezen op", null=True, blank=True)
    created_at = models.DateTimeField("bewaard op", default=timezone.now)

    class Meta:
        verbose_name = "leeslijstitem"
        verbose_name_plural = "leeslijstitems"
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_reading_list_item"),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="reading_list_newest")]

    def __str__(self):
        return self.title


# Shared lists: a leeslijst a team keeps together (/leeslijst/gedeeld/).

SHARED_NAME_MAX_LENGTH = 120
SHARED_PURPOSE_MAX_LENGTH = 300
TEAM_NOTE_MAX_LENGTH = 2000


class SharedList(models.Model):
    """A reading list a team keeps together: its members (`SharedListMember`), items in an
    order of their own and notes per item. Visible to its members only."""

    name = models.CharField("naam", max_length=SHARED_NAME_MAX_LENGTH)
    purpose = models.CharField("doel", max_length=SHARED_PURPOSE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)

    class Meta:
        verbose_name = "gedeelde leeslijst"
        verbose_name_plural = "gedeelde leeslijsten"

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    OWNER = "eigenaar", "Eigenaar"
    EDITOR = "bewerker", "Bewerker"
    READER = "lezer", "Lezer"


class SharedListMember(models.Model):
    """A member's place in a shared list, with their role."""

    shared_list = models.ForeignKey(
        SharedList, verbose_name="lijst", on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="lid",
        on_delete=models.CASCADE,
        related_name="shared_list_memberships",
    )
    role = models.CharField("rol", max_length=10, choices=Role.choices, default=Role.READER)
    joined_at = models.DateTimeField("lid sinds", default=timezone.now)

    class Meta:
        verbose_name = "lid van een gedeelde leeslijst"
        verbose_name_plural = "leden van gedeelde leeslijsten"
        constraints = [
            models.UniqueConstraint(fields=["shared_list", "user"], name="unique_shared_member"),
        ]
        indexes = [models.Index(fields=["user", "shared_list"], name="shared_member_user")]


class SharedListItem(models.Model):
    """A page in a shared list. Like a leeslijst item it stays when its page goes, shown by
    the title it had; `position` is the team's own order (an agenda), smallest first."""

    shared_list = models.ForeignKey(
        SharedList, verbose_name="lijst", on_delete=models.CASCADE, related_name="items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("titel", max_length=255)
    position = models.PositiveIntegerField("volgorde")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="toegevoegd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField("toegevoegd op", default=timezone.now)

    class Meta:
        verbose_name = "item van een gedeelde leeslijst"
        verbose_name_plural = "items van gedeelde leeslijsten"
        constraints = [
            models.UniqueConstraint(fields=["shared_list", "page"], name="unique_shared_item"),
        ]
        indexes = [models.Index(fields=["shared_list", "position"], name="shared_item_order")]

    def __str__(self):
        return self.title


class SharedListNote(models.Model):
    """A team note on an item; `author` is empty once its writer deleted their account."""

    item = models.ForeignKey(
        SharedListItem, verbose_name="item", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="schrijver",
        null=True,
        on_delete=models.SET_NULL,
        related_name="shared_list_notes",
    )
    text = models.TextField("notitie", max_length=TEAM_NOTE_MAX_LENGTH)
    created_at = models.DateTimeField("geschreven op", default=timezone.now)

    class Meta:
        verbose_name = "teamnotitie"
        verbose_name_plural = "teamnotities"
        indexes = [models.Index(fields=["item", "created_at"], name="shared_note_item")]


class SharedListInvitation(models.Model):
    """An invitation by e-mail: the mail holds a token of which only its hash is kept. It can be
    used once, by a member with that address, until `expires_at`, unless withdrawn."""

    shared_list = models.ForeignKey(
        SharedList, verbose_name="lijst", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField("e-mailadres")
    role = models.CharField("rol", max_length=10, choices=Role.choices, default=Role.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="uitgenodigd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="shared_list_invitations",
    )
    created_at = models.DateTimeField("verstuurd op", default=timezone.now)
    expires_at = models.DateTimeField("verloopt op")
    accepted_at = models.DateTimeField("aangenomen op", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangenomen door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        verbose_name = "uitnodiging voor een gedeelde leeslijst"
        verbose_name_plural = "uitnodigingen voor gedeelde leeslijsten"
        indexes = [
            models.Index(fields=["shared_list", "email"], name="shared_invitation_email"),
            models.Index(fields=["invited_by", "created_at"], name="shared_invitation_sender"),
        ]
