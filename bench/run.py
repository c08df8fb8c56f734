"""`make bench`: load a large site into PostgreSQL, serve it with gunicorn as in production, drive
it with wrk and print throughput, latency, errors and queries per page, each also as a ratio to
the ceiling: a minimal Django project (`bench.ceiling`) serving a fixed 20 KB page under the same
gunicorn settings, measured in the same run.

Only loopback addresses are used. Options: `--duration` seconds per page (default 20),
`--connections` (32), `--soak` for one 5-minute run of all pages at 32 connections,
`--skip-load` to reuse the loaded database, `--articles N` to load N articles (10,000; the
100,000 of issue 15 is `--articles 100000`), `--rows WORDS` to measure only the rows whose name
or kind contains one of the comma-separated words, `--save FILE` to keep the results as JSON and
`--compare FILE` to print each row against a saved run (as ratios to each run's own ceiling, so
a busier machine cancels out).

Rows with `once` ask each of their addresses once, so every response is rendered afresh; the
listing index those pages read (`articles.listing_index`) is built first, as the first request
after a publish does (its build time is printed apart).
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
    "places": 300,
}
TARGETS = {
    # A visitor's cached page, as a share of the ceiling's requests/s (issue 15).
    "cached_ratio": 0.7,
    "uncached_rps": 250,
    "leeslijst_rps": 100,
    "max_queries": 10,
    # Pages rendered afresh, each address asked once, at 8 connections (issue 15).
    "fresh_rps": 250,
    "fresh_p99_ms": 150,
    "worker_rss_mb": 200,
    # At 100,000 articles: each row within this factor of its 10,000 figure (--compare).
    "scale_factor": 2.0,
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
    parser.add_argument("--articles", type=int, default=SCALE["articles"], metavar="N")
    parser.add_argument("--rows", default="", metavar="WORDS")
    parser.add_argument("--save", type=Path, metavar="FILE")
    parser.add_argument("--compare", type=Path, metavar="FILE")
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
        scale = {**SCALE, "articles": args.articles}
        loading = time.monotonic()
        _manage(env, "load_demo_content", *[f"--{k}={v}" for k, v in scale.items()])
        print(f"load_demo_content --articles {args.articles}: {time.monotonic() - loading:.0f} s")
        _python(env, "from bench.data import load_members; load_members()")
        # Saving pages queues their search indexing for the worker; run it all now.
        _manage(env, "db_worker", "--batch", "--no-startup-delay", quiet=True)
        print(f"Loaded the benchmark site in {time.monotonic() - started:.0f} s")
    # Fresh planner statistics, as autovacuum would have them on a site that grew over time.
    _psql(database_url, "VACUUM ANALYZE")
    _manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    _python(env, "from django.core.cache import caches; [c.clear() for c in caches.all()]")

    plan = json.loads(_python(env, "from bench.data import plan; plan()", capture=True))
    if args.rows:
        words = [word.strip() for word in args.rows.split(",") if word.strip()]
        plan = [p for p in plan if any(w in p["name"] or w == p["kind"] for w in words)]
    builds = json.loads(
        _python(env, "from bench.data import index_builds; index_builds()", capture=True)
    )
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
            if "warm" in page:
                _warm_workers([base + path for path in page["warm"]], page.get("cookie"))
            result = _wrk(
                url,
                page.get("cookie"),
                args.duration,
                page.get("connections", args.connections),
                page.get("paths"),
                once=page.get("once", False),
            )
            result.update(name=page["name"], kind=page["kind"], queries=queries.get(page["name"]))
            result.update(connections=page.get("connections", args.connections))
            rows.append(result)
        if not args.rows or "varnish" in args.rows:
            rows.append(_varnish_measure(base, plan, args))
        memory = _worker_memory(server.pid)
        _report(rows, first_response, memory, args)
        _scale_report(rows, builds, memory, args)
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
    width = max(34, *(len(row["name"]) + 1 for row in rows))
    header = (
        f"{'page':<{width}}{'conns':>6}{'req/s':>8}{'ratio':>16}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'queries':>14}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in rows:
        ratio = f"{_ratio(row, ceiling):.2f}× ceiling"
        print(
            f"{row['name']:<{width}}{row.get('connections', args.connections):>6}"
            f"{row['rps']:>8.0f}{ratio:>16}{row['p50']:>9.1f}"
            f"{row['p99']:>9.1f}{row['errors']:>8}{_queries(row):>14}"
        )
    print("\nTargets:")
    for row in rows:
        ratio = _ratio(row, ceiling)
        checks = []
        if row["kind"] == "fresh":
            rps, p99 = TARGETS["fresh_rps"], TARGETS["fresh_p99_ms"]
            checks.append((f">= {rps} req/s", row["rps"] >= rps))
            checks.append((f"p99 <= {p99} ms", row["p99"] <= p99))
        if row["kind"] == "flood":
            checks.append(("0 timeouts", row.get("timeouts", 0) == 0))
        if row.get("asked"):
            checks.append((f"{row['asked']} asked once", row["complete"]))
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
        print(f"  {row['name']:<{width}} {verdicts}")


def _scale_report(rows, builds, memory, args) -> None:
    """The listing index builds, the workers' memory against its target, and each row against
    a saved run (`--compare`); the results kept for a later run (`--save`)."""
    print(
        f"\nListing index builds (once per process after each publish, at {args.articles} "
        f"articles): " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in builds.items())
    )
    most = max(memory, default=0)
    target = TARGETS["worker_rss_mb"]
    print(
        f"Worker memory: at most {most:.0f} MB, target <= {target} MB: "
        f"{'met' if most <= target else 'MISSED'}"
    )
    ceiling = next(row for row in rows if row["kind"] == "ceiling")
    result = {
        "articles": args.articles,
        "rows": {row["name"]: {**row, "ratio": _ratio(row, ceiling)} for row in rows},
        "builds": builds,
        "memory": memory,
    }
    if args.save:
        args.save.write_text(json.dumps(result, indent=1))
    if args.compare:
        before = json.loads(args.compare.read_text())
        factor = TARGETS["scale_factor"]
        print(
            f"\nAgainst {args.compare} ({before['articles']} articles): requests/s as a share of "
            f"each run's ceiling, and p99 (within {factor}× of the earlier run)"
        )
        for name, row in result["rows"].items():
            old = before["rows"].get(name)
            if not old or row["kind"] == "ceiling" or not old["ratio"]:
                continue
            slower = old["ratio"] / row["ratio"] if row["ratio"] else float("inf")
            p99 = row["p99"] / old["p99"] if old["p99"] else 1.0
            same = row.get("queries") == old.get("queries")
            ok = slower <= factor and p99 <= factor and same
            print(
                f"  {name:<56} throughput {1 / slower if slower else 0:.2f}×, p99 {p99:.2f}×, "
                f"queries {'the same' if same else 'DIFFERENT'}: {'met' if ok else 'MISSED'}"
            )


def _queries(row) -> str:
    counts = row["queries"]
    if not counts:
        return "-"
    return f"{counts['served']}/{counts['published']}/{counts['cold']}"


#: The longest a row that asks each address once may take (a slow page still ends).
ONCE_LIMIT = 120
THREADS = 2


def _wrk(url, cookie, duration, connections, paths=None, *, once=False) -> dict:
    if once:
        duration = ONCE_LIMIT
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if paths:
            lua = _LUA_ONCE if once else _LUA
            lua = lua.replace("THREADS", str(THREADS))
            script.write(lua.replace("PATHS", ",".join(json.dumps(p) for p in paths)))
            script.flush()
            command[1:1] = ["-s", script.name]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors, timeouts = 0, 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Unexpected statuses: (\d+)", output):
        errors += int(match.group(1))  # a redirect would be no render at all
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
        timeouts = int(match.group(4))
    done = int(re.search(r"(\d+) requests in", output).group(1))
    if once and (match := re.search(r"Elapsed: ([\d.]+)", output)):
        # wrk divides by the whole duration; these rows end when every address has answered.
        rps = done / float(match.group(1))
    return {
        "rps": rps,
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "errors": errors,
        "timeouts": timeouts,
        "asked": f"{done}/{len(paths)}" if once else "",
        "complete": done >= len(paths) if once else True,
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


# Each address once: thread t of n asks addresses t+1, t+1+n, ... and stops when its share has
# answered; a response other than 200 (a redirect would be no render) is counted, and the time
# from the first request to the last answer is printed (LuaJIT's ffi reads the clock).
_LUA_ONCE = """
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } wrk_timeval;
  int gettimeofday(wrk_timeval *tv, void *tz);
]]
function now()
  local tv = ffi.new("wrk_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end
local paths = {PATHS}
local threads = {}
setup = function(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end
init = function(args)
  counter, answered, unexpected, share = 0, 0, 0, 0
  for i = first + 1, #paths, THREADS do share = share + 1 end
end
request = function()
  if not started then started = now() end
  local i = first + counter * THREADS + 1
  counter = counter + 1
  if i > #paths then i = ((i - 1) % #paths) + 1 end
  return wrk.format("GET", paths[i])
end
response = function(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
  answered = answered + 1
  if answered >= share then
    finished = now()
    wrk.thread:stop()
  end
end
done = function(summary, latency, requests)
  local total, first, last = 0, nil, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    local started, finished = thread:get("started"), thread:get("finished")
    if started and (not first or started < first) then first = started end
    if finished and finished > last then last = finished end
  end
  io.write(string.format("Unexpected statuses: %d\\n", total))
  if first and last > first then io.write(string.format("Elapsed: %.6f\\n", last - first)) end
end
"""


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"{re.escape(percentile)}\s+([\d.]+)(us|ms|s)", output)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _warm(url, cookie, *, times=3):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    for _ in range(times):
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()


def _warm_workers(urls, cookie) -> None:
    """Ask for `urls` four at a time, so that every worker has built what they read."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda url: _warm(url, cookie, times=1), urls))


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
