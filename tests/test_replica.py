"""Reads from a PostgreSQL streaming replica (`wijkportaal/replica.py`).

The first tests check the router's and the middleware's decisions in this process. The others
(PostgreSQL only) start a real replica of the running cluster: a database of their own made and
migrated on the primary, a base backup of the cluster (`pg_basebackup -R -X stream`) started as
a hot standby on a spare port, and gunicorn as in production with `DATABASE_URL` and
`DATABASE_REPLICA_URL`. To make the two differ they pause the replica's replay
(`pg_wal_replay_pause()`), change rows on the primary, and look at what each reader is shown.

The cluster must accept replication connections from 127.0.0.1: `.ci/run` sees to it.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache.backends.db import BaseDatabaseCache
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory

from accounts.models import User
from articles.models import ArticlePage
from tests.servers import free_port, gunicorn, wait_for
from tests.workers import database_name, production_env
from wijkportaal import replica
from wijkportaal.cache import stamp_changed_within

ROOT = Path(__file__).resolve().parent.parent
#: The servers' pin (DATABASE_REPLICA_PIN_SECONDS): short, so the tests wait little for it.
PIN = 4
PASSWORD = "een-lang-wachtwoord-voor-de-replica"
EMAIL = "lezer.replica@example.org"
HTTP_TIMEOUT = 15
#: The articles the tests change on the primary, by the word in their title.
WORDS = ("Alfa", "Bravo", "Charlie", "Delta")
CHANGED = " (herzien)"


# The router and the middleware, in this process ------------------------------------------------


@pytest.fixture
def reads():
    """A request's reads, as the middleware sets them, with a replica that answers."""
    state = replica._Reads(replica=True, checked=True)
    token = replica._reads.set(state)
    yield state
    replica._reads.reset(token)


def test_outside_a_request_everything_reads_the_primary():
    router = replica.ReplicaRouter()
    assert router.db_for_read(ArticlePage) == "default"
    assert router.db_for_write(ArticlePage) == "default"


def test_a_safe_request_reads_the_replica_until_it_writes(reads):
    router = replica.ReplicaRouter()
    assert router.db_for_read(ArticlePage) == "replica"
    assert router.db_for_write(User) == "default"
    assert reads.wrote
    assert router.db_for_read(ArticlePage) == "default"


def test_a_transaction_reads_the_primary(reads, monkeypatch):
    router = replica.ReplicaRouter()
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)
    assert router.db_for_read(ArticlePage) == "default"
    monkeypatch.setattr(connections["default"], "in_atomic_block", False)
    assert router.db_for_read(ArticlePage) == "replica"


def test_cache_tables_read_the_primary_and_pin_nobody(reads):
    router = replica.ReplicaRouter()

    class CacheEntry:
        _meta = BaseDatabaseCache("wijkportaal_cache", {}).cache_model_class._meta

    assert router.db_for_read(CacheEntry) == "default"
    assert router.db_for_write(CacheEntry) == "default"
    assert not reads.wrote
    assert router.db_for_read(ArticlePage) == "replica"


def test_migrations_only_on_the_primary_and_relations_across_both():
    router = replica.ReplicaRouter()
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")
    first, second = User(), User()
    first._state.db, second._state.db = "replica", "default"
    assert router.allow_relation(first, second) is True


def test_a_version_retired_within_the_pin_sends_the_rest_of_the_request_to_the_primary(reads):
    old = f"{time.time() - 60:.3f}:abc"
    replica._stamp_read((old, old))
    assert reads.replica
    replica._stamp_read((old, f"{time.time() - 1:.3f}:def"))
    assert not reads.replica


def test_stamp_age_of_versions_without_a_time_counts_as_old():
    assert not stamp_changed_within(("0123456789abcdef",), 10)
    assert not stamp_changed_within(None, 10)
    assert stamp_changed_within((f"{time.time():.3f}:0123",), 10)


def test_without_a_replica_the_middleware_takes_itself_out():
    with pytest.raises(MiddlewareNotUsed):
        replica.ReplicaReadsMiddleware(lambda request: HttpResponse())


