from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: query cleaning, synonyms, matching, result rows and excerpts, the view."""

    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from pagecache.middleware import register_query_params

        register_query_params("q", "type", "sorteer")
        self._connect_index()

    @staticmethod
    def _connect_index():
        from django.db.models.signals import post_save
        from wagtail.signals import page_unpublished

        from articles.models import LINK_KINDS
        from search import index

        page_unpublished.connect(index.page_unpublished, dispatch_uid="search_unpublished")
        for model in set(LINK_KINDS.values()):
            post_save.connect(index.term_saved, sender=model, dispatch_uid=f"search_term_{model}")
