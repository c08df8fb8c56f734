from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "follows"
    verbose_name = "Volgen"

    def ready(self):
        from accounts.exports import register_export
        from accounts.intents import register_intent
        from follows import exports, intents, selectors
        from personal.state import register_state_source

        register_export("volgen", exports.follows_export)
        for name, handler in intents.INTENTS.items():
            register_intent(name, handler, describe=intents.NOTICES[name])
        register_state_source("volgen", selectors.followed_state)
