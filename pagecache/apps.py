from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The visitor page cache, the shared renders members get, and their invalidation."""

    name = "pagecache"
    verbose_name = "Paginacache"

    def ready(self):
        from pagecache import edge, signal_handlers

        signal_handlers.register_signal_handlers()
        edge.register_signal_handlers()
