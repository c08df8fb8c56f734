from django import template

from accounts.intents import intent_pending_notice

register = template.Library()


@register.simple_tag
def pending_intent_notice(request):
    """The visitor's pending intent (`accounts.intents.IntentNotice`), or None."""
    if request is None or not hasattr(request, "session"):
        return None
    return intent_pending_notice(request=request)
