"""With Redis, a process serves the visitors' pages it read last from its own memory, without a
round trip, while the versions it read with them are at most `RECENT_TRUST` seconds old
(wijkportaal.cache.entry_get_recent). A change made in the process shows at once, one made
elsewhere within that time; a Redis that stops answering is not trusted."""

import time

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pagecache.versions import CONTENT, STRUCTURE
from tests.test_tolerant_cache import redis_server  # noqa: F401 (a fixture)
from wijkportaal import cache as tolerant

pytestmark = pytest.mark.django_db

TRUST = 0.5


@pytest.fixture
def redis_pages(settings, redis_server, monkeypatch):  # noqa: F811
    """The pages cache in a Redis of its own, as in production; a process memory of its own."""
    monkeypatch.setattr(tolerant, "breaker", tolerant._Breaker())
    monkeypatch.setattr(tolerant, "recent", tolerant._Recent())
    monkeypatch.setattr(tolerant, "RECENT_TRUST", TRUST)
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "wijkportaal.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server[1]}/0",
        },
    }
    return redis.Redis(port=redis_server[1])


def reads(raw) -> int:
    """Reads Redis has answered (each page lookup is one MGET)."""
    stats = raw.info("commandstats")
    return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("mget", "get"))


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


def test_a_page_read_again_is_served_from_memory_with_the_same_headers(
    client, redis_pages, article
):
    miss, _ = get(client, article.url)
    from_redis, _ = get(client, article.url)
    before = reads(redis_pages)
    served = [get(client, article.url) for _ in range(5)]
    assert reads(redis_pages) == before  # not one round trip
    assert (miss["X-Cache"], from_redis["X-Cache"]) == ("miss", "hit")
    for response, queries in served:
        assert response["X-Cache"] == "hit"
        assert queries == 0
        assert response.content == miss.content
        assert {k: v for k, v in response.items() if k != "X-Cache"} == {
            k: v for k, v in miss.items() if k != "X-Cache"
        }
        assert not response.cookies
    assert "script-src 'self'" in served[0][0]["Content-Security-Policy"]
    assert "camera=()" in served[0][0]["Permissions-Policy"]


def test_a_change_made_in_this_process_shows_at_once(client, redis_pages, article):
    get(client, article.url)
    assert get(client, article.url)[0]["X-Cache"] == "hit"
    article.title = "Een titel van zojuist"
    article.save_revision().publish()
    response, _ = get(client, article.url)
    assert response["X-Cache"] == "miss"
    assert "Een titel van zojuist" in response.content.decode()


def test_a_change_made_elsewhere_shows_within_the_trust(client, redis_pages, article):
    get(client, article.url)
    assert get(client, article.url)[0]["X-Cache"] == "hit"
    # Another process retires the content version: it writes Redis, not this memory.
    [version_key] = redis_pages.keys(f"*version:{CONTENT}")
    redis_pages.set(version_key, b"1")  # a token as any other
    assert get(client, article.url)[0]["X-Cache"] == "hit"  # until the trust runs out
    time.sleep(TRUST + 0.05)
    assert get(client, article.url)[0]["X-Cache"] == "miss"


def test_a_redis_that_stopped_is_not_trusted(client, redis_pages, redis_server, article):  # noqa: F811
    get(client, article.url)
    assert get(client, article.url)[0]["X-Cache"] == "hit"
    # Another process publishes while this one loses Redis: what this one kept is left alone.
    [version_key] = redis_pages.keys(f"*version:{STRUCTURE}")
    redis_pages.set(version_key, b"2")
    redis_server[0].terminate()
    redis_server[0].wait(timeout=10)
    tolerant.pages_cache().get("iets")  # this process finds out (any call does)
    response, queries = get(client, article.url)
    assert response.status_code == 200
    assert "X-Cache" not in response or response["X-Cache"] == "miss"
    assert queries > 0  # rendered
    assert not response.cookies


def test_clearing_the_cache_forgets_the_memory(client, redis_pages, article):
    get(client, article.url)
    get(client, article.url)
    assert tolerant.recent.entries
    tolerant.pages_cache().clear()
    assert not tolerant.recent.entries
    assert get(client, article.url)[0]["X-Cache"] == "miss"


def test_the_memory_keeps_at_most_its_size(monkeypatch):
    monkeypatch.setattr(tolerant, "RECENT_MAX_BYTES", 16 * 1000)
    memory = tolerant._Recent()
    for number in range(40):
        memory.keep(f"pagina-{number}", ("v",), b"x" * 900, 900)
    assert memory.size <= 16 * 1000
    assert memory.get("pagina-0", ("v",)) is None  # the least recently served went first
    assert memory.get("pagina-39", ("v",)) == b"x" * 900
    assert memory.get("pagina-39", ("ander",)) is None  # under another stamp: dropped
    assert "pagina-39" not in memory.entries
    memory.keep("groot", ("v",), b"", 16 * 1000)  # too big to keep at all
    assert "groot" not in memory.entries
