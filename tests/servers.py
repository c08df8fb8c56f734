"""Servers the process tests start: a free port, waiting for a condition, and gunicorn as in
production (wijkportaal/gunicorn.py) on a port of its own."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}", pytrace=False)
        time.sleep(0.05)


@contextmanager
def gunicorn(env: dict, log_path: Path, *options: str, health: dict | None = None):
    """gunicorn serving the site with `env`, its output in `log_path`: yields (base address,
    process) once `/health/` answers (with `health` as its JSON, when given); stopped after."""
    port = free_port()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "wijkportaal.wsgi:application",
                "--config",
                "python:wijkportaal.gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                *options,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=2) as response:
                return health is None or json.load(response) == health
        except OSError:
            return False

    try:
        wait_for(healthy, f"gunicorn to answer (log: {log_path})", timeout=60)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
