"""Many processes, one site: two gunicorn servers and the task worker, started as in production
(production settings over plain http), sharing one database and one Redis.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.workers import own_database, production_env, redis_db

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "een-lang-wachtwoord-789"
EMAIL = "twee.processen@example.org"
REDIS_DB = redis_db(13)

CREATE_MEMBER = f"""
from allauth.account.models import EmailAddress
from accounts.models import User
user = User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    base = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379"
    parts = urlsplit(base)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=2).close()
    except OSError:
        pytest.fail(
            f"Redis is not reachable at {base}: these tests need it. Start it with "
            "`redis-server --daemonize yes --port 6379 --save ''` (Debian: apt-get install "
            "redis-server) or set REDIS_URL.",
            pytrace=False,
        )
    url = urlunsplit(parts._replace(path=f"/{REDIS_DB}"))
    subprocess.run(["redis-cli", "-u", url, "flushdb"], check=False, capture_output=True)
    return url


@pytest.fixture(scope="module")
def site_env(redis_url, tmp_path_factory):
    """Production settings on a database of their own, with one confirmed member."""
    with own_database("procs", tmp_path_factory) as database_url:
        env = production_env(DATABASE_URL=database_url, REDIS_URL=redis_url)
        for args in (["migrate", "--noinput", "-v0"], ["shell", "-c", CREATE_MEMBER]):
            subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)
        yield env


def _start(command, env, log_path):
    log = log_path.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait_healthy(base, process, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not become healthy:\n{log_path.read_text()}", pytrace=False)


@pytest.fixture(scope="module")
def servers(site_env, tmp_path_factory):
    """Two gunicorn servers on two ports, one sync worker each: two processes, one site."""
    logs = tmp_path_factory.mktemp("gunicorn")
    started = []
    for number in (1, 2):
        port = _free_port()
        log_path = logs / f"server{number}.log"
        process = _start(
            [
                str(BIN / "gunicorn"),
                "wijkportaal.wsgi:application",
                "--config",
                "python:wijkportaal.gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            site_env,
            log_path,
        )
        started.append((f"http://127.0.0.1:{port}", process, log_path))
    try:
        for base, process, log_path in started:
            _wait_healthy(base, process, log_path)
        yield [base for base, _, _ in started]
    finally:
        for _, process, _ in started:
            process.terminate()
            process.wait(timeout=20)


class Browser:
    """A cookie jar shared between the two servers, as one person's browser would be."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url):
        with self.opener.open(url, timeout=20) as response:
            return response.geturl(), response.read().decode()

    def log_in(self, base, password):
        _, html = self.get(f"{base}/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "login": EMAIL, "password": password}
        ).encode()
        request = urllib.request.Request(
            f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}
        )
        with self.opener.open(request, timeout=20) as response:
            return response.geturl(), response.read().decode()

    def is_logged_in(self, base) -> bool:
        final_url, html = self.get(f"{base}/accounts/")
        return "/accounts/login/" not in final_url and "Uitloggen" in html


def test_logged_in_on_one_server_is_logged_in_on_the_other(servers):
    first, second = servers
    browser = Browser()
    assert not browser.is_logged_in(second)
    browser.log_in(first, PASSWORD)
    assert browser.is_logged_in(first)
    assert browser.is_logged_in(second)


def test_wrong_passwords_count_across_both_servers(servers):
    first, second = servers
    browser = Browser()
    # allauth refuses a login after more than 5 failures for one address within 5 minutes.
    for attempt in range(6):
        browser.log_in(first if attempt % 2 == 0 else second, "helemaal-niet-goed-123")
    _, html = browser.log_in(second, PASSWORD)
    assert "Te veel" in html
    assert not browser.is_logged_in(first)


def test_the_worker_runs_queued_tasks(site_env, tmp_path):
    log_path = tmp_path / "worker.log"
    worker = _start(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        site_env,
        log_path,
    )
    try:
        queued = subprocess.run(
            [sys.executable, "manage.py", "send_digests", "--queue"],
            cwd=ROOT,
            env=site_env,
            check=True,
            capture_output=True,
            text=True,
        )
        task_id = re.search(r"\(([^)]+)\)", queued.stdout).group(1)
        check = (
            "from django_tasks_db.models import DBTaskResult; "
            f"print(DBTaskResult.objects.get(id={task_id!r}).status)"
        )
        deadline, status = time.monotonic() + 60, ""
        while time.monotonic() < deadline and status != "SUCCESSFUL":
            status = (
                subprocess.run(
                    [sys.executable, "manage.py", "shell", "-c", check],
                    cwd=ROOT,
                    env=site_env,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1:]
            )
            status = status[0] if status else ""
            time.sleep(0.5)
        assert status == "SUCCESSFUL", log_path.read_text()
    finally:
        worker.terminate()
        worker.wait(timeout=20)
