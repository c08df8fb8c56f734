"""Debian's varnishd with the site's rules (deploy/varnish) in front of a local server, for the
tests (tests/test_varnish.py) and `make bench`: default.vcl as compose runs it, with its backend
and its purgers on loopback."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL_DIR = ROOT / "deploy" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
MISSING = (
    f"varnishd not found (looked in PATH and at {VARNISHD}): `make test` installs Debian's "
    "varnish when run as root; otherwise run `sudo apt-get install varnish`."
)


def vcl_for(backend_port: int, purgers=("127.0.0.1",)) -> str:
    """default.vcl with the backend at 127.0.0.1:`backend_port` and only `purgers` allowed to
    purge."""
    text = (VCL_DIR / "default.vcl").read_text()
    text, hosts = re.subn(r'\.host = "web";', '.host = "127.0.0.1";', text)
    text, ports = re.subn(r'\.port = "8000";', f'.port = "{backend_port}";', text)
    allowed = " ".join(f'"{address}";' for address in purgers)
    text, acls = re.subn(r"acl purgers \{.*?\n\}", f"acl purgers {{ {allowed} }}", text, flags=re.S)
    if (hosts, ports, acls) != (1, 1, 1):
        raise ValueError("deploy/varnish/default.vcl no longer names its backend and purgers")
    return text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def varnishd(backend_port: int, workdir: Path, *, purgers=("127.0.0.1",), memory="64m"):
    """varnishd in the foreground in front of 127.0.0.1:`backend_port`; yields the addresses of
    its public listener and of its purge listener (http://127.0.0.1:port each).

    `-j none`: no jail, so it runs the same as root and as any user; `-n`: its own working
    directory, so several can run at once."""
    if not Path(VARNISHD).exists():
        raise FileNotFoundError(MISSING)
    workdir.mkdir(parents=True, exist_ok=True)
    main = workdir / "main.vcl"
    main.write_text(vcl_for(backend_port, purgers))
    public, purge = free_port(), free_port()
    log_path = workdir / "varnishd.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-n",
                str(workdir / "state"),
                "-a",
                f"http=127.0.0.1:{public}",
                "-a",
                f"purge=127.0.0.1:{purge}",
                "-f",
                str(main),
                "-p",
                f"vcl_path={VCL_DIR}",
                "-s",
                f"malloc,{memory}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_ready(f"http://127.0.0.1:{purge}/", process, log_path)
        yield f"http://127.0.0.1:{public}", f"http://127.0.0.1:{purge}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def _wait_ready(url: str, process, log_path: Path) -> None:
    """The purge listener answers (a 404 of its own) once the rules are compiled and loaded."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited:\n{log_path.read_text()}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"varnishd did not answer within 60 s:\n{log_path.read_text()}")
