"""The body blocks: what each renders, what the video and call-to-action blocks accept, and the
plain words `blocks_text` reads from stored block data."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from articles.blocks import (
    VIDEO_PROVIDER_MESSAGE,
    BodyBlock,
    CallToActionBlock,
    VideoBlock,
    blocks_text,
    video_source,
)
from pagecache.versions import content_changed
from tests.factories import ExplainerPageFactory, InformationPageFactory

pytestmark = pytest.mark.django_db

BODY = BodyBlock()


def render(kind: str, raw) -> str:
    block = BODY.child_blocks[kind]
    return block.render(block.to_python(raw))


def text(html: str) -> str:
    """What a reader sees: tags removed, white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def report(media_root):
    content = b"%PDF-1.4 " + b"x" * 1_250_000
    return Document.objects.create(
        title="Rapport wijkaanpak",
        file=ContentFile(content, name="rapport.pdf"),
        file_size=len(content),
    )


# Document ------------------------------------------------------------------------------------


def test_document_links_to_the_file_with_type_and_dutch_size(report):
    html = render("document", {"document": report.pk, "title": ""})
    link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    assert link, html
    assert link.group(1) == report.url
    assert text(link.group(2)) == "Rapport wijkaanpak (PDF, 1,2 MB)"
    assert "1,2\xa0MB" in html  # never broken over two lines


def test_document_title_overrides_and_odt_without_a_known_size(media_root):
    document = Document.objects.create(
        title="Notulen", file=ContentFile(b"odt", name="notulen-mei.odt"), file_size=None
    )
    html = render("document", {"document": document.pk, "title": "Verslag van de buurtavond"})
    assert text(html) == "Verslag van de buurtavond (ODT)"


def test_a_deleted_document_renders_nothing(report):
    raw = {"document": report.pk, "title": "Weg"}
    report.delete()
    assert render("document", raw).strip() == ""


# Table ---------------------------------------------------------------------------------------

TABLE = {
    "data": [["Jaar", "Programma"], ["2007", "Krachtwijken"], ["2011", "Wijkenaanpak"]],
    "table_caption": "Landelijke programma's",
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
}


def test_table_has_caption_and_column_headers():
    html = render("table", TABLE)
    assert "<caption" in html and "Landelijke programma&#x27;s</caption>" in html
    assert re.findall(r'<th [^>]*scope="col"[^>]*>([^<]*)</th>', html) == ["Jaar", "Programma"]
    assert re.findall(r"<td [^>]*>([^<]*)</td>", html) == [
        "2007",
        "Krachtwijken",
        "2011",
        "Wijkenaanpak",
    ]
    assert 'scope="row"' not in html


def test_table_with_a_header_column_too():
    html = render("table", {**TABLE, "table_header_choice": "both"})
    assert re.findall(r'<th [^>]*scope="row"[^>]*>([^<]*)</th>', html) == ["2007", "2011"]


def test_table_needs_a_caption_and_a_header_row():
    block = BODY.child_blocks["table"]
    with pytest.raises(ValidationError, match="bijschrift"):
        block.clean({**TABLE, "table_caption": " "})
    with pytest.raises(ValidationError, match="Tabelkoppen"):
        block.clean({**TABLE, "table_header_choice": "column"})
    assert block.clean(dict(TABLE))["table_caption"] == "Landelijke programma's"


# Accordion, steps, timeline ------------------------------------------------------------------


def test_accordion_is_details_and_summary():
    html = render(
        "accordion",
        {
            "title": "Veelgestelde vragen",
            "panels": [
                {"title": "Wat kost het?", "text": "<p>Niets.</p>"},
                {"title": "Wie doet mee?", "text": "<p>Bewoners en <b>partners</b>.</p>"},
            ],
        },
    )
    assert "<h2" in html and "Veelgestelde vragen</h2>" in html
    items = re.findall(
        r"<details[^>]*>\s*<summary[^>]*>([^<]*)</summary>(.*?)</details>", html, re.S
    )
    assert [title for title, _ in items] == ["Wat kost het?", "Wie doet mee?"]
    assert "<b>partners</b>" in items[1][1]


