"""What two pytest-xdist workers running at once must not share: the databases and Redis
databases the tests make for their servers. Outside xdist there is one worker, "main"."""

import os

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
