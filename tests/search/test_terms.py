"""What readers search for: counted per week in memory, stored in batches, shown to editors."""

import datetime
import random
import string

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from search import terms
from search.middleware import SEARCH_HEADER
from search.models import SearchTermWeek
from tests.concurrency import at_once

WEEK = datetime.date(2026, 11, 23)  # a Monday: ISO week 48 of 2026
DAY = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _no_pending():
    """Each test starts and ends with nothing counted in this process."""
    terms._pending.counts.clear()
    terms._pending.since = None
    yield
    terms._pending.counts.clear()
    terms._pending.since = None


def stored() -> dict[str, tuple[int, int]]:
    return {row.query: (row.searches, row.without_results) for row in SearchTermWeek.objects.all()}


@pytest.mark.django_db
def test_ten_searches_count_ten_also_from_the_page_cache(client, article):
    caches_seen = []
    for _ in range(10):
        response = client.get("/zoeken/", {"q": "  Samen   WONEN "})
        assert response.status_code == 200
        assert SEARCH_HEADER not in response
        caches_seen.append(response.get("X-Cache"))
    assert caches_seen.count("hit") == 9  # nine never reached the view
    assert terms.search_counts_flush() == 1
    assert stored() == {"samen wonen": (10, 0)}


@pytest.mark.django_db
def test_searches_without_results_are_counted_apart(client, article):
    for query in ["rivierbuurt", "qwzxy", "qwzxy", "QWZXY"]:
        client.get("/zoeken/", {"q": query})
    terms.search_counts_flush()
    assert stored() == {"rivierbuurt": (1, 0), "qwzxy": (3, 3)}


@pytest.mark.django_db
def test_only_a_readers_search_is_counted(client, article):
    client.get("/zoeken/")  # the empty search page
    client.get("/zoeken/", {"q": "wonen", "page": "2"})  # paging the same search
    client.get("/zoeken/", {"q": "wonen", "type": "artikel"})  # narrowing it down
    client.head("/zoeken/", {"q": "wonen"})
    client.get("/zoeken/", {"q": "x" * 101})
    client.get("/zoeken/", {"q": "wonen\x00"})
    client.get("/zoeken/", {"q": "!!!"})  # nothing left to search for
    client.get("/", {"q": "wonen"})
    assert terms.search_counts_flush() == 0
    assert not SearchTermWeek.objects.exists()


def test_query_normalise():
    assert terms.query_normalise("  Wonen\tIN  de Wijk ") == "wonen in de wijk"
    assert terms.query_normalise("a" * 100) == "a" * 100
    assert terms.query_normalise("a" * 101) is None
    assert terms.query_normalise("wonen\x07") is None
    assert terms.query_normalise("wonen\n") == "wonen"
    assert terms.query_normalise("wonen\u200b") is None
    assert terms.query_normalise("   ") is None


@pytest.mark.django_db
def test_counts_are_kept_per_iso_week():
    terms.search_count(query="wonen", found=2, day=DAY)
    terms.search_count(query="wonen", found=0, day=DAY + datetime.timedelta(days=4))
    terms.search_counts_flush()
    weeks = dict(SearchTermWeek.objects.values_list("week", "searches"))
    assert weeks == {WEEK: 1, WEEK + datetime.timedelta(weeks=1): 1}


@pytest.mark.django_db
def test_a_flush_adds_to_what_is_stored_and_a_second_flush_adds_nothing():
    for _ in range(3):
        terms.search_count(query="wonen", found=1, day=DAY)
    assert terms.search_counts_flush() == 1
    assert terms.search_counts_flush() == 0
    terms.search_count(query="wonen", found=0, day=DAY)
    terms.search_counts_flush()
    assert stored() == {"wonen": (4, 1)}


@pytest.mark.django_db
def test_a_failed_flush_keeps_the_counts(monkeypatch):
    terms.search_count(query="wonen", found=1, day=DAY)

    def broken(taken):
        raise RuntimeError("database away")

    monkeypatch.setattr(terms, "search_counts_store", broken)
    with pytest.raises(RuntimeError):
        terms.search_counts_flush()
    monkeypatch.undo()
    terms.search_counts_flush()
    assert stored() == {"wonen": (1, 0)}


@pytest.mark.django_db
def test_the_middleware_flushes_when_due(client, article, monkeypatch):
    monkeypatch.setattr(terms, "FLUSH_INTERVAL", 0.0)
    client.get("/zoeken/", {"q": "wonen"})
    assert stored() == {"wonen": (1, 0)}


@pytest.mark.django_db(transaction=True)
def test_flushes_at_once_in_one_process_count_once():
    for _ in range(10):
        terms.search_count(query="wonen", found=0, day=DAY)
    assert at_once(terms.search_counts_flush, 4) == []
    assert stored() == {"wonen": (10, 10)}


@pytest.mark.django_db(transaction=True)
def test_flushes_at_once_from_many_processes_add_up():
    """Each process stores its own counts; at the same moment, none is lost or doubled."""
    counts = {(WEEK, "wonen"): [2, 1], (WEEK, "zorg"): [1, 0]}
    assert at_once(lambda: terms.search_counts_store(counts), 6) == []
    assert stored() == {"wonen": (12, 6), "zorg": (6, 0)}


