"""Search-as-you-type: `/zoeken/suggesties/?q=` gives the titles of public pages, bounded."""

import pytest
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search.suggestions import LIMIT, title_suggestions
from tests.factories import ArticlePageFactory, EventPageFactory, pages_bulk

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"
URL = "/zoeken/suggesties/"


def suggest(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data) -> list[str]:
    return [item["title"] for item in data["suggestions"]]


@pytest.fixture
def pages(article_index, event_index):
    article = ArticlePageFactory(
        parent=article_index, title="Veiligheid in de wijk", slug="veiligheid-in-de-wijk"
    )
    ArticlePageFactory(parent=article_index, title="Sociale veiligheid op straat")
    EventPageFactory(
        parent=event_index, title="Veiligheidsavond Havenstad", slug="veiligheidsavond"
    )
    ArticlePageFactory(parent=article_index, title="Wonen en zorg")
    return article


def test_titles_matching_the_typed_words_with_url_and_type(client, pages):
    data = suggest(client, "veilig")
    assert data["q"] == "veilig"
    assert set(titles(data)) == {
        "Veiligheid in de wijk",
        "Sociale veiligheid op straat",
        "Veiligheidsavond Havenstad",
    }
    # A title that starts with what was typed comes first.
    assert titles(data)[-1] == "Sociale veiligheid op straat"
    by_title = {item["title"]: item for item in data["suggestions"]}
    assert by_title["Veiligheid in de wijk"] == {
        "title": "Veiligheid in de wijk",
        "url": "/artikelen/veiligheid-in-de-wijk/",
        "type": "Artikel",
    }
    assert by_title["Veiligheidsavond Havenstad"]["url"] == "/evenementen/veiligheidsavond/"
    assert by_title["Veiligheidsavond Havenstad"]["type"] == "Evenement"
    # Every word counts, the last one half typed; titles with only similar words come after.
    assert titles(suggest(client, "veiligheid wij"))[0] == "Veiligheid in de wijk"
    assert titles(suggest(client, "VEILIGHEID   havenst"))[0] == "Veiligheidsavond Havenstad"
    assert titles(suggest(client, "wonen zorg")) == ["Wonen en zorg"]


@pytest.mark.skipif(not POSTGRES, reason="trigram similarity is PostgreSQL's")
def test_a_typo_still_finds_the_title(client, pages):
    assert "Veiligheid in de wijk" in titles(suggest(client, "veiligheit"))


def test_restricted_and_unpublished_pages_are_never_suggested(client, pages, article_index):
    login = ArticlePageFactory(parent=article_index, title="Veiligheid besloten overleg")
    PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    password = ArticlePageFactory(parent=article_index, title="Veiligheid wachtwoordnotitie")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    ArticlePageFactory(parent=article_index, title="Veiligheid concept", live=False)
    unpublished = ArticlePageFactory(parent=article_index, title="Veiligheid ingetrokken")
    unpublished.unpublish()
    # Unpublished without the search index hearing of it: its search row is still there.
    stale = ArticlePageFactory(parent=article_index, title="Veiligheid verouderd")
    Page.objects.filter(pk=stale.pk).update(live=False)

    for query in ("veilig", "veiligheid", "besloten", "wachtwoordnotitie", "concept", "verouderd"):
        found = titles(suggest(client, query))
        assert not {
            "Veiligheid besloten overleg",
            "Veiligheid wachtwoordnotitie",
            "Veiligheid concept",
            "Veiligheid ingetrokken",
            "Veiligheid verouderd",
        } & set(found), (query, found)
    assert len(titles(suggest(client, "veilig"))) == 3


def test_at_most_eight_and_newest_first_among_equals(client, article_index):
    pages_bulk(ArticlePageFactory, article_index, 20, title="Buurtbudget")
    from search.index import documents_rebuild

    documents_rebuild()
    data = suggest(client, "buurtbudget")
    assert len(data["suggestions"]) == LIMIT == 8


BAD = [
    "",
    "a",
    "ab",
    "  ",
    "\x00",
    "\x00veilig\x00",
    "x" * 10_000,
    "veilig " * 2_000,
    "-",
    "*",
    "- * -veilig*",
    '"veilig"',
    "'; DROP TABLE search_searchdocument; --",
    "%%%",
    "___",
    "%_veil%",
    "безопасность",
    "安全",
    "🏠🏠🏠",
]


def test_bad_input_gets_json_not_an_error(client, pages):
    for query in BAD:
        data = suggest(client, query)
        assert isinstance(data["suggestions"], list), query
        assert len(data["suggestions"]) <= LIMIT
    assert suggest(client, "")["suggestions"] == []
    assert suggest(client, "ab")["suggestions"] == []
    # LIKE's wildcards are plain characters to the search: they match nothing by themselves.
    assert suggest(client, "%%%")["suggestions"] == []
    assert suggest(client, "___")["suggestions"] == []
    assert "Veiligheid in de wijk" in titles(suggest(client, "\x00veilig\x00"))
    assert "Veiligheid in de wijk" in titles(suggest(client, '"veilig"'))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == {"q": "", "suggestions": []}
    assert client.post(URL, {"q": "veilig"}).status_code == 405
    # A parameter the page does not read is sent away (pagecache), not answered.
    assert client.get(URL, {"q": "veilig", "x": "1"}).status_code == 302


def test_one_query_and_cached_for_visitors(
    client, pages, django_assert_num_queries, django_assert_max_num_queries
):
    suggest(client, "wonen")  # the sites and view restrictions, read once per process
    with django_assert_num_queries(1):
        assert len(title_suggestions("veiligheid")) == 3
    # The page cache's shared render runs a view twice when its answer is not HTML.
    with django_assert_max_num_queries(2):
        response = client.get(URL, {"q": "veilig"})
    assert response["X-Cache"] == "miss"
    assert "public" in response["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get(URL, {"q": "veilig"})
    assert again["X-Cache"] == "hit"
    assert again.json() == response.json()


def test_a_newly_published_page_is_suggested_at_once(client, pages, article_index):
    assert titles(suggest(client, "wonen")) == ["Wonen en zorg"]
    page = ArticlePageFactory(parent=article_index, title="Wonen in Havenstad", live=False)
    page.save_revision().publish()
    assert set(titles(suggest(client, "wonen"))) == {"Wonen en zorg", "Wonen in Havenstad"}


def test_members_get_the_same_suggestions(member_client, pages):
    data = suggest(member_client, "veilig")
    assert len(data["suggestions"]) == 3
