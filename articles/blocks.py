"""The one body StreamBlock of every content page; each block renders with its own template."""

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3"), ("h4", "Kop 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "components/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat")
    attribution = blocks.CharBlock(label="Bron", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "components/blocks/quote.html"


# Documents ----------------------------------------------------------------------------------


class DocumentValue(blocks.StructValue):
    @property
    def file_type(self) -> str:
        """ "PDF", "DOCX", "ODT": what the reader will open, from the file's extension."""
        document = self.get("document")
        return document.file_extension.upper() if document is not None else ""


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Titel",
        required=False,
        max_length=200,
        help_text="Leeg laten: de titel van het document.",
    )

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "components/blocks/document.html"
        value_class = DocumentValue


# Tables -------------------------------------------------------------------------------------

#: Which cells of a table are headers, as Wagtail's table editor stores the choice.
HEADER_ROW_CHOICES = {"row", "both"}
HEADER_COLUMN_CHOICES = {"column", "col", "both"}


class TableBlock(WagtailTableBlock):
    """A table with a caption and a header row (and optionally a header column). Cells are plain
    text, shown as typed (line breaks kept)."""

    def __init__(self, **kwargs):
        super().__init__(table_options={"startRows": 3, "startCols": 2}, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not self.is_deferred_validation:
            if not (value.get("table_caption") or "").strip():
                raise ValidationError(
                    "Geef de tabel een bijschrift: één zin die zegt waar de tabel over gaat."
                )
            if value.get("table_header_choice") not in HEADER_ROW_CHOICES:
                raise ValidationError(
                    "Kies bij ‘Tabelkoppen’ de eerste rij (of de eerste rij en kolom): "
                    "een tabel heeft kolomkoppen nodig om leesbaar te zijn."
                )
        return value

    def render(self, value, context=None):
        if not value or not value.get("data"):
            return ""
        choice = value.get("table_header_choice") or ""
        header_row = choice in HEADER_ROW_CHOICES or (
            not choice and value.get("first_row_is_table_header", False)
        )
        header_column = choice in HEADER_COLUMN_CHOICES or (
            not choice and value.get("first_col_is_header", False)
        )
        rows = [[cell if cell is not None else "" for cell in row] for row in value["data"]]
        return render_to_string(
            "components/blocks/table.html",
            {
                "caption": value.get("table_caption") or "",
                "header": rows[0] if header_row else None,
                "rows": rows[1:] if header_row else rows,
                "header_column": header_column,
            },
        )

    def get_searchable_content(self, value):
        return [*super().get_searchable_content(value), (value or {}).get("table_caption") or ""]

    class Meta:
        icon = "table"
        label = "Tabel"


# Sections of text ---------------------------------------------------------------------------


class AccordionPanelBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Uitklapblok"


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Kop", max_length=200)
    panels = blocks.ListBlock(AccordionPanelBlock(), label="Uitklapblokken", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Uitklaplijst"
        template = "components/blocks/accordion.html"


class PageLinkValue(blocks.StructValue):
    @property
    def live_page(self):
        """The page linked to while it is published; None once it is withdrawn or deleted."""
        page = self.get("page")
        return page if page is not None and page.live else None


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Pagina")
    title = blocks.CharBlock(
        label="Linktekst",
        required=False,
        max_length=200,
        help_text="Leeg laten: de titel van de pagina.",
    )

    class Meta:
        icon = "link"
        label = "Link"
        value_class = PageLinkValue


class StepValue(blocks.StructValue):
    @property
    def live_links(self) -> list:
        return [link for link in self.get("links") or [] if link.live_page is not None]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES)
    links = blocks.ListBlock(PageLinkBlock(), label="Meer hierover", default=[])

    class Meta:
        icon = "arrow-right"
        label = "Stap"
        value_class = StepValue


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    intro = blocks.TextBlock(label="Inleiding", required=False)
    steps = blocks.ListBlock(StepBlock(), label="Stappen", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Stappenplan"
        template = "components/blocks/steps.html"


class TimelineEntryBlock(blocks.StructBlock):
    period = blocks.CharBlock(
        label="Periode", max_length=40, help_text="Bijvoorbeeld 2007–2011 of ‘sinds 2022’."
    )
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "date"
        label = "Periode"


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Kop", max_length=200)
    entries = blocks.ListBlock(TimelineEntryBlock(), label="Perioden", min_num=1)

    class Meta:
        icon = "history"
        label = "Tijdlijn"
        template = "components/blocks/timeline.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.TextBlock(label="Tekst", required=False)
    page = blocks.PageChooserBlock(label="Pagina", required=False)
    url = blocks.URLBlock(
        label="Of een webadres", required=False, help_text="Alleen voor een andere website."
    )
    label = blocks.CharBlock(label="Tekst op de knop", max_length=80)

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = value.get("page") is not None, bool(value.get("url"))
        if has_page and has_url:
            message = "Kies een pagina óf vul een webadres in, niet allebei."
        elif not has_page and not has_url and not self.is_deferred_validation:
            message = "Kies een pagina of vul een webadres in: de knop moet ergens heen gaan."
        else:
            return value
        raise StructBlockValidationError(
            block_errors={"page": ValidationError(message), "url": ValidationError(message)}
        )

    class Meta:
        icon = "pick"
        label = "Oproep met knop"
        template = "components/blocks/call_to_action.html"
        value_class = PageLinkValue


# Video --------------------------------------------------------------------------------------

VIDEO_PROVIDER_MESSAGE = (
    "Deze videodienst wordt niet ondersteund. Gebruik een link van YouTube of Vimeo."
)
VIDEO_NOT_ONE_MESSAGE = (
    "Deze link wijst niet naar één video. Gebruik de link van de video zelf, zoals "
    "https://www.youtube.com/watch?v=… of https://vimeo.com/…."
)
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,}")


@dataclass(frozen=True)
class VideoSource:
    """A video at YouTube or Vimeo: where readers watch it and the privacy-friendly player URL
    (no tracking cookies until played: youtube-nocookie.com, Vimeo's `dnt`)."""

    provider: str
    video_id: str
    vimeo_hash: str = ""

    @property
    def provider_name(self) -> str:
        return {"youtube": "YouTube", "vimeo": "Vimeo"}[self.provider]

    @property
    def embed_url(self) -> str:
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1"
        query = {"dnt": "1", "autoplay": "1"}
        if self.vimeo_hash:
            query["h"] = self.vimeo_hash
        return f"https://player.vimeo.com/video/{self.video_id}?{urlencode(query)}"

    @property
    def watch_url(self) -> str:
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        suffix = f"/{self.vimeo_hash}" if self.vimeo_hash else ""
        return f"https://vimeo.com/{self.video_id}{suffix}"


def video_source(url: str) -> VideoSource:
    """The video a YouTube or Vimeo link points to; ValidationError (in Dutch) for any other link."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        raise ValidationError(VIDEO_PROVIDER_MESSAGE) from None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.scheme not in {"http", "https"} or host not in YOUTUBE_HOSTS | VIMEO_HOSTS:
        raise ValidationError(VIDEO_PROVIDER_MESSAGE)
    segments = [segment for segment in PurePosixPath(parts.path).parts if segment != "/"]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            candidate = query.get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
        else:
            candidate = ""
        if YOUTUBE_ID.fullmatch(candidate):
            return VideoSource("youtube", candidate)
        raise ValidationError(VIDEO_NOT_ONE_MESSAGE)
    # Vimeo: vimeo.com/ID, vimeo.com/ID/HASH (unlisted), vimeo.com/channels/x/ID,
    # player.vimeo.com/video/ID?h=HASH.
    for index, segment in enumerate(segments):
        if segment.isdigit():
            following = segments[index + 1] if index + 1 < len(segments) else ""
            vimeo_hash = following or query.get("h", [""])[0]
            return VideoSource(
                "vimeo", segment, vimeo_hash if VIMEO_HASH.fullmatch(vimeo_hash) else ""
            )
    raise ValidationError(VIDEO_NOT_ONE_MESSAGE)


class VideoValue(blocks.StructValue):
    @cached_property
    def source(self) -> VideoSource | None:
        try:
            return video_source(self.get("url") or "")
        except ValidationError:
            return None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads nothing from the video service until the reader presses
    play (static/js/embed.js); without JavaScript, a link to watch it there. The text alternative
    is part of the block."""

    url = blocks.URLBlock(
        label="Link naar de video",
        help_text="Een link van YouTube of Vimeo, zoals https://www.youtube.com/watch?v=….",
    )
    title = blocks.CharBlock(label="Titel", max_length=200)
    transcript = blocks.RichTextBlock(
        label="Uitgeschreven tekst",
        features=RICH_TEXT_FEATURES,
        help_text="Wat er gezegd en getoond wordt, voor wie de video niet kan zien of horen.",
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("url"):
            try:
                video_source(value["url"])
            except ValidationError as error:
                raise StructBlockValidationError(block_errors={"url": error}) from None
        return value

    class Meta:
        icon = "media"
        label = "Video"
        template = "components/blocks/video.html"
        value_class = VideoValue


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Tekst",
        features=RICH_TEXT_FEATURES,
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock(label="Afbeelding", template="components/blocks/image.html")
    quote = QuoteBlock()
    document = DocumentBlock()
    table = TableBlock()
    accordion = AccordionBlock()
    steps = StepsBlock()
    timeline = TimelineBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()


# Plain text ---------------------------------------------------------------------------------


@functools.cache
def _body_block() -> BodyBlock:
    return BodyBlock()


def blocks_text(raw_data, block: blocks.Block | None = None) -> str:
    """The plain words of stored block data (`StreamField.raw_data`) for search and reading time:
    the text of every kind of block, nested structs and lists included, rich text without markup;
    never ids, choices, links or chosen objects. Reads no database."""
    words: list[str] = []
    _collect_words(block or _body_block(), list(raw_data), words)
    return " ".join(word for word in words if word.strip())


def _collect_words(block: blocks.Block, value, words: list[str]) -> None:
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock | blocks.CharBlock | blocks.TextBlock):
        if isinstance(value, str):
            words.append(strip_tags(value) if isinstance(block, blocks.RichTextBlock) else value)
    elif isinstance(block, WagtailTableBlock):
        if isinstance(value, dict):
            words.append(str(value.get("table_caption") or ""))
            for row in value.get("data") or []:
                words.extend(str(cell) for cell in row or [] if cell is not None)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(value, dict):
            for name, child in block.child_blocks.items():
                _collect_words(child, value.get(name), words)
    elif isinstance(block, blocks.ListBlock):
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _collect_words(block.child_block, item, words)
    elif isinstance(block, blocks.StreamBlock):
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _collect_words(block.child_blocks[item["type"]], item.get("value"), words)
