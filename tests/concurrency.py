"""Run one call from several threads at the same moment, for the race tests."""

import itertools
import queue
import threading

from django.db import connection, connections


def at_once(call, times: int, *, timeout: float = 60) -> list[Exception]:
    """Call `call()` `times` times, all starting together on PostgreSQL; the errors raised.

    SQLite lets one writer in at a time, so there the calls run one after another: the same
    idempotency, without the race. Each thread closes its own database connections.
    """
    errors: list[Exception] = []

    def run(barrier):
        try:
            if barrier:
                barrier.wait(timeout=10)
            call()
        except Exception as error:  # noqa: BLE001 - the caller asserts there are none
            errors.append(error)
        finally:
            if barrier:
                connections.close_all()

    if connection.vendor == "postgresql":
        barrier = threading.Barrier(times)
        threads = [threading.Thread(target=run, args=(barrier,)) for _ in range(times)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=timeout)
    else:
        for _ in range(times):
            run(None)
    return errors


def taking_turns(*calls):
    """One call that runs `calls` in turn, whichever thread calls it."""
    lock, turns = threading.Lock(), itertools.cycle(calls)

    def call():
        with lock:
            chosen = next(turns)
        chosen()

    return call


def posts_taking_turns(user, posts, answers: list, *, clients: int):
    """One call that sends the POSTs `posts` ([(path, data)]) in turn as `user`, each from a free
    client of a pool of `clients` logged-in ones, and notes each answer's status in `answers`."""
    from django.test import Client

    pool = queue.SimpleQueue()
    for _ in range(clients):
        client = Client()
        client.force_login(user)
        pool.put(client)

    def post(path, data):
        def call():
            client = pool.get()
            try:
                response = client.post(path, data)
            finally:
                pool.put(client)
            answers.append(response.status_code)

        return call

    return taking_turns(*(post(path, data) for path, data in posts))
