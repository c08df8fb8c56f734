"""The PDFs of the demo publications, written at build time: a title page that says the file is a
demo of Wijkportaal and not the original, then a few paragraphs of our own text, which search
reads like any uploaded document's."""

import datetime

from fpdf import FPDF

#: Fixed, so that the same text always gives the same file (and the same file hash).
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

#: The built-in PDF fonts know Latin-1 only: typographic quotes and dashes become plain ones.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _plain(text: str) -> str:
    return text.translate(_PLAIN)


def demo_pdf(*, title: str, publisher: str, notice: str, paragraphs: list[str]) -> bytes:
    """A small, valid PDF with selectable (and so searchable) text."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_lang("nl")
    pdf.set_title(_plain(title))
    pdf.set_author("Wijkportaal")
    pdf.set_margins(25, 25, 25)

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, "DEMODOCUMENT VAN WIJKPORTAAL", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, _plain(title), new_x="LMARGIN", new_y="NEXT")
    if publisher:
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 13)
        pdf.multi_cell(
            0, 7, _plain(f"Over een publicatie van {publisher}"), new_x="LMARGIN", new_y="NEXT"
        )
    pdf.ln(20)
    pdf.set_font("Helvetica", "I", 11)
    pdf.multi_cell(0, 6, _plain(notice), new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Samenvatting in eigen woorden", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _plain(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())