@pytest.mark.django_db
def test_a_flood_of_random_queries_keeps_the_bounds():
    terms.search_count(query="wonen", found=1, day=DAY)
    rng = random.Random(15)

    def flood(count):
        for _ in range(count):
            query = "".join(rng.choices(string.ascii_lowercase, k=12))
            terms.search_count(query=query, found=0, day=DAY)

    flood(10_000)
    assert len(terms._pending.counts) == terms.MAX_PENDING
    assert terms.search_counts_due()  # stored at once, not after the interval
    terms.search_counts_flush()
    assert SearchTermWeek.objects.filter(week=WEEK).count() == terms.MAX_QUERIES_PER_WEEK
    flood(2_000)
    terms.search_count(query="wonen", found=1, day=DAY)
    flood(8_000)
    terms.search_counts_flush()
    assert SearchTermWeek.objects.filter(week=WEEK).count() == terms.MAX_QUERIES_PER_WEEK
    assert SearchTermWeek.objects.get(query="wonen").searches == 2  # a known query still counts


class UnreachableCache(BaseCache):
    """A cache whose every call fails, as Redis does when it is down."""

    def __init__(self, location, params):
        super().__init__(params)

    def __getattribute__(self, name):
        if name in {"get", "set", "add", "incr", "get_many", "set_many", "delete", "touch"}:
            raise ConnectionError("cache down")
        return super().__getattribute__(name)


@pytest.mark.django_db
def test_counting_needs_no_cache():
    broken = {"BACKEND": f"{__name__}.UnreachableCache"}
    with override_settings(CACHES={"default": broken, "pages": broken}):
        terms.search_count(query="wonen", found=0, day=DAY)
        terms.search_counts_flush()
    assert stored() == {"wonen": (1, 1)}


@pytest.mark.django_db
def test_old_weeks_are_pruned():
    SearchTermWeek.objects.create(week=WEEK, query="nieuw", searches=1)
    old = WEEK - datetime.timedelta(weeks=terms.WEEKS_KEPT + 1)
    SearchTermWeek.objects.create(week=old, query="oud", searches=1)
    assert terms.search_terms_prune(today=DAY) == 1
    assert list(SearchTermWeek.objects.values_list("query", flat=True)) == ["nieuw"]


# The report --------------------------------------------------------------------------------

REPORT = "/admin/rapporten/zoekopdrachten/"


def terms_create(count: int, *, week=WEEK, prefix="zoekterm"):
    SearchTermWeek.objects.bulk_create(
        SearchTermWeek(week=week, query=f"{prefix} {i:02}", searches=100 - i, without_results=i % 3)
        for i in range(count)
    )


@pytest.mark.django_db
def test_the_report_lists_the_weeks_top_and_what_found_nothing(client, editor):
    terms_create(60)
    SearchTermWeek.objects.create(
        week=WEEK - datetime.timedelta(weeks=1), query="vorige week", searches=500
    )
    client.force_login(editor)
    html = client.get(REPORT, {"week": "2026-W48"}).content.decode()
    assert "Meest gezocht in week 48 van 2026" in html
    assert "Zonder resultaat in week 48 van 2026" in html
    top = html.split('id="meest-gezocht"')[1].split('id="zonder-resultaat"')[0]
    assert top.index("zoekterm 00") < top.index("zoekterm 01")
    assert "zoekterm 49" in top and "zoekterm 50" not in top  # the top 50
    assert "vorige week" not in top
    without = html.split('id="zonder-resultaat"')[1]
    assert "zoekterm 02" in without and "zoekterm 03" not in without  # 3 % 3 == 0
    assert without.index("zoekterm 02") < without.index("zoekterm 01")  # 2 before 1
    assert 'value="2026-W47"' in html  # the week before can be chosen


@pytest.mark.django_db
def test_the_report_reads_a_fixed_number_of_queries(client, editor):
    client.force_login(editor)
    terms_create(2)
    client.get(REPORT, {"week": "2026-W48"})
    with CaptureQueriesContext(connection) as few:
        client.get(REPORT, {"week": "2026-W48"})
    terms_create(60, prefix="meer")
    terms_create(30, week=WEEK - datetime.timedelta(weeks=1))
    with CaptureQueriesContext(connection) as many:
        response = client.get(REPORT, {"week": "2026-W48"})
    assert response.content.decode().count('<td class="title">') > 50
    assert len(many) == len(few)


@pytest.mark.django_db
@pytest.mark.parametrize("week", ["", "2026-W99", "gisteren", "0-W1"])
def test_the_report_takes_any_week_parameter(client, editor, week):
    client.force_login(editor)
    response = client.get(REPORT, {"week": week})
    assert response.status_code == 200
    assert "In deze week is nog niet gezocht." in response.content.decode()


@pytest.mark.django_db
def test_the_report_is_in_the_editors_reports_menu_in_dutch(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Rapporten" in html
    assert "Zoekopdrachten" in html
    assert REPORT in html


@pytest.mark.django_db
def test_the_report_is_for_editors_only(client, member_client):
    assert client.get(REPORT).status_code == 302
    assert member_client.get(REPORT).status_code == 302
