"""Search counts under gunicorn as in production: two workers count apart, in memory, and store
what they hold as they stop (`wijkportaal.gunicorn.worker_exit`), without Redis."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.workers import own_database, production_env

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
READ_COUNTS = (
    "from search.models import SearchTermWeek as T; "
    "print(list(T.objects.values_list('query', 'searches', 'without_results')))"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert "X-Wijkportaal-Search-Results" not in response.headers
        response.read()


def test_workers_store_their_counts_as_they_stop(tmp_path_factory, tmp_path):
    with own_database("searchterms", tmp_path_factory) as database_url:
        env = production_env(DATABASE_URL=database_url, REDIS_URL="")
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        port = _free_port()
        log = (tmp_path / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "wijkportaal.wsgi:application",
                "--config",
                "python:wijkportaal.gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    _get(f"{base}/health/")
                    break
                except OSError:
                    assert server.poll() is None and time.monotonic() < deadline
                    time.sleep(0.1)
            for _ in range(6):
                _get(f"{base}/zoeken/?q=Wonen+in+de+wijk")
        finally:
            server.terminate()
            server.wait(timeout=30)
        counts = (
            subprocess.run(
                [*manage, "shell", "-c", READ_COUNTS],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    assert counts == "[('wonen in de wijk', 6, 6)]", (tmp_path / "gunicorn.log").read_text()
