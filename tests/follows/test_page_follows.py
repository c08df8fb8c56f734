"""Following one page's changes in substance: the "Volg wijzigingen" button (with and without
JavaScript, and for a visitor through the login page), the changes on /volgend/ and in the
digest ("Gewijzigd: …" with the note), and the follows in the AVG export and account deletion.
The change-note flow starts where editors start it: the admin's edit form."""

import datetime
import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data

from accounts.exports import user_export
from accounts.services import user_delete
from articles.models import ChangeNote
from follows import digests, services
from follows.models import DigestDelivery, Follow, FollowSettings
from pagecache.versions import content_changed
from personal.state import member_state_changed
from tests.articles.changes import ago, change_publish, dossier, explainer, publication
from tests.articles.test_admin import BODY
from tests.conftest import MEMBER_PASSWORD as PASSWORD
from tests.factories import ArticlePageFactory, ExplainerPageFactory

pytestmark = pytest.mark.django_db

NOTE = "De handreiking volgt nu de nieuwe Omgevingswet; hoofdstuk 3 is herschreven."
JSON = {"HTTP_ACCEPT": "application/json"}


def button(html: str, name: str) -> str:
    """aria-pressed of the <button> whose visible label is `name`."""
    match = re.search(
        r'<button[^>]*aria-pressed="(true|false)"[^>]*><span class="toggle-button__label">'
        + re.escape(name)
        + "</span>",
        html,
    )
    assert match, f"no button {name!r}"
    return match.group(1)


@pytest.fixture
def page(explainer_index):
    return explainer(explainer_index, title="Wijk of buurt?", slug="wijk-of-buurt")


def follow(member, *pages, since=None):
    for page in pages:
        services.follow_page_add(user=member, page=page)
    Follow.objects.filter(user=member, page__isnull=False).update(created_at=since or ago(days=2))
    FollowSettings.objects.filter(user=member).update(created_at=since or ago(days=2))


# The button -------------------------------------------------------------------------------------


