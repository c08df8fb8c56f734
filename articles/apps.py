from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Inhoud"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from articles.cards import cards_clear
        from articles.models import Author, Organisation, Theme
        from articles.page_cache import page_cache_clear, structure_clear

        # Whatever visitors can see changed: retire the cached pages.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache_clear, dispatch_uid=f"page_cache_clear_{id(signal)}")
        post_delete.connect(_page_deleted, dispatch_uid="page_cache_clear_page_deleted")
        for model in (Theme, Organisation, Author, Site, PageViewRestriction):
            post_save.connect(page_cache_clear, sender=model, dispatch_uid=f"page_cache_{model}")
            post_delete.connect(
                page_cache_clear, sender=model, dispatch_uid=f"page_cache_d_{model}"
            )
        # The sites and view restrictions each process remembers (articles.memo).
        for model in (Site, PageViewRestriction):
            post_save.connect(structure_clear, sender=model, dispatch_uid=f"structure_{model}")
            post_delete.connect(structure_clear, sender=model, dispatch_uid=f"structure_d_{model}")
        post_page_move.connect(structure_clear, dispatch_uid="structure_move")
        # A card shows the names of its terms, and links made for the site.
        for model in (Theme, Organisation, Author, Site):
            post_save.connect(cards_clear, sender=model, dispatch_uid=f"cards_{model}")
            post_delete.connect(cards_clear, sender=model, dispatch_uid=f"cards_d_{model}")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    from articles.page_cache import page_cache_clear

    if isinstance(instance, Page):
        page_cache_clear()
