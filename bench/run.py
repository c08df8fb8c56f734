"""`make bench`: load a large site into PostgreSQL, serve it with gunicorn as in production, drive
it with wrk and print throughput, latency, errors and queries per page, each also as a ratio to
the ceiling: a minimal Django project (`bench.ceiling`) serving a fixed 20 KB page under the same
gunicorn settings, measured in the same run.

Only loopback addresses are used. Options: `--duration` seconds per page (default 20),
`--connections` (32), `--soak` for one 5-minute run of all pages at 32 connections,
`--skip-load` to reuse the loaded database.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/wijkportaal_bench"
SCALE = {
    "articles": 10_000,
    "events": 1_000,
    "themes": 50,
    "organisations": 200,
    "authors": 500,
}
TARGETS = {
    # A visitor's cached page, as a share of the ceiling's requests/s (issue 15).
    "cached_ratio": 0.7,
    "uncached_rps": 250,
    "leeslijst_rps": 100,
    "max_queries": 10,
    # A visitor's cached page through Varnish, as a multiple of the ceiling (issue 15).
    "varnish_ratio": 10,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--soak", action="store_true", help="also one 5-minute run of every page")
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-" + "x" * 30,
        "DEBUG": "false",
        "HTTPS": "false",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        "EMAIL_URL": "consolemail://",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if not _which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2

    if not args.skip_load:
        started = time.monotonic()
        _recreate_database(database_url)
        _manage(env, "migrate", "--noinput", "--verbosity", "0")
        _manage(env, "load_demo_content", *[f"--{k}={v}" for k, v in SCALE.items()])
        _python(env, "from bench.data import load_members; load_members()")
        # Saving pages queues their search indexing for the worker; run it all now.
        _manage(env, "db_worker", "--batch", "--no-startup-delay", quiet=True)
        print(f"Loaded the benchmark site in {time.monotonic() - started:.0f} s")
    # Fresh planner statistics, as autovacuum would have them on a site that grew over time.
    _psql(database_url, "VACUUM ANALYZE")
    _manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    _python(env, "from django.core.cache import caches; [c.clear() for c in caches.all()]")

    plan = json.loads(_python(env, "from bench.data import plan; plan()", capture=True))
    queries = json.loads(
        _python(env, "from bench.data import query_counts; query_counts()", capture=True)
    )

    ceiling = _ceiling_measure(env, args)
    spawned = time.monotonic()
    server, base = _gunicorn("wijkportaal.wsgi:application", env, args.workers)
    try:
        first_response = _wait_for(f"{base}/health/", server) - spawned
        rows = [ceiling]
        for page in plan:
            url = base + (page.get("path") or page["paths"][0])
            if "path" in page:
                _warm(url, page.get("cookie"))
            result = _wrk(
                url, page.get("cookie"), args.duration, args.connections, page.get("paths")
            )
            result.update(name=page["name"], kind=page["kind"], queries=queries.get(page["name"]))
            rows.append(result)
        rows.append(_varnish_measure(base, plan, args))
        memory = _worker_memory(server.pid)
        _report(rows, first_response, memory, args)
        if args.soak:
            print("\nSoak: 5 minutes, every page in turn, 32 connections")
            for page in plan:
                url = base + (page.get("path") or page["paths"][0])
                result = _wrk(url, page.get("cookie"), 300 // len(plan), 32, page.get("paths"))
                print(
                    f"  {page['name']:<28} {result['rps']:>8.0f} req/s  "
                    f"errors {result['errors']}  p99 {result['p99']:.1f} ms"
                )
    finally:
        _stop(server)
    return 0


def _ceiling_measure(env, args) -> dict:
    """The ceiling row: `bench.ceiling` under the same gunicorn settings, measured on its own
    (and stopped before the site starts, so the two never share the CPUs)."""
    server, base = _gunicorn(
        "bench.ceiling.wsgi:application",
        {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings"},
        args.workers,
    )
    try:
        _wait_for(f"{base}/", server)
        _warm(f"{base}/", None)
        result = _wrk(f"{base}/", None, args.duration, args.connections)
    finally:
        _stop(server)
    result.update(name="ceiling: minimal Django, 20 KB", kind="ceiling", queries=None)
    return result


def _varnish_measure(base, plan, args) -> dict:
    """The visitor's article through Debian's varnishd with the site's rules (deploy/varnish)
    in front of the same gunicorn: a page Varnish keeps, as compose serves it."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script, only bench/ is on the path
    from bench.varnish import varnishd

    path = next(page["path"] for page in plan if page["name"] == "article (visitor)")
    port = int(base.rsplit(":", 1)[1])
    with (
        tempfile.TemporaryDirectory() as workdir,
        varnishd(port, Path(workdir), memory="256m") as (public, _),
    ):
        _warm(public + path, None)
        with urllib.request.urlopen(public + path, timeout=30) as response:
            if response.headers["X-Cache"] != "hit":
                raise SystemExit(f"Varnish does not keep {path}: {response.headers['X-Cache']}")
        result = _wrk(public + path, None, args.duration, args.connections)
    result.update(name="article (visitor, through Varnish)", kind="varnish", queries=None)
    return result


