"""Following a place (gebied): the button in both modes and through the login page, a gemeente
that brings the items of its wijken and buurten to /volgend/ and to the digest with the reason
("Omdat je gebied Rotterdam-Zuid volgt"), the export, and a fixed number of queries."""

import json
import re
from html import unescape

import pytest

from accounts.exports import user_export
from articles.models import Place
from follows import digests, services
from follows.models import Follow, FollowSettings
from tests.conftest import MEMBER_PASSWORD as PASSWORD
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    PlaceFactory,
    PracticeExamplePageFactory,
    ago,
    pages_bulk,
    published,
)
from tests.follows.test_views import button, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(places, article_index, event_index, example_index):
    """An article about the buurt Bloemhof, an event in the wijk Feijenoord, a practice example
    with Rotterdam as its gemeente, and an article about Schiedam."""
    return {
        "bloemhof": published(
            ArticlePageFactory(
                parent=article_index,
                title="Schoolplein in Bloemhof",
                terms__places=[places["bloemhof"]],
            ),
            at=ago(minutes=30),
        ),
        "event": published(
            EventPageFactory(
                parent=event_index,
                title="Wijkavond Feijenoord",
                terms__places=[places["feijenoord"]],
            ),
            at=ago(minutes=20),
        ),
        "example": published(
            PracticeExamplePageFactory(
                parent=example_index,
                title="Buurtkamer aan de Maas",
                municipality=places["rotterdam"],
            ),
            at=ago(minutes=10),
        ),
        "schiedam": published(
            ArticlePageFactory(
                parent=article_index,
                title="Nieuws uit Schiedam",
                terms__places=[places["schiedam"]],
            ),
            at=ago(minutes=5),
        ),
    }


# The button ------------------------------------------------------------------------------------


def test_a_place_page_has_a_follow_button_for_visitors_and_members(client, member, places):
    html = client.get("/gebieden/rotterdam-zuid/").content.decode()
    assert button(html, "Volg gebied Rotterdam-Zuid") == "false"
    assert 'name="intent" value="follow_place"' in html
    client.force_login(member)
    services.follow_add(user=member, term=places["rotterdam-zuid"])
    html = client.get("/gebieden/rotterdam-zuid/").content.decode()
    assert button(html, "Ontvolg gebied Rotterdam-Zuid") == "true"
    # Following Rotterdam-Zuid covers Feijenoord, but Feijenoord itself is not followed.
    html = client.get("/gebieden/feijenoord/").content.decode()
    assert button(html, "Volg gebied Feijenoord") == "false"


def test_follow_and_unfollow_without_javascript_and_with_it(member_client, member, places):
    zuid = places["rotterdam-zuid"]
    response = member_client.post(
        "/volgend/volg/gebied/", {"target": zuid.pk, "next": "/gebieden/rotterdam-zuid/"}
    )
    assert (response.status_code, response["Location"]) == (302, "/gebieden/rotterdam-zuid/")
    html = unescape(member_client.get(response["Location"]).content.decode())
    assert "Je volgt nu gebied Rotterdam-Zuid." in html
    assert button(html, "Ontvolg gebied Rotterdam-Zuid") == "true"
    response = member_client.post(
        "/volgend/ontvolg/gebied/", {"target": zuid.pk}, HTTP_ACCEPT="application/json"
    )
    assert json.loads(response.content) == {
        "pressed": False,
        "message": "Je volgt gebied Rotterdam-Zuid niet meer.",
    }
    assert not Follow.objects.filter(user=member).exists()
    response = member_client.post(
        "/volgend/volg/gebied/", {"target": zuid.pk}, HTTP_ACCEPT="application/json"
    )
    assert json.loads(response.content)["pressed"] is True
    member_client.post("/volgend/volg/gebied/", {"target": zuid.pk})  # twice: no error
    assert Follow.objects.filter(user=member, place=zuid).count() == 1


