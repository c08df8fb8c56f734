"""Uploaded images are served in production (DEBUG off, no S3 bucket); documents only through
Wagtail's /documents/ view, and nothing outside MEDIA_ROOT."""

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_production_settings_serve_media(settings):
    assert django_settings.DEBUG is False
    assert settings.MEDIA_SERVE is True


def test_an_uploaded_image_and_its_rendition_can_be_fetched(client):
    image = Image.objects.create(title="Buurthuis", file=get_test_image_file(filename="buurt.png"))
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image.file.open("rb").read()
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies

    rendition = image.get_rendition("width-20")
    assert rendition.url.startswith("/media/images/")
    assert client.get(rendition.url).status_code == 200


def test_documents_are_not_served_past_their_own_view(client):
    document = Document.objects.create(
        title="Wijkplan", file=ContentFile(b"vertrouwelijk", name="wijkplan.txt")
    )
    assert document.file.url.startswith("/media/documents/")
    assert client.get(document.file.url).status_code == 404
    assert client.get(document.url).status_code == 200  # Wagtail's own view


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../../wijkportaal/settings.py",
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/original_images/bestaat-niet.png",
        "/media/",
        "/media/geheim.txt",
    ],
)
def test_nothing_else_is_served(client, media_root, path):
    (media_root / "geheim.txt").write_text("geheim")
    response = client.get(path)
    assert response.status_code in (400, 404)  # 400: a path that leaves MEDIA_ROOT
    assert b"geheim" not in response.content


def test_without_a_bucket_only(settings):
    """With S3 the bucket serves media and the app does not."""
    from tests.test_settings import PRODUCTION, run_manage

    show = "from django.conf import settings as s; print(s.MEDIA_SERVE)"
    bucket = run_manage("shell", "-c", show, **PRODUCTION, MEDIA_S3_BUCKET="wijkportaal-media")
    local = run_manage("shell", "-c", show, **PRODUCTION)
    assert (bucket.stdout.split()[-1], local.stdout.split()[-1]) == ("False", "True")