def test_steps_are_an_ordered_list_with_visible_numbers_and_live_links(home, explainer_index):

    live = ExplainerPageFactory(parent=explainer_index, title="Wie zijn de partners?")
    withdrawn = ExplainerPageFactory(parent=explainer_index, title="Oud", live=False)
    html = render(
        "steps",
        {
            "title": "In vijf stappen naar een wijkaanpak",
            "intro": "Zo begin je.",
            "steps": [
                {
                    "title": "Verken de wijk",
                    "text": "<p>Praat met bewoners.</p>",
                    "links": [{"page": live.pk, "title": ""}, {"page": withdrawn.pk, "title": "x"}],
                },
                {"title": "Zoek partners", "text": "<p>Samen.</p>", "links": []},
            ],
        },
    )
    assert re.search(r"<ol[^>]*>", html)
    steps = re.findall(
        r"<li class=\"steps__step\">(.*?)</li>\s*(?=<li class=\"steps__step\"|</ol>)", html, re.S
    )
    assert [text(re.search(r"<h3.*?</h3>", step, re.S).group(0)) for step in steps] == [
        "Stap 1 : Verken de wijk",
        "Stap 2 : Zoek partners",
    ]
    # The number itself is visible, outside the visually hidden text.
    assert re.search(r'<span class="visually-hidden">Stap </span>1<span', html)
    assert re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]*)</a>', steps[0]) == [
        (live.url, "Wie zijn de partners?")
    ]
    assert "<ul" not in steps[1]


def test_timeline_is_an_ordered_list_with_the_period_first():
    html = render(
        "timeline",
        {
            "title": "Beleid door de jaren",
            "entries": [
                {"period": "2007–2011", "title": "Krachtwijken", "text": "<p>40 wijken.</p>"},
                {"period": "sinds 2022", "title": "Leefbaarheid en veiligheid", "text": ""},
            ],
        },
    )
    entries = re.findall(r'<li class="timeline__entry">(.*?)</li>', html, re.S)
    assert len(entries) == 2 and re.search(r"<ol[^>]*>\s*<li", html)
    assert re.search(r'<h3[^>]*><span class="timeline__period">2007–2011</span>', entries[0])
    assert text(entries[1]) == "sinds 2022 : Leefbaarheid en veiligheid"


# Call to action ------------------------------------------------------------------------------


def cta(**values):
    return {
        "title": "Doe mee",
        "text": "Meld je aan.",
        "page": None,
        "url": "",
        "label": "Aanmelden",
        **values,
    }


def test_call_to_action_is_a_box_with_a_button_link(explainer_index):
    html = render("call_to_action", cta(page=explainer_index.pk))
    link = re.search(r'<a class="([^"]+)" href="([^"]+)">([^<]*)</a>', html)
    assert link and "utrecht-button-link" in link.group(1)
    assert link.group(2) == explainer_index.url and link.group(3) == "Aanmelden"
    html = render("call_to_action", cta(url="https://example.org/meedoen"))
    assert 'href="https://example.org/meedoen"' in html


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "Kies een pagina of vul een webadres in"),
        ({"url": "https://example.org/"}, "niet allebei"),
    ],
)
def test_call_to_action_needs_exactly_one_link(explainer_index, values, message):
    block = CallToActionBlock()
    raw = cta(**values)
    if "url" in values:
        raw["page"] = explainer_index.pk
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(raw))
    assert message in error.value.block_errors["page"].messages[0]
    assert block.clean(block.to_python(cta(url="https://example.org/")))["url"]


# Video ---------------------------------------------------------------------------------------


def video(url="https://youtu.be/dQw4w9WgXcQ", **values):
    return {
        "url": url,
        "title": "Wijkaanpak in Havenstad",
        "transcript": "<p>Een bewoner vertelt.</p>",
        **values,
    }


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_video_accepts_youtube_and_vimeo(url, provider, video_id):
    block = VideoBlock()
    assert block.clean(block.to_python(video(url)))["url"] == url
    source = video_source(url)
    assert (source.provider, source.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x7tgad0",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_video_rejects_other_services_in_dutch(url):
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(video(url)))
    assert error.value.block_errors["url"].messages == [VIDEO_PROVIDER_MESSAGE]
    assert VIDEO_PROVIDER_MESSAGE == (
        "Deze videodienst wordt niet ondersteund. Gebruik een link van YouTube of Vimeo."
    )


