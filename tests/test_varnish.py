"""Varnish in front of the app (deploy/varnish), run from Debian's package: what it keeps and
what it passes, who may purge, and that a change reaches visitors through it within a second.

The rules are checked against a backend whose answers each test sets (`Stub`), then the whole
chain against the app under a live server: publish, unpublish, a renamed theme, and the ban
queued for the worker."""

import http.client
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ExplainerIndexPage, Theme
from bench.varnish import MISSING, VARNISHD, VCL_DIR, varnishd
from pagecache.middleware import SKIP_PREFIXES, VISITOR_CACHE_CONTROL
from tests.conftest import make_member
from tests.factories import ArticlePageFactory, ThemeFactory, page_tree_build

PURGE_TASK = "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"
RULES = (VCL_DIR / "wijkportaal.vcl").read_text()


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


def fetch(base, path, *, method="GET", headers=None, source=None, body=None) -> Response:
    """One request on a connection of its own (from `source`, a loopback address, if given)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read().decode())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def varnishd_installed():
    if not Path(VARNISHD).exists():
        pytest.fail(MISSING, pytrace=False)


# The rules, against a backend that answers as each test says.


class Stub(ThreadingHTTPServer):
    """A backend on loopback: each path answers as `routes` says (by default a visitor's page
    as the app marks it) and counts what reached it."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), StubHandler)
        self.routes: dict[str, dict] = {}
        self.seen: list[tuple[str, str, dict]] = []

    def reached(self, path) -> list[dict]:
        return [headers for _, seen_path, headers in self.seen if seen_path == path]


class StubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        stub = self.server
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        stub.seen.append((self.command, self.path, dict(self.headers)))
        route = stub.routes.get(self.path, {})
        if route.get("hang_up"):
            self.close_connection = True
            return
        body = f"{self.path} #{len(stub.reached(self.path))}".encode()
        self.send_response(route.get("status", 200))
        cache_control = route.get("cache_control", VISITOR_CACHE_CONTROL)
        if cache_control:
            self.send_header("Cache-Control", cache_control)
        if route.get("set_cookie"):
            self.send_header("Set-Cookie", route["set_cookie"])
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stub():
    server = Stub()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def edge(varnishd_installed, stub, tmp_path_factory):
    """(public address, purge address) of varnishd in front of the stub."""
    with varnishd(stub.server_address[1], tmp_path_factory.mktemp("varnish-stub")) as addresses:
        yield addresses


def test_a_visitors_page_is_kept_and_served_from_the_cache(edge, stub):
    public, _ = edge
    first = fetch(public, "/kept/")
    second = fetch(public, "/kept/")
    assert (first.cache, second.cache) == ("miss", "hit")
    assert second.body == first.body == "/kept/ #1"
    assert len(stub.reached("/kept/")) == 1
    assert int(second.headers["Age"]) >= 0
    # Caches further on keep a visitor's page apart from a member's.
    assert "Cookie" in second.headers["Vary"]
    assert "X-Url" not in second.headers


def test_other_cookies_are_dropped_and_the_visitors_page_served(edge, stub):
    public, _ = edge
    fetch(public, "/analytics/")
    response = fetch(public, "/analytics/", headers={"Cookie": "_ga=GA1.1; theme=dark"})
    assert response.cache == "hit"
    assert all("Cookie" not in headers for headers in stub.reached("/analytics/"))


@pytest.mark.parametrize(
    "cookie", ["sessionid=abc", "csrftoken=abc", "messages=abc", "_ga=1; sessionid=abc"]
)
def test_a_readers_request_is_passed_and_their_page_never_kept(edge, stub, cookie):
    public, _ = edge
    path = f"/reader-{cookie.split('=')[0].strip('_')}-{len(cookie)}/"
    for number in (1, 2):
        response = fetch(public, path, headers={"Cookie": cookie})
        assert response.cache == "pass"
        assert response.body == f"{path} #{number}"
        assert stub.reached(path)[-1]["Cookie"] == cookie
    visitor = fetch(public, path)
    assert visitor.cache == "miss"
    assert visitor.body == f"{path} #3"