def test_middleware_sits_after_whitenoise_and_around_the_caches_and_sessions():
    from django.conf import settings

    order = settings.MIDDLEWARE
    position = order.index("wijkportaal.replica.ReplicaReadsMiddleware")
    assert order[position - 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    for inner in (
        "pagecache.middleware.VisitorPageCacheMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "pagecache.middleware.SharedPageMiddleware",
    ):
        assert order.index(inner) > position, inner


@pytest.fixture
def middleware(monkeypatch):
    """The middleware around a view that writes when asked (`?schrijf`), recording where its
    reads were allowed to go."""
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    seen = {}

    def view(request):
        seen["replica"] = replica._reads.get().replica
        if "schrijf" in request.GET:
            replica.ReplicaRouter().db_for_write(User)
        return HttpResponse("ok")

    return replica.ReplicaReadsMiddleware(view), seen


def _pin_from(response) -> str | None:
    morsel = response.cookies.get(replica.PIN_COOKIE)
    return morsel.value if morsel else None


def test_a_visitor_who_only_reads_gets_no_cookie_even_when_the_request_wrote(middleware):
    run, seen = middleware
    response = run(RequestFactory().get("/artikelen/", {"schrijf": "1"}))
    assert seen["replica"] is True
    assert not response.cookies


def test_a_reader_with_cookies_who_wrote_is_pinned_for_a_while(middleware):
    run, seen = middleware
    factory = RequestFactory()
    post = factory.post("/leeslijst/bewaren/?schrijf=1")
    post.COOKIES["csrftoken"] = "x" * 32
    response = run(post)
    assert seen["replica"] is False
    pin = response.cookies[replica.PIN_COOKIE]
    assert pin["max-age"] == 10 and pin["httponly"] and pin["samesite"] == "Lax"

    pinned = factory.get("/leeslijst/")
    pinned.COOKIES.update({"sessionid": "s", replica.PIN_COOKIE: pin.value})
    run(pinned)
    assert seen["replica"] is False

    forged = factory.get("/leeslijst/")
    forged.COOKIES.update({"sessionid": "s", replica.PIN_COOKIE: "1"})
    run(forged)
    assert seen["replica"] is True


def test_a_post_that_changed_nothing_pins_nobody(middleware):
    run, seen = middleware
    post = RequestFactory().post("/accounts/login/")
    post.COOKIES["csrftoken"] = "x" * 32
    assert _pin_from(run(post)) is None


def test_admin_account_and_shared_list_pages_read_the_primary(middleware):
    """A shared list answers from the primary: a member another removed has no access at once."""
    run, seen = middleware
    for path in ("/admin/pages/", "/accounts/email/", "/leeslijst/gedeeld/7/"):
        run(RequestFactory().get(path))
        assert seen["replica"] is False, path
    run(RequestFactory().head("/zoeken/"))
    assert seen["replica"] is True


SHOW_REPLICA = """
import json
from django.conf import settings as s
from django.core.management import call_command
r = s.DATABASES["replica"]
call_command("check", "--deploy", "--fail-level", "WARNING")
print(json.dumps([r["NAME"], r["TEST"]["MIRROR"], r["CONN_HEALTH_CHECKS"], r["CONN_MAX_AGE"],
    r["OPTIONS"], s.DATABASE_ROUTERS, s.DATABASE_REPLICA_PIN_SECONDS]))
"""


def test_production_settings_with_a_replica():
    env = production_env(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/wijkportaal",
        DATABASE_REPLICA_URL="postgres://postgres@replica.example:5432/wijkportaal",
        HTTPS="true",
        ALLOWED_HOSTS="wijkportaal.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW_REPLICA],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # the deploy check passes
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "wijkportaal",
        "default",
        True,
        60,
        {"connect_timeout": 2},
        ["wijkportaal.replica.ReplicaRouter"],
        10,
    ]


# A real replica ---------------------------------------------------------------------------------

SETUP = f"""
import json
from allauth.account.models import EmailAddress
from django.core.management import call_command, get_commands
from accounts.models import User
from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory, page_tree_build

call_command("createcachetable", verbosity=0)
page_tree_build()
index = ArticleIndexPage.objects.get()
articles = {{}}
for word in {WORDS!r}:
    page = ArticlePageFactory(parent=index, title=f"Buurtbudget {{word}}", slug=word.lower())
    articles[word] = {{"id": page.pk, "url": page.url}}
# Production indexes through the worker, which does not run here: index now.
for command in ("update_index", "rebuild_search_index"):
    if command in get_commands():
        call_command(command, verbosity=0)
user = User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
print("ARTICLES=" + json.dumps(articles))
"""

PUBLISH = """
from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory
page = ArticlePageFactory(
    parent=ArticleIndexPage.objects.get(), title="Buurtbudget Echo", slug="echo", live=False
)
page.save_revision().publish()
"""


def _manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@dataclass
class Site:
    env: dict
    database_url: str
    articles: dict
    #: When a version was last retired (time.time()): reads go to the primary for PIN after.
    retired_at: float


def _database_copy(template: str, url: str) -> None:
    """The database at `url`, made as a copy of the (migrated) database `template`: by
    PostgreSQL itself when nobody else is connected to it, else through pg_dump."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        try:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
            return
        except psycopg.errors.ObjectInUse:  # a live server of another test reads it
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    source = urlunsplit(parts._replace(path=f"/{template}"))
    dump = subprocess.run(
        ["pg_dump", "--no-owner", "--dbname", source], capture_output=True, check=True
    )
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "--dbname", url],
        input=dump.stdout,
        capture_output=True,
        check=True,
    )


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Production settings on a database of their own, made on the primary before the base
    backup (a copy of this run's migrated test database): a few articles and one confirmed
    member."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("a streaming replica needs PostgreSQL (DATABASE_URL)")
    import psycopg
    from psycopg import sql

    template = connections["default"].settings_dict["NAME"]
    connections["default"].close()
    parts = urlsplit(url)
    name = database_name(parts.path.lstrip("/"), "replica")
    database_url = urlunsplit(parts._replace(path=f"/{name}"))
    _database_copy(template, database_url)
    try:
        env = production_env(DATABASE_URL=database_url, REDIS_URL="")
        output = _manage(env, "shell", "-c", SETUP)
        articles = json.loads(output.split("ARTICLES=", 1)[1].splitlines()[0])
        yield Site(env, database_url, articles, time.time())
    finally:
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))


def _as_postgres(command: list) -> list:
    """PostgreSQL refuses to run as root: CI runs as root, so its servers run as `postgres`."""
    command = [str(part) for part in command]
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Replica:
    """A hot standby of the cluster, on a spare port, in a directory of its own."""

    #: Settings a standby may not have lower than its primary.
    MATCHED = (
        "max_connections",
        "max_worker_processes",
        "max_wal_senders",
        "max_prepared_transactions",
        "max_locks_per_transaction",
    )

    def __init__(self, database_url: str, directory: Path):
        import psycopg

        self.psycopg = psycopg
        self.primary_url = database_url
        parts = urlsplit(database_url)
        self.primary = parts
        self.port = free_port()
        user = parts.netloc.rpartition("@")[0] or "postgres"
        self.url = urlunsplit(parts._replace(netloc=f"{user}@127.0.0.1:{self.port}"))
        self.stopped = False
        self.directory = directory
        self.data = directory / "data"
        with psycopg.connect(database_url) as conn:
            major = conn.info.server_version // 10000
            self.matched = {
                name: conn.execute(f"SHOW {name}").fetchone()[0] for name in self.MATCHED
            }
        self.bin = Path(f"/usr/lib/postgresql/{major}/bin")
        if not (self.bin / "pg_ctl").exists():
            pytest.fail(
                f"pg_ctl not found in {self.bin}: install postgresql-{major}", pytrace=False
            )

    def _run(self, *command, check=True, timeout=120):
        env = dict(os.environ)
        if self.primary.password:
            env["PGPASSWORD"] = self.primary.password
        result = subprocess.run(
            _as_postgres(list(command)), capture_output=True, text=True, timeout=timeout, env=env
        )
        if check and result.returncode != 0:
            log = self.directory / "log"
            pytest.fail(
                f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}"
                + (log.read_text() if log.exists() else ""),
                pytrace=False,
            )
        return result

    def start(self) -> None:
        backup = self._run(
            self.bin / "pg_basebackup",
            "-h",
            self.primary.hostname,
            "-p",
            self.primary.port or 5432,
            "-U",
            self.primary.username or "postgres",
            "-D",
            self.data,
            "-R",
            "-X",
            "stream",
            # A checkpoint now, and nothing the throwaway copy does not need.
            "--checkpoint=fast",
            "--no-sync",
            "--no-manifest",
            check=False,
        )
        if "no pg_hba.conf entry for replication" in backup.stderr:
            pytest.fail(
                "The cluster refuses replication connections from 127.0.0.1. Put\n"
                "  host replication all 127.0.0.1/32 trust\n"
                "first in its pg_hba.conf and reload (`.ci/run` does).",
                pytrace=False,
            )
        assert backup.returncode == 0, backup.stderr
        # Debian keeps the configuration outside the data directory: the standby gets its own.
        (self.data / "postgresql.conf").write_text("")
        (self.data / "pg_ident.conf").write_text("")
        (self.data / "pg_hba.conf").write_text("host all all 127.0.0.1/32 trust\n")
        if os.geteuid() == 0:
            for name in ("postgresql.conf", "pg_ident.conf", "pg_hba.conf"):
                shutil.chown(self.data / name, "postgres", "postgres")
        options = {
            "port": self.port,
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": self.directory,
            "hot_standby": "on",
            "shared_buffers": "16MB",
            "fsync": "off",
            **self.matched,
        }
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.directory / "log",
            "-w",
            "-t",
            "60",
            "-o",
            " ".join(f"-c {name}={value}" for name, value in options.items()),
            "start",
        )
        self.caught_up()

    def stop(self) -> None:
        self.stopped = True
        if (self.data / "postmaster.pid").exists():
            self._run(
                self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False
            )

    def query(self, sql: str, *params, on_primary=False):
        with self.psycopg.connect(self.primary_url if on_primary else self.url) as conn:
            return conn.execute(sql, params).fetchone()[0]

    def caught_up(self) -> None:
        """Wait until the replica has replayed everything the primary wrote until now."""
        lsn = self.query("SELECT pg_current_wal_lsn()::text", on_primary=True)
        wait_for(
            lambda: self.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", lsn),
            "the replica to replay the primary's WAL",
        )

    def pause(self) -> None:
        self.caught_up()
        self.query("SELECT pg_wal_replay_pause()::text")
        wait_for(
            lambda: self.query("SELECT pg_get_wal_replay_pause_state()") == "paused",
            "the replica's replay to pause",
        )

    def resume(self) -> None:
        if self.stopped:
            return
        self.query("SELECT pg_wal_replay_resume()::text")
        self.caught_up()


def _scratch_for(database_url: str) -> str | None:
    """Where the copy of the cluster goes: memory (/dev/shm) when it fits there with room to
    spare, which spares a busy disk writing and then deleting it; else the usual temp dir."""
    import psycopg

    with psycopg.connect(database_url) as conn:
        size = conn.execute("SELECT sum(pg_database_size(datname)) FROM pg_database").fetchone()[0]
    shm = Path("/dev/shm")  # noqa: S108 (mkdtemp makes a private directory in it)
    if shm.is_dir() and shutil.disk_usage(shm).free > 2 * size + 512 * 1024 * 1024:
        return str(shm)
    return None


@pytest.fixture(scope="module")
def standby(site):
    """The replica, taken after the site's database was made; stopped and removed afterwards."""
    directory = Path(
        tempfile.mkdtemp(prefix="wijkportaal-replica-", dir=_scratch_for(site.database_url))
    )
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    started = Replica(site.database_url, directory)
    try:
        started.start()
        yield started
    finally:
        started.stop()
        shutil.rmtree(directory, ignore_errors=True)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Answer:
    status: int
    headers: dict
    text: str
    seconds: float


class Browser:
    """One person's browser: cookies kept, redirects not followed."""

    def __init__(self, base: str):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects
        )

    def request(self, path: str, data: dict | None = None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        start = time.monotonic()
        try:
            response = self.opener.open(request, timeout=HTTP_TIMEOUT)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            text = response.read().decode()
            headers = {key.lower(): value for key, value in response.headers.items()}
            set_cookies = response.headers.get_all("Set-Cookie") or []
        headers["set-cookie"] = set_cookies
        return Answer(response.status, headers, text, time.monotonic() - start)

    def get(self, path: str) -> Answer:
        return self.request(path)

    def post(self, path: str, data: dict) -> Answer:
        token = self.cookie("csrftoken")
        return self.request(path, {"csrfmiddlewaretoken": token, **data})

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def forget(self, name: str) -> None:
        for cookie in [c for c in self.jar if c.name == name]:
            self.jar.clear(cookie.domain, cookie.path, cookie.name)

    def log_in(self) -> None:
        form = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        answer = self.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": EMAIL, "password": PASSWORD},
        )
        assert answer.status == 302, answer.text[-2000:]


