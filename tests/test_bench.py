"""`make bench`'s ceiling: a minimal Django project as startproject makes it, and every row's
ratio to it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import django

from bench import run

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(django.__file__).parent / "conf/project_template/project_name/settings.py-tpl"


def template_setting(name: str) -> list[str]:
    tree = ast.parse(TEMPLATE.read_text().replace("{{ secret_key }}", "x"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == name:
            return ast.literal_eval(node.value)
    raise LookupError(name)


def test_the_ceiling_is_startprojects_middleware_serving_20_kb_with_debug_off():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from django.test import Client; r = Client(HTTP_HOST='127.0.0.1').get('/'); "
        "print(json.dumps([r.status_code, len(r.content), settings.DEBUG, "
        "settings.MIDDLEWARE, settings.INSTALLED_APPS]))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings",
    }
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    status, size, debug, middleware, apps = json.loads(output)
    assert (status, debug) == (200, False)
    assert 20_000 <= size <= 21_000
    assert middleware == template_setting("MIDDLEWARE")
    assert apps == template_setting("INSTALLED_APPS")


def test_every_row_is_reported_as_a_ratio_of_the_ceiling(capsys):
    def row(name, kind, rps):
        return {
            "name": name,
            "kind": kind,
            "rps": rps,
            "p50": 1.0,
            "p99": 2.0,
            "errors": 0,
            "queries": None,
        }

    rows = [
        row("ceiling", "ceiling", 2000),
        row("bare view, site middleware", "bare", 1000),
        row("home (visitor)", "cached", 1500),
        row("article index (visitor)", "cached", 1300),
    ]
    args = type("Args", (), {"workers": 2, "connections": 32, "duration": 1})
    run._report(rows, 1.0, [100.0], args)
    out = capsys.readouterr().out
    assert "1.00× ceiling" in out
    assert "0.50× ceiling" in out
    assert "0.75× ceiling" in out
    assert "home (visitor)                     >= 0.70× ceiling: met" in out
    assert "article index (visitor)            >= 0.70× ceiling: MISSED" in out
