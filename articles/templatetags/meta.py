"""`{% page_meta page %}`, `{% term_meta term %}` and `{% collection_meta title description %}`: the Open Graph tags, canonical link and
JSON-LD of a page (`articles.structured_data`)."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from articles import structured_data

register = template.Library()


def _render(meta: dict) -> dict:
    return {"meta": {**meta, "json_ld": mark_safe(meta["json_ld"])}}  # noqa: S308 (escaped)


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, page) -> dict:
    """The tags of a Wagtail page; nothing for anything else called `page` in a context."""
    if not isinstance(page, Page):
        return {"meta": None}
    return _render(structured_data.page_meta(page, context))


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def term_meta(context, term) -> dict:
    return _render(structured_data.term_meta(term, context))


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def collection_meta(context, title, description) -> dict:
    """The tags of a page listing terms or places, at the request's own path."""
    path = context["request"].path
    return _render(structured_data.collection_meta(title, path, description))
