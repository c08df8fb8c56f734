from django.apps import AppConfig


class ReadingListsConfig(AppConfig):
    name = "readinglists"
    verbose_name = "Leeslijst"

    def ready(self):
        from accounts.exports import register_export
        from accounts.intents import register_intent
        from pagecache.middleware import register_query_params
        from personal import slots, state
        from readinglists import intents, selectors, services

        register_export("leeslijst", lambda user: selectors.reading_list_export(user=user))
        register_intent(
            services.INTENT_ADD,
            services.reading_list_intent_add,
            describe=intents.reading_list_intent_notice,
        )
        state.register_state_source(
            "leeslijst", lambda user: selectors.reading_list_state(user=user)
        )
        slots.register_value(selectors.STATE_COUNT, selectors.reading_list_count_for_request)
        # The list's filters and order (/leeslijst/?status=&thema=&sorteer=&page=).
        register_query_params("status", "thema", "sorteer", "page")
