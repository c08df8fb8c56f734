"""The cache cannot be flooded: made-up query parameters never reach it, and however many pages
it holds, what must not be lost (the failed-login counters) lives elsewhere."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.conftest import MEMBER_PASSWORD
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def page_entries() -> int:
    return len(caches["pages"]._cache)


@pytest.mark.parametrize(
    ("asked", "sent_to"),
    [
        ("/artikelen/?utm_source=nieuwsbrief", "/artikelen/"),
        ("/artikelen/?page=2&fbclid=abc", "/artikelen/?page=2"),
        ("/zoeken/?q=buurt&x=1&thema=wonen", "/zoeken/?q=buurt&thema=wonen"),
        ("/?%3Cscript%3E=1", "/"),
    ],
)
def test_unknown_parameters_are_redirected_away(client, article_index, asked, sent_to):
    response = client.get(asked)
    assert response.status_code == 302
    assert response["Location"] == sent_to
    assert "no-store" in response["Cache-Control"]


def test_known_parameters_are_served(client, article_index):
    ArticlePageFactory(parent=article_index)
    assert client.get("/artikelen/?page=1&jaar=2024").status_code == 200


def test_random_parameters_store_nothing(client, member_client, article_index):
    ArticlePageFactory(parent=article_index)
    client.get("/artikelen/")
    member_client.get("/artikelen/")
    kept = page_entries()
    assert kept > 0
    for number in range(200):
        client.get(f"/artikelen/?r{number}={number}")
        member_client.get(f"/artikelen/?r{number}={number}")
    assert page_entries() == kept


def test_the_same_query_in_another_order_is_one_entry(client, article_index):
    client.get("/artikelen/?jaar=2024&page=1")
    kept = page_entries()
    response = client.get("/artikelen/?page=1&jaar=2024")
    assert response["X-Cache"] == "hit"
    assert page_entries() == kept


def test_a_lockout_holds_while_the_page_cache_is_flooded(settings, article_index, member):
    """Five wrong passwords lock the address out; then a flood of pages fills the page cache
    (evicting what it held) and the right password is still refused."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "flood",
            "OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2},
        },
    }
    ArticlePageFactory(parent=article_index)
    client, visitor = Client(), Client()
    for _ in range(5):
        client.post("/accounts/login/", {"login": member.email, "password": "fout-fout-1234"})

    visitor.get("/artikelen/?page=1")
    [first] = [key for key in caches["pages"]._cache if "page-cache:" in key]
    for number in range(2, 30):  # valid pages (the last one answers past the end): all kept
        visitor.get(f"/artikelen/?page={number}")
    assert page_entries() <= 20
    assert first not in caches["pages"]._cache  # the first page was evicted

    response = client.post("/accounts/login/", {"login": member.email, "password": MEMBER_PASSWORD})
    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session
