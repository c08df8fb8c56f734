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


# Uploads ------------------------------------------------------------------------------------

MB = 1024 * 1024
TYPE_REFUSED = "Dit bestandstype is niet toegestaan. Upload een PDF-, DOCX- of ODT-bestand."


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()]


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_settings_allow_pdf_docx_odt_up_to_50_mb(settings):
    from django.conf import settings as django_settings

    assert django_settings.WAGTAILDOCS_EXTENSIONS == ["pdf", "docx", "odt"]
    assert django_settings.DOCUMENT_MAX_UPLOAD_SIZE == 50 * MB
    assert django_settings.WAGTAILDOCS_DOCUMENT_FORM_BASE == "articles.admin_views.DocumentForm"


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (50 * MB, ""),
        (60 * MB, "Dit bestand is te groot (60 MB). De grens is 50 MB."),
        (int(61.3 * MB), "Dit bestand is te groot (61,3 MB). De grens is 50 MB."),
        (50 * MB + 1, "Dit bestand is te groot (meer dan 50 MB). De grens is 50 MB."),
    ],
)
def test_size_messages(size, message):
    assert documents.document_size_error(size) == message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("wijkplan.pdf", pdf_bytes("Het wijkplan")),
        ("wijkplan.docx", docx_bytes("Het wijkplan")),
        ("wijkplan.ODT", odt_bytes("Het wijkplan")),
    ],
)
def test_editor_uploads_a_document_and_its_text_is_kept(
    client, editor, name, data, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/documents/add/",
            {"title": "Wijkplan", "file": upload(name, data), "collection": root_collection_id()},
        )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.extracted_text.text == "Het wijkplan"
    assert document.extracted_text.file_hash == document.file_hash


def root_collection_id() -> int:
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


