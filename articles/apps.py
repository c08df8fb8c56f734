from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Inhoud"

    def ready(self):
        from articles.filters import FACET_LEGENDS
        from pagecache.middleware import register_query_params

        # The listings' paging and filters, the events' period and the sitemap's pages.
        register_query_params("page", "periode", "p", *FACET_LEGENDS)
