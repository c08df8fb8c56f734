from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_current(context, prefix: str) -> str:
    """`aria-current="page"` for the navigation link whose section the visitor is in."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    if path == prefix or (prefix != "/" and path.startswith(prefix)):
        return "page" if path == prefix else "true"
    return ""


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current query string with `page` set to `number`, so filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
