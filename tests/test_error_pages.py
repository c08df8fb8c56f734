"""With DEBUG on, SITE_ERROR_PAGES shows the site's own Dutch 404 and 500 pages (wijkportaal.errors);
without it Django's debug pages stay, and without DEBUG the site's pages always show."""

import logging

import pytest
from django.test import Client

from articles.models import HomePage

pytestmark = pytest.mark.django_db

DEBUG_404 = "Using the URLconf defined in"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.SITE_ERROR_PAGES = False
    return settings


@pytest.fixture
def site_pages(debug):
    debug.SITE_ERROR_PAGES = True
    return debug


@pytest.fixture
def crashing_home(monkeypatch):
    def crash(self, request, *args, **kwargs):
        raise RuntimeError("kapot in get_context")

    monkeypatch.setattr(HomePage, "get_context", crash)


# A page Wagtail does not find, a term that does not exist, and an address no URL pattern matches.
MISSING = ["/bestaat-niet/", "/themas/bestaat-niet/", "/plaatje.png"]


@pytest.mark.parametrize("path", MISSING)
def test_with_the_setting_an_unknown_address_shows_the_dutch_404(client, site_pages, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert DEBUG_404 not in html
    assert 'lang="nl"' in html
    assert 'href="/sitemap/"' in html  # the whole page, footer included


@pytest.mark.parametrize("path", MISSING)
def test_without_the_setting_debug_shows_django_s_404(client, debug, path):
    response = client.get(path)
    assert response.status_code == 404
    assert DEBUG_404 in response.content.decode()


def test_an_address_without_its_slash_is_still_redirected_first(client, site_pages, home):
    response = client.get("/artikelen")
    assert response.status_code == 301
    assert response["Location"] == "/artikelen/"


def test_with_the_setting_a_crash_shows_the_dutch_500_and_logs_the_traceback(
    site_pages, crashing_home, caplog
):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "kapot in get_context" not in html and "Traceback" not in html
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records
    assert all("kapot in get_context" in str(r.exc_info[1]) for r in records)


def test_with_the_setting_the_test_client_still_sees_the_exception(site_pages, crashing_home):
    """Like Django's own handling, the site's 500 tells got_request_exception's listeners."""
    with pytest.raises(RuntimeError, match="kapot in get_context"):
        Client().get("/")


def test_without_the_setting_debug_shows_the_traceback(debug, crashing_home):
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "kapot in get_context" in response.content.decode()


def test_without_debug_the_setting_changes_nothing(settings, client, crashing_home):
    settings.DEBUG = False
    settings.SITE_ERROR_PAGES = False
    assert "Pagina niet gevonden" in client.get("/plaatje.png").content.decode()
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_permission_error_keeps_django_s_403(site_pages, monkeypatch):
    from django.core.exceptions import PermissionDenied

    def refuse(self, request, *args, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr(HomePage, "get_context", refuse)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 403