REFUSED = [
    ("wijkplan.txt", b"Gewone tekst", TYPE_REFUSED),
    ("wijkplan.exe", b"MZ\x90\x00", TYPE_REFUSED),
    ("wijkplan", pdf_bytes("Geen extensie"), TYPE_REFUSED),
    ("wijkplan.xlsx", zip_bytes({"xl/workbook.xml": b"<workbook/>"}), TYPE_REFUSED),
    (
        "wijkplan.pdf",
        b"<html>geen pdf</html>",
        "Dit bestand heet .pdf, maar is geen PDF-bestand. Upload een PDF-, DOCX- of ODT-bestand.",
    ),
    (
        "wijkplan.docx",
        pdf_bytes("Een pdf"),
        "Dit bestand heet .docx, maar is geen DOCX-bestand. Upload een PDF-, DOCX- of ODT-bestand.",
    ),
    (
        "wijkplan.odt",
        odt_bytes("Rekenblad", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
        "Dit bestand heet .odt, maar is geen ODT-bestand. Upload een PDF-, DOCX- of ODT-bestand.",
    ),
    (
        "groot.pdf",
        pdf_bytes("Groot") + b"0" * int(1.5 * MB),
        "Dit bestand is te groot (1,5 MB). De grens is 1 MB.",
    ),
]


@pytest.fixture
def small_limit(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1 * MB


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_upload_says_why_in_dutch_and_leaves_nothing(
    client, editor, media_root, small_limit, name, data, message
):
    from wagtail.models import UploadedFile

    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {"title": "Wijkplan", "file": upload(name, data), "collection": root_collection_id()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_the_multiple_uploader_refuses_the_same_and_keeps_nothing(
    client, editor, media_root, small_limit, name, data, message
):
    from wagtail.models import UploadedFile

    client.force_login(editor)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(name, data), "collection": root_collection_id()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": message}
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_the_multiple_uploader_takes_a_good_file(client, editor):
    client.force_login(editor)
    page = client.get("/admin/documents/multiple/add/").content.decode()
    assert "Een PDF-, DOCX- of ODT-bestand van hoogstens 50 MB." in page
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("plan.odt", odt_bytes("Plan")), "collection": root_collection_id()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True
    assert Document.objects.get().title == "plan.odt"


@pytest.mark.django_db
def test_editing_the_title_keeps_the_file(client, editor):
    client.force_login(editor)
    document = Document.objects.create(
        title="Plan", file=ContentFile(pdf_bytes("Plan"), name="plan.pdf")
    )
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Nieuw plan", "collection": root_collection_id()},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Nieuw plan", "documents/plan.pdf")


# The kept text ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_kept_text_is_read_with_one_query_and_follows_a_new_file(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    document = Document(title="Plan", file=ContentFile(pdf_bytes("Eerste"), name="plan.pdf"))
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    with django_assert_num_queries(1):
        assert document_text(document) == "Eerste"

    document.file = ContentFile(docx_bytes("Tweede"), name="plan.docx")
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    with django_assert_num_queries(1):
        assert document_text(document) == "Tweede"
    assert documents.DocumentText.objects.get().text == "Tweede"


@pytest.mark.django_db
def test_text_is_read_and_kept_when_not_kept_yet(django_assert_num_queries):
    document = Document.objects.create(
        title="Plan", file=ContentFile(odt_bytes("Plan"), name="plan.odt")
    )
    assert not documents.DocumentText.objects.exists()  # no commit in this test: no task ran
    assert document_text(document) == "Plan"
    assert documents.DocumentText.objects.get(document=document).text == "Plan"


@pytest.mark.django_db
def test_a_deleted_document_takes_its_text_along():
    document = Document.objects.create(
        title="Plan", file=ContentFile(odt_bytes("Plan"), name="plan.odt")
    )
    document_text(document)
    document.delete()
    assert not documents.DocumentText.objects.exists()


# Serving ------------------------------------------------------------------------------------


@pytest.fixture
def document(db):
    return Document.objects.create(
        title="Wijkplan", file=ContentFile(pdf_bytes("Wijkplan"), name="wijkplan.pdf")
    )


def page_with(article_index, document, *, how="block", **kwargs):
    """A live article that uses `document` in a document block or a rich-text link."""
    from tests.factories import ArticlePageFactory

    if how == "block":
        body = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    else:
        link = f'<p>Lees <a linktype="document" id="{document.pk}">het plan</a>.</p>'
        body = [{"type": "paragraph", "value": link}]
    return ArticlePageFactory(parent=article_index, body=body, **kwargs)


def restrict(page, kind, *, groups=(), password=""):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(groups)
    return restriction


def fetch(client, document, user=None):
    if user is not None:
        client.force_login(user)
    response = client.get(document.url)
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    return response


@pytest.fixture
def buurtteam(db):
    from django.contrib.auth.models import Group

    return Group.objects.create(name="Buurtteam")


def test_a_document_on_no_page_is_served(client, document):
    assert fetch(client, document).status_code == 200


@pytest.mark.parametrize("how", ["block", "rich_text"])
def test_a_document_on_a_public_page_is_served(client, article_index, document, how):
    page_with(article_index, document, how=how)
    assert fetch(client, document).status_code == 200


@pytest.mark.parametrize("how", ["block", "rich_text"])
def test_a_document_on_a_members_page_sends_visitors_to_log_in(
    client, article_index, document, member, how
):
    restrict(page_with(article_index, document, how=how), "login")
    response = fetch(client, document)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={document.url}"
    assert fetch(client, document, member).status_code == 200


def test_a_document_on_a_group_page_only_for_the_group_and_editors(
    client, article_index, document, member, editor, buurtteam, django_user_model
):
    restrict(page_with(article_index, document), "groups", groups=[buurtteam])
    assert fetch(client, document).status_code == 302  # a visitor may log in first
    assert fetch(client, document, member).status_code == 404
    from tests.conftest import make_member

    insider = make_member(django_user_model, email="buurtteam@example.org")
    insider.groups.add(buurtteam)
    assert fetch(client, document, insider).status_code == 200
    assert fetch(client, document, editor).status_code == 200


def test_an_editor_who_may_edit_the_page_gets_its_document(
    client, article_index, document, buurtteam, django_user_model
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    restrict(page_with(article_index, document), "groups", groups=[buurtteam])
    editors = Group.objects.create(name="Schrijvers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors,
        page=article_index,
        permission=Permission.objects.get(codename="change_page"),
    )
    writer = django_user_model.objects.create_user(email="schrijver@example.org")
    reader = django_user_model.objects.create_user(email="lezer@example.org")
    writer.groups.add(editors)
    assert fetch(client, document, writer).status_code == 200
    assert fetch(client, document, reader).status_code == 404


def test_a_document_also_on_a_public_page_is_served(client, article_index, document, buurtteam):
    restrict(page_with(article_index, document), "groups", groups=[buurtteam])
    page_with(article_index, document, how="rich_text")
    assert fetch(client, document).status_code == 200


def test_a_document_only_on_an_unpublished_restricted_page_is_served(
    client, article_index, document
):
    restrict(page_with(article_index, document, live=False), "login")
    assert fetch(client, document).status_code == 200


def test_a_document_on_a_page_under_a_restricted_section(client, article_index, document):
    restrict(article_index, "login")
    page_with(article_index, document)
    assert fetch(client, document).status_code == 302


def test_a_document_on_a_password_page_needs_the_password_passed(client, article_index, document):
    from wagtail.models import PageViewRestriction

    restriction = restrict(page_with(article_index, document), "password", password="buurt")
    assert fetch(client, document).status_code == 404
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert fetch(client, document).status_code == 200


def test_a_publications_download_follows_the_publications_restriction(
    client, home, document, member
):
    from articles.models import PublicationIndexPage
    from tests.factories import PublicationPageFactory

    index = PublicationIndexPage.objects.first() or home.add_child(
        instance=PublicationIndexPage(title="Publicaties", slug="publicaties")
    )
    restrict(PublicationPageFactory(parent=index, files=[document]), "login")
    assert fetch(client, document).status_code == 302
    assert fetch(client, document, member).status_code == 200


def test_a_replaced_file_changes_what_finds_its_publication(
    client, publication_index, media_root, django_capture_on_commit_callbacks
):
    from tests.factories import PublicationPageFactory

    document = Document(title="Rapport", file=ContentFile(pdf_bytes("Zeepkist"), name="r.pdf"))
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    with django_capture_on_commit_callbacks(execute=True):
        PublicationPageFactory(parent=publication_index, title="Een rapport", files=[document])
    assert "Een rapport" in client.get("/zoeken/?q=zeepkist").content.decode()

    document.file = ContentFile(pdf_bytes("Vlieger"), name="r2.pdf")
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Een rapport" in client.get("/zoeken/?q=vlieger").content.decode()
    assert "Een rapport" not in client.get("/zoeken/?q=zeepkist").content.decode()
