"""The demo's explainer and publication that changed in substance: two notes each, shown on the
page newest first, and not added again by a second run."""

import re

import pytest
from django.core.management import call_command

from articles.models import ChangeNote
from demo.changes import CHANGE_NOTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", verbosity=0)


def test_two_demo_pages_show_two_change_notes_each(client, demo):
    assert len(CHANGE_NOTES) == 2
    for path, notes in CHANGE_NOTES.items():
        html = client.get(path).content.decode()
        section = html[html.index('id="wijzigingen"') :]
        listed = re.findall(r'<span class="change-notes__note">([^<]*)</span>', section)
        newest_first = [note for _, note in sorted(notes)]
        assert [text.replace("&#x27;", "'") for text in listed] == newest_first
        assert "Laatst inhoudelijk gewijzigd op" in html


def test_a_second_run_adds_no_notes(demo):
    before = list(ChangeNote.objects.order_by("pk").values_list("page_id", "note", "published_at"))
    assert len(before) == 4
    call_command("load_demo_content", verbosity=0)
    after = list(ChangeNote.objects.order_by("pk").values_list("page_id", "note", "published_at"))
    assert after == before
