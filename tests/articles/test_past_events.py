"""A past event offers nothing to join, register for or put in a calendar; it can link to its
report (verslag) and recording (opname), which show only once it is over."""

import datetime

import pytest
from django.utils import timezone

from articles.models import EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

REPORT = "https://wijkportaal.example/verslagen/wijkavond"
RECORDING = "https://video.wijkportaal.example/wijkavond"


def event(parent, *, days: int) -> EventPage:
    start = timezone.now() + datetime.timedelta(days=days)
    return EventPageFactory(
        parent=parent,
        title="Wijkavond over de buurtaanpak",
        start=start,
        end=start + datetime.timedelta(hours=2),
        online_url="https://wijkportaal.example/online/wijkavond",
        registration_url="https://wijkportaal.example/aanmelden/wijkavond",
        report_url=REPORT,
        recording_url=RECORDING,
    )


def test_a_past_event_has_no_join_registration_or_calendar_but_its_report(client, event_index):
    page = event(event_index, days=-14)
    html = client.get(page.url).content.decode()
    assert "Dit evenement is voorbij" in html
    # (Its structured data still says where it took place: online too.)
    assert (
        "Online deelnemen" not in html and 'href="https://wijkportaal.example/online/' not in html
    )
    assert "Aanmelden<span" not in html and "/aanmelden/wijkavond" not in html
    assert "Zet in je agenda" not in html and ".ics" not in html
    assert f'<a class="utrecht-link" href="{REPORT}">Lees het verslag' in html
    assert f'<a class="utrecht-link" href="{RECORDING}">Bekijk de opname' in html


def test_an_event_to_come_offers_joining_and_keeps_its_report_back(client, event_index):
    page = event(event_index, days=7)
    html = client.get(page.url).content.decode()
    assert "Online deelnemen" in html
    assert "/aanmelden/wijkavond" in html
    assert "Zet in je agenda" in html
    assert REPORT not in html and RECORDING not in html
    assert "Verslag" not in html and "Opname" not in html


def test_the_past_events_card_links_the_report(client, event_index):
    past = event(event_index, days=-14)
    listing = client.get("/evenementen/?periode=afgelopen").content.decode()
    card = listing[listing.index(past.title) :]
    card = card[: card.index("</article>")]
    assert f'href="{REPORT}">Verslag<span class="visually-hidden"> van {past.title}' in card
    assert f'href="{RECORDING}">Opname' in card
    coming = event(event_index, days=7)
    listing = client.get("/evenementen/").content.decode()
    card = listing[listing.index(coming.title) :]
    assert REPORT not in card[: card.index("</article>")]


def test_the_links_are_optional_addresses(event_index):
    page = event(event_index, days=-1)
    page.report_url = "geen adres"
    with pytest.raises(Exception, match="report_url"):
        page.full_clean()
    page.report_url = page.recording_url = ""
    page.full_clean()
    assert EventPage._meta.get_field("report_url").verbose_name == "verslag"
    assert EventPage._meta.get_field("recording_url").verbose_name == "opname"


def test_an_events_card_is_kept_apart_once_the_event_is_over(event_index):
    """The card cache keys a card by its page's publication; an event's card also by whether
    it is over, so a card cached with its registration link is not shown after the event."""
    from articles.cards import _key

    event = EventPageFactory(parent=event_index)
    coming = _key(event, 3)
    event.start = timezone.now() - datetime.timedelta(days=2)
    event.end = event.start + datetime.timedelta(hours=2)
    assert _key(event, 3) != coming
