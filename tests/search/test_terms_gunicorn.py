"""Search counts under gunicorn as in production: two workers count apart, in memory, and store
what they hold as they stop (`wijkportaal.gunicorn.worker_exit`), without Redis."""

import subprocess
import sys
import urllib.request

from tests.servers import ROOT, gunicorn
from tests.workers import own_database, production_env

READ_COUNTS = (
    "from search.models import SearchTermWeek as T; "
    "print(list(T.objects.values_list('query', 'searches', 'without_results')))"
)


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
        with gunicorn(env, tmp_path / "gunicorn.log", "--workers", "2") as (base, _):
            for _ in range(6):
                _get(f"{base}/zoeken/?q=Wonen+in+de+wijk")
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