@pytest.fixture(scope="module")
def server(site, standby, tmp_path_factory):
    """gunicorn as in production (one sync worker) with the primary and the replica."""
    log_path = tmp_path_factory.mktemp("replica-gunicorn") / "gunicorn.log"
    env = {
        **site.env,
        "DATABASE_REPLICA_URL": standby.url,
        "DATABASE_REPLICA_PIN_SECONDS": str(PIN),
    }
    health = {"database": "ok", "redis": "uit", "replica": "ok"}
    with gunicorn(env, log_path, "--workers", "1", health=health) as (base, _):
        yield base, log_path


@pytest.fixture(scope="module")
def member(site, standby, server):
    """A member who logged in and has not written since: the pin and every version retired
    by the site's setup or the login are older than PIN."""
    browser = Browser(server[0])
    browser.log_in()
    assert browser.get("/leeslijst/").status == 200
    browser.forget(replica.PIN_COOKIE)
    standby.caught_up()
    site.retired_at = time.time()
    _pin_passed(site)
    return browser


def _pin_passed(site) -> None:
    """Wait until the last version the tests retired is older than the pin."""
    time.sleep(max(0.0, site.retired_at + PIN + 0.5 - time.time()))


_renders = iter(range(1, 1_000_000))


def _fresh(url: str) -> str:
    """A page's `url` under an address no cache holds yet (a page ignores `page`, the caches
    key on it): a render of its own, read from wherever this request reads."""
    return f"{url}?page={next(_renders)}"


