from django.apps import AppConfig


class ReadingListsConfig(AppConfig):
    name = "readinglists"
    verbose_name = "Leeslijst"

    def ready(self):
        from accounts.exports import register_export
        from accounts.intents import register_intent
        from articles import personal
        from readinglists import selectors, services

        register_export("leeslijst", lambda user: selectors.reading_list_export(user=user))
        register_intent(services.INTENT_ADD, services.reading_list_intent_add)
        personal.register_state(selectors.STATE, selectors.reading_list_page_ids_for_request)
        personal.register_value(
            selectors.STATE_COUNT,
            lambda request: len(selectors.reading_list_page_ids_for_request(request)),
        )
