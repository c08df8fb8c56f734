from django.contrib.sitemaps import Sitemap

from articles.models import Author, Organisation, Theme


class TermSitemap(Sitemap):
    """The public pages of themes, organisations and authors, next to Wagtail's pages."""

    def items(self):
        return [
            *Theme.objects.only("slug").order_by("pk"),
            *Organisation.objects.only("slug").order_by("pk"),
            *Author.objects.only("slug").order_by("pk"),
        ]
