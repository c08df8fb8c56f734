"""The leeslijst as a member reads it: compact rows with type, date and themes, the note behind
a disclosure, three orders, and downloads that Dutch spreadsheets and programs read."""

import csv
import datetime
import io
import json
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from pagecache.middleware import _query_params
from readinglists.models import ReadingListItem
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    PublicationPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/leeslijst/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def moment(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@pytest.fixture
def shelf(member, wonen, article_index, event_index, publication_index, organisation):
    """Four items saved on four days: an article, a publication, an event to come and one past."""
    werk = ThemeFactory(name="Werk", slug="werk")
    now = timezone.now()
    pages = {
        "artikel": ArticlePageFactory(
            parent=article_index,
            title="Huren in de Rivierbuurt",
            publication_date=datetime.date(2026, 3, 14),
            terms__themes=[wonen, werk],
        ),
        "publicatie": PublicationPageFactory(
            parent=publication_index,
            title="Handreiking wijkteams",
            publication_date=datetime.date(2026, 6, 1),
            publisher=organisation,
            terms__themes=[werk],
        ),
        "komend": EventPageFactory(
            parent=event_index,
            title="Buurtavond over huren",
            start=now + datetime.timedelta(days=3),
            end=now + datetime.timedelta(days=3, hours=2),
            terms__themes=[wonen],
        ),
        "voorbij": EventPageFactory(
            parent=event_index,
            title="Wijkfestival",
            start=now - datetime.timedelta(days=30),
            end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=3),
            first_published_at=now - datetime.timedelta(days=400),
        ),
    }
    saved_on = {"artikel": 4, "komend": 3, "voorbij": 2, "publicatie": 1}  # days ago
    for key, days in saved_on.items():
        ReadingListItem.objects.create(
            user=member,
            page=pages[key],
            title=pages[key].title,
            created_at=now - datetime.timedelta(days=days),
        )
    return pages


def titles(html: str, pages: dict) -> list[str]:
    found = {html.index(page.title): key for key, page in pages.items()}
    return [found[position] for position in sorted(found)]


def row_of(html: str, title: str) -> str:
    start = html.rindex('<li class="reading-row', 0, html.index(title))
    return html[start : html.index("</li>", start)]


def test_rows_show_type_date_and_themes(member_client, shelf):
    html = unescape(member_client.get(LIST).content.decode())
    article = row_of(html, "Huren in de Rivierbuurt")
    assert '<span class="card__type">Artikel</span>' in article
    assert '<time datetime="2026-03-14">14 maart 2026</time>' in article
    assert "Thema's: </span>Werk, Wonen" in article
    publication = row_of(html, "Handreiking wijkteams")
    assert "Publicatie" in publication and "1 juni 2026" in publication
    coming = row_of(html, "Buurtavond over huren")
    start = timezone.localtime(shelf["komend"].start)
    assert f'<time datetime="{start.isoformat()}">' in coming
    assert "voorbij" not in coming
    past = row_of(html, "Wijkfestival")
    assert '<span class="reading-row__past">voorbij</span>' in past
    assert "Bewaard op" in past and "ongelezen" in past


def test_one_action_row_with_the_note_behind_a_disclosure(member_client, member, shelf):
    item = ReadingListItem.objects.get(page=shelf["artikel"])
    item.note = "Bespreken in het wijkteam"
    item.save()
    html = member_client.get(LIST).content.decode()
    row = row_of(html, "Huren in de Rivierbuurt")
    actions = row[row.index('class="reading-row__actions"') :]
    assert actions.count("<form") == 3  # read, remove, note: nowhere else in the row
    assert row.count("<form") == 3
    assert re.search(
        r'<details class="reading-row__note">\s*<summary class="reading-row__summary">'
        r'<span class="reading-row__summary-label">Notitie</span>',
        row,
    )
    assert "Bespreken in het wijkteam</span></summary>" in row  # the note shows, shortened
    # The visible words of each button are one text: no "Verwijderuit" on the screen.
    assert "<span>Verwijder uit leeslijst</span>" in row
    assert "<span>Markeer als gelezen</span>" in row


