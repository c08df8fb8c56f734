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
