from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from articles.models import Author, Organisation, Theme


class TermSitemap(Sitemap):
    """The public pages of themes, organisations and authors, next to Wagtail's pages.

    Addresses are built from BASE_URL, like the pages' (the Wagtail site takes it from there too).
    """

    def items(self):
        return [
            *Theme.objects.only("slug").order_by("pk"),
            *Organisation.objects.only("slug").order_by("pk"),
            *Author.objects.only("slug").order_by("pk"),
        ]

    def get_protocol(self, protocol=None):
        return urlsplit(settings.BASE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.BASE_URL).netloc