def test_video_rejects_a_youtube_link_that_is_no_video():
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(video("https://www.youtube.com/@gemeente")))
    assert "niet naar één video" in error.value.block_errors["url"].messages[0]


def test_video_needs_a_text_alternative():
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(video(transcript="")))
    assert "transcript" in error.value.block_errors


@pytest.mark.parametrize(
    ("url", "service", "embed", "watch"),
    [
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://vimeo.com/76979871",
            "Vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1",
            "https://vimeo.com/76979871",
        ),
    ],
)
def test_video_placeholder_loads_nothing_from_the_service(url, service, embed, watch):
    html = render("video", video(url))
    sources = re.findall(r'\bsrc="([^"]*)"', html)
    assert sources and all(s.startswith(settings.STATIC_URL) for s in sources), sources
    assert not re.search(r"<(iframe|img|video|link|object|embed)\b", html)
    assert re.search(r'<script type="module" src="[^"]*embed[^"]*\.js"></script>', html)
    assert f'data-embed-url="{embed}"' in html
    button = re.search(r'<button type="button"[^>]*>([^<]*)</button>', html)
    assert button and button.group(1) == "Video afspelen: Wijkaanpak in Havenstad"
    assert (
        f"Als je op afspelen drukt, laadt {service} de video en kan {service} cookies plaatsen."
        in html
    )
    # Without JavaScript the button and notice stay hidden; the link to the service remains.
    assert re.search(r"<div [^>]*data-video-consent hidden>", html)
    assert f'<a class="utrecht-link" href="{watch}">Bekijk de video op {service}</a>' in html
    transcript = re.search(
        r"<details[^>]*>\s*<summary[^>]*>([^<]*)</summary>(.*?)</details>", html, re.S
    )
    assert transcript and transcript.group(1) == "Uitgeschreven tekst"
    assert "Een bewoner vertelt." in transcript.group(2)


def test_unlisted_vimeo_keeps_its_hash():
    source = video_source("https://vimeo.com/76979871/1a2b3c4d5e")
    assert (
        source.embed_url == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=1a2b3c4d5e"
    )
    assert source.watch_url == "https://vimeo.com/76979871/1a2b3c4d5e"


# Rich text -----------------------------------------------------------------------------------


def test_paragraph_links_sit_in_the_styled_rich_text_wrapper():
    html = render("paragraph", '<p>Zie <a href="https://example.org/">de bron</a>.</p>')
    assert re.search(
        r'<div class="[^"]*\brich-text\b[^"]*">.*<a href="https://example.org/">', html, re.S
    )
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    rule = re.search(r"\.rich-text a:any-link \{([^}]*)\}", css)
    assert rule and "color: var(--utrecht-link-color)" in rule.group(1)


# A page with every block ---------------------------------------------------------------------


def every_block(*, documents, pages, repeat=1) -> list[dict]:
    body = []
    for n in range(repeat):
        body += [
            {
                "type": "document",
                "value": {"document": documents[n % len(documents)].pk, "title": ""},
            },
            {"type": "table", "value": TABLE},
            {
                "type": "accordion",
                "value": {
                    "title": "Vragen",
                    "panels": [{"title": "Vraag", "text": "<p>Antwoord</p>"}],
                },
            },
            {
                "type": "steps",
                "value": {
                    "title": f"Stappenplan {n}",
                    "intro": "",
                    "steps": [
                        {
                            "title": "Stap",
                            "text": "<p>Doen.</p>",
                            "links": [{"page": page.pk, "title": ""} for page in pages],
                        }
                    ],
                },
            },
            {
                "type": "timeline",
                "value": {
                    "title": "Tijdlijn",
                    "entries": [{"period": "2007–2011", "title": "Krachtwijken", "text": ""}],
                },
            },
            {"type": "call_to_action", "value": cta(page=pages[n % len(pages)].pk)},
            {"type": "video", "value": video()},
        ]
    return body


