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


@register.simple_tag
def page_numbers(page_obj) -> list:
    """The page numbers to link: the first, the last and two either side of the current one, with
    None for each gap. As many however many pages there are."""
    last, current = page_obj.paginator.num_pages, page_obj.number
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    numbers = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


@register.simple_tag(takes_context=True)
def cards(context, pages, level: int = 3) -> list:
    """The cards of `pages` (articles and events), from the card cache: see articles.cards."""
    from articles.cards import cards_render

    return cards_render(context["request"], pages, level=level)