def test_follow_and_unfollow_without_javascript(member_client, member, page):
    assert button(member_client.get(page.url).content.decode(), "Volg wijzigingen") == "false"
    response = member_client.post(
        "/volgend/volg-wijzigingen/", {"target": page.pk, "next": page.url}
    )
    assert (response.status_code, response["Location"]) == (302, page.url)
    assert Follow.objects.filter(user=member, page=page).count() == 1
    html = unescape(member_client.get(page.url).content.decode())
    assert button(html, "Ontvolg wijzigingen") == "true"
    assert "Je volgt nu de wijzigingen van “Wijk of buurt?”." in html
    assert FollowSettings.objects.get(user=member).digest == "weekly"

    response = member_client.post(
        "/volgend/ontvolg-wijzigingen/", {"target": page.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == page.url  # not to another site
    assert not Follow.objects.filter(user=member).exists()
    assert button(member_client.get(page.url).content.decode(), "Volg wijzigingen") == "false"


def test_follow_with_javascript_answers_json_and_twice_is_no_error(member_client, member, page):
    for _ in range(2):
        response = member_client.post("/volgend/volg-wijzigingen/", {"target": page.pk}, **JSON)
        assert json.loads(response.content) == {
            "pressed": True,
            "message": "Je volgt nu de wijzigingen van “Wijk of buurt?”.",
        }
    assert Follow.objects.filter(user=member).count() == 1
    for _ in range(2):
        response = member_client.post("/volgend/ontvolg-wijzigingen/", {"target": page.pk}, **JSON)
        assert json.loads(response.content)["pressed"] is False
    assert not Follow.objects.exists()


def test_the_buttons_are_on_publications_and_dossiers_too(
    member_client, member, publication_index, dossier_index
):
    for page in (publication(publication_index), dossier(dossier_index)):
        services.follow_page_add(user=member, page=page)
        html = member_client.get(page.url).content.decode()
        assert button(html, "Ontvolg wijzigingen") == "true"
        assert f" van {page.title}</span>" in html  # the accessible name names the page


def test_only_get_is_refused_and_visitors_are_sent_to_log_in(member_client, page):
    assert member_client.get("/volgend/volg-wijzigingen/").status_code == 405
    response = Client().post("/volgend/volg-wijzigingen/", {"target": page.pk})
    assert response["Location"].startswith("/accounts/login/")
    assert not Follow.objects.exists()


def test_what_cannot_be_followed_is_not_found(member_client, explainer_index, article_index, page):
    article = ArticlePageFactory(parent=article_index)
    draft = ExplainerPageFactory(parent=explainer_index, live=False)
    secret = explainer(explainer_index, title="Besloten uitleg")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    for target in (article.pk, draft.pk, secret.pk, explainer_index.pk, 999_999, "x", "", "1e3"):
        for path in ("/volgend/volg-wijzigingen/", "/volgend/ontvolg-wijzigingen/"):
            assert member_client.post(path, {"target": target}).status_code == 404
    assert not Follow.objects.exists()
    # The restricted page shows its readers no button: following never reveals it.
    assert "Volg wijzigingen" not in member_client.get(secret.url).content.decode()


def test_a_visitor_follows_after_logging_in_and_lands_back(client, member, page):
    html = client.get(page.url).content.decode()
    assert button(html, "Volg wijzigingen") == "false"
    assert 'name="intent" value="follow_page"' in html
    response = client.post(
        "/accounts/intentie/",
        {"intent": "follow_page", "target": page.pk, "next": page.url},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    login = response["Location"]
    assert login.startswith("/accounts/login/")
    notice = unescape(client.get(login).content.decode())
    assert "de wijzigingen van “Wijk of buurt?” te volgen" in notice
    response = client.post(login, {"login": member.email, "password": PASSWORD})
    assert response["Location"] == page.url
    assert Follow.objects.filter(user=member, page=page).exists()
    assert button(client.get(page.url).content.decode(), "Ontvolg wijzigingen") == "true"


# /volgend/ --------------------------------------------------------------------------------------


def test_volgend_lists_the_changes_since_following_with_their_notes(
    member_client, member, page, explainer_index
):
    other = explainer(explainer_index, title="Niet gevolgd")
    change_publish(page, "Van voordat je volgde.", at=ago(days=5))
    follow(member, page, since=ago(days=3))
    change_publish(page, "Eerder gezien.", at=ago(days=2))
    change_publish(page, NOTE, at=ago(hours=1))
    change_publish(page, kind="minor")
    change_publish(other, "Over een andere pagina.")
    FollowSettings.objects.filter(user=member).update(visit_at=ago(days=1))

    html = unescape(member_client.get("/volgend/").content.decode())
    assert "Je volgt nog niets" not in html
    block = html[html.index('id="paginas"') :]
    items = re.findall(
        r'<li class="change-feed__item[^"]*">.*?</li>', block[: block.index("</ul>") + 5], re.S
    )
    assert len(items) == 2
    assert "Gewijzigd: <a" in items[0] and ">Wijk of buurt?</a>" in items[0]
    assert NOTE in items[0] and "Nieuw sinds je vorige bezoek" in items[0]
    assert "Eerder gezien." in items[1] and "Nieuw" not in items[1]
    assert "Omdat je de wijzigingen van deze pagina volgt" in items[0]
    for text in ("Van voordat je volgde.", "Over een andere pagina."):
        assert text not in html
    assert button(block, "Ontvolg wijzigingen") == "true"
    assert 'href="#paginas"' not in html  # no jump list without followed terms


def test_volgend_never_shows_a_page_put_behind_a_restriction(member_client, member, page):
    follow(member, page)
    change_publish(page, NOTE)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    content_changed()
    html = member_client.get("/volgend/").content.decode()
    assert "Wijk of buurt?" not in html and NOTE not in html


def volgend_queries(client, member) -> int:
    client.get("/volgend/")  # warm Wagtail's site cache, as on a running server
    content_changed()
    member_state_changed(user_id=member.pk)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/volgend/").status_code == 200
    return len(queries)


#: The page follows add one query to /volgend/ (tests/follows/test_views.py, VOLGEND_QUERIES):
#: their changes, with their pages. The pages come with the follows.
VOLGEND_WITH_PAGES = 10


def test_volgend_costs_the_same_with_5_and_50_followed_pages(
    member_client, member, explainer_index, publication_index, dossier_index, wonen
):
    services.follow_add(user=member, term=wonen)
    makers = (
        lambda n: explainer(explainer_index, title=f"Uitleg {n}"),
        lambda n: publication(publication_index, title=f"Publicatie {n}"),
        lambda n: dossier(dossier_index, title=f"Dossier {n}"),
    )
    pages = [makers[n % 3](n) for n in range(50)]
    follow(member, *pages[:5])
    for page in pages:
        change_publish(page, f"Wijziging in {page.title}.")
    with_5 = volgend_queries(member_client, member)
    follow(member, *pages[5:])
    html = member_client.get("/volgend/").content.decode()
    assert html.count('class="change-feed__item') == 20  # the newest, of all 50
    assert html.count('"toggle-button__label">Ontvolg wijzigingen<') == 50
    assert (with_5, volgend_queries(member_client, member)) == (VOLGEND_WITH_PAGES,) * 2


def test_volgend_costs_the_same_with_20_followed_places_and_50_followed_pages(
    member_client, member, explainer_index, article_index
):
    """The issue's numbers: places (with what is in them) and pages followed together."""
    from tests.factories import PlaceFactory

    places = [PlaceFactory(name=f"Gemeente {n}") for n in range(20)]
    for n, place in enumerate(places):
        PlaceFactory(name=f"Wijk {n}", level="wijk", parent=place)
    pages = [explainer(explainer_index, title=f"Uitleg {n}") for n in range(50)]
    for page in pages:
        change_publish(page, f"Wijziging in {page.title}.")
    services.follow_add(user=member, term=places[0])
    follow(member, *pages[:5])
    few = volgend_queries(member_client, member)
    for place in places[1:]:
        services.follow_add(user=member, term=place)
    follow(member, *pages[5:])
    html = member_client.get("/volgend/").content.decode()
    assert html.count('"toggle-button__label">Ontvolg wijzigingen<') == 50
    assert html.count('"toggle-button__label">Ontvolg gebied') >= 20
    assert volgend_queries(member_client, member) == few


# Digests ----------------------------------------------------------------------------------------


def admin_publish(client, page, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Uitleg.",
            "body": BODY,
            "go_live_at": "",
            "expire_at": "",
            **fields,
        }
    )
    data["action-publish"] = "Publiceren"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors


def test_a_change_from_the_admin_reaches_the_follower_and_a_correction_sends_nothing(
    client, editor, member, page, mailoutbox
):
    follow(member, page)
    services.follow_settings_update(user=member, digest="daily")
    client.force_login(editor)
    admin_publish(client, page, change_kind="major", change_note=NOTE)

    run = digests.digests_send()
    assert (run.sent, run.empty) == (1, 0)
    [message] = mailoutbox
    assert message.to == [member.email]
    assert message.subject == "Wijkportaal: 1 wijziging over wat je volgt"
    text = message.body
    assert "Er is 1 inhoudelijke wijziging in pagina's die je volgt." in text
    assert "nieuwe items" not in text and "0 " not in text.split("\n")[2]
    assert "- Gewijzigd: Wijk of buurt?" in text
    assert NOTE in text
    assert f"{settings.BASE_URL}{page.url}#wijzigingen" in text
    assert "Omdat je de wijzigingen van deze pagina volgt." in text
    html = message.alternatives[0][0]
    assert "Gewijzigd: <a" in html and NOTE in html

    # The next day: a small correction, and nothing else new.
    admin_publish(client, page, change_kind="minor", change_note="", title="Wijk of buurt")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    run = digests.digests_send(now=tomorrow)
    assert (run.sent, run.empty) == (0, 1)
    assert len(mailoutbox) == 1
    assert ChangeNote.objects.count() == 1


def test_a_digest_lists_changes_and_new_items_together_and_never_twice(
    member, page, wonen, article_index, mailoutbox
):
    follow(member, page)
    services.follow_add(user=member, term=wonen)
    FollowSettings.objects.filter(user=member).update(created_at=ago(days=2))
    services.follow_settings_update(user=member, digest="daily")
    change_publish(page, NOTE, at=ago(hours=2))
    ArticlePageFactory(parent=article_index, title="Nieuw over wonen", terms__themes=[wonen])
    assert digests.digests_send().sent == 1
    message = mailoutbox[-1]
    assert message.subject == "Wijkportaal: 1 nieuw item en 1 wijziging over wat je volgt"
    assert message.body.index("Gewijzigd: Wijk of buurt?") < message.body.index("Nieuw over wonen")
    assert DigestDelivery.objects.get().item_count == 2
    # The next day's digest does not repeat the change.
    run = digests.digests_send(now=timezone.now() + datetime.timedelta(days=1))
    assert (run.sent, run.empty) == (0, 1)


def test_a_digest_leaves_out_a_page_put_behind_a_restriction(member, page, mailoutbox):
    follow(member, page)
    change_publish(page, NOTE, at=ago(hours=2))
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    run = digests.digests_send()
    assert (run.sent, run.empty) == (0, 1)
    assert not mailoutbox


# The member's data ------------------------------------------------------------------------------


def test_the_avg_export_lists_the_followed_pages(member, page, wonen):
    services.follow_add(user=member, term=wonen)
    follow(member, page)
    followed = {entry["soort"]: entry for entry in user_export(user=member)["volgen"]["gevolgd"]}
    assert followed.keys() == {"thema", "wijzigingen van pagina"}
    assert followed["thema"]["naam"] == "Wonen"
    changes = followed["wijzigingen van pagina"]
    assert changes["naam"] == "Wijk of buurt?"
    assert changes["adres"] == f"{settings.BASE_URL}{page.url}"
    assert datetime.datetime.fromisoformat(changes["sinds"]) < timezone.now()


def test_the_member_can_download_the_export_with_page_follows(member_client, member, page):
    follow(member, page)
    response = member_client.get("/accounts/gegevens/")
    assert response.status_code == 200
    followed = json.loads(response.content)["volgen"]["gevolgd"]
    assert [entry["naam"] for entry in followed] == ["Wijk of buurt?"]


def test_deleting_the_account_removes_the_page_follows(member, page):
    follow(member, page)
    user_delete(user=member)
    assert not Follow.objects.exists()
