"""Documents: only PDF, DOCX and ODT up to 50 MB, checked by content; their text for search;
and a document on a restricted page only for those who may see the page."""

import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from articles import documents
from articles.documents import document_kind, document_text, file_text, xml_text
from tests.articles.documents import (
    docx_bytes,
    odt_bytes,
    pdf_bytes,
    pdf_encrypted_bytes,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# Text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (pdf_bytes("Een"), "pdf"),
        (docx_bytes("Een"), "docx"),
        (odt_bytes("Een"), "odt"),
        (odt_bytes("Een", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"), ""),
        (zip_bytes({"xl/workbook.xml": b"<workbook/>"}), ""),
        (b"Gewone tekst", ""),
        (b"", ""),
        (b"PK\x03\x04 kapot", ""),
    ],
)
def test_kind_is_read_from_the_content(data, kind):
    assert document_kind(io.BytesIO(data)) == kind


def test_pdf_text_of_every_page():
    assert file_text(io.BytesIO(pdf_bytes("Wonen in de wijk", "Tweede pagina"))) == (
        "Wonen in de wijk\nTweede pagina"
    )


def test_docx_and_odt_text_without_markup():
    assert file_text(io.BytesIO(docx_bytes("Wonen & werken", "<b>niet vet</b>"))) == (
        "Wonen & werken\n<b>niet vet</b>"
    )
    assert file_text(io.BytesIO(odt_bytes("Buurt", "Aanpak  met   spaties"))) == (
        "Buurt\nAanpak met spaties"
    )


def test_xml_text_drops_deleted_text_field_codes_and_cut_off_markup():
    markup = (
        "<w:p><w:r><w:t>Blijft</w:t></w:r><w:del><w:r><w:delText>weg</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r><w:r><w:tab/><w:t>ook</w:t>"
        "</w:r></w:p><w:p><w:r><w:t>&#x0;nul&#233;</w:t></w:r></w:p><w:p><w:r><w:t a"
    )
    assert xml_text(markup) == "Blijft ook\nnulé"


def test_text_is_capped(monkeypatch):
    monkeypatch.setattr(documents, "TEXT_MAX_CHARS", 10)
    assert file_text(io.BytesIO(docx_bytes("abcdefghijklmnop"))) == "abcdefghij"


def test_a_packed_bomb_is_read_only_so_far(monkeypatch):
    monkeypatch.setattr(documents, "XML_MAX_BYTES", 1000)
    text = file_text(io.BytesIO(docx_bytes("a" * 100_000)))
    assert 0 < len(text) < 1000


@pytest.mark.parametrize(
    "data",
    [
        pdf_encrypted_bytes("Geheim"),
        pdf_bytes("Kapot")[:60],
        b"%PDF-1.4 niets meer",
        zip_bytes({"word/document.xml": b""}),
        zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}),  # no content.xml
        b"PK\x03\x04" + b"\x00" * 100,
        b"Gewone tekst",
    ],
    ids=[
        "encrypted",
        "truncated",
        "no-body",
        "empty-docx",
        "odt-without-content",
        "bad-zip",
        "txt",
    ],
)
def test_broken_encrypted_or_other_files_give_no_text(data):
    assert file_text(io.BytesIO(data)) == ""


@pytest.mark.django_db
def test_document_text_of_a_stored_document():
    document = Document.objects.create(
        title="Wijkplan", file=ContentFile(docx_bytes("Het wijkplan"), name="wijkplan.docx")
    )
    assert document_text(document) == "Het wijkplan"


@pytest.mark.django_db
def test_document_text_of_a_missing_file_is_empty(media_root):
    document = Document.objects.create(
        title="Weg", file=ContentFile(pdf_bytes("Weg"), name="weg.pdf")
    )
    (media_root / document.file.name).unlink()
    assert document_text(document) == ""