def _title(word: str, *, changed: bool) -> str:
    return f"Buurtbudget {word}{CHANGED if changed else ''}"


def _shows(answer: Answer, word: str) -> str:
    """Whether the page shows the article's title as it was or as changed on the primary."""
    assert answer.status == 200, (answer.status, answer.text[-1000:])
    changed, unchanged = _title(word, changed=True), _title(word, changed=False)
    if changed in answer.text:
        return "herzien"
    main = re.search(r"<main.*</main>", answer.text, re.S)
    assert unchanged in answer.text, main.group(0) if main else answer.text
    return "oud"


def _retitle(standby: Replica) -> None:
    """Change the four titles on the primary, behind every cache's back (no version retired):
    only where a page is read from tells which title it shows."""
    with standby.psycopg.connect(standby.primary_url) as conn:
        for word in WORDS:
            conn.execute(
                "UPDATE wagtailcore_page SET title = %s WHERE title = %s",
                (_title(word, changed=True), _title(word, changed=False)),
            )


@pytest.fixture(scope="module")
def retitled(site, member, standby):
    """The replica paused with the old titles while the primary has the new ones."""
    standby.pause()
    _retitle(standby)
    yield site.articles
    standby.resume()


@pytest.mark.django_db  # the test database is copied for the site (`site`)
def test_visitors_and_members_read_pages_listings_and_search_from_the_replica(
    server, member, retitled
):
    visitor = Browser(server[0])
    article = visitor.get(retitled["Alfa"]["url"])
    assert _shows(article, "Alfa") == "oud"
    assert _shows(visitor.get("/artikelen/"), "Bravo") == "oud"
    assert _shows(visitor.get("/zoeken/?q=Charlie"), "Charlie") == "oud"
    # A member who has not written reads the replica too.
    assert _shows(member.get(_fresh(retitled["Bravo"]["url"])), "Bravo") == "oud"
    # The visitor got no cookie, and the page cache still serves them.
    assert not article.headers["set-cookie"]
    again = visitor.get(retitled["Alfa"]["url"])
    assert again.headers.get("x-cache") == "hit" and not again.headers["set-cookie"]
    assert not list(visitor.jar)