def test_a_failed_note_opens_its_disclosure_with_the_error(member_client, shelf):
    item = ReadingListItem.objects.get(page=shelf["artikel"])
    url = reverse("readinglists:item_note", args=[item.pk])
    response = member_client.post(url, {f"item-{item.pk}-note": "x" * 600, "next": LIST})
    assert response.status_code == 400
    row = row_of(response.content.decode(), "Huren in de Rivierbuurt")
    assert '<details class="reading-row__note" open>' in row
    assert 'aria-invalid="true"' in row
    assert re.search(rf'aria-describedby="[^"]*id_item-{item.pk}-note_error"', row)


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("", ["publicatie", "voorbij", "komend", "artikel"]),
        ("bewaard", ["publicatie", "voorbij", "komend", "artikel"]),
        ("gepubliceerd", ["komend", "publicatie", "artikel", "voorbij"]),
        ("evenement", ["komend", "voorbij", "publicatie", "artikel"]),
        ("onzin", ["publicatie", "voorbij", "komend", "artikel"]),
    ],
)
def test_three_orders(member_client, shelf, sort, order):
    response = member_client.get(LIST, {"sorteer": sort} if sort else {})
    assert response.status_code == 200
    assert titles(response.content.decode(), shelf) == order


def test_the_order_is_kept_with_the_filters_and_says_what_it_is(member_client, shelf):
    html = unescape(
        member_client.get(LIST, {"sorteer": "evenement", "thema": "wonen"}).content.decode()
    )
    assert titles(html, {k: shelf[k] for k in ("komend", "artikel")}) == ["komend", "artikel"]
    assert "Handreiking wijkteams" not in html
    assert '<option value="evenement" selected>' in html
    assert "2 items met de gekozen filters, eerstvolgend evenement eerst." in html


def test_the_filters_are_nl_design_system_form_fields(member_client, shelf):
    html = member_client.get(LIST).content.decode()
    form = html[html.index('<form class="member-filters"') :]
    form = form[: form.index("</form>")]
    for name, label in [("status", "Status"), ("thema", "Thema"), ("sorteer", "Volgorde")]:
        assert f'<label class="utrecht-form-label" for="id_{name}">{label}</label>' in form
        assert f'class="utrecht-select utrecht-select--html-select" name="{name}"' in form
    assert form.count('class="utrecht-form-field utrecht-form-field--text') == 3


def test_the_order_is_a_known_query_parameter():
    assert {"sorteer", "status", "thema", "page"} <= _query_params


def test_the_csv_opens_in_dutch_excel(member_client, member, shelf):
    saved = moment(2026, 11, 28, 14, 5, 37, 123456)
    item = ReadingListItem.objects.get(page=shelf["artikel"])
    item.created_at = saved
    item.read_at = moment(2026, 11, 29, 9, 30, 12, 999)
    item.note = "Lezen vóór het overleg; daarna bespreken"
    item.save()

    response = member_client.get(reverse("readinglists:export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="leeslijst-')
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark: Excel reads UTF-8
    # As Dutch Excel reads it: semicolons between the columns.
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, *data = rows
    assert header == [
        "Titel",
        "Soort",
        "Datum",
        "Thema's",
        "Adres",
        "Beschikbaar",
        "Bewaard op",
        "Gelezen op",
        "Notitie",
    ]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in data}
    article = by_title["Huren in de Rivierbuurt"]
    assert article["Soort"] == "Artikel"
    assert article["Datum"] == "2026-03-14"
    assert article["Thema's"] == "Werk, Wonen"
    assert article["Adres"].endswith("/artikelen/" + shelf["artikel"].slug + "/")
    assert article["Beschikbaar"] == "ja"
    assert article["Bewaard op"] == "2026-11-28 14:05"  # Dutch time, no seconds or microseconds
    assert article["Gelezen op"] == "2026-11-29 09:30"
    assert article["Notitie"] == "Lezen vóór het overleg; daarna bespreken"  # ; kept in quotes
    event = by_title["Buurtavond over huren"]
    start = timezone.localtime(shelf["komend"].start)
    assert event["Datum"] == start.strftime("%Y-%m-%d %H:%M")
    assert event["Gelezen op"] == ""
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row["Bewaard op"]) for row in by_title.values()
    )


def test_the_same_data_as_json(member_client, shelf):
    item = ReadingListItem.objects.get(page=shelf["artikel"])
    item.created_at = moment(2026, 11, 28, 14, 5, 37, 123456)
    item.save()
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                member_client.get(reverse("readinglists:export")).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    response = member_client.get(reverse("readinglists:export_json"))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)["leeslijst"]
    assert [entry["titel"] for entry in data] == [row["Titel"] for row in csv_rows]
    article = next(entry for entry in data if entry["titel"] == "Huren in de Rivierbuurt")
    assert article["bewaard_op"] == "2026-11-28T14:05:37+01:00"
    assert article["datum"] == "2026-03-14"
    assert article["themas"] == ["Werk", "Wonen"]
    assert article["beschikbaar"] is True
    html = member_client.get(LIST).content.decode()
    assert 'href="/leeslijst/leeslijst.json" download' in html
    assert 'href="/leeslijst/leeslijst.csv" download' in html


def test_downloads_need_login(client):
    for name in ["readinglists:export", "readinglists:export_json"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
