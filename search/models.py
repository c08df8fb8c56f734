from django.db import models


class SearchTermWeek(models.Model):
    """How often readers searched for `query` in the ISO week starting on `week` (a Monday),
    and how many of those searches found nothing. Counts only: never who searched."""

    week = models.DateField()
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="search_term_week_unique")
        ]
        indexes = [models.Index(fields=["week", "-searches"], name="search_term_week_top")]

    def __str__(self):
        return f"{self.query} ({self.week:%G-W%V})"