def test_bad_requests_change_nothing(client, member_client, member, places):
    assert member_client.get("/volgend/volg/gebied/").status_code == 405
    assert member_client.post("/volgend/volg/gebied/", {"target": 999_999}).status_code == 404
    assert member_client.post("/volgend/volg/gebied/", {"target": "<b>"}).status_code == 404
    response = member_client.post(
        "/volgend/volg/gebied/",
        {"target": places["bloemhof"].pk, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/gebieden/bloemhof/"
    client.logout()
    response = client.post("/volgend/volg/gebied/", {"target": places["rotterdam"].pk})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Follow.objects.filter(user=member).count() == 1


def test_a_visitor_follows_a_place_after_logging_in_and_lands_back(client, member, places):
    html = unescape(client.get("/gebieden/rotterdam/").content.decode())
    assert button(html, "Volg gebied Rotterdam") == "false"
    response = client.post(
        "/accounts/intentie/",
        {
            "intent": "follow_place",
            "target": places["rotterdam"].pk,
            "next": "/gebieden/rotterdam/",
        },
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response["Location"].startswith("/accounts/login/")
    login = unescape(client.get(response["Location"]).content.decode())
    assert "gebied Rotterdam te volgen" in login
    response = client.post(response["Location"], {"login": member.email, "password": PASSWORD})
    assert response["Location"] == "/gebieden/rotterdam/"
    assert Follow.objects.filter(user=member, place=places["rotterdam"]).exists()
    html = unescape(client.get("/gebieden/rotterdam/").content.decode())
    assert button(html, "Ontvolg gebied Rotterdam") == "true"
    assert "Je volgt nu gebied Rotterdam." in html


def test_content_pages_offer_to_follow_their_places(member_client, member, places, items):
    html = unescape(member_client.get(items["bloemhof"].url).content.decode())
    assert button(html, "Volg gebied Bloemhof") == "false"
    html = unescape(member_client.get(items["example"].url).content.decode())
    assert button(html, "Volg gebied Rotterdam") == "false"


# What following a place brings -----------------------------------------------------------------


def test_following_a_gemeente_brings_the_items_of_its_wijken_and_buurten_to_volgend(
    member_client, member, places, items
):
    services.follow_add(user=member, term=places["rotterdam"])
    FollowSettings.objects.filter(user=member).update(visit_at=ago(days=1))
    html = unescape(member_client.get("/volgend/").content.decode())
    assert "Gebieden die je volgt" in html
    assert 'href="#volgt-gebied-rotterdam"' in html
    block = html[html.index('id="volgt-gebied-rotterdam"') :]
    block = block[: block.index("</section>")]
    # Newest first: the practice example (its gemeente), the buurt's article; not the event
    # (events have their own block) and nothing from Schiedam.
    assert re.findall(r'class="card__title"><a[^>]*>([^<]*)</a>', block) == [
        "Buurtkamer aan de Maas",
        "Schoolplein in Bloemhof",
    ]
    events = html[html.index('id="evenementen"') : html.index('id="volgt-')]
    assert "Wijkavond Feijenoord" in events
    assert "Omdat je gebied Rotterdam volgt" in events
    assert "Nieuws uit Schiedam" not in html


def test_a_place_and_a_place_in_it_both_followed_are_both_named(
    member_client, member, places, items
):
    services.follow_add(user=member, term=places["rotterdam-zuid"])
    services.follow_add(user=member, term=places["feijenoord"])
    html = unescape(member_client.get("/volgend/").content.decode())
    assert "Omdat je gebied Feijenoord en gebied Rotterdam-Zuid volgt" in html
    for anchor in ("volgt-gebied-rotterdam-zuid", "volgt-gebied-feijenoord"):
        block = html[html.index(f'id="{anchor}"') :]
        assert "Schoolplein in Bloemhof" in block[: block.index("</section>")]
    zuid = html[html.index('id="volgt-gebied-rotterdam-zuid"') :]
    assert "Buurtkamer aan de Maas" not in zuid[: zuid.index("</section>")]  # Rotterdam's own


def test_the_digest_brings_the_items_of_a_followed_place_and_says_why(
    mailoutbox, member, places, items
):
    services.follow_add(user=member, term=places["rotterdam-zuid"])
    FollowSettings.objects.update(created_at=ago(hours=1))
    run = digests.digests_send()
    assert run.sent == 1
    [message] = mailoutbox
    text = message.body
    assert "- Schoolplein in Bloemhof" in text
    assert "- Wijkavond Feijenoord" in text
    assert "Omdat je gebied Rotterdam-Zuid volgt." in text
    assert "Buurtkamer aan de Maas" not in text  # about Rotterdam, not about Zuid
    assert "Nieuws uit Schiedam" not in text
    html, _ = message.alternatives[0]
    assert "Omdat je gebied Rotterdam-Zuid volgt" in unescape(html)


def test_a_place_that_gains_a_buurt_brings_its_items_too(mailoutbox, member, places, article_index):
    services.follow_add(user=member, term=places["rotterdam"])
    FollowSettings.objects.update(created_at=ago(hours=1))
    nieuw = PlaceFactory(name="Tarwewijk", level="buurt", parent=places["feijenoord"])
    published(
        ArticlePageFactory(parent=article_index, title="Tarwewijk bouwt", terms__places=[nieuw]),
        at=ago(minutes=1),
    )
    digests.digests_send()
    assert "Tarwewijk bouwt" in mailoutbox[0].body


def test_the_export_and_account_deletion_hold_place_follows(member, places):
    services.follow_add(user=member, term=places["rotterdam-zuid"])
    export = user_export(user=member)["volgen"]
    assert [(f["soort"], f["naam"], f["slug"]) for f in export["gevolgd"]] == [
        ("gebied", "Rotterdam-Zuid", "rotterdam-zuid")
    ]
    place = Place.objects.create(name="Weg", slug="weg")
    services.follow_add(user=member, term=place)
    place.delete()
    assert Follow.objects.filter(user=member).count() == 1


def test_the_dashboard_counts_followed_places(client, editor, member, places):
    services.follow_add(user=member, term=places["rotterdam-zuid"])
    client.force_login(editor)
    html = unescape(client.get("/admin/").content.decode())
    assert "Rotterdam-Zuid" in html
    listing = client.get("/admin/snippets/articles/place/").content.decode()
    assert "Volgers" in listing


# Queries ----------------------------------------------------------------------------------------

#: A place page as TERM_PAGE of tests/follows/test_views.py counts a theme's: for a visitor the
#: place, the tree of places, the index of all content (two queries), the pages shown and the
#: terms of their cards; a member adds their session and user.
PLACE_PAGE = {"visitor": (6, 0), "member": (8, 0), "member, after a change": (10, 1)}


def test_a_place_page_costs_a_member_one_query_for_the_follow_button(client, member, places, items):
    assert count_queries(client, "/gebieden/rotterdam/") == PLACE_PAGE["visitor"]
    client.force_login(member)
    assert count_queries(client, "/gebieden/rotterdam/") == PLACE_PAGE["member"]
    changed = count_queries(client, "/gebieden/rotterdam/", state_of=member)
    assert changed == PLACE_PAGE["member, after a change"]


#: /volgend/ as VOLGEND_QUERIES of tests/follows/test_views.py, and the tree of places.
VOLGEND_WITH_PLACES = 10


def test_volgend_costs_the_same_with_1_and_20_followed_places(
    member_client, member, places, article_index, event_index
):
    services.follow_add(user=member, term=places["rotterdam"])
    pages_bulk(ArticlePageFactory, article_index, 3, places=[places["bloemhof"]], at=ago(hours=1))
    EventPageFactory(parent=event_index, terms__places=[places["feijenoord"]])
    with_1 = count_queries(member_client, "/volgend/")

    for n in range(19):
        gemeente = PlaceFactory()
        wijk = PlaceFactory(level="wijk", parent=gemeente)
        buurt = PlaceFactory(level="buurt", parent=wijk)
        services.follow_add(user=member, term=wijk if n % 2 else gemeente)
        pages_bulk(ArticlePageFactory, article_index, 10, places=[buurt], at=ago(days=n + 1))
        EventPageFactory(parent=event_index, terms__places=[buurt])
    assert Follow.objects.filter(user=member).count() == 20
    response = member_client.get("/volgend/")
    blocks = [block for group in response.context["groups"] for block in group["blocks"]]
    assert len(blocks) == 20 and all(len(block.items) == 3 for block in blocks)
    with_20 = count_queries(member_client, "/volgend/")
    assert (with_1[0], with_20[0]) == (VOLGEND_WITH_PLACES, VOLGEND_WITH_PLACES)
