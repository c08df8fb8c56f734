from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "follows"
    verbose_name = "Volgen"

    def ready(self):
        from accounts.exports import register_export
        from accounts.intents import register_intent
        from articles import personal
        from follows import exports, intents, selectors
        from follows.models import KINDS

        register_export("volgen", exports.follows_export)
        for name, handler in intents.INTENTS.items():
            register_intent(name, handler)
        for kind in KINDS:
            personal.register_state(
                kind,
                lambda request, kind=kind: getattr(selectors.followed_for_request(request), kind),
            )