def _gunicorn(app: str, env, workers: int):
    """gunicorn serving `app` with the production config on a free loopback port."""
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            app,
            "--config",
            "python:wijkportaal.gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    return server, f"http://127.0.0.1:{port}"


def _stop(server) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


def _ratio(row, ceiling) -> float:
    return row["rps"] / ceiling["rps"] if ceiling["rps"] else 0.0


def _report(rows, first_response, memory, args):
    ceiling = next(row for row in rows if row["kind"] == "ceiling")
    print(
        f"\ngunicorn: {args.workers} sync workers; wrk: {args.connections} connections, "
        f"{args.duration} s per page"
    )
    print(f"Time from start to first response: {first_response:.2f} s")
    print(f"Worker memory (RSS): {', '.join(f'{mb:.0f} MB' for mb in memory)}")
    print(
        "Queries: served (as measured here) / rendered after a publish (cached pages retired) / "
        "with nothing cached"
    )
    print(
        "Ratio: requests/s as a share of the ceiling (a minimal Django project serving a fixed "
        "20 KB page, same gunicorn settings)"
    )
    header = (
        f"{'page':<34}{'req/s':>8}{'ratio':>16}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'queries':>14}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in rows:
        ratio = f"{_ratio(row, ceiling):.2f}× ceiling"
        print(
            f"{row['name']:<34}{row['rps']:>8.0f}{ratio:>16}{row['p50']:>9.1f}"
            f"{row['p99']:>9.1f}{row['errors']:>8}{_queries(row):>14}"
        )
    print("\nTargets:")
    for row in rows:
        ratio = _ratio(row, ceiling)
        checks = []
        if row["kind"] == "cached":
            target = TARGETS["cached_ratio"]
            checks.append((f">= {target:.2f}× ceiling", ratio >= target))
        if row["kind"] == "varnish":
            target = TARGETS["varnish_ratio"]
            checks.append((f">= {target}× ceiling", ratio >= target))
        if row["kind"] in ("uncached", "longtail"):
            checks.append(
                (f">= {TARGETS['uncached_rps']} req/s", row["rps"] >= TARGETS["uncached_rps"])
            )
        if row["kind"] == "leeslijst":
            checks.append(
                (f">= {TARGETS['leeslijst_rps']} req/s", row["rps"] >= TARGETS["leeslijst_rps"])
            )
        if row["queries"]:
            most = max(row["queries"].values())
            checks.append((f"<= {TARGETS['max_queries']} queries", most <= TARGETS["max_queries"]))
        checks.append(("0 errors", row["errors"] == 0))
        verdicts = ", ".join(f"{label}: {'met' if ok else 'MISSED'}" for label, ok in checks)
        print(f"  {row['name']:<34} {verdicts}")


def _queries(row) -> str:
    counts = row["queries"]
    if not counts:
        return "-"
    return f"{counts['served']}/{counts['published']}/{counts['cold']}"


def _wrk(url, cookie, duration, connections, paths=None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if paths:
            # Each of wrk's threads walks the list from its own end: every path asked once.
            script.write(_LUA.replace("PATHS", ",".join(json.dumps(p) for p in paths)))
            script.flush()
            command[1:1] = ["-s", script.name]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    return {
        "rps": rps,
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "errors": errors,
    }


_LUA = """
local paths = {PATHS}
local counter = 0
local thread_count = 0
setup = function(thread)
  thread:set("offset", thread_count * 7919)
  thread_count = thread_count + 1
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[((counter + offset) % #paths) + 1])
end
"""


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"{re.escape(percentile)}\s+([\d.]+)(us|ms|s)", output)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _warm(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    for _ in range(3):
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()


def _worker_memory(master_pid: int) -> list[float]:
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            rss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if rss:
                sizes.append(int(rss.group(1)) / 1024)
    return sorted(sizes)


def _wait_for(url, server) -> float:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited: {server.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic()
        except OSError:
            time.sleep(0.05)
    raise SystemExit("gunicorn did not answer within 60 s")


def _recreate_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _manage(env, *args, quiet=False):
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=output)


def _psql(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


def _python(env, code, capture=False):
    setup = "import django; django.setup(); "
    result = subprocess.run(
        [PYTHON, "-c", setup + code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _which(name):
    return any((Path(d) / name).exists() for d in os.environ.get("PATH", "").split(os.pathsep))


if __name__ == "__main__":
    sys.exit(main())
