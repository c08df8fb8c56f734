"""What readers search for, counted per ISO week without storing who searched.

Counting happens in the process, in memory (`search_count`): a search costs no database or cache
call. Each process adds what it counted to `SearchTermWeek` on its first request after
`FLUSH_INTERVAL` seconds (`SearchCountMiddleware`) and as a gunicorn worker stops
(`wijkportaal.gunicorn.worker_exit`), in one atomic `INSERT ... ON CONFLICT DO UPDATE SET
searches = searches + excluded.searches`, so processes flushing at once add up.

Neither cache is used: `incr` on Django's DatabaseCache is a get and a set, so two workers
counting the same query lose one of the counts, and every search would be a database write;
Redis (`pages`) may be down, or evict the counters under a flood. A process killed outright loses
what it counted since its last flush.

Bounds: queries longer than `MAX_QUERY_CHARS` or with control characters are not counted; a
process holds at most `MAX_PENDING` distinct queries between flushes, and a week keeps at most
`MAX_QUERIES_PER_WEEK` distinct queries (the ones already there go on counting), so a flood of
made-up queries fills neither memory nor the table.
"""

import datetime
import logging
import threading
import time
import unicodedata
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from search.models import SearchTermWeek

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 100
MAX_PENDING = 5_000
MAX_QUERIES_PER_WEEK = 5_000
FLUSH_INTERVAL = 60.0
#: Weeks kept; older counts are removed by `manage.py prune_search_terms`.
WEEKS_KEPT = 53
_UPSERT_CHUNK = 500


def query_normalise(raw: str) -> str | None:
    """The query as counted: lower case, whitespace collapsed; None when it is not counted
    (empty, longer than `MAX_QUERY_CHARS`, or holding control characters)."""
    if any(unicodedata.category(char) in ("Cc", "Cf") and not char.isspace() for char in raw):
        return None
    query = " ".join(raw.split()).lower()
    if not query or len(query) > MAX_QUERY_CHARS:
        return None
    return query


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class _Pending:
    counts: dict = field(default_factory=dict)  # (week, query) -> [searches, without_results]
    since: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_pending = _Pending()


def search_count(*, query: str, found: int, day: datetime.date | None = None) -> bool:
    """Count one search for `query` that found `found` results; whether it was counted."""
    normalised = query_normalise(query)
    if normalised is None:
        return False
    key = (week_start(day or timezone.localdate()), normalised)
    with _pending.lock:
        counts = _pending.counts.get(key)
        if counts is None:
            if len(_pending.counts) >= MAX_PENDING:
                return False
            counts = _pending.counts[key] = [0, 0]
        counts[0] += 1
        counts[1] += found == 0
        if _pending.since is None:
            _pending.since = time.monotonic()
    return True


def search_counts_due() -> bool:
    """Whether this process should store its counts now: they are `FLUSH_INTERVAL` old, or
    there is no room for another query (a flood: stored early, so real queries go on counting)."""
    since = _pending.since
    return since is not None and (
        time.monotonic() - since >= FLUSH_INTERVAL or len(_pending.counts) >= MAX_PENDING
    )


def search_counts_flush() -> int:
    """Add what this process counted to `SearchTermWeek`; the number of rows written.

    The counts are taken out under the lock, so two threads flushing at once never write the
    same counts twice; a second flush finds nothing. A failed write puts them back.
    """
    with _pending.lock:
        taken, _pending.counts, _pending.since = _pending.counts, {}, None
    if not taken:
        return 0
    try:
        return search_counts_store(taken)
    except Exception:
        with _pending.lock:
            for key, (searches, without) in taken.items():
                counts = _pending.counts.setdefault(key, [0, 0])
                counts[0] += searches
                counts[1] += without
            if _pending.since is None:
                _pending.since = time.monotonic()
        raise


def search_counts_store(taken: dict) -> int:
    """Add `taken` ((week, query) -> [searches, without results]) to `SearchTermWeek`."""
    written = 0
    by_week: dict[datetime.date, dict[str, list[int]]] = {}
    for (week, query), counts in taken.items():
        by_week.setdefault(week, {})[query] = counts
    for week, counts in sorted(by_week.items()):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # One flush per week at a time, so the bound below holds between processes.
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_advisory_xact_lock(%s, %s)", [0x5E4C, week.toordinal()]
                    )
            rows = SearchTermWeek.objects.filter(week=week)
            known = set(rows.filter(query__in=list(counts)).values_list("query", flat=True))
            room = max(0, MAX_QUERIES_PER_WEEK - rows.count())
            new = sorted((q for q in counts if q not in known), key=lambda q: (-counts[q][0], q))
            kept = [*known, *new[:room]]
            values = [(week, query, *counts[query]) for query in kept]
            for start in range(0, len(values), _UPSERT_CHUNK):
                _upsert(values[start : start + _UPSERT_CHUNK])
            written += len(values)
    return written


def _upsert(values: list[tuple]) -> None:
    table = connection.ops.quote_name(SearchTermWeek._meta.db_table)
    placeholders = ", ".join(["(%s, %s, %s, %s)"] * len(values))
    # The table name is ours; the values are parameters.
    sql = (
        f"INSERT INTO {table} (week, query, searches, without_results) "  # noqa: S608
        f"VALUES {placeholders} ON CONFLICT (week, query) DO UPDATE SET "
        f"searches = {table}.searches + excluded.searches, "
        f"without_results = {table}.without_results + excluded.without_results"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [item for row in values for item in row])


def search_terms_prune(*, today: datetime.date | None = None) -> int:
    """Remove the counts of weeks older than `WEEKS_KEPT`; the number of rows removed."""
    oldest = week_start(today or timezone.localdate()) - datetime.timedelta(weeks=WEEKS_KEPT)
    deleted, _ = SearchTermWeek.objects.filter(week__lt=oldest).delete()
    return deleted


def search_counts_flush_at_exit() -> None:
    """Store what a web process counted as it stops (gunicorn's `worker_exit` hook)."""
    try:
        search_counts_flush()
    except Exception:
        logger.exception("Search counts not stored at exit")