@pytest.mark.django_db  # the test database is copied for the site (`site`)
def test_a_members_write_goes_to_the_primary_and_they_read_it_back_at_once(
    server, member, retitled, standby
):
    charlie = retitled["Charlie"]
    saved = "SELECT count(*) FROM readinglists_readinglistitem WHERE page_id = %s"
    answer = member.post("/leeslijst/bewaren/", {"target": charlie["id"]})
    # The replica is read-only: a write sent there would fail.
    assert answer.status == 302, answer.text[-2000:]
    assert standby.query(saved, charlie["id"], on_primary=True) == 1
    assert standby.query(saved, charlie["id"]) == 0
    pin = next(c for c in answer.headers["set-cookie"] if c.startswith(f"{replica.PIN_COOKIE}="))
    assert f"Max-Age={PIN}" in pin and "HttpOnly" in pin and "SameSite=Lax" in pin

    leeslijst = member.get("/leeslijst/")
    assert _shows(leeslijst, "Charlie") == "herzien"  # from the primary, with the new title
    # Pinned, the member reads every page from the primary; a visitor at the same moment not.
    delta = retitled["Delta"]["url"]
    assert _shows(member.get(_fresh(delta)), "Delta") == "herzien"
    assert _shows(Browser(server[0]).get(_fresh(delta)), "Delta") == "oud"
    # Without the cookie the same member reads the replica again.
    member.forget(replica.PIN_COOKIE)
    assert _shows(member.get(_fresh(delta)), "Delta") == "oud"


