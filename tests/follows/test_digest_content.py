"""What a digest covers and what it says of each item: a daily digest lists everything that
appeared since the previous digest was planned, whatever the hour the runs and the items fall
on; each item has its type, its summary and, for an event, when and where it is."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from follows import digests, services
from follows.models import DigestDelivery, FollowSettings
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    published,
)

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def clock(monkeypatch):
    """Set the time the digest code sees: `clock(moment)`."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def listed(message) -> list[str]:
    """The titles a digest's text part lists."""
    return [line[2:] for line in message.body.splitlines() if line.startswith("- ")]


def test_a_daily_digest_lists_what_appeared_since_the_previous_one_was_planned(
    mailoutbox, member, wonen, article_index, clock
):
    services.follow_add(user=member, term=wonen)
    services.follow_settings_update(user=member, digest="daily")
    monday = datetime.datetime(2026, 11, 2, tzinfo=AMSTERDAM)  # midnight, Dutch time
    FollowSettings.objects.update(created_at=monday - datetime.timedelta(days=1))

    def at(day: int, hour: int, minute: int = 0):
        return monday + datetime.timedelta(days=day, hours=hour, minutes=minute)

    def article(title, moment):
        page = ArticlePageFactory(parent=article_index, title=title, terms__themes=[wonen])
        return published(page, at=moment)

    def run(moment):
        clock(moment)
        return digests.digests_send(now=moment)

    article("Zondagavond", at(-1, 22))
    run(at(0, 0, 5))  # the first run after midnight
    article("Maandag kwart over twaalf", at(0, 0, 15))  # just after that digest was planned
    article("Maandagmiddag", at(0, 13))
    article("Maandag voor middernacht", at(0, 23, 59))
    run(at(1, 13, 37))  # a worker that was down until the afternoon
    article("Dinsdag net na de run", at(1, 13, 38))
    run(at(2, 23, 50))  # and one that only ran late in the evening
    run(at(3, 0, 5))  # nothing new since: no mail
    article("Donderdag", at(3, 9))
    run(at(4, 8))

    assert [listed(message) for message in mailoutbox] == [
        ["Zondagavond"],
        ["Maandag voor middernacht", "Maandagmiddag", "Maandag kwart over twaalf"],
        ["Dinsdag net na de run"],
        ["Donderdag"],
    ]
    deliveries = DigestDelivery.objects.order_by("period")
    assert [d.period for d in deliveries] == [f"dag-2026-11-0{n}" for n in range(2, 7)]
    assert [d.status for d in deliveries] == ["sent", "sent", "sent", "empty", "sent"]
    # Each window starts where the one before was planned.
    sent = [d for d in deliveries if d.status == "sent"]
    assert all(b.since == a.until for a, b in zip(sent, sent[1:], strict=False))


def test_a_weekly_member_who_switches_to_daily_misses_nothing(
    mailoutbox, member, wonen, article_index, clock
):
    services.follow_add(user=member, term=wonen)
    monday = datetime.datetime(2026, 11, 2, 0, 5, tzinfo=AMSTERDAM)
    FollowSettings.objects.update(created_at=monday - datetime.timedelta(days=3))
    published(
        ArticlePageFactory(parent=article_index, title="Vorige week", terms__themes=[wonen]),
        at=monday - datetime.timedelta(days=1),
    )
    clock(monday)
    digests.digests_send(now=monday)
    published(
        ArticlePageFactory(parent=article_index, title="Woensdag", terms__themes=[wonen]),
        at=monday + datetime.timedelta(days=2, hours=10),
    )
    services.follow_settings_update(user=member, digest="daily")
    thursday = monday + datetime.timedelta(days=3)
    clock(thursday)
    digests.digests_send(now=thursday)
    assert [listed(message) for message in mailoutbox] == [["Vorige week"], ["Woensdag"]]


def test_each_item_has_its_type_summary_and_for_an_event_when_and_where(
    mailoutbox,
    member,
    wonen,
    organisation,
    article_index,
    event_index,
    publication_index,
    example_index,
):
    services.follow_add(user=member, term=wonen)
    FollowSettings.objects.update(created_at=timezone.now() - datetime.timedelta(hours=1))
    start = datetime.datetime(2026, 12, 5, 14, 0, tzinfo=AMSTERDAM)
    EventPageFactory(
        parent=event_index,
        title="Buurtavond over de nieuwe wijkvisie",
        intro="We bespreken de wijkvisie met bewoners en partners.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Buurthuis De Schakel, Havenstad",
        online_url="https://wijkportaal.example/online/",
        terms__themes=[wonen],
    )
    PublicationPageFactory(
        parent=publication_index,
        title="Handreiking wijkgericht werken",
        intro="Hoe gemeenten en corporaties samen een wijkaanpak opzetten.",
        publisher=organisation,
        terms__themes=[wonen],
    )
    PracticeExamplePageFactory(
        parent=example_index,
        title="Buurtteams in het Oosterkwartier",
        intro="Een wijkteam dat bewoners aan huis helpt.",
        terms__themes=[wonen],
    )
    ArticlePageFactory(
        parent=article_index,
        title="Nieuwe huurwoningen in de Rivierbuurt",
        intro="De corporatie bouwt honderd woningen.",
        terms__themes=[wonen],
    )

    assert digests.digests_send().sent == 1
    [message] = mailoutbox
    text = message.body
    assert "Er zijn 4 nieuwe items over wat je volgt" in text
    assert (
        "- Buurtavond over de nieuwe wijkvisie\n"
        "  Evenement · zaterdag 5 december 2026, 14:00–16:00 uur"
        " · Buurthuis De Schakel, Havenstad en online\n"
        "  We bespreken de wijkvisie met bewoners en partners.\n"
        "  Omdat je thema Wonen volgt.\n"
    ) in text
    assert (
        "- Handreiking wijkgericht werken\n  Publicatie\n"
        "  Hoe gemeenten en corporaties samen een wijkaanpak opzetten.\n"
    ) in text
    assert "- Buurtteams in het Oosterkwartier\n  Praktijkvoorbeeld\n" in text
    assert "- Nieuwe huurwoningen in de Rivierbuurt\n  Artikel\n" in text
    html, _ = message.alternatives[0]
    assert "zaterdag 5 december 2026, 14:00–16:00 uur · Buurthuis De Schakel" in html
    assert ">Praktijkvoorbeeld</strong>" in html
    assert "Een wijkteam dat bewoners aan huis helpt." in html
