import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from articles import ical, selectors
from articles.models import EventIndexPage, EventPage
from tests.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_articles_feed_lists_the_newest_articles(client, article_index, settings):
    for n in range(32):  # newest first, so the newest have the lowest keys
        ArticlePageFactory(
            parent=article_index,
            title=f"Bericht {n}",
            publication_date=timezone.localdate() - datetime.timedelta(days=n),
        )
    feed = parse(client, "/artikelen/feed/")
    expected = list(selectors.article_cards()[:30])
    assert [entry.title for entry in feed.entries] == [f"Bericht {n}" for n in range(30)]
    assert [entry.title for entry in feed.entries] == [a.title for a in expected]
    first = feed.entries[0]
    assert first.link == settings.BASE_URL + expected[0].url
    assert first.summary == expected[0].intro
    assert first.published_parsed and first.updated_parsed
    assert feed.feed.link == settings.BASE_URL + "/artikelen/"
    assert {"rel": "self", "href": settings.BASE_URL + "/artikelen/feed/"}.items() <= next(
        link for link in feed.feed.links if link.rel == "self"
    ).items()


def test_a_theme_feed_has_its_articles_and_events(client, wonen, article, event, settings):
    ArticlePageFactory(parent=article.get_parent(), title="Over iets anders")
    feed = parse(client, "/themas/wonen/feed/")
    assert feed.feed.title == "Wijkportaal: thema Wonen"
    links = {entry.link for entry in feed.entries}
    articles = {settings.BASE_URL + a.url for a in selectors.term_articles(wonen)}
    events = {settings.BASE_URL + e.url for e in EventPage.objects.live().filter(themes=wonen)}
    assert (articles, events) == (
        {settings.BASE_URL + article.url},
        {settings.BASE_URL + event.url},
    )
    assert articles | events == links
    assert all("Wonen" in [tag.term for tag in entry.tags] for entry in feed.entries)


def test_organisation_and_author_feeds(client, article, author, organisation):
    feed = parse(client, f"/auteurs/{author.slug}/feed/")
    assert [entry.title for entry in feed.entries] == [article.title]
    assert all(author.name in entry.author for entry in feed.entries)
    assert parse(client, f"/organisaties/{organisation.slug}/feed/").feed.title.endswith(
        organisation.name
    )
    assert client.get("/themas/bestaat-niet/feed/").status_code == 404


def unfold(body: str) -> list[str]:
    assert body.endswith("\r\n")
    assert "\n" not in body.replace("\r\n", "")
    lines = body.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    return "\r\n".join(lines).replace("\r\n ", "").split("\r\n")


def test_an_event_calendar_is_valid_icalendar(client, wonen, settings):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    event = EventPageFactory(
        parent=EventIndexPage.objects.get(),
        title="Buurtavond: wonen, zorg; en welzijn",
        intro="Een lange uitleg over de avond " * 6 + "met ë en é.",
        start=start,
        terms__themes=[wonen],
    )
    response = client.get(f"/agenda/evenement/{event.pk}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    lines = unfold(response.content.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith(f"UID:evenement-{event.pk}@") for line in lines)
    assert f"DTSTART:{start.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}" in lines
    assert any(re.fullmatch(r"DTEND:\d{8}T\d{6}Z", line) for line in lines)
    assert any(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line) for line in lines)
    assert "SUMMARY:Buurtavond: wonen\\, zorg\\; en welzijn" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "met ë en é.\\n\\n" + settings.BASE_URL + event.url in description


def test_a_term_calendar_holds_its_coming_events(client, wonen, event, author):
    past = EventPageFactory(
        parent=event.get_parent(),
        start=timezone.now() - datetime.timedelta(days=3),
        terms__themes=[wonen],
    )
    body = client.get("/themas/wonen/agenda.ics").content.decode()
    uids = [line for line in unfold(body) if line.startswith("UID:")]
    assert [uid.split("@")[0] for uid in uids] == [f"UID:evenement-{event.pk}"]
    assert past.pk not in selectors.term_events_upcoming(wonen).values_list("pk", flat=True)
    assert client.get(f"/auteurs/{author.slug}/agenda.ics").status_code == 404


def test_a_draft_event_has_no_calendar(client):
    event = EventPageFactory(parent=EventIndexPage.objects.get(), live=False)
    assert client.get(f"/agenda/evenement/{event.pk}.ics").status_code == 404


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = ical.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    assert ical.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
