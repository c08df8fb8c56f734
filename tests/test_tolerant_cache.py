"""The Redis cache tolerates an outage: a stopped or hung Redis costs a request at most one
short timeout, and what Redis missed meanwhile is deleted from it before it is read again."""

import os
import signal
import subprocess
import time

import pytest
import redis

from tests.servers import free_port
from wijkportaal import cache as tolerant
from wijkportaal.cache import TolerantRedisCache


@pytest.fixture
def redis_server():
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port, socket_timeout=1)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield process, port
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def cache(redis_server, monkeypatch):
    monkeypatch.setattr(tolerant, "breaker", tolerant._Breaker())
    return TolerantRedisCache(f"redis://127.0.0.1:{redis_server[1]}/0", {})


def timed(call):
    start = time.monotonic()
    result = call()
    return result, time.monotonic() - start


def breaker_closes():
    """As if the pause after a failure had passed."""
    tolerant.breaker.down_until = 0.0


def test_a_stopped_redis_is_a_miss_and_is_left_alone(cache, redis_server):
    cache.set("sleutel", "waarde")
    assert cache.get("sleutel") == "waarde"
    redis_server[0].terminate()
    redis_server[0].wait(timeout=10)

    value, first = timed(lambda: cache.get("sleutel", "niets"))
    assert value == "niets" and first < tolerant.SOCKET_TIMEOUT + 0.2
    _, rest = timed(lambda: [cache.get_many(["a", "b"]) for _ in range(50)])
    assert rest < 0.05  # not asked again during the pause
    cache.set("sleutel", "nieuw")  # dropped, not raised
    assert cache.add("ander", 1) is False
    with pytest.raises(ValueError):
        cache.incr("teller")


def test_a_hung_redis_costs_one_short_timeout(cache, redis_server):
    cache.set("sleutel", "waarde")
    os.kill(redis_server[0].pid, signal.SIGSTOP)
    try:
        value, first = timed(lambda: cache.get("sleutel"))
        assert value is None
        assert tolerant.SOCKET_TIMEOUT - 0.05 < first < tolerant.SOCKET_TIMEOUT + 0.25
        _, rest = timed(lambda: [cache.get("sleutel") for _ in range(20)])
        assert rest < 0.05
    finally:
        os.kill(redis_server[0].pid, signal.SIGCONT)
    breaker_closes()
    assert cache.get("sleutel") == "waarde"  # back, with no restart


def test_what_redis_missed_is_deleted_before_it_is_read_again(cache, redis_server):
    cache.set("sessie", "nog ingelogd")
    cache.set("versie", "oud")
    cache.set("onaangeroerd", "blijft")
    os.kill(redis_server[0].pid, signal.SIGSTOP)
    try:
        cache.delete("sessie")  # a logout Redis did not hear
        cache.set_many({"versie": "nieuw"})  # a retirement it did not hear
    finally:
        os.kill(redis_server[0].pid, signal.SIGCONT)
    breaker_closes()
    assert cache.get("sessie") is None
    assert cache.get("versie") is None
    assert cache.get("onaangeroerd") == "blijft"


def test_too_much_missed_empties_the_cache(cache, redis_server, monkeypatch):
    monkeypatch.setattr(tolerant, "MAX_PENDING", 3)
    cache.set("onaangeroerd", "blijft")
    os.kill(redis_server[0].pid, signal.SIGSTOP)
    try:
        cache.set_many({f"sleutel-{n}": n for n in range(5)})
    finally:
        os.kill(redis_server[0].pid, signal.SIGCONT)
    breaker_closes()
    assert cache.get("onaangeroerd") is None


def test_what_redis_missed_is_caught_up_without_another_request(cache, redis_server):
    """Other processes read Redis too: the process that missed a write tells Redis as soon as it
    answers, whether or not it serves anything meanwhile."""
    cache.set("sessie", "nog ingelogd")
    raw = redis.Redis(port=redis_server[1])
    [stored_key] = raw.keys("*sessie*")
    os.kill(redis_server[0].pid, signal.SIGSTOP)
    try:
        cache.delete("sessie")
    finally:
        os.kill(redis_server[0].pid, signal.SIGCONT)
    deadline = time.monotonic() + 5 * tolerant.CATCH_UP_INTERVAL + tolerant.SOCKET_TIMEOUT
    while (raw.exists(stored_key) or tolerant.breaker.open) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not raw.exists(stored_key)
    assert not tolerant.breaker.open  # and the cache is used again, before the pause is over
