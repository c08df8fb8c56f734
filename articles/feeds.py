"""Atom feeds of the articles, and of the articles and events of each theme, organisation, author
and place; iCalendar files of one event and of a term's or place's coming events."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from articles import ical, selectors
from articles.models import FOLLOW_KINDS, PLACE_LINKS, ArticleIndexPage, EventPage
from pagecache.memo import public

FEED_SIZE = 30


def _absolute(path: str) -> str:
    return settings.BASE_URL + path


class _PageFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return _absolute(item.get_url_parts()[2])

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom requires <updated> on every entry.
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.card_terms.get("author", ())) or None

    def item_categories(self, item):
        return [term.name for kind in ("theme", "place") for term in item.card_terms.get(kind, ())]


class ArticlesFeed(_PageFeed):
    title = "Wijkportaal: artikelen"
    subtitle = "De nieuwste artikelen over de integrale wijkaanpak."

    def link(self):
        index = ArticleIndexPage.objects.live().first()
        return _absolute(index.get_url_parts()[2] if index else "/")

    def feed_url(self):
        return _absolute(reverse("articles:articles_feed"))

    def items(self):
        articles = list(selectors.article_cards()[:FEED_SIZE])
        selectors.terms_attach(articles)
        return articles


class TermFeed(_PageFeed):
    """Everything published under one theme, organisation or author, newest first."""

    def __init__(self, kind: str):
        super().__init__()
        self.model = FOLLOW_KINDS[kind]

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, term):
        return f"Wijkportaal: {term.kind_label} {term.name}"

    def subtitle(self, term):
        return term.description or f"Artikelen en evenementen over {term.name}."

    def link(self, term):
        return _absolute(term.get_absolute_url())

    def feed_url(self, term):
        return _absolute(reverse(f"articles:{self.model.kind()}_feed", args=[term.slug]))

    def items(self, term):
        rows = selectors.pages_of_terms(terms={self.model.kind(): frozenset([term.pk])})
        return selectors.pages_from_rows(list(rows[:FEED_SIZE]))


class PlaceFeed(TermFeed):
    """Everything published about a place and the places that lie in it, newest first."""

    def __init__(self):
        super().__init__("place")

    def subtitle(self, place):
        return place.description or f"Wat er verschijnt over {place.name} en wat erin ligt."

    def items(self, place):
        from articles.places import place_tree

        within = place_tree().within([place.pk])
        rows = selectors.pages_of_terms(terms=dict.fromkeys(PLACE_LINKS, within))
        return selectors.pages_from_rows(list(rows[:FEED_SIZE]))


def _calendar_response(body: str, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def event_calendar(request, page_id: int):
    event = get_object_or_404(public(EventPage.objects.live()), pk=page_id)
    return _calendar_response(
        ical.calendar([event], name=event.title), filename=f"{event.slug}.ics"
    )


@require_safe
def term_calendar(request, kind: str, slug: str):
    term = get_object_or_404(FOLLOW_KINDS[kind], slug=slug)
    if not term.has_events():
        raise Http404
    events = selectors.term_events_upcoming(term)
    return _calendar_response(
        ical.calendar(events, name=f"Wijkportaal: {term.kind_label} {term.name}"),
        filename=f"{term.slug}.ics",
    )