def test_a_response_that_sets_a_cookie_is_never_kept(edge, stub):
    public, _ = edge
    stub.routes["/sets-cookie/"] = {"set_cookie": "csrftoken=secret; Path=/"}
    responses = [fetch(public, "/sets-cookie/") for _ in range(3)]
    assert [r.body for r in responses] == [f"/sets-cookie/ #{n}" for n in (1, 2, 3)]
    assert "hit" not in [r.cache for r in responses]


@pytest.mark.parametrize(
    "cache_control",
    [
        "private, max-age=600",
        "public, no-cache",
        "public, max-age=600, no-store",
        "max-age=600",
        "",
    ],
)
def test_only_what_the_app_marks_public_is_kept(edge, stub, cache_control):
    public, _ = edge
    path = f"/not-public-{abs(hash(cache_control))}/"
    stub.routes[path] = {"cache_control": cache_control}
    responses = [fetch(public, path) for _ in range(2)]
    assert [r.body for r in responses] == [f"{path} #1", f"{path} #2"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/3/",
        "/accounts/login/",
        "/leeslijst/",
        "/volgend/?blok=2",
        "/health/",
        "/documents/1/verslag.pdf",
        "/_util/login/",
    ],
)
def test_personal_and_operational_paths_are_passed(edge, stub, path):
    public, _ = edge
    responses = [fetch(public, path) for _ in range(2)]
    assert [r.cache for r in responses] == ["pass", "pass"]
    assert len(stub.reached(path)) == 2


def test_the_passed_paths_cover_the_page_caches(edge):
    """Every path the app's own cache leaves alone is passed too, except uploaded images, which
    Varnish may keep (the app marks them public for a day)."""
    passed = re.search(r'req.url ~ "\^/\(([^)]+)\)', RULES).group(1).split("|")
    for prefix in SKIP_PREFIXES:
        if prefix != "/media/":
            assert prefix.strip("/") in passed


def test_the_rules_name_djangos_cookies():
    names = re.search(r"req.http.Cookie ~ .*?\(([a-z|]+)\)=", RULES).group(1).split("|")
    assert set(names) == {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        CookieStorage.cookie_name,
    }


def test_a_post_is_passed_with_its_cookies(edge, stub):
    public, _ = edge
    response = fetch(
        public, "/zoeken/", method="POST", body="q=x", headers={"Cookie": "csrftoken=abc"}
    )
    assert response.cache == "pass"
    assert stub.reached("/zoeken/")[-1]["Cookie"] == "csrftoken=abc"


def test_the_client_address_is_appended_to_x_forwarded_for(edge, stub):
    """What TRUSTED_PROXY_COUNT counts: Varnish is one more proxy (docker-compose.yml)."""
    public, _ = edge
    fetch(public, "/forwarded/", headers={"X-Forwarded-For": "203.0.113.9"})
    assert stub.reached("/forwarded/")[-1]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"


def test_ban_and_purge_only_on_the_purge_listener_and_from_the_acl(edge, stub):
    public, purge = edge
    fetch(public, "/guarded/")
    for method in ("BAN", "PURGE"):
        assert fetch(public, "/guarded/", method=method).status == 405
        # The purge listener allows only 127.0.0.1 here (bench.varnish.vcl_for).
        assert fetch(purge, "/guarded/", method=method, source="127.0.0.2").status == 403
    assert fetch(purge, "/guarded/", source="127.0.0.1").status == 404
    assert fetch(public, "/guarded/").cache == "hit"
    assert len(stub.reached("/guarded/")) == 1


def test_a_ban_drops_every_page_but_not_the_static_files(edge, stub):
    public, purge = edge
    paths = ["/banned/", "/banned/?page=2", "/media/images/foto.jpg", "/static/css/site.abc.css"]
    for path in paths:
        fetch(public, path)
    assert fetch(purge, "/", method="BAN").status == 200
    assert [fetch(public, path).cache for path in paths] == ["miss", "miss", "miss", "hit"]


def test_a_purge_drops_one_address(edge, stub):
    public, purge = edge
    fetch(public, "/purged/")
    fetch(public, "/kept-after-purge/")
    host = urlsplit(public).netloc
    assert fetch(purge, "/purged/", method="PURGE", headers={"Host": host}).status == 200
    assert fetch(public, "/purged/").cache == "miss"
    assert fetch(public, "/kept-after-purge/").cache == "hit"