@pytest.mark.django_db  # the test database is copied for the site (`site`)
def test_after_a_publish_pages_are_read_from_the_primary_so_no_stale_page_is_cached(
    site, server, member, retitled, standby
):
    _manage(site.env, "shell", "-c", PUBLISH)
    site.retired_at = time.time()
    on_replica = "SELECT count(*) FROM wagtailcore_page WHERE slug = 'echo'"
    assert standby.query(on_replica, on_primary=True) == 1
    assert standby.query(on_replica) == 0  # replay is paused
    visitor = Browser(server[0])
    listing = visitor.get("/artikelen/")  # every cached page was retired by the publish
    assert "Buurtbudget Echo" in listing.text
    assert _shows(listing, "Bravo") == "herzien"  # the whole render came from the primary
    assert listing.headers.get("x-cache") == "miss"
    assert visitor.get(_fresh("/artikelen/echo/")).status == 200


@pytest.mark.django_db  # the test database is copied for the site (`site`)
def test_with_the_replica_down_the_site_reads_the_primary(site, server, member, standby, retitled):
    base, log_path = server
    _pin_passed(site)  # else the publish above would send the reads to the primary anyway
    standby.stop()
    visitor = Browser(base)
    for path, word in (("/zoeken/?q=Delta", "Delta"), (_fresh(retitled["Bravo"]["url"]), "Bravo")):
        answer = visitor.get(path)
        assert _shows(answer, word) == "herzien"
        assert answer.seconds < 3, answer.seconds
    assert member.get("/leeslijst/").status == 200
    health = visitor.get("/health/")
    assert health.status == 200
    assert json.loads(health.text) == {"database": "ok", "redis": "uit", "replica": "onbereikbaar"}
    assert "Replica does not answer" in log_path.read_text()