def test_a_page_with_every_block_renders_in_a_fixed_number_of_queries(
    client, home, explainer_index, media_root
):

    documents = [
        Document.objects.create(
            title=f"Bijlage {n}", file=ContentFile(b"x", name=f"b{n}.pdf"), file_size=1
        )
        for n in range(3)
    ]
    pages = [ExplainerPageFactory(parent=explainer_index) for _ in range(3)]
    small = InformationPageFactory(
        parent=home, body=every_block(documents=documents[:1], pages=pages[:1])
    )
    large = InformationPageFactory(
        parent=home, body=every_block(documents=documents, pages=pages, repeat=3)
    )

    counts = []
    for page in (small, large):
        client.cookies[settings.CSRF_COOKIE_NAME] = "render-afresh"  # past the visitors' page cache
        content_changed()
        client.get(page.url)
        content_changed()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        counts.append(len(queries))
    html = response.content.decode()
    assert html.count("<details") == 3 * 2 and html.count("<table") == 3
    assert html.count("Video afspelen:") == 3 and "Bijlage 2" in html
    assert counts[0] == counts[1], counts


# Plain words ---------------------------------------------------------------------------------


def test_blocks_text_reads_every_block_and_nothing_else(explainer_index):
    raw = [
        {"type": "heading", "value": {"text": "Aanpak", "level": "h2"}, "id": "a"},
        {"type": "paragraph", "value": '<p>Bewoners <a href="/x/">praten</a> mee.</p>', "id": "b"},
        {"type": "document", "value": {"document": 987654, "title": "Het rapport"}},
        {"type": "table", "value": TABLE},
        {
            "type": "accordion",
            "value": {
                "title": "Vragen",
                "panels": [
                    {
                        "type": "item",
                        "id": "c",
                        "value": {"title": "Waarom?", "text": "<p>Daarom.</p>"},
                    }
                ],
            },
        },
        {
            "type": "steps",
            "value": {
                "title": "Stappen",
                "intro": "Inleiding",
                "steps": [
                    {
                        "type": "item",
                        "id": "d",
                        "value": {
                            "title": "Eerste stap",
                            "text": "<p><b>Verkennen</b></p>",
                            "links": [
                                {
                                    "type": "item",
                                    "id": "e",
                                    "value": {"page": 3, "title": "Lees verder"},
                                }
                            ],
                        },
                    }
                ],
            },
        },
        {
            "type": "timeline",
            "value": {
                "title": "Tijdlijn",
                "entries": [
                    {
                        "period": "2007–2011",
                        "title": "Krachtwijken",
                        "text": "<p>Veertig wijken</p>",
                    }
                ],
            },
        },
        {"type": "call_to_action", "value": cta(url="https://example.org/")},
        {"type": "video", "value": video()},
        {"type": "removed_block", "value": "Verdwenen"},
    ]
    words = blocks_text(raw)
    for expected in (
        "Aanpak",
        "Bewoners praten mee.",
        "Het rapport",
        "Landelijke programma's",
        "Krachtwijken",
        "Wijkenaanpak",
        "Vragen",
        "Waarom?",
        "Daarom.",
        "Stappen",
        "Inleiding",
        "Eerste stap",
        "Verkennen",
        "Lees verder",
        "2007–2011",
        "Veertig wijken",
        "Doe mee",
        "Meld je aan.",
        "Aanmelden",
        "Wijkaanpak in Havenstad",
        "Een bewoner vertelt.",
    ):
        assert expected in words, expected
    for unwanted in ("h2", "<", "row", "item", "youtu", "example.org", "Verdwenen", "987654"):
        assert unwanted not in words, unwanted


def test_the_editor_opens_a_page_with_every_block(client, editor, home, explainer_index, report):
    page = InformationPageFactory(
        parent=home,
        body=every_block(documents=[report], pages=[ExplainerPageFactory(parent=explainer_index)]),
    )
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Stappenplan", "Tijdlijn", "Uitklaplijst", "Oproep met knop", "Tabel", "Video"):
        assert f"&quot;{label}&quot;" in html or f'"{label}"' in html, label
