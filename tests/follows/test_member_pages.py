"""/volgend/ as a member reads it: the digest choice near the top (and on its own page, which
answers a GET), the coming events in date order in a block of their own, past events left out,
and a jump list with an entry per followed term."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone

from follows import services
from follows.models import FollowSettings
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a class="utrecht-link" href="[^"]*">([^<]+)</a>', html)


def event_on(parent, title, days: float, **terms):
    start = timezone.now() + datetime.timedelta(days=days)
    return EventPageFactory(
        parent=parent,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        **{f"terms__{kind}": value for kind, value in terms.items()},
    )


def test_the_settings_address_answers_a_get_with_the_form(member_client, member, wonen):
    services.follow_add(user=member, term=wonen)
    services.follow_settings_update(user=member, digest="daily")
    response = member_client.get("/volgend/instellingen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "E-mail over wat je volgt" in html
    assert re.search(r'value="daily"[^>]*checked', html)
    assert 'action="/volgend/instellingen/"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_settings_page_needs_login(client):
    response = client.get("/volgend/instellingen/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_no_choice_is_refused_with_a_message_and_changes_nothing(member_client, member, wonen):
    services.follow_add(user=member, term=wonen)
    response = member_client.post("/volgend/instellingen/", {"digest": "elk uur"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert re.search(r'aria-describedby="digest-uitleg digest-fout"', html)
    assert FollowSettings.objects.get(user=member).digest == "weekly"
    response = member_client.post("/volgend/instellingen/", {"digest": "never"})
    assert response.status_code == 302
    assert response["Location"] == "/volgend/#e-mail"
    assert FollowSettings.objects.get(user=member).digest == "never"


def test_the_digest_choice_is_near_the_top(member_client, member, wonen, event_index):
    services.follow_add(user=member, term=wonen)
    event_on(event_index, "Buurtavond", 3, themes=[wonen])
    html = member_client.get("/volgend/").content.decode()
    main = html[html.index("<main") :]
    assert main.index('id="e-mail"') < main.index('id="evenementen"')
    assert main.index("<h1") < main.index('id="e-mail"')


def test_coming_events_in_date_order_and_past_ones_left_out(
    member_client, member, wonen, organisation, event_index
):
    services.follow_add(user=member, term=wonen)
    services.follow_add(user=member, term=organisation)
    later = event_on(event_index, "Wijkfeest in juni", 30, themes=[wonen])
    soon = event_on(event_index, "Spreekuur morgen", 1, organisations=[organisation])
    between = event_on(event_index, "Buurtavond volgende week", 7, themes=[wonen])
    now_on = event_on(event_index, "Loopt nu", -1 / 24, themes=[wonen])  # began an hour ago
    past = event_on(event_index, "Vorige maand", -30, themes=[wonen])
    other = event_on(event_index, "Over iets anders", 2, themes=[ThemeFactory()])
    html = member_client.get("/volgend/").content.decode()
    block = html[html.index('id="evenementen"') :]
    block = block[: block.index("</section>")]
    order = [now_on, soon, between, later]
    assert [block.index(event.title) for event in order] == sorted(
        block.index(event.title) for event in order
    )
    assert past.title not in html
    assert other.title not in html
    assert "Omdat je organisatie" in block  # each event says why it is there
    # Events are not repeated in the terms' blocks.
    assert card_titles(html).count(between.title) == 1


def test_a_jump_list_with_an_entry_per_followed_term(
    member_client, member, wonen, organisation, article_index, publication_index, example_index
):
    author = AuthorFactory(name="Sanne de Vries", slug="sanne-de-vries")
    werk = ThemeFactory(name="Werk", slug="werk")
    for term in (wonen, werk, organisation, author):
        services.follow_add(user=member, term=term)
    ArticlePageFactory(
        parent=article_index,
        title="Huren in de wijk",
        terms__themes=[wonen],
        terms__authors=[author],
    )
    PublicationPageFactory(
        parent=publication_index,
        title="Handreiking wonen",
        publisher=organisation,
        terms__themes=[wonen],
    )
    PracticeExamplePageFactory(
        parent=example_index, title="Werkplaats in de wijk", terms__themes=[werk]
    )
    html = unescape(member_client.get("/volgend/").content.decode())
    nav = html[html.index('<nav class="jump-list"') :]
    nav = nav[: nav.index("</nav>")]
    anchors = re.findall(r'href="#([^"]+)"', nav)
    assert anchors == [
        "evenementen",
        "volgt-thema-werk",
        "volgt-thema-wonen",
        f"volgt-organisatie-{organisation.slug}",
        "volgt-auteur-sanne-de-vries",
    ]
    for anchor in anchors:
        assert f'id="{anchor}"' in html
    wonen_block = html[html.index('id="volgt-thema-wonen"') :]
    wonen_block = wonen_block[: wonen_block.index("</section>")]
    assert "Huren in de wijk" in wonen_block and "Handreiking wonen" in wonen_block
    assert "Werkplaats in de wijk" not in wonen_block
    assert "Ontvolg thema Wonen" in wonen_block
    assert 'href="/themas/wonen/"' in wonen_block
    werk_block = html[html.index('id="volgt-thema-werk"') :]
    assert "Werkplaats in de wijk" in werk_block[: werk_block.index("</section>")]


def test_each_term_shows_its_three_newest_items(member_client, member, wonen, article_index):
    services.follow_add(user=member, term=wonen)
    now = timezone.now()
    for n in range(5):
        ArticlePageFactory(
            parent=article_index,
            title=f"Bericht {n}",
            first_published_at=now - datetime.timedelta(hours=n),
            terms__themes=[wonen],
        )
    html = member_client.get("/volgend/").content.decode()
    block = html[html.index('id="volgt-thema-wonen"') :]
    block = block[: block.index("</section>")]
    assert card_titles(block) == [
        "Bericht 0",
        "Bericht 1",
        "Bericht 2",
    ]
    assert "Alles over thema Wonen" in block
