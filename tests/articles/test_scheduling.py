"""Scheduled publishing of dated pages (articles, publications, practice examples): a page with
a future go-live time stays hidden until `manage.py publish_scheduled` runs after that time;
then its publication date is the day it went live, not the day it was written, unless the
editor chose one. No card or search result shows a date before the page went live.

The clock is moved by replacing `django.utils.timezone.now`, as tests/test_schedule.py does.
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import ArticlePage, PracticeExamplePage, PublicationPage
from tests.articles.test_admin import BODY, add_page
from tests.articles.test_publications import card_of, card_titles, html_of
from tests.factories import (
    ArticlePageFactory,
    PracticeExamplePageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db

#: How far ahead the editor schedules: another day than the day of writing.
AHEAD = datetime.timedelta(days=3)


def publish_scheduled_at(when: datetime.datetime, monkeypatch) -> None:
    """Run Wagtail's `publish_scheduled` as the worker would at `when`."""
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: when)
        call_command("publish_scheduled", verbosity=0)


def schedule(page, go_live_at: datetime.datetime, **fields):
    """Save `page` (a draft) with a go-live time, as an editor pressing "Publiceren" does."""
    page.go_live_at = go_live_at
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def drafts(article_index, publication_index, example_index):
    """A draft of each dated type, written today."""
    return {
        "artikel": ArticlePageFactory(
            parent=article_index, title="Gepland artikel", live=False, first_published_at=None
        ),
        "publicatie": PublicationPageFactory(
            parent=publication_index,
            title="Geplande publicatie",
            live=False,
            first_published_at=None,
        ),
        "voorbeeld": PracticeExamplePageFactory(
            parent=example_index,
            title="Gepland voorbeeld",
            live=False,
            first_published_at=None,
        ),
    }


LISTINGS = {
    "artikel": "/artikelen/",
    "publicatie": "/publicaties/",
    "voorbeeld": "/praktijkvoorbeelden/",
}
MODELS = {"artikel": ArticlePage, "publicatie": PublicationPage, "voorbeeld": PracticeExamplePage}


@pytest.mark.parametrize("kind", ["artikel", "publicatie", "voorbeeld"])
def test_a_scheduled_page_is_hidden_until_it_goes_live(client, drafts, monkeypatch, kind):
    written = timezone.now()
    go_live = written + AHEAD
    page = schedule(drafts[kind], go_live)
    assert not page.live
    assert page.publication_date is None
    assert client.get(page.url).status_code == 404
    assert page.title not in html_of(client, LISTINGS[kind])
    assert page.title not in html_of(client, "/zoeken/", {"q": "gepland"})

    publish_scheduled_at(go_live - datetime.timedelta(minutes=1), monkeypatch)
    assert not MODELS[kind].objects.get(pk=page.pk).live  # not yet its time

    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    page = MODELS[kind].objects.get(pk=page.pk)
    assert page.live
    assert page.publication_date == timezone.localdate(go_live)
    assert page.publication_date != timezone.localdate(written)
    assert client.get(page.url).status_code == 200
    assert page.title in card_titles(html_of(client, LISTINGS[kind]))


@pytest.mark.parametrize("kind", ["artikel", "publicatie", "voorbeeld"])
def test_a_publication_date_the_editor_chose_is_kept(drafts, monkeypatch, kind):
    chosen = datetime.date(2026, 1, 15)
    go_live = timezone.now() + AHEAD
    page = schedule(drafts[kind], go_live, publication_date=chosen)
    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    page = MODELS[kind].objects.get(pk=page.pk)
    assert page.live
    assert page.publication_date == chosen


def test_the_article_card_and_search_result_show_the_go_live_day(client, drafts, monkeypatch):
    written = timezone.now()
    go_live = written + AHEAD
    page = schedule(drafts["artikel"], go_live)
    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    day = timezone.localdate(go_live).isoformat()
    card = card_of(html_of(client, "/artikelen/"), page.title)
    assert re.findall(r'<time datetime="([^"]*)"', card) == [day]
    html = html_of(client, "/zoeken/", {"q": "gepland artikel"})
    result = html[html.index('<article class="search-result">') :]
    result = result[: result.index("</article>")]
    assert "Gepland artikel" in result
    assert re.findall(r'<time datetime="([^"]*)"', result) == [day]


def test_the_publication_search_result_shows_the_go_live_day(client, drafts, monkeypatch):
    go_live = timezone.now() + AHEAD
    page = schedule(drafts["publicatie"], go_live)
    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    html = html_of(client, "/zoeken/", {"q": "geplande publicatie"})
    result = html[html.index('<article class="search-result">') :]
    result = result[: result.index("</article>")]
    assert page.title in result
    assert re.findall(r'<time datetime="([^"]*)"', result) == [
        timezone.localdate(go_live).isoformat()
    ]


