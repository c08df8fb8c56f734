"""Shared renders are safe by construction: rendered on a request that holds nothing of the
reader, and nothing of any reader ends up in what the caches keep."""

import pickle
import re

import pytest
from django.core.cache import caches
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.test import Client

from articles.models import ExplainerPage, HomePage, InformationPage
from follows import services as follow_services
from personal.slots import SharedRender, SharedRenderError, readerless_request
from readinglists import services as list_services
from tests.conftest import make_member
from tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    EventPageFactory,
    OrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

NAME_MARKER = "Naammarkering-7f3a9c"
EMAIL_MARKER = "adresmarkering-7f3a9c@example.org"
FORM_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def cached_entries() -> list[bytes]:
    """Everything both test caches hold, as the bytes they keep (LocMemCache pickles)."""
    entries = []
    for alias in ("default", "pages"):
        store = caches[alias]._cache
        entries += [
            value if isinstance(value, bytes) else pickle.dumps(value) for value in store.values()
        ]
    return entries


@pytest.fixture
def site(home, article_index, event_index, explainer_index):
    """One page of every type, linked to one term of every kind."""
    theme = ThemeFactory(name="Veiligheid", slug="veiligheid")
    organisation = OrganisationFactory()
    author = AuthorFactory(organisation=organisation)
    article = ArticlePageFactory(
        parent=article_index,
        title="Buurtaanpak in de praktijk",
        terms__themes=[theme],
        terms__organisations=[organisation],
        terms__authors=[author],
    )
    event = EventPageFactory(
        parent=event_index, terms__themes=[theme], terms__organisations=[organisation]
    )
    explainer = explainer_index.add_child(
        instance=ExplainerPage(title="Wat is een buurtaanpak", slug="wat-is-een-buurtaanpak")
    )
    information = home.add_child(
        instance=InformationPage(title="Over deze site", slug="over-deze-site")
    )
    return {
        "theme": theme,
        "organisation": organisation,
        "author": author,
        "article": article,
        "event": event,
        "paths": [
            "/",
            explainer_index.url,
            explainer.url,
            information.url,
            article_index.url,
            article.url,
            event_index.url,
            event.url,
            "/themas/",
            theme.get_absolute_url(),
            "/organisaties/",
            organisation.get_absolute_url(),
            "/auteurs/",
            author.get_absolute_url(),
            "/zoeken/?q=buurtaanpak",
            "/leeslijst/",
            "/volgend/",
            "/artikelen/feed/",
            theme.feed_url(),
            "/sitemap.xml",
        ],
    }


def test_nothing_of_a_member_is_kept_in_any_cache(site, django_user_model):
    member = make_member(django_user_model, email=EMAIL_MARKER)
    member.display_name = NAME_MARKER
    member.save()
    list_services.reading_list_add(user=member, page=site["article"])
    follow_services.follow_add(user=member, term=site["theme"])
    client = Client()
    client.force_login(member)
    visitor = Client()

    for _ in range(2):  # rendered and kept, then filled from what was kept
        for path in site["paths"]:
            response = client.get(path)
            assert response.status_code == 200, path
            visitor.get(path)
    token = client.cookies["csrftoken"].value
    session_key = client.cookies["sessionid"].value

    entries = cached_entries()
    assert len(entries) > len(site["paths"])  # the pages, cards and states were kept
    for secret in (NAME_MARKER, EMAIL_MARKER, token, session_key):
        assert not [entry for entry in entries if secret.encode() in entry], secret
    kept_tokens = {t for entry in entries for t in FORM_TOKEN.findall(entry)}
    assert kept_tokens and all(t.startswith(b"@@") for t in kept_tokens), kept_tokens
    # What the member gets is still their own: their state and token are filled in.
    html = client.get(site["article"].url).content.decode()
    assert 'aria-pressed="true"' in html
    form_tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert form_tokens and {_unmask_cipher_token(t) for t in form_tokens} == {token}


def test_a_shared_render_holds_nothing_of_the_reader(rf, member):
    request = rf.get("/artikelen/", HTTP_COOKIE="sessionid=geheim; csrftoken=ook-geheim")
    request.user = member
    request.session = {"_auth_user_id": str(member.pk)}
    request.META["CSRF_COOKIE"] = "geheim-csrf"
    shared = readerless_request(request, SharedRender())

    assert shared.user.is_anonymous
    assert shared.COOKIES == {}
    assert shared.path == request.path
    assert shared.GET == request.GET
    # The reader's request is untouched.
    assert request.user == member and request.META["CSRF_COOKIE"] == "geheim-csrf"


@pytest.mark.parametrize(
    "touch",
    [
        lambda shared: shared.session.get("_auth_user_id"),
        lambda shared: shared.session["_auth_user_id"],
        lambda shared: "_auth_user_id" in shared.session,
        lambda shared: shared.session.session_key.upper(),
        lambda shared: get_token(shared),
        lambda shared: shared.META["HTTP_COOKIE"],
        lambda shared: shared.META.get("CSRF_COOKIE"),
    ],
    ids=["session.get", "session[]", "in session", "session_key", "csrf token", "cookie", "csrf"],
)
def test_reading_the_readers_session_or_token_in_a_shared_render_fails_loudly(rf, member, touch):
    request = rf.get("/", HTTP_COOKIE="sessionid=geheim")
    request.user = member
    request.session = {"_auth_user_id": str(member.pk)}
    request.META["CSRF_COOKIE"] = "geheim-csrf"
    with pytest.raises((SharedRenderError, AttributeError)):
        touch(readerless_request(request, SharedRender()))


def test_a_page_that_reads_the_session_while_shared_fails_the_test(member_client, monkeypatch):
    """A template or view that reaches for the reader's session in a shared render is a bug
    that the test client reports (in production the reader gets a page rendered for them)."""
    original = HomePage.get_context

    def get_context(self, request, *args, **kwargs):
        request.session.get("leeslijst")
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "get_context", get_context)
    with pytest.raises(SharedRenderError):
        member_client.get("/")


def test_a_not_found_page_is_not_kept(member_client, site):
    assert member_client.get("/bestaat-niet/").status_code == 404
    for entry in cached_entries():
        assert b"Pagina niet gevonden" not in entry


@pytest.fixture
def home_reads_the_session_in_a_template(monkeypatch, home):
    """The home page's template asks for the session inside `{% if %}`, which swallows errors."""
    from django.template import engines

    original = HomePage.get_template

    def get_template(self, request, *args, **kwargs):
        source = "{% if 1 and request.session.leeslijst %}ja{% else %}nee{% endif %}"
        return engines["django"].from_string(source)

    monkeypatch.setattr(HomePage, "get_template", get_template)
    yield
    monkeypatch.setattr(HomePage, "get_template", original)


def test_a_session_read_that_a_template_swallows_still_fails_the_test(
    member_client, home_reads_the_session_in_a_template
):
    with pytest.raises(SharedRenderError):
        member_client.get("/")


def test_in_production_the_reader_gets_a_page_of_their_own_and_the_bug_is_logged(
    member_client, home_reads_the_session_in_a_template, settings, caplog
):
    settings.SHARED_RENDER_STRICT = False
    response = member_client.get("/")
    assert response.status_code == 200
    assert response.content == b"nee"
    assert "a shared render used the session" in caplog.text
    assert not [key for key in caches["pages"]._cache if "shared-page" in key]
