"""Documents editors upload (Wagtail's own document model): which files are accepted, the words
in them for search, and who may download them.

Only PDF, DOCX and ODT are accepted, recognised by their content as well as their name, and at
most `DOCUMENT_MAX_UPLOAD_SIZE` bytes.
"""

import contextlib
import html
import logging
import re
import zipfile

logger = logging.getLogger(__name__)

#: At most this many characters of a document's text are kept for search.
TEXT_MAX_CHARS = 200_000
#: At most this many bytes of a DOCX's or ODT's text part are read (unpacked), so a packed
#: "zip bomb" cannot fill the memory.
XML_MAX_BYTES = 20 * 1024 * 1024
#: A PDF's pages after this many are not read for text.
PDF_MAX_PAGES = 2000

PDF, DOCX, ODT = "pdf", "docx", "odt"
ALLOWED_KINDS = (PDF, DOCX, ODT)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_XML_MEMBER = {DOCX: "word/document.xml", ODT: "content.xml"}


def document_kind(file) -> str:
    """What `file` (an open binary file) holds by its content: "pdf", "docx", "odt", or "" for
    anything else. Leaves the file at its start."""
    try:
        file.seek(0)
        head = file.read(5)
        file.seek(0)
        if head == b"%PDF-":
            return PDF
        if not zipfile.is_zipfile(file):
            return ""
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    if member.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                        return ODT
        return ""
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, RuntimeError, NotImplementedError):
        return ""
    finally:
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)


# Text ---------------------------------------------------------------------------------------

#: Deleted tracked changes and Word's field codes: not words of the document.
_XML_DROPPED = re.compile(
    r"<(w:delText|w:instrText|text:tracked-changes)\b[^>]*>.*?</\1>", re.DOTALL
)
_XML_BREAK = re.compile(
    r"</(?:w:p|text:p|text:h)>|<(?:w:br|w:cr|text:line-break)\b[^>]*>|"
    r"</(?:w:tc|table:table-cell)>"
)
_XML_SPACE = re.compile(r"<(?:w:tab|text:tab|text:s)\b[^>]*>")
_XML_TAG = re.compile(r"<[^>]*>|<[^>]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ufffe\uffff]")


def text_clean(text: str) -> str:
    """One line per paragraph, single spaces, no control characters, at most TEXT_MAX_CHARS."""
    text = _CONTROL.sub("", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:TEXT_MAX_CHARS]


def xml_text(markup: str) -> str:
    """The words of a DOCX's word/document.xml or an ODT's content.xml, without the markup.
    Markup cut off at the end (`XML_MAX_BYTES`) is dropped."""
    markup = _XML_DROPPED.sub("", markup)
    markup = _XML_BREAK.sub("\n", markup)
    markup = _XML_SPACE.sub(" ", markup)
    return text_clean(html.unescape(_XML_TAG.sub("", markup)))


def _pdf_text(file) -> str:
    from pypdf import PdfReader

    reader = PdfReader(file)
    if reader.is_encrypted:
        # Locked by its author: its text is not read, even when a viewer could open it.
        return ""
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= PDF_MAX_PAGES or length >= TEXT_MAX_CHARS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return text_clean("\n".join(parts))


def _zip_text(file, kind: str) -> str:
    with zipfile.ZipFile(file) as archive, archive.open(_XML_MEMBER[kind]) as member:
        markup = member.read(XML_MAX_BYTES)
    return xml_text(markup.decode("utf-8", errors="replace"))


def file_text(file) -> str:
    """The text of an open PDF, DOCX or ODT file; "" for any other file, and for one that is
    broken or encrypted. Never raises."""
    try:
        kind = document_kind(file)
        if kind == PDF:
            return _pdf_text(file)
        if kind in (DOCX, ODT):
            return _zip_text(file, kind)
    except Exception:  # a damaged file may break the reader in any way
        logger.warning("No text read from a document", exc_info=True)
    return ""


def document_text(document) -> str:
    """The words of `document`'s file (a Wagtail document), for search: the text of a PDF,
    DOCX or ODT without markup, at most TEXT_MAX_CHARS; "" for another kind of file, a broken
    or encrypted one, or a file that cannot be opened. Never raises."""
    try:
        with document.open_file() as file:
            return file_text(file)
    except Exception:  # a missing file, or storage that does not answer
        logger.warning("Document %s could not be opened", document.pk, exc_info=True)
        return ""
