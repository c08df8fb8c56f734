"""The one body StreamBlock of every content page; each block renders with its own template."""

from wagtail import blocks
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


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Tekst",
        features=RICH_TEXT_FEATURES,
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock(label="Afbeelding", template="components/blocks/image.html")
    quote = QuoteBlock()


def blocks_text(raw_data) -> str:
    """The plain words of stored block data (`StreamField.raw_data`), every kind of block:
    struct values, lists and rich text alike, without markup, ids or choices."""
    from django.utils.html import strip_tags

    words = []

    def walk(value, key=""):
        if isinstance(value, str):
            if key not in {"id", "type", "level", "url", "provider"}:
                words.append(strip_tags(value))
        elif isinstance(value, dict):
            if "type" in value and "value" in value:
                walk(value["value"])
            else:
                for name, inner in value.items():
                    walk(inner, name)
        elif isinstance(value, list | tuple):
            for inner in value:
                walk(inner, key)

    walk(list(raw_data))
    return " ".join(word for word in words if word.strip())
