"""`make run`'s local configuration: BASE_URL follows PORT unless the operator set one, an
existing `.env` is never rewritten (wijkportaal/localenv.py and the Makefile), and the jobs it
runs beside the server print nothing."""

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import environ
import pytest
from django.core.management import call_command

from wijkportaal import localenv

ROOT = Path(__file__).resolve().parent.parent
EARLIER_ENV = (
    "SECRET_KEY=Zx1-abc_DEF\nDEBUG=true\nEMAIL_URL=consolemail://\nBASE_URL=http://127.0.0.1:8000\n"
)


def base_url(port="8001", *, environ=None, env_text=None) -> str:
    return localenv.port_base_url(port, environ=environ or {}, env_text=env_text)


def test_without_an_env_file_base_url_follows_port():
    assert base_url("8001") == "http://127.0.0.1:8001"


def read_env(path: Path, monkeypatch, **environment) -> dict:
    """What the settings read from `path`, given `environment`."""
    values = dict(environment)
    monkeypatch.setattr(environ.Env, "ENVIRON", values)
    environ.Env.read_env(path)
    return values


def test_the_env_file_make_run_writes_leaves_base_url_to_port(tmp_path, monkeypatch):
    path = tmp_path / ".env"
    assert localenv.env_file_write(path)
    text = path.read_text()
    assert base_url("8002", env_text=text) == "http://127.0.0.1:8002"
    values = read_env(path, monkeypatch)
    assert values["DEBUG"] == "true" and len(values["SECRET_KEY"]) > 40
    assert "BASE_URL" not in values


def test_an_existing_env_file_is_never_rewritten(tmp_path):
    path = tmp_path / ".env"
    path.write_text("SECRET_KEY=mine\nBASE_URL=https://mijn.example\n")
    assert not localenv.env_file_write(path)
    assert path.read_text() == "SECRET_KEY=mine\nBASE_URL=https://mijn.example\n"


@pytest.mark.parametrize(
    "env_text",
    [
        "SECRET_KEY=x\nDEBUG=true\nBASE_URL=https://mijn.example\n",
        "SECRET_KEY=x\nexport BASE_URL='http://127.0.0.1:9000'\n",
        # The file an earlier make run wrote, once edited, is the operator's.
        EARLIER_ENV + "REDIS_URL=redis://127.0.0.1:6379/0\n",
    ],
)
def test_a_base_url_the_operator_set_in_env_file_is_kept(env_text):
    assert base_url("8003", env_text=env_text) == ""


def test_a_base_url_in_the_environment_is_kept():
    assert base_url("8004", environ={"BASE_URL": "https://elders.example"}) == ""
    assert base_url("8004", environ={"BASE_URL": ""}) == "http://127.0.0.1:8004"


def test_the_env_file_an_earlier_make_run_wrote_follows_port_too():
    """It holds the BASE_URL of its first run's PORT, which nobody chose."""
    assert base_url("8005", env_text=EARLIER_ENV) == "http://127.0.0.1:8005"


def test_an_exported_base_url_wins_over_the_env_file(tmp_path, monkeypatch):
    """How make's export reaches the settings: django-environ leaves what is set alone."""
    path = tmp_path / ".env"
    path.write_text(EARLIER_ENV)
    values = read_env(path, monkeypatch, BASE_URL="http://127.0.0.1:8006")
    assert values["BASE_URL"] == "http://127.0.0.1:8006"
    assert read_env(path, monkeypatch)["BASE_URL"] == "http://127.0.0.1:8000"


@pytest.fixture
def make_dir(tmp_path):
    """The Makefile and the script in a directory of their own, with no .env yet."""
    if not shutil.which("make"):
        pytest.fail("make is needed for this test")
    (tmp_path / "wijkportaal").mkdir()
    (tmp_path / "static").mkdir()
    shutil.copy(ROOT / "Makefile", tmp_path)
    shutil.copy(ROOT / "wijkportaal" / "localenv.py", tmp_path / "wijkportaal")
    for name in ("pyproject.toml", "constraints.txt"):
        (tmp_path / name).touch()
    return tmp_path


def make_run_dry(directory: Path, port: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"BASE_URL", "PORT", "MAKEFLAGS"}}
    result = subprocess.run(
        ["make", "-n", "run", f"PORT={port}", f"PYTHON={sys.executable}"],
        cwd=directory,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_run_serves_with_the_base_url_of_its_port(make_dir):
    out = make_run_dry(make_dir, "8123")
    assert "Serving http://127.0.0.1:8123/ with BASE_URL http://127.0.0.1:8123" in out
    assert "runserver 127.0.0.1:8123" in out

    (make_dir / ".env").write_text(EARLIER_ENV)
    assert "with BASE_URL http://127.0.0.1:8124" in make_run_dry(make_dir, "8124")


def test_make_run_keeps_the_operator_s_base_url(make_dir):
    out = make_run_dry(make_dir, "8125", BASE_URL="https://elders.example")
    assert "with BASE_URL https://elders.example" in out

    (make_dir / ".env").write_text("SECRET_KEY=x\nDEBUG=true\nBASE_URL=https://mijn.example\n")
    assert "with BASE_URL from .env" in make_run_dry(make_dir, "8126")
    assert (make_dir / ".env").read_text().endswith("BASE_URL=https://mijn.example\n")


@pytest.mark.django_db
@pytest.mark.parametrize("job", ["send_queued_mail", "send_digests --queue", "send_digests"])
def test_the_scheduled_jobs_make_run_runs_print_nothing_at_verbosity_0(job):
    """run_schedule runs them every minute or hour beside the server, at verbosity 0; their
    counts ("0 mislukt") would otherwise fill the console and read like failures."""
    quiet, loud = StringIO(), StringIO()
    call_command(*job.split(), verbosity=0, stdout=quiet)
    call_command(*job.split(), stdout=loud)
    assert quiet.getvalue() == ""
    assert loud.getvalue()
