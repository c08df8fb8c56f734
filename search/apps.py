from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: query cleaning, synonyms, matching, result rows and excerpts, the view."""

    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from pagecache.middleware import register_query_params

        register_query_params("q", "type")
