"""`make run` serves from SQLite: its search stems Dutch too (Snowball, on the pages and on the
query). The CI suite runs on PostgreSQL, so this runs the search quality tests on SQLite."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="this run is on SQLite already: test_quality ran here"
)
def test_search_quality_on_sqlite(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'search.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "x" * 50,
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(  # noqa: S603 - our own test module, with our interpreter
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "tests/search/test_quality.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
