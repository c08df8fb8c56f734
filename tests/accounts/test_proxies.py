"""Client addresses behind proxies: the per-address login limit counts each client on its own
when, and only when, `TRUSTED_PROXY_COUNT` says how many proxies add to X-Forwarded-For."""

from pathlib import Path

import pytest
import yaml
from django.test import Client

from tests.accounts.conftest import PASSWORD
from tests.test_settings import PRODUCTION, run_manage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.2"
#: allauth's `login_failed` limit per address: "10/m/ip" (ACCOUNT_RATE_LIMITS).
PER_ADDRESS = 10
WRONG = "niet-het-wachtwoord"


def login(client, email, password, **meta):
    return client.post("/accounts/login/", {"login": email, "password": password}, **meta)


def fail_logins(forwarded_for, *, remote_addr=PROXY):
    """`PER_ADDRESS` failed logins, each for another address, so only the per-address limit
    (not the 5 per e-mail address) is reached; `forwarded_for(i)` gives each X-Forwarded-For."""
    for i in range(PER_ADDRESS):
        response = login(
            Client(),
            f"onbekend{i}@example.org",
            WRONG,
            REMOTE_ADDR=remote_addr,
            HTTP_X_FORWARDED_FOR=forwarded_for(i),
        )
        assert response.status_code == 200


def may_log_in(member, **meta) -> bool:
    client = Client()
    response = login(client, member.email, PASSWORD, **meta)
    assert response.status_code in (200, 302)
    return client.session.get("_auth_user_id") == str(member.pk)


def test_without_trusted_proxies_a_spoofed_forwarded_for_is_ignored(settings, member):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    fail_logins(lambda i: f"198.51.100.{i}", remote_addr="192.0.2.1")
    assert not may_log_in(member, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert may_log_in(member, REMOTE_ADDR="192.0.2.2")


def test_behind_one_proxy_each_client_has_its_own_limit(settings, member):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    fail_logins(lambda i: "203.0.113.5")
    assert not may_log_in(member, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert may_log_in(member, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")


def test_behind_one_proxy_what_the_client_wrote_itself_is_not_trusted(settings, member):
    """The proxy appends the address it sees; what stands before it came from the client."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    fail_logins(lambda i: f"192.0.2.{i}, 203.0.113.5")
    assert not may_log_in(
        member, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.5"
    )
    assert may_log_in(member, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.5, 198.51.100.7")


@pytest.mark.parametrize(
    ("count", "forwarded_for"),
    [
        (2, "203.0.113.5"),  # fewer entries than proxies: it did not pass them all
        (1, "geen-adres"),
        (1, ""),
        (1, " , "),
        (1, "[::1"),
        (3, "1.1.1.1,,2.2.2.2"),
    ],
)
def test_a_malformed_forwarded_for_counts_as_the_direct_peer(
    settings, member, count, forwarded_for
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
    fail_logins(lambda i: forwarded_for)
    assert not may_log_in(member, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert may_log_in(member, REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR=forwarded_for)


SHOW = "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"


@pytest.mark.parametrize(("env", "count"), [({}, "0"), ({"TRUSTED_PROXY_COUNT": "1"}, "1")])
def test_the_environment_says_how_many_proxies_to_trust(env, count):
    result = run_manage("shell", "-c", SHOW, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == count


def test_the_compose_stack_trusts_the_tls_proxy_and_varnish_in_front_of_it():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["services"]["web"]["environment"]["TRUSTED_PROXY_COUNT"] == (
        "${TRUSTED_PROXY_COUNT:-2}"
    )
    assert "\nTRUSTED_PROXY_COUNT=" in (ROOT / ".env.example").read_text()
