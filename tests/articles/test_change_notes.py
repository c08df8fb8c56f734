"""Changes in substance to explainers, publications and dossiers: the editor chooses "kleine
correctie" or "inhoudelijke wijziging" when publishing, a change in substance needs a short
public note, and the page lists every note, the newest first, under "Wijzigingen".

Through the admin's own views as an editor uses them, and through Wagtail's publishing as the
scheduler (`publish_scheduled`) and a repeated publish use it.
"""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from articles.models import ChangeKind, ChangeNote, ExplainerPage
from tests.articles.changes import change_publish, dossier, explainer, publication
from tests.articles.test_admin import BODY, add_page

pytestmark = pytest.mark.django_db

NOTE = "De paragraaf over de Wet betaalbare huur is bijgewerkt naar de regels van 2026."


@pytest.fixture
def page(explainer_index):
    return explainer(explainer_index, title="Wat is een integrale wijkaanpak?", slug="wat-is-het")


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def edit_post(client, page, *, action="action-publish", **fields):
    """Post the explainer's edit form as the editor fills it in."""
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
    data[action] = "ja"
    return client.post(edit_url(page), data)


def field_errors(response, name: str) -> list[str]:
    return list(response.context["form"].errors.get(name, []))


def section(html: str) -> str:
    match = re.search(r'<section class="change-notes" id="wijzigingen".*?</section>', html, re.S)
    assert match, "no section with id=wijzigingen"
    return match.group(0)


def listed_notes(html: str) -> list[tuple[str, str]]:
    return [
        (day, unescape(note))
        for day, note in re.findall(
            r'<time class="change-notes__date" datetime="([^"]+)">[^<]*</time> '
            r'<span class="change-notes__note">([^<]*)</span>',
            section(html),
        )
    ]


# The admin --------------------------------------------------------------------------------------


def test_editor_publishes_a_change_in_substance_with_a_note(client, editor, page):
    client.force_login(editor)
    form = client.get(edit_url(page)).context["form"]
    assert form["change_kind"].value() == ChangeKind.MINOR
    assert form["change_note"].value() == ""
    html = client.get(edit_url(page)).content.decode()
    assert "Kleine correctie" in html and "Inhoudelijke wijziging" in html

    response = edit_post(client, page, change_kind="major", change_note=f"  {NOTE}\n ")
    assert response.status_code == 302, response.context and response.context["form"].errors
    change = ChangeNote.objects.get()
    assert (change.page_id, change.note) == (page.pk, NOTE)
    page.refresh_from_db()
    assert change.revision_id == page.live_revision_id
    assert change.published_at == page.last_published_at

    client.logout()
    html = client.get(page.url).content.decode()
    day = timezone.localdate(change.published_at)
    assert listed_notes(html) == [(day.isoformat(), NOTE)]
    summary = re.search(r'<p class="change-summary__date">(.*?)</p>', html, re.S).group(1)
    assert "Laatst inhoudelijk gewijzigd op" in summary
    assert 'href="#wijzigingen"' in summary
    assert f'datetime="{day.isoformat()}"' in summary


def test_a_minor_correction_leaves_no_note(client, editor, page):
    client.force_login(editor)
    response = edit_post(client, page, change_kind="minor", change_note="", title="Nieuwe titel")
    assert response.status_code == 302
    assert ExplainerPage.objects.get(pk=page.pk).title == "Nieuwe titel"
    assert not ChangeNote.objects.exists()
    client.logout()
    html = client.get(page.url).content.decode()
    assert 'id="wijzigingen"' not in html
    assert "Laatst inhoudelijk gewijzigd" not in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"change_kind": "major", "change_note": ""}, "Schrijf in één of twee zinnen"),
        ({"change_kind": "major", "change_note": " \n\t "}, "Schrijf in één of twee zinnen"),
        (
            {"change_kind": "major", "change_note": "x" * 301},
            "hoogstens 300 tekens; deze heeft er 301",
        ),
        ({"change_kind": "minor", "change_note": NOTE}, "Een kleine correctie krijgt geen notitie"),
    ],
)
def test_the_editor_is_told_in_dutch_what_is_missing(client, editor, page, fields, message):
    client.force_login(editor)
    before = page.live_revision_id
    response = edit_post(client, page, **fields)
    assert response.status_code == 200
    errors = field_errors(response, "change_note")
    assert any(message in error for error in errors), errors
    assert not ChangeNote.objects.exists()
    assert ExplainerPage.objects.get(pk=page.pk).live_revision_id == before


