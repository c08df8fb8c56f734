"""Browser tests: the real site under gunicorn, on its own database, driven by Debian's Chromium.

The server runs in a separate process against a database of its own, with the content of
`tests.e2e.content`, so these tests never touch pytest-django's test database and need no `db`
fixture. Under pytest-xdist they all run on one worker (`tests/conftest.py`), which starts the
server and the browser once.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.e2e.support import AXE_TAGS, PAGES
from tests.workers import database_name

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts"
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_TIMEOUT = 60


def _run_manage(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_admin(url: str):
    """Autocommit connection to the server's `postgres` database: CREATE/DROP DATABASE need it."""
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def _drop_postgres_database(url: str, name: str) -> None:
    from psycopg import sql

    with _postgres_admin(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture(scope="session")
def e2e_database_url(tmp_path_factory):
    """A fresh database for the test server: `<name>_e2e_<worker>` on the PostgreSQL server,
    else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        path = tmp_path_factory.mktemp("e2e-db") / "e2e.sqlite3"
        yield f"sqlite:///{path}"
        return

    from psycopg import sql

    parts = urlsplit(url)
    name = database_name(parts.path.lstrip("/"), "e2e")
    _drop_postgres_database(url, name)
    with _postgres_admin(url) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        _drop_postgres_database(url, name)


@pytest.fixture(scope="session")
def mail_dir(tmp_path_factory) -> Path:
    """The test server writes every mail it sends as a file here."""
    return tmp_path_factory.mktemp("e2e-mail")


@pytest.fixture(scope="session")
def base_url(e2e_database_url, mail_dir, tmp_path_factory):
    """Serve the site the way production does (gunicorn, DEBUG off, whitenoise) on a free port."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        # Explicit, because a local `.env` may switch DEBUG on and settings only fill unset values.
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        _run_manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    _run_manage("migrate", "--noinput", "--verbosity", "0", env=env)
    _run_manage("shell", "-c", "from tests.e2e.content import build; build()", env=env)

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("e2e-server") / "gunicorn.log"
    gunicorn = shutil.which("gunicorn", path=str(BIN)) or "gunicorn"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                gunicorn,
                "wijkportaal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_health(url, server, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_for_health(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(
                f"The test server exited with {server.returncode}:\n{log_path.read_text()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(f"{url}/health/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"The test server did not answer 200 on /health/ within {SERVER_TIMEOUT} s:\n"
        f"{log_path.read_text()}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session; each test gets its own context."""
    executable = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    resolved = shutil.which(executable)
    if not resolved:
        pytest.fail(
            f"Chromium not found at {executable!r}; the browser tests need it. Install it "
            "(Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM=/path/to/chromium. "
            "Playwright's own browser downloads are not used.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django then refuses
    # ORM calls in any database test that runs in the same session while the browser lives.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=resolved, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture
def context(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core not found at {AXE_PATH}: run `npm ci`.", pytrace=False)
    return AXE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """Run axe-core on a loaded page; evaluate() rather than a script tag, so a CSP cannot block it."""

    def run(page) -> list[dict]:
        page.evaluate(axe_source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        return result["violations"]

    return run


@pytest.fixture(scope="session")
def site_paths(browser, base_url) -> dict[str, str]:
    """Resolve PAGES to paths, following whatever `tests.e2e.content` built."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    paths = {}
    try:
        for key, target in PAGES.items():
            if isinstance(target, str):
                paths[key] = target
                continue
            listing, selector = target
            page.goto(listing)
            links = page.locator(selector)
            if not links.count():
                pytest.fail(f"No link matching {selector!r} on {listing}", pytrace=False)
            href = links.first.get_attribute("href") or ""
            paths[key] = href.removeprefix(base_url)
    finally:
        context.close()
    return paths


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


MEMBER_PASSWORD = "een-lang-wachtwoord-voor-e2e"
_CREATE_MEMBER = """
import os
from allauth.account.models import EmailAddress
from accounts.models import User
user = User.objects.create_user(email=os.environ["E2E_EMAIL"], password=os.environ["E2E_PASSWORD"])
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""


@pytest.fixture
def member(base_url, e2e_database_url) -> dict[str, str]:
    """A new confirmed member in the test server's database: {"email": ..., "password": ...}.

    Log them in with `tests.e2e.support.log_in(page, member)`.
    """
    email = f"lid-{time.time_ns()}@example.org"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "insecure-key-for-e2e-tests-only",
        "DEBUG": "false",
        "DATABASE_URL": e2e_database_url,
        "E2E_EMAIL": email,
        "E2E_PASSWORD": MEMBER_PASSWORD,
    }
    _run_manage("shell", "-c", _CREATE_MEMBER, env=env)
    return {"email": email, "password": MEMBER_PASSWORD}
