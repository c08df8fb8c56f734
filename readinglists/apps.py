from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete


def _shared_lists_hand_over(sender, instance, **kwargs):
    from readinglists.shared_services import shared_lists_user_leave_all

    shared_lists_user_leave_all(user=instance)


class ReadingListsConfig(AppConfig):
    name = "readinglists"
    verbose_name = "Leeslijst"

    def ready(self):
        from accounts.exports import register_export
        from accounts.intents import register_intent
        from pagecache.middleware import register_query_params
        from personal import slots, state
        from readinglists import intents, selectors, services, shared_selectors, shared_views

        register_export("leeslijst", lambda user: selectors.reading_list_export(user=user))
        register_export(
            "gedeelde_leeslijsten", lambda user: shared_selectors.shared_list_export(user=user)
        )
        register_intent(
            shared_views.INTENT_JOIN,
            shared_views.shared_invitation_intent_accept,
            clean=shared_views.shared_invitation_intent_clean,
            describe=shared_views.shared_invitation_intent_notice,
        )
        # Whichever way an account goes (the member's own deletion, the admin), its shared
        # lists keep an owner first.
        pre_delete.connect(
            _shared_lists_hand_over,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="shared_lists_hand_over",
        )
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