def test_a_failed_revalidation_keeps_serving_the_stale_page(edge, stub):
    """Grace: after its s-maxage a page is served stale while it is fetched again; a fetch that
    fails leaves the stale page in place instead of the error."""
    public, _ = edge
    stub.routes["/grace/"] = {"cache_control": "public, s-maxage=1, stale-while-revalidate=30"}
    assert fetch(public, "/grace/").body == "/grace/ #1"
    time.sleep(1.5)
    stub.routes["/grace/"] = {**stub.routes["/grace/"], "status": 500}
    stale = fetch(public, "/grace/")
    assert (stale.cache, stale.body) == ("hit, stale", "/grace/ #1")
    deadline = time.monotonic() + 5
    while len(stub.reached("/grace/")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(stub.reached("/grace/")) == 2  # the background fetch, which failed
    assert fetch(public, "/grace/").body == "/grace/ #1"


def test_a_backend_that_does_not_answer_gives_a_dutch_page(edge, stub):
    public, _ = edge
    stub.routes["/down/"] = {"hang_up": True}
    response = fetch(public, "/down/")
    assert response.status == 503
    assert '<html lang="nl">' in response.body
    assert "Wijkportaal is even niet bereikbaar" in response.body
    assert response.headers["Cache-Control"] == "no-store"


# The app behind Varnish.


@pytest.fixture(scope="module")
def app_edge(varnishd_installed, live_server, tmp_path_factory):
    """(public address, purge address) of varnishd in front of the live server."""
    port = int(live_server.url.rsplit(":", 1)[1])
    with varnishd(port, tmp_path_factory.mktemp("varnish-app")) as addresses:
        yield addresses


@pytest.fixture
def through_varnish(app_edge, settings, page_root):
    """The site behind Varnish, with its purges going there; nothing kept from an earlier test
    (whose pages, flushed since, had the same addresses)."""
    public, purge = app_edge
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.edge.VarnishBackend", "LOCATION": purge}
    }
    assert fetch(purge, "/", method="BAN").status == 200
    page_tree_build()
    return public


def new_article(title="Samen wonen in de Rivierbuurt", **kwargs):
    return ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(),
        title=title,
        slug="samen-wonen",
        **kwargs,
    )


