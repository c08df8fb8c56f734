from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Inhoud"

    def import_models(self):
        super().import_models()
        # The text kept of uploaded documents is a model of this app outside articles.models.
        import articles.documents  # noqa: F401

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model
        from wagtail.signals import page_published

        from articles.changes import page_published_handler
        from articles.documents import document_saved
        from articles.filters import FACET_ALIASES, FACET_LEGENDS
        from pagecache.middleware import register_query_params

        post_save.connect(document_saved, sender=get_document_model())
        page_published.connect(page_published_handler, dispatch_uid="articles_change_notes")

        # The listings' paging and filters, the events' period and the sitemap's pages.
        register_query_params("page", "periode", "p", *FACET_LEGENDS, *FACET_ALIASES)