@pytest.mark.parametrize("kind", ["groot", "", "MAJOR"])
def test_an_unknown_kind_is_refused(client, editor, page, kind):
    client.force_login(editor)
    response = edit_post(client, page, change_kind=kind, change_note=NOTE)
    assert response.status_code == 200
    assert field_errors(response, "change_kind")
    assert not ChangeNote.objects.exists()


def test_a_note_of_exactly_300_characters_and_markup_are_kept_as_text(client, editor, page):
    client.force_login(editor)
    note = ("<script>alert(1)</script> & " + "a" * 300)[:300]
    assert edit_post(client, page, change_kind="major", change_note=note).status_code == 302
    assert ChangeNote.objects.get().note == note
    client.logout()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; aaa" in html


def test_the_choice_and_note_are_not_carried_over_to_the_next_version(client, editor, page):
    client.force_login(editor)
    assert edit_post(client, page, change_kind="major", change_note=NOTE).status_code == 302
    form = client.get(edit_url(page)).context["form"]
    assert (form["change_kind"].value(), form["change_note"].value()) == ("minor", "")

    # Published again without touching the choice: a small correction, no second note.
    assert edit_post(client, page, change_kind="minor", change_note="").status_code == 302
    assert ChangeNote.objects.count() == 1

    # Restoring the version that had the note does not offer that note again, also not while
    # a newer draft waits.
    response = edit_post(client, page, action="action-save", change_kind="minor", title="Concept")
    assert response.status_code == 302
    noted = ChangeNote.objects.get().revision
    response = client.get(f"/admin/pages/{page.pk}/revisions/{noted.pk}/revert/")
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["change_kind"].value(), form["change_note"].value()) == ("minor", "")


def test_a_draft_keeps_its_choice_until_it_is_published(client, editor, page):
    client.force_login(editor)
    response = edit_post(client, page, action="action-save", change_kind="major", change_note=NOTE)
    assert response.status_code == 302
    assert not ChangeNote.objects.exists()
    form = client.get(edit_url(page)).context["form"]
    assert (form["change_kind"].value(), form["change_note"].value()) == ("major", NOTE)
    assert edit_post(client, page, change_kind="major", change_note=NOTE).status_code == 302
    assert list(ChangeNote.objects.values_list("note", flat=True)) == [NOTE]


def test_the_first_publication_needs_no_note(client, editor, explainer_index):
    client.force_login(editor)
    url = f"/admin/pages/add/articles/explainerpage/{explainer_index.pk}/"
    form = client.get(url).context["form"]
    assert "change_kind" not in form.fields and "change_note" not in form.fields
    new = add_page(
        client,
        ExplainerPage,
        explainer_index,
        title="Nieuwe uitleg",
        slug="nieuwe-uitleg",
        intro="Uitleg.",
    )
    assert new.live
    assert not ChangeNote.objects.exists()
    # Published once, the next version asks.
    assert "change_kind" in client.get(edit_url(new)).context["form"].fields


def test_a_page_first_published_by_code_as_a_change_gets_no_note(explainer_index):
    from tests.factories import ExplainerPageFactory

    page = ExplainerPageFactory(parent=explainer_index, live=False)
    change_publish(page, NOTE)
    page.refresh_from_db()
    assert page.live and page.first_published_at == page.last_published_at
    assert not ChangeNote.objects.exists()


# Publishing, as the scheduler and repeated publishes do it ---------------------------------------


def publish_scheduled_at(when, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: when)
        call_command("publish_scheduled", verbosity=0)