def until(condition, seconds=1.0) -> float:
    """Seconds until `condition()` holds, polling; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.02)
    return time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_a_visitor_gets_the_article_from_varnish(through_varnish):
    article = new_article()
    first = fetch(through_varnish, article.url)
    second = fetch(through_varnish, article.url)
    assert first.status == 200
    assert (first.cache, second.cache) == ("miss", "hit")
    assert "s-maxage=600" in second.headers["Cache-Control"]
    assert "Samen wonen in de Rivierbuurt" in second.body
    assert "Inloggen" in second.body


@pytest.mark.django_db(transaction=True)
def test_a_members_page_is_passed_and_never_reaches_a_visitor(through_varnish, django_user_model):
    article = new_article()
    client = Client()
    client.force_login(make_member(django_user_model))
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    for _ in range(2):
        member = fetch(through_varnish, article.url, headers={"Cookie": cookie})
        assert member.cache == "pass"
        assert "Uitloggen" in member.body
        assert member.headers["Cache-Control"] == "private, no-cache"
    visitor = fetch(through_varnish, article.url)
    assert visitor.cache == "miss"
    assert "Uitloggen" not in visitor.body
    assert "Inloggen" in visitor.body


@pytest.mark.django_db(transaction=True)
def test_a_published_change_shows_through_varnish_within_a_second(through_varnish):
    article = new_article()
    for path in (article.url, "/artikelen/", "/"):
        fetch(through_varnish, path)
        assert fetch(through_varnish, path).cache == "hit"
    article.title = "Samen wonen in de Nieuwe Rivierbuurt"
    article.save_revision().publish()
    elapsed = until(lambda: "Nieuwe Rivierbuurt" in fetch(through_varnish, article.url).body)
    assert elapsed < 1
    # The listings that show it, too: every page was banned.
    assert "Nieuwe Rivierbuurt" in fetch(through_varnish, "/artikelen/").body
    assert "Nieuwe Rivierbuurt" in fetch(through_varnish, "/").body


@pytest.mark.django_db(transaction=True)
def test_an_unpublished_article_is_gone_through_varnish_within_a_second(through_varnish):
    article = new_article()
    assert fetch(through_varnish, article.url).status == 200
    assert "Samen wonen" in fetch(through_varnish, "/artikelen/").body
    article.unpublish()
    until(lambda: fetch(through_varnish, article.url).status == 404)
    assert "Samen wonen" not in fetch(through_varnish, "/artikelen/").body


@pytest.mark.django_db(transaction=True)
def test_a_renamed_theme_shows_through_varnish_within_a_second(through_varnish):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    new_article(terms__themes=[theme])
    assert fetch(through_varnish, "/themas/wonen/").status == 200
    assert fetch(through_varnish, "/themas/wonen/").cache == "hit"
    Theme.objects.filter(pk=theme.pk).update(name="Wonen en leven")  # no signal: nothing banned
    assert "Wonen en leven" not in fetch(through_varnish, "/themas/wonen/").body
    theme.name = "Wonen en leven"
    theme.save()
    until(lambda: "Wonen en leven" in fetch(through_varnish, "/themas/wonen/").body)


@pytest.mark.django_db(transaction=True)
def test_the_ban_is_queued_for_the_worker_after_the_commit(through_varnish, settings):
    """As in production: the publish queues frontend_cache's task in the database; Varnish
    serves the old page until the worker has run it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = new_article()
    fetch(through_varnish, article.url)
    article.title = "Samen wonen, bijgewerkt"
    with transaction.atomic():
        article.save_revision().publish()
        assert not DBTaskResult.objects.filter(task_path=PURGE_TASK).exists()
    assert DBTaskResult.objects.filter(task_path=PURGE_TASK, status="READY").count() == 1
    assert "bijgewerkt" not in fetch(through_varnish, article.url).body
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get(task_path=PURGE_TASK).status == "SUCCESSFUL"
    until(lambda: "bijgewerkt" in fetch(through_varnish, article.url).body)


# What queues a ban, without Varnish: frontend_cache's task with a backend that records.


class RecordingBackend(BaseBackend):
    batches: list[list[str]] = []

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        RecordingBackend.batches.append(list(urls))


@pytest.fixture
def bans(settings, article):
    """The bans of `frontend_cache`'s task, from the moment `article` is there: a ban its making
    queued would wait, like any, for the commit of the test's transaction, which never comes,
    and take the place of the one a test looks for."""
    settings.WAGTAILFRONTENDCACHE = {"rec": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.batches = []
    return RecordingBackend.batches


@pytest.mark.django_db
def test_publishing_bans_once_after_the_commit(bans, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        article.title = "Nieuw"
        article.save_revision().publish()
    assert bans == []
    for callback in callbacks:
        callback()
    assert bans == [[f"{settings.BASE_URL}/"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        lambda page: page.unpublish(),
        lambda page: page.move(ExplainerIndexPage.objects.get(), pos="last-child"),
        lambda page: page.delete(),
        lambda page: page.themes.first().save(),
        lambda page: page.themes.first().delete(),
        lambda page: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        ),
        lambda page: page.get_site().save(),
    ],
    ids=["unpublish", "move", "delete", "theme saved", "theme deleted", "restricted", "site"],
)
def test_each_change_visitors_see_bans_once(
    bans, article, change, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change(article)
    assert len(bans) == 1


@pytest.mark.django_db
def test_a_draft_bans_nothing(bans, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Concept"
        article.save_revision()
    assert bans == []


@pytest.mark.django_db
def test_a_rolled_back_change_bans_nothing(bans, article, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        article.save_revision().publish()
        raise RuntimeError
    assert bans == []


@pytest.mark.django_db
def test_without_a_purge_address_nothing_is_queued(
    settings, article, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.save_revision().publish()
        article.themes.first().save()
    assert not DBTaskResult.objects.filter(task_path=PURGE_TASK).exists()
    assert all(getattr(c, "__module__", "") != "pagecache.edge" for c in callbacks)