def test_a_go_live_time_in_the_past_gives_the_day_it_really_went_live(client, drafts):
    """An editor who sets a go-live time that has passed publishes at once: the page says
    today, not the day in the past it never was on the site."""
    last_week = timezone.now() - datetime.timedelta(days=7)
    page = schedule(drafts["artikel"], last_week)
    assert page.live
    assert page.publication_date == timezone.localdate()
    card = card_of(html_of(client, "/artikelen/"), page.title)
    assert re.findall(r'<time datetime="([^"]*)"', card) == [timezone.localdate().isoformat()]


def test_a_worker_that_runs_late_dates_the_page_when_it_went_live(drafts, monkeypatch):
    """The page is on the site from the moment the worker publishes it, and says so."""
    go_live = timezone.now() + AHEAD
    page = schedule(drafts["publicatie"], go_live)
    ran = go_live + datetime.timedelta(days=2)
    publish_scheduled_at(ran, monkeypatch)
    page = PublicationPage.objects.get(pk=page.pk)
    assert page.live
    assert page.first_published_at == ran
    assert page.publication_date == timezone.localdate(ran)


def test_a_draft_saved_without_publishing_gets_no_date(drafts):
    page = drafts["artikel"]
    page.save_revision()
    page.refresh_from_db()
    assert not page.live
    assert page.publication_date is None


def article_form(go_live: datetime.datetime | None, **fields) -> dict:
    """The article form's fields beyond title, slug and body, with a go-live time."""
    return {
        "intro": "Kort.",
        "kind": "nieuws",
        "publication_date": "",
        "image": "",
        "go_live_at": go_live.strftime("%Y-%m-%d %H:%M") if go_live else "",
        "article_authors": inline_formset([]),
        "organisation_links": inline_formset([]),
        "place_links": inline_formset([]),
        **fields,
    }


def nine_am(day: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(day).replace(hour=9, minute=0, second=0, microsecond=0)


def test_editor_schedules_an_article_in_the_admin(client, editor, article_index, monkeypatch):
    client.force_login(editor)
    go_live = nine_am(timezone.now() + AHEAD)
    page = add_page(
        client,
        ArticlePage,
        article_index,
        title="Via de redactie gepland",
        slug="via-de-redactie-gepland",
        **article_form(go_live),
    )
    assert not page.live
    assert page.go_live_at == go_live
    assert page.publication_date is None
    client.logout()
    assert client.get("/artikelen/via-de-redactie-gepland/").status_code == 404

    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    page.refresh_from_db()
    assert page.live
    assert page.publication_date == go_live.date()
    html = html_of(client, "/artikelen/")
    card = card_of(html, "Via de redactie gepland")
    assert re.findall(r'<time datetime="([^"]*)"', card) == [go_live.date().isoformat()]


def test_editor_moves_the_go_live_time_and_the_date_follows(
    client, editor, article_index, monkeypatch
):
    client.force_login(editor)
    first = nine_am(timezone.now() + AHEAD)
    page = add_page(
        client,
        ArticlePage,
        article_index,
        title="Verschoven artikel",
        slug="verschoven-artikel",
        **article_form(first),
    )
    # The editor opens the page again: no date was filled in for them.
    form = client.get(f"/admin/pages/{page.pk}/edit/").context["form"]
    assert form["publication_date"].value() in (None, "")

    # A scheduled page is locked: the editor cancels the schedule first.
    revision = page.latest_revision
    assert revision.approved_go_live_at == first
    response = client.post(f"/admin/pages/{page.pk}/revisions/{revision.pk}/unschedule/")
    assert response.status_code == 302

    later = first + datetime.timedelta(days=4)
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "body": BODY, **article_form(later)}
    )
    data["action-publish"] = "Publiceren"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors

    publish_scheduled_at(first + datetime.timedelta(minutes=1), monkeypatch)
    assert not ArticlePage.objects.get(pk=page.pk).live  # moved: not at the first time
    publish_scheduled_at(later + datetime.timedelta(minutes=1), monkeypatch)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    assert page.publication_date == later.date()


def test_publishing_in_the_admin_with_a_past_go_live_time_dates_today(
    client, editor, article_index
):
    client.force_login(editor)
    last_week = nine_am(timezone.now() - datetime.timedelta(days=7))
    page = add_page(
        client,
        ArticlePage,
        article_index,
        title="Terugwerkend gepland",
        slug="terugwerkend-gepland",
        **article_form(last_week),
    )
    assert page.live
    assert page.publication_date == timezone.localdate()
    client.logout()
    card = card_of(html_of(client, "/artikelen/"), "Terugwerkend gepland")
    assert re.findall(r'<time datetime="([^"]*)"', card) == [timezone.localdate().isoformat()]


def test_publishing_in_the_admin_at_once_dates_today(client, editor, article_index):
    client.force_login(editor)
    page = add_page(
        client,
        ArticlePage,
        article_index,
        title="Meteen gepubliceerd",
        slug="meteen-gepubliceerd",
        **article_form(None),
    )
    assert page.live
    assert page.publication_date == timezone.localdate()
