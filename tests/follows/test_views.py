import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, EventIndexPage, Theme
from follows import services
from follows.models import Follow, FollowSettings
from pagecache.versions import content_changed, snippet_changed
from personal.state import member_state_changed
from tests.conftest import MEMBER_PASSWORD as PASSWORD
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    OrganisationFactory,
    ThemeFactory,
    ago,
    pages_bulk,
    published,
)

pytestmark = pytest.mark.django_db


def button(html: str, name: str) -> str:
    """The <button> whose visible label is `name`."""
    match = re.search(
        r'<button[^>]*aria-pressed="(true|false)"[^>]*><span class="toggle-button__label">'
        + re.escape(name)
        + "</span>",
        html,
    )
    assert match, f"no button {name!r}"
    return match.group(1)


def test_volgend_needs_login(client):
    response = client.get("/volgend/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_following_changes_only_by_post(member_client, wonen):
    assert member_client.get("/volgend/volg/thema/").status_code == 405
    assert not Follow.objects.exists()


def test_follow_with_javascript_answers_json(member_client, member, wonen):
    response = member_client.post(
        "/volgend/volg/thema/", {"target": wonen.pk}, HTTP_ACCEPT="application/json"
    )
    assert json.loads(response.content) == {"pressed": True, "message": "Je volgt nu thema Wonen."}
    response = member_client.post(
        "/volgend/ontvolg/thema/", {"target": wonen.pk}, HTTP_ACCEPT="application/json"
    )
    assert json.loads(response.content)["pressed"] is False
    assert not Follow.objects.filter(user=member).exists()


def test_follow_without_javascript_redirects_to_a_safe_next(member_client, member, organisation):
    response = member_client.post(
        "/volgend/volg/organisatie/", {"target": organisation.pk, "next": "/themas/"}
    )
    assert (response.status_code, response["Location"]) == (302, "/themas/")
    response = member_client.post(
        "/volgend/volg/organisatie/", {"target": organisation.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == organisation.get_absolute_url()
    assert Follow.objects.filter(user=member, organisation=organisation).count() == 1


def test_unknown_kinds_and_targets_are_not_found(member_client, wonen):
    assert member_client.post("/volgend/volg/tag/", {"target": wonen.pk}).status_code == 404
    assert member_client.post("/volgend/volg/auteur/", {"target": 999_999}).status_code == 404
    assert member_client.post("/volgend/volg/thema/", {"target": "x"}).status_code == 404


def test_a_visitor_follows_after_logging_in_and_lands_back(client, member, wonen):
    html = client.get("/themas/wonen/").content.decode()
    assert button(html, "Volg thema Wonen") == "false"
    response = client.post(
        "/accounts/intentie/",
        {"intent": "follow_theme", "target": wonen.pk, "next": "/themas/wonen/"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response["Location"].startswith("/accounts/login/")
    response = client.post(response["Location"], {"login": member.email, "password": PASSWORD})
    assert response["Location"] == "/themas/wonen/"
    assert Follow.objects.filter(user=member, theme=wonen).exists()
    html = client.get("/themas/wonen/").content.decode()
    assert button(html, "Ontvolg thema Wonen") == "true"


def test_term_pages_have_feed_and_calendar_links(client, wonen, author):
    html = client.get("/themas/wonen/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/themas/wonen/feed/"' in html
    assert 'href="/themas/wonen/agenda.ics"' in html
    html = client.get(author.get_absolute_url()).content.decode()
    assert f'href="/auteurs/{author.slug}/feed/"' in html
    assert "agenda.ics" not in html  # authors have no events
    html = client.get("/artikelen/").content.decode()
    assert 'type="application/atom+xml"' in html and 'href="/artikelen/feed/"' in html


def test_article_and_event_pages_offer_follow_buttons(member_client, member, wonen, author):
    theme_b = ThemeFactory()
    writer = author
    services.follow_add(user=member, term=writer)
    article = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(), terms__themes=[wonen], terms__authors=[writer]
    )
    html = member_client.get(article.url).content.decode()
    assert button(html, f"Ontvolg auteur {writer.name}") == "true"
    assert button(html, "Volg thema Wonen") == "false"
    event = EventPageFactory(parent=EventIndexPage.objects.get(), terms__themes=[theme_b])
    html = member_client.get(event.url).content.decode()
    assert button(html, f"Volg thema {theme_b.name}") == "false"
    assert f'href="/agenda/evenement/{event.pk}.ics"' in html


def test_volgend_groups_follows_with_unfollow_buttons(member_client, member, wonen, author):
    services.follow_add(user=member, term=wonen)
    services.follow_add(user=member, term=author)
    html = unescape(member_client.get("/volgend/").content.decode())
    assert "Thema's die je volgt" in html
    assert html.index("Thema's die je volgt") < html.index("Auteurs die je volgt")
    assert button(html, "Ontvolg thema Wonen") == "true"
    assert button(html, f"Ontvolg auteur {author.name}") == "true"


def test_volgend_shows_events_apart_and_each_term_with_its_newest_items(
    member_client, member, wonen, organisation
):
    services.follow_add(user=member, term=wonen)
    services.follow_add(user=member, term=organisation)
    both = published(
        ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(),
            title="Nieuw over wonen",
            terms__themes=[wonen],
            terms__organisations=[organisation],
        ),
        at=ago(minutes=5),
    )
    old = published(
        EventPageFactory(
            parent=EventIndexPage.objects.get(), title="Oude bijeenkomst", terms__themes=[wonen]
        ),
        at=ago(days=3),
    )
    unrelated = published(
        ArticlePageFactory(parent=ArticleIndexPage.objects.get(), title="Los van alles"),
        at=ago(minutes=1),
    )
    FollowSettings.objects.filter(user=member).update(visit_at=ago(days=1))
    html = member_client.get("/volgend/").content.decode()
    assert unrelated.title not in html
    events = html[html.index('id="evenementen"') : html.index('id="volgt-')]
    assert old.title in events and both.title not in events
    assert "Omdat je thema Wonen volgt" in events
    for anchor in ["volgt-thema-wonen", f"volgt-organisatie-{organisation.slug}"]:
        assert f'href="#{anchor}"' in html  # the jump list
        block = html[html.index(f'id="{anchor}"') :]
        block = block[: block.index("</section>")]
        assert both.title in block and old.title not in block
        assert "Nieuw sinds je vorige bezoek" in block  # published after the previous visit
    assert "Bewaar in leeslijst" in html  # the cards keep their leeslijst button


def test_volgend_without_follows_suggests_themes(member_client, article):
    """The themes with the most articles: Wonen has one, the six others none."""
    for _ in range(6):
        ThemeFactory()
    html = member_client.get("/volgend/").content.decode()
    assert "Je volgt nog niets" in html
    assert button(html, "Volg thema Wonen") == "false"


def test_digest_frequency_is_chosen_on_volgend(member_client, member, wonen):
    services.follow_add(user=member, term=wonen)
    html = member_client.get("/volgend/").content.decode()
    assert re.search(r'value="weekly"[^>]*checked', html)
    response = member_client.post("/volgend/instellingen/", {"digest": "daily"})
    assert response["Location"] == "/volgend/#e-mail"
    assert FollowSettings.objects.get(user=member).digest == "daily"
    member_client.post("/volgend/instellingen/", {"digest": "hourly"})
    assert FollowSettings.objects.get(user=member).digest == "daily"


def count_queries(client, path, *, render=True, state_of=None) -> tuple[int, int]:
    """(all queries, queries on the follows table) of the second request: caches warm, but the
    cached pages retired first unless `render` is false. A cookie keeps the visitors' page cache
    out of the way."""
    client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"
    client.get(path)
    if render:
        snippet_changed()
    if state_of is not None:
        member_state_changed(user_id=state_of.pk)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    follow_queries = [q for q in queries if '"follows_follow"' in q["sql"]]
    return len(queries), len(follow_queries)


# The term page for a visitor: see tests/articles/test_queries.py. A member adds their session
# and their user; after a change to what they saved or follow, also the leeslijst (one query for
# the header count and every card) and one query on the follows table for the follow button.
# Served again from the shared-page cache with their state cached, only session and user are left.
TERM_PAGE = {
    "visitor": (5, 0),
    "member": (7, 0),
    "member, after a change": (9, 1),
    "member, served": (2, 0),
}


def test_term_page_costs_a_member_one_query_for_the_follow_button(
    client, member, wonen, article, event
):
    assert count_queries(client, "/themas/wonen/") == TERM_PAGE["visitor"]
    client.force_login(member)
    assert count_queries(client, "/themas/wonen/") == TERM_PAGE["member"]
    changed = count_queries(client, "/themas/wonen/", state_of=member)
    assert changed == TERM_PAGE["member, after a change"]
    services.follow_add(user=member, term=wonen)
    assert count_queries(client, "/themas/wonen/") == TERM_PAGE["member"]
    served = count_queries(client, "/themas/wonen/", render=False)
    assert served == TERM_PAGE["member, served"]


# Session, user, follows (with their terms), settings, the visit, the coming events, the newest
# items of every followed term (one ranked query), those items (one query per type: here
# articles) and the terms of all of them in one query. The leeslijst (the header count and every
# card's button) comes from the member's cached state.
VOLGEND_QUERIES = 9


def test_volgend_costs_the_same_with_1_and_50_follows_and_500_items(
    member_client, member, article_index, event_index
):
    meting = Theme.objects.create(name="Meting", slug="meting")
    services.follow_add(user=member, term=meting)
    FollowSettings.objects.filter(user=member).update(visit_at=ago(days=1))
    for factory, index in ((ArticlePageFactory, article_index), (EventPageFactory, event_index)):
        published(factory(parent=index, terms__themes=[meting]), at=ago(seconds=-60))
    with_1 = count_queries(member_client, "/volgend/")

    # 49 more: organisations, authors and themes; then 500 articles, each by a followed author
    # of a followed organisation about a followed theme.
    organisations = [OrganisationFactory() for _ in range(5)]
    authors = [AuthorFactory(organisation=organisations[n % 5]) for n in range(10)]
    for term in [*organisations, *authors]:
        services.follow_add(user=member, term=term)
    while Follow.objects.filter(user=member).count() < 50:
        services.follow_add(user=member, term=ThemeFactory())
    themes = list(Theme.objects.order_by("-pk")[:2])
    for n in range(10):
        pages_bulk(
            ArticlePageFactory,
            article_index,
            50,
            at=ago(days=n + 1),
            themes=themes,
            organisations=organisations[n % 5 : n % 5 + 1],
            authors=authors[n : n + 1],
        )
    response = member_client.get("/volgend/")
    blocks = [block for group in response.context["groups"] for block in group["blocks"]]
    assert len(blocks) == 50
    assert sum(len(block.items) == 3 for block in blocks) == 17  # the 2 themes, 5 + 10 others
    assert [item.page.title for item in response.context["events"]] != []
    with_50 = count_queries(member_client, "/volgend/")
    assert (with_1[0], with_50[0]) == (VOLGEND_QUERIES, VOLGEND_QUERIES)


def test_volgend_kept_for_the_member_still_shows_their_state_and_takes_their_token(
    django_user_model, wonen
):
    from django.test import Client

    from readinglists import services as list_services
    from tests.conftest import make_member

    member = make_member(django_user_model, email="volger@example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    services.follow_add(user=member, term=wonen)
    article = published(
        ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(), title="Kaart van de wijk", terms__themes=[wonen]
        ),
        at=ago(minutes=5),
    )
    content_changed()  # as publishing does

    def card_button(html):
        card = html[html.index("Kaart van de wijk") :]
        return card[: card.index("</form>")]

    assert 'aria-pressed="false"' in card_button(client.get("/volgend/").content.decode())
    list_services.reading_list_add(user=member, page=article)  # e.g. on the article page
    html = client.get("/volgend/").content.decode()
    assert 'aria-pressed="true"' in card_button(html)
    assert "@@" not in html and "<!--slot:" not in html

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(
        "/volgend/instellingen/", {"digest": "daily", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Je e-mailinstelling is opgeslagen." in html
    assert re.search(r'value="daily"[^>]*checked', client.get("/volgend/").content.decode())
