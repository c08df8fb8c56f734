"""Documents editors upload (Wagtail's own document model): which files are accepted, the words
in them for search, and who may download them.

Only PDF, DOCX and ODT are accepted, recognised by their content as well as their name, and at
most `DOCUMENT_MAX_UPLOAD_SIZE` bytes (the admin's form: `articles.admin_views.DocumentForm`).

A document's text is read once per file and kept in `DocumentText`; a task reads it when a
document is saved. This module is imported with the models (`ArticlesConfig.import_models`), so
it imports nothing of the admin.
"""

import contextlib
import html
import logging
import re
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models, transaction
from django.db.models.functions import Cast
from django.http import Http404
from django_tasks import task

logger = logging.getLogger(__name__)

MB = 1024 * 1024

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


class DocumentText(models.Model):
    """The words of one document's file, read once: pages are indexed for search with the text
    of their documents every time they are saved."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name="document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
    )
    #: The SHA-1 of the file the text was read from (Wagtail's `Document.file_hash`).
    file_hash = models.CharField("bestandshash", max_length=40)
    text = models.TextField("tekst", blank=True)
    read_at = models.DateTimeField("gelezen op", auto_now=True)

    class Meta:
        app_label = "articles"
        verbose_name = "tekst van een document"
        verbose_name_plural = "teksten van documenten"

    def __str__(self):
        return f"Tekst van document {self.document_id}"


def _file_read(document) -> str:
    try:
        with document.open_file() as file:
            return file_text(file)
    except Exception:  # a missing file, or storage that does not answer
        logger.warning("Document %s could not be opened", document.pk, exc_info=True)
        return ""


def _file_hash(document) -> str:
    if document.file_hash:
        return document.file_hash
    from wagtail.utils.file import hash_filelike

    with document.open_file() as file:
        return hash_filelike(file)


def document_text(document) -> str:
    """The words of `document`'s file (a Wagtail document), for search: the text of a PDF,
    DOCX or ODT without markup, at most TEXT_MAX_CHARS; "" for another kind of file, a broken
    or encrypted one, or a file that cannot be opened. Never raises.

    Read from `DocumentText` when it holds this file's text (one query), otherwise from the
    file, and then kept there.
    """
    try:
        file_hash = _file_hash(document)
    except Exception:
        logger.warning("Document %s could not be opened", document.pk, exc_info=True)
        return ""
    if document.pk is None:
        return _file_read(document)
    kept = (
        DocumentText.objects.filter(document_id=document.pk, file_hash=file_hash)
        .values_list("text", flat=True)
        .first()
    )
    if kept is not None:
        return kept
    text = _file_read(document)
    try:
        with transaction.atomic():
            # One statement that also replaces the text of an earlier file: safe when two
            # processes read the same document at once.
            DocumentText.objects.bulk_create(
                [DocumentText(document_id=document.pk, file_hash=file_hash, text=text)],
                update_conflicts=True,
                unique_fields=["document"],
                update_fields=["file_hash", "text", "read_at"],
            )
    except DatabaseError:  # the document was deleted meanwhile
        logger.warning("Text of document %s not kept", document.pk, exc_info=True)
    return text


@task()
def document_text_task(*, document_id: int) -> None:
    """Read a saved document's text now, so that indexing a page that uses it need not, and
    index again the live publications that attach it: a replaced file changes what finds them."""
    from wagtail.documents import get_document_model
    from wagtail.search.index import insert_or_update_object

    from articles.models import PublicationPage

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    document_text(document)
    pages = list(PublicationPage.objects.live().filter(documents__document=document).distinct())
    for page in pages:
        insert_or_update_object(page)
    from search.index import documents_update

    documents_update(pages)
    if pages:
        from pagecache.versions import content_changed

        content_changed()  # cached search results may list them, or not, by the old words


def document_saved(sender, instance, raw=False, **kwargs):
    """post_save of the document model (connected in `ArticlesConfig.ready`)."""
    if raw:
        return
    document_id = instance.pk
    transaction.on_commit(lambda: document_text_task.enqueue(document_id=document_id))


# Uploads ------------------------------------------------------------------------------------

TYPE_REFUSED = "Dit bestandstype is niet toegestaan. Upload een PDF-, DOCX- of ODT-bestand."


def _megabytes(size: int) -> str:
    """50 MB as "50", 61.25 MB as "61,3": in Dutch, one decimal at most."""
    if size % MB == 0:
        return str(size // MB)
    return f"{size / MB:.1f}".replace(".", ",")


def max_upload_size_text() -> str:
    return f"{_megabytes(settings.DOCUMENT_MAX_UPLOAD_SIZE)} MB"


def document_size_error(size: int) -> str:
    """The Dutch message refusing a file of `size` bytes, or "" when it is small enough."""
    if size <= settings.DOCUMENT_MAX_UPLOAD_SIZE:
        return ""
    shown = f"{_megabytes(size)} MB"
    if round(size / MB, 1) <= settings.DOCUMENT_MAX_UPLOAD_SIZE / MB:  # only just too big
        shown = f"meer dan {max_upload_size_text()}"
    return f"Dit bestand is te groot ({shown}). De grens is {max_upload_size_text()}."


def document_upload_error(file, *, name: str) -> str:
    """The Dutch message refusing an uploaded `file` called `name`, or "" when it may be
    stored: a PDF, DOCX or ODT by its name and by its content, not too big."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED_KINDS:
        return TYPE_REFUSED
    if error := document_size_error(file.size):
        return error
    if document_kind(file) != extension:
        return (
            f"Dit bestand heet .{extension}, maar is geen {extension.upper()}-bestand. "
            "Upload een PDF-, DOCX- of ODT-bestand."
        )
    return ""


# Serving ------------------------------------------------------------------------------------


def _pages_using(document):
    """The live pages whose content (fields, blocks, rich text, orderables) uses `document`, by
    Wagtail's reference index."""
    from wagtail.models import Page, ReferenceIndex

    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", models.BigIntegerField()))
        .values("page_id")
    )
    return list(
        Page.objects.live()
        .filter(pk__in=page_ids)
        .only("pk", "path", "depth", "alias_of_id", "content_type_id", "live")
    )


def document_serve_check(document, request):
    """The `before_serve_document` rule: a document used only on pages the reader may not view
    is not served to them. A visitor is sent to log in when one of those pages is for members
    or for groups; anyone else gets a 404. A document used on at least one page the reader may
    view, or on no live page, is served (its collection's own privacy still applies). Editors
    who may edit one of the pages get it too.
    """
    from django.contrib.auth.views import redirect_to_login

    from pagecache.memo import restrictions_passed, view_restrictions_of, visible_to

    pages = _pages_using(document)
    if not pages:
        return None
    user = request.user
    passed = restrictions_passed(request)
    if any(visible_to(page, user=user, passed=passed) for page in pages):
        return None
    if user.is_authenticated:
        if user.has_perm("wagtailadmin.access_admin") and any(
            page.permissions_for_user(user).can_edit() for page in pages
        ):
            return None
        raise Http404
    if any(
        restriction.restriction_type in (restriction.LOGIN, restriction.GROUPS)
        for page in pages
        for restriction in view_restrictions_of(page)
    ):
        return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
    raise Http404
