"""Signing up costs the same for an address that has an account as for a new one, so neither the
answer nor its timing tells who is a member (ACCOUNT_PREVENT_ENUMERATION)."""

import time

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django_tasks.signals import task_enqueued

from tests.accounts.mails import PASSWORD, confirmed_member

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    """The tests' fast hasher, counting how often it hashes."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def signup(client, email):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_signup_does_the_same_work_for_a_known_and_a_new_address(client, settings, mailoutbox):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    confirmed_member(email="bekend@example.org")
    tasks = []

    def enqueued(sender, task_result, **kwargs):
        tasks.append(task_result.task.name)

    task_enqueued.connect(enqueued)
    outcomes = {}
    try:
        for kind, email in (("known", "bekend@example.org"), ("new", "nieuw@example.org")):
            CountingHasher.calls, tasks[:], mailoutbox[:] = 0, [], []
            response = signup(client, email)
            outcomes[kind] = (
                response.status_code,
                response["Location"],
                CountingHasher.calls,
                len(tasks),
                [mail.to for mail in mailoutbox],
            )
    finally:
        task_enqueued.disconnect(enqueued)
    # The same answer, one password hashed, one mail queued as a task and sent.
    assert outcomes["known"] == (302, "/accounts/confirm-email/", 1, 1, [["bekend@example.org"]])
    assert outcomes["new"] == (302, "/accounts/confirm-email/", 1, 1, [["nieuw@example.org"]])


def test_signup_takes_about_as_long_for_a_known_and_a_new_address(client, settings):
    """With the real (slow) password hasher, the fastest of five runs each within a factor of two
    (before, a known address answered in about 3 % of the time). The fastest run, because load on
    the machine only ever adds time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    confirmed_member(email="bekend@example.org")
    durations = {"known": [], "new": []}
    for run in range(5):
        for kind, email in (("known", "bekend@example.org"), ("new", f"nieuw-{run}@example.org")):
            start = time.perf_counter()
            assert signup(client, email).status_code == 302
            durations[kind].append(time.perf_counter() - start)
    known, new = min(durations["known"]), min(durations["new"])
    assert 0.5 < known / new < 2, durations