def test_a_scheduled_change_is_noted_at_go_live_exactly_once(client, editor, page, monkeypatch):
    client.force_login(editor)
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    response = edit_post(
        client,
        page,
        change_kind="major",
        change_note=NOTE,
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    assert response.status_code == 302
    assert not ChangeNote.objects.exists()
    client.logout()
    assert 'id="wijzigingen"' not in client.get(page.url).content.decode()

    publish_scheduled_at(go_live - datetime.timedelta(minutes=5), monkeypatch)
    assert not ChangeNote.objects.exists()
    publish_scheduled_at(go_live + datetime.timedelta(minutes=1), monkeypatch)
    publish_scheduled_at(go_live + datetime.timedelta(minutes=2), monkeypatch)
    change = ChangeNote.objects.get()
    assert change.note == NOTE
    assert change.published_at == go_live + datetime.timedelta(minutes=1)
    assert NOTE in client.get(page.url).content.decode()


def test_publishing_the_same_version_again_notes_it_once(page):
    revision = change_publish(page, NOTE)
    revision.refresh_from_db()
    revision.publish()
    Page.objects.get(pk=page.pk).specific.get_latest_revision().publish()
    assert ChangeNote.objects.count() == 1


def test_code_that_publishes_the_live_page_again_repeats_no_note(page):
    change_publish(page, NOTE)
    live = ExplainerPage.objects.get(pk=page.pk)
    assert (live.change_kind, live.change_note) == ("minor", "")
    live.title = "Andere titel"
    live.save_revision().publish()
    assert ChangeNote.objects.count() == 1


def test_a_copy_starts_without_changes(page, explainer_index):
    page.change_kind, page.change_note = "major", NOTE
    page.save_revision()
    copy = Page.objects.get(pk=page.pk).specific.copy(
        update_attrs={"title": "Kopie", "slug": "kopie"}, keep_live=True
    )
    copy = ExplainerPage.objects.get(pk=copy.pk)
    assert (copy.change_kind, copy.change_note) == ("minor", "")
    assert not ChangeNote.objects.filter(page_id=copy.pk).exists()


def test_the_note_outlives_a_purged_revision(page):
    revision = change_publish(page, NOTE)
    change_publish(page, kind="minor")
    revision.delete()
    assert ChangeNote.objects.get().revision_id is None


# The page ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["uitleg", "publicatie", "dossier"])
def test_every_note_is_listed_newest_first_and_corrections_are_not(
    client, kind, explainer_index, publication_index, dossier_index
):
    make = {
        "uitleg": lambda: explainer(explainer_index),
        "publicatie": lambda: publication(publication_index),
        "dossier": lambda: dossier(dossier_index),
    }
    page = make[kind]()
    days = [timezone.now() - datetime.timedelta(days=n) for n in (20, 10, 5)]
    change_publish(page, "Eerste inhoudelijke wijziging.", at=days[0])
    change_publish(page, kind="minor")
    change_publish(page, "Tweede inhoudelijke wijziging.", at=days[1])
    change_publish(page, kind="minor")
    html = client.get(page.url).content.decode()
    assert listed_notes(html) == [
        (timezone.localdate(days[1]).isoformat(), "Tweede inhoudelijke wijziging."),
        (timezone.localdate(days[0]).isoformat(), "Eerste inhoudelijke wijziging."),
    ]
    assert html.count('id="wijzigingen"') == 1
    summary = re.search(r'<p class="change-summary__date">(.*?)</p>', html, re.S).group(1)
    assert f'datetime="{timezone.localdate(days[1]).isoformat()}"' in summary
    assert re.search(
        r'aria-pressed="false"><span class="toggle-button__label">Volg wijzigingen', html
    )


def test_a_page_without_changes_has_the_button_but_no_list(client, page):
    html = client.get(page.url).content.decode()
    assert "Volg wijzigingen" in html
    assert 'id="wijzigingen"' not in html
    assert "Laatst inhoudelijk gewijzigd" not in html


# Correcting a note ------------------------------------------------------------------------------


def test_an_editor_corrects_a_note_and_the_page_shows_it(client, editor, page):
    change_publish(page, "Een notitie met een tikfout: wijkapak.")
    assert "tikfout" in client.get(page.url).content.decode()  # now cached for visitors
    change = ChangeNote.objects.get()
    client.force_login(editor)
    listing = client.get("/admin/snippets/articles/changenote/", {"q": "tikfout"})
    assert listing.status_code == 200
    assert "wijkapak" in listing.content.decode()
    url = f"/admin/snippets/articles/changenote/edit/{change.pk}/"
    response = client.post(url, {"note": "Een notitie zonder tikfout: wijkaanpak."})
    assert response.status_code == 302
    client.logout()
    html = client.get(page.url).content.decode()
    assert "wijkaanpak." in html and "wijkapak" not in html


def test_notes_are_not_made_in_the_snippet_admin(client, editor):
    client.force_login(editor)
    response = client.get("/admin/snippets/articles/changenote/add/")
    assert response.status_code in (302, 403)
    assert not ChangeNote.objects.exists()
    listing = client.get("/admin/snippets/articles/changenote/").content.decode()
    assert "/admin/snippets/articles/changenote/add/" not in listing
