"""What two pytest-xdist workers running at once must not share: the databases and Redis
databases the tests make for their servers. Outside xdist there is one worker, "main"."""

import os
import secrets
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

#: "gw0", "gw1", ... under pytest-xdist.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def worker_number() -> int:
    return int(WORKER.removeprefix("gw")) if WORKER.startswith("gw") else 0


def database_name(base: str, purpose: str) -> str:
    """A database of this worker's own for `purpose`, named after the test database `base`."""
    return f"{base or 'wijkportaal'}_{purpose}_{WORKER}"


def redis_db(first: int) -> int:
    """A Redis database number of this worker's own: `first`, `first - 1`, ... (eight workers
    before they wrap; the default server has sixteen)."""
    return first - worker_number() % 8


@contextmanager
def own_database(purpose: str, tmp_path_factory):
    """The address of an empty database of this worker's own for `purpose`, beside the test run's:
    on PostgreSQL a database made now and dropped afterwards, else an SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path_factory.mktemp(f'{purpose}-{WORKER}') / 'site.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = database_name(parts.path.lstrip("/"), purpose)
    admin = urlunsplit(parts._replace(path="/postgres"))
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(drop)


def production_env(**values) -> dict:
    """The environment for a server process of the site with production settings over plain
    http: this run's environment without the test-only variables, plus `values`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "EMAIL_FILE_PATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="wijkportaal.settings",
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_URL="consolemail://",
    )
    env.update(values)
    return env
